/**
 * Every user-facing text of the pane, in Norwegian Bokmål (nb-NO; Nynorsk users get it too, as
 * the function help does). Same shape as en.ts (`Strings`): a missing or extra key fails to
 * compile. Written in the vocabulary of Norwegian customer analytics (kundelojalitet for the
 * segments, kundebevaring for retention, frafall, kundeverdi, dekningsbidrag, gjenkjøp), not
 * word for word; Excel's own Norwegian terms where the pane points at Excel (Se gjennom ›
 * Beskytt arbeidsbok, SANN/USANN). Numbers and dates go through `f`.
 */
import type { Segment } from "../../analytics/segments/loyaltySegment";
import type { BehaviourMeasure } from "../model/behaviour";
import type { TimeUnit } from "../../analytics/orders/timeUnit";
import type { AttitudeScale, BtydRole, Role } from "../model/mapping";
import type { IssueReason } from "../model/segmentRun";
import type { PeriodKind } from "../../analytics/orders/calendarPeriods";
import type { LogIssue, RetentionSource } from "../retention/retentionRun";
import type { CohortIssue, CohortRole } from "../retention/cohortLongTable";
import type { PeriodTableIssue, PeriodTableRole } from "../retention/periodRetentionTable";
import type { Formatter } from "../i18n/format";
import type { FitRefusal } from "../../analytics/numeric/fitBoundary";
import type { SheetChange } from "../excel/types";
import type { RefusalReason } from "../warehouse/warehouseSql";
import type { HoldoutIssue, HoldoutRole } from "../model/holdoutTable";
import type { ClvRunProblem } from "../warehouse/clvGroupsRun";
import type { Strings } from "./en";

const ROLE_NAMES: Record<Role, string> = {
  id: "Kunde-ID",
  attitude: "Holdning",
  recency: "Recency (siste kjøp)",
  firstOrder: "Dato for første ordre",
  frequency: "Frekvens (ordrer)",
  monetary: "Omsetning",
  cost: "Betjeningskostnad",
  priceDriven: "Andel kjøpt på tilbud",
  recurring: "Løpende inntekt",
  weight: "Kunder per rad (vekt)",
};

const ROLE_IN_SENTENCE: Record<Role, string> = {
  id: "kunde-ID",
  attitude: "holdningsverdi",
  recency: "recency",
  firstOrder: "dato for første ordre",
  frequency: "antall ordrer",
  monetary: "omsetning",
  cost: "betjeningskostnad",
  priceDriven: "tilbudsandel",
  recurring: "løpende inntekt",
  weight: "kunder per rad",
};

const SCALE_RANGE: Record<AttitudeScale, string> = {
  recommend: "anbefalingsverdi ikke mellom 0 og 10",
  satisfaction: "tilfredshetsverdi ikke mellom 1 og 5",
  referrals: "antall anbefalinger ikke et helt tall på 0 eller mer",
};

/** Gender and definite forms: "en senere uke", "et senere kvartal", "uken", "kvartalet". */
const PERIOD: Record<PeriodKind, { noun: string; plural: string; the: string; later: string; pronoun: string; each: string; whole: string; first: string; per: string }> = {
  week: { noun: "Uke", plural: "Uker", the: "uken", later: "en senere uke", pronoun: "den", each: "hver senere uke", whole: "en hel uke", first: "den første uken", per: "per uke" },
  month: { noun: "Måned", plural: "Måneder", the: "måneden", later: "en senere måned", pronoun: "den", each: "hver senere måned", whole: "en hel måned", first: "den første måneden", per: "per måned" },
  quarter: { noun: "Kvartal", plural: "Kvartaler", the: "kvartalet", later: "et senere kvartal", pronoun: "det", each: "hvert senere kvartal", whole: "et helt kvartal", first: "det første kvartalet", per: "per kvartal" },
  year: { noun: "År", plural: "År", the: "året", later: "et senere år", pronoun: "det", each: "hvert senere år", whole: "et helt år", first: "det første året", per: "per år" },
};

/** "en måned" and where such periods start, for messages about cohort and period starts. */
const PERIOD_A: Record<PeriodKind, string> = { week: "en uke", month: "en måned", quarter: "et kvartal", year: "et år" };
/** "hver uke", "hvert kvartal": one row for every period of the table. */
const PERIOD_EVERY: Record<PeriodKind, string> = { week: "hver uke", month: "hver måned", quarter: "hvert kvartal", year: "hvert år" };
const PERIOD_STARTS: Record<PeriodKind, string> = {
  week: "uker starter på mandag",
  month: "måneder starter den 1.",
  quarter: "kvartaler starter 1. januar, 1. april, 1. juli eller 1. oktober",
  year: "år starter 1. januar",
};

/** A change someone else made on the sheet, in words: "cellen J7 ble endret", "en kolonne ble satt inn (D:D)". */
function changeText(change: SheetChange): string {
  const a = change.address;
  const many = a.includes(":");
  switch (change.kind) {
    case "edited":
      return many ? `cellene ${a} ble endret` : `cellen ${a} ble endret`;
    case "inserted":
      return /^[A-Z]+:[A-Z]+$/.test(a) ? `en kolonne ble satt inn (${a})` : /^\d+:\d+$/.test(a) ? `en rad ble satt inn (${a})` : `celler ble satt inn ved ${a}`;
    case "deleted":
      return `celler ble slettet (${a})`;
    case "sorted":
      return `rader ble sortert (${a})`;
    case "resized":
      return `dataområdet ble større eller mindre (nå ${a})`;
  }
}

/** "3 celler som Loyalty Lens hadde skrevet, ble tømt igjen; 1 celle som du hadde endret, ble stående som den er." */
function undoText(f: Formatter, cleared: number, kept: number): string {
  const out = `${cleared === 1 ? "1 celle" : `${f.integer(cleared)} celler`} som Loyalty Lens hadde skrevet, ble tømt igjen`;
  return kept === 0 ? `${out}.` : `${out}; ${kept === 1 ? "1 celle" : `${f.integer(kept)} celler`} som du hadde endret, ble stående som ${kept === 1 ? "den er" : "de er"}.`;
}

/** Segment names as the pane shows them (also inside the price-override text). */
const SEGMENT_LABEL: Record<Segment, string> = { Loyal: "Lojal", Reachable: "Påvirkbar", "Locked-in": "Innelåst", "High-risk": "Høy risiko" };

const rowWord = (n: number): string => (n === 1 ? "rad" : "rader");

/** The Norwegian Bokmål strings with numbers and dates in `f`. */
export function norwegianStrings(f: Formatter): Strings {
  return {
    locale: f.locale,
    format: f,
    appTitle: "Loyalty Lens",
    appIntro: "Merk en kundetabell, klikk på Segmenter, og se hvem som er lojale og hva du bør gjøre videre.",
    loadingView: "Laster inn …",

    host: {
      noExcel: "Åpne denne ruten i Excel for å segmentere en arbeidsbok. Utenfor Excel kan den bare vise denne siden.",
      tooOld: (needed: string) =>
        `Denne versjonen av Excel er for gammel for segmenteringsruten: den krever ${needed} (Excel 2019, Microsoft 365 eller Excel på nettet). Oppdater Office og prøv igjen.`,
    },

    pick: {
      heading: "1. Velg dataene",
      useSelection: "Bruk merket område",
      reading: "Leser det merkede området …",
      editModeHint: "Venter fortsatt på Excel. Hvis en celle redigeres, trykker du Enter eller Esc i arket; ruten fortsetter av seg selv.",
      hint: "Merk kundetabellen (eller én celle i den), og klikk deretter på Bruk merket område.",
      picked: (address: string, rows: number) => `${address}: ${f.integer(rows)} ${rows === 1 ? "kunderad" : "kunderader"}`,
      headersCheckbox: "Første rad inneholder kolonnenavn",
    },

    map: {
      heading: "2. Koble kolonnene",
      summaryIntro: "Gjenkjent ut fra overskriftene:",
      change: "Endre",
      changeLabel: "Endre koblingen av kolonnene",
      advanced: "Flere valg: kostnad, rabattandel, løpende inntekt, kunder per rad, forventet kundeverdi",
      notMapped: "(ingen)",
      roles: ROLE_NAMES,
      roleHelp: {
        id: "Obligatorisk. Én rad per kunde.",
        attitude: "Hva kundene synes om dere.",
        recency: "Dager siden siste ordre, eller datoen for den.",
        firstOrder: "For ordrer per år som kunde.",
        frequency: "Antall ordrer.",
        monetary: "Omsetning fra kunden.",
        cost: "Valgfritt: for dekningsbidrag per segment.",
        priceDriven: `Valgfritt: SANN/USANN eller en andel fra 0 til 1; ${f.number(0.5)} eller mer regnes som prisdrevet.`,
        recurring: "Valgfritt: f.eks. månedlig inntekt.",
        weight: "Valgfritt: for en gruppert tabell, for eksempel fra datavarehus-SQL-en, hvor mange identiske kunder hver rad står for (et heltall, 1 eller mer). La den stå på (ingen) når hver rad er én kunde.",
      },
      columnOption: (letter: string, header: string | null) => (header ? `${header} (kolonne ${letter})` : `Kolonne ${letter}`),
      scaleLabel: "Holdning er målt som",
      scales: {
        recommend: "Sannsynlighet for å anbefale, 0–10",
        satisfaction: "Tilfredshet, 1–5",
        referrals: "Anbefalinger gitt (antall)",
      },
      recencyLabel: "Recency er oppgitt som",
      recencyKinds: { days: "Dager siden siste ordre", date: "Dato for siste ordre" },
    },

    behaviour: {
      heading: "3. Kjøpsatferd og terskel",
      measureLabel: "Mål for kjøpsatferd",
      measures: {
        rfmSum: "R + F + M (summen av RFM-sifrene)",
        ordersPerYear: "Ordrer per år som kunde",
        orders: "Antall ordrer",
        revenue: "Omsetning",
      },
      measureHelp: {
        rfmSum: "Recency, frekvens og omsetning får hver en poengsum fra 1 til 5 slik LOYALTY.RFMSCORE gir dem, og legges sammen (3–15).",
        ordersPerYear: "Ordrer delt på antall år siden første ordre; kunder som har vært kunder i under ett år, regnes som ett år.",
        orders: "Antall ordrer slik det er.",
        revenue: "Omsetningen slik den er.",
      },
      cutoffLabel: "Høy kjøpsatferd betyr",
      cutoffMedian: "Over medianen",
      cutoffAtLeast: "Minst en bestemt verdi",
      cutoffValueLabel: "Terskelverdi",
      groupsExplained:
        "Ambassadører (9–10) som kjøper mye, er lojale; kritikere (0–6) som kjøper mye, er innelåste; kritikere som kjøper lite, er høyrisikokunder; alle andre er påvirkbare. Prisdrevne kunder regnes aldri som lojale.",
      noBehaviour: "Koble en kolonne for frekvens, omsetning eller recency for å måle kjøpsatferden.",
    },

    run: {
      heading: "4. Segmenter",
      headingRfm: "3. Segmenter",
      target: "Skriv resultatet til",
      targetSheet: "Et nytt ark",
      newSheetProtected:
        "Det kan ikke legges til et nytt ark fordi arbeidsbokens struktur er beskyttet. Opphev beskyttelsen (Se gjennom › Beskytt arbeidsbok) for å skrive til et nytt ark, eller skriv en kolonne ved siden av dataene.",
      targetBeside: "En segmentkolonne ved siden av dataene",
      targetInsert: "En ny kolonne satt inn ved siden av dataene",
      bestEffort: "Bare et nytt ark garanterer at dataene dine blir stående urørte; ved siden av dataene stopper Loyalty Lens hvis arket endres mens det skrives.",
      segment: "Segmenter",
      segmentRfm: "Lag RFM-segmenter",
      rfmNoAttitude: "Ingen holdningskolonne er koblet, så dette blir RFM-segmenter, ikke de fire lojalitetsgruppene.",
      cancel: "Avbryt",
      phase: { reading: "Leser rader", computing: "Segmenterer", writing: "Skriver resultater", formatting: "Formaterer" },
      progress: (done: number, total: number) => `${f.integer(done)} av ${f.integer(total)} rader`,
      startOver: "Segmenter andre data",
      wroteSheet: (name: string) => `Resultatene står på arket «${name}».`,
      wroteColumn: "Resultatene står i segmentkolonnen ved siden av dataene.",
      notFormatted: "Verdiene er skrevet, men Excel kunne ikke legge til tabellen, fargene eller diagrammet.",
    },

    errors: {
      multipleAreas: "Flere områder er merket. Merk ett sammenhengende celleområde og prøv igjen.",
      empty: "Det merkede området er tomt. Merk kundetabellen (med overskriftsraden) og prøv igjen.",
      singleRow: "Det merkede området har bare én rad. Merk hele kundetabellen, én kunde per rad.",
      cellEditMode: "Excel er opptatt med å redigere en celle. Trykk Enter eller Esc i arket, og prøv igjen.",
      structureProtected:
        "Arbeidsbokens struktur er beskyttet, så det kan ikke legges til et nytt ark. Skriv heller en segmentkolonne ved siden av dataene, eller opphev beskyttelsen (Se gjennom › Beskytt arbeidsbok).",
      sheetProtected: "Arket med dataene er beskyttet, så det kan ikke legges til en kolonne der. Skriv heller til et nytt ark, eller opphev arkbeskyttelsen.",
      besideTaken: "Cellene til høyre for dataene er ikke tomme. Sett heller inn en ny kolonne, eller skriv til et nytt ark.",
      targetNotEmpty: (cell: string, cleared: number, kept: number) =>
        `Stoppet: Cellen ${cell} var ikke lenger tom da Loyalty Lens skulle skrive der, så innholdet ble lagt tilbake. ${undoText(f, cleared, kept)} Skriv til et nytt ark for sikkerhets skyld.`,
      changedWhileWriting: (change: SheetChange, cleared: number, kept: number) =>
        `Stoppet: ${changeText(change)} mens Loyalty Lens skrev. ${undoText(f, cleared, kept)} Dine egne celler ble ikke rørt. Skriv til et nytt ark for sikkerhets skyld, eller prøv igjen når ingen arbeider i arket.`,
      changedWhileReading: (change: SheetChange) =>
        `Stoppet: ${changeText(change)} mens Loyalty Lens leste dataene, så ingenting ble beregnet (radene ville blandet gamle og nye data). Ingenting i arbeidsboken ble endret. Prøv igjen når ingen arbeider i arket.`,
      payloadTooLarge: "Excel avviste selv den minste blokken med rader. Merk færre kolonner og prøv igjen.",
      sheetGone: "Arket med dataene har fått nytt navn eller er slettet. Velg dataene på nytt.",
      unknown: (detail: string) => `Excel rapporterte et problem: ${detail}`,
      cancelled: "Avbrutt. Ingenting ble liggende halvskrevet i arbeidsboken.",
      noId: "Koble kolonnen med kunde-ID først.",
      noAttitude:
        "Ingen holdningskolonne (sannsynlighet for å anbefale, tilfredshet eller anbefalinger) er koblet, så de fire lojalitetsgruppene kan ikke lages. Du kan i stedet lage RFM-segmenter (som LOYALTY.RFMSEGMENT gjør) ut fra recency, frekvens og omsetning.",
      needRfmColumns: "RFM trenger kolonner for recency, frekvens og omsetning. Koble alle tre.",
      needBehaviour: "Koble kolonnene som målet for kjøpsatferd trenger.",
      noUsableRows: "Ingen rader kunne brukes. Se årsakene nedenfor, rett opp dataene og prøv igjen.",
      needCutoff: (median: string) =>
        `Med «over medianen» (${median}) får enten alle eller ingen kunder høy kjøpsatferd. Velg «Minst en bestemt verdi» og oppgi en terskel.`,
      badCutoff: "Oppgi terskelen som et tall.",
    },

    summary: {
      heading: "Sammendrag",
      table: "Kunder, omsetning og dekningsbidrag per segment",
      columns: {
        segment: "Segment",
        customers: "Kunder",
        customerShare: "Andel av kundene",
        revenue: "Omsetning",
        revenueShare: "Andel av omsetningen",
        profit: "Dekningsbidrag",
        recurring: "Løpende inntekt",
        averageAttitude: "Gjennomsnittsverdi",
      },
      totals: (customers: number) => `${f.integer(customers)} ${customers === 1 ? "kunde" : "kunder"} segmentert`,
      grouped: (rows: number, customers: number) =>
        `Gruppert tabell: ${f.integer(rows)} ${rows === 1 ? "rad" : "rader"} står for ${f.integer(customers)} ${customers === 1 ? "kunde" : "kunder"}. Hver rad teller som så mange identiske kunder, og alle får radens segment; antall, andeler og summer regnes per kunde.`,
      cutoffUsed: (measure: string, rule: string) => `Kjøpsatferd: ${measure}; høy betyr ${rule}.`,
      ruleAboveMedian: (value: string) => `over medianen (${value})`,
      ruleAtLeast: (value: string) => `minst ${value}`,
      chartTitle: "Andel av kundene og av omsetningen per segment",
      chartCustomers: "Kunder",
      chartRevenue: "Omsetning",
      actionsHeading: "Anbefalte tiltak",
      skippedHeading: "Rader som ikke ble segmentert",
      skipped: (count: number, reason: string, rows: readonly number[], more: boolean) =>
        `${f.integer(count)} ${rowWord(count)} hoppet over: ${reason} (${rowWord(count)} ${rows.join(", ")}${more ? ", …" : ""})`,
    },

    actions: {
      Loyal: "Belønn dem med eksklusive fordeler, og be dem anbefale dere videre.",
      Reachable: "Finn ut hva som hindrer dem i å bli helt fornøyde, og rett det opp før et tilbud fra en konkurrent lokker dem over.",
      "Locked-in": "Finn ut hva de trenger: De forsvinner så snart det blir enklere å bytte.",
      "High-risk": "Ikke bruk lojalitetsbudsjettet på kunder som bare jakter på pris, men rett opp i berettigede klager.",
    } as Record<Segment, string>,

    segmentLabel: SEGMENT_LABEL,

    rfmSegmentLabel: {
      Champions: "Toppkunder",
      "Potential Loyalist": "Potensielt lojale",
      "Loyal Customers": "Lojale kunder",
      Promising: "Lovende",
      "New Customers": "Nye kunder",
      "Can't Lose Them": "Må ikke mistes",
      "At Risk": "I faresonen",
      "Need Attention": "Trenger oppfølging",
      "About To Sleep": "I ferd med å sovne",
      Lost: "Tapt",
      Others: "Andre",
    } as Record<string, string>,

    rewards: {
      heading: "Bonusplan",
      intro: "Hva hvert segment kan tilbys, og om poengene ville koste mer enn segmentet tjener inn.",
      earnRate: "Poeng per brukte valutaenhet",
      basisLabel: "Hva et poeng koster bedriften",
      basisFaceValue: "Pålydende verdi × forventet innløsningsgrad",
      basisGoodsCost: "Kostnad for varene som gis × forventet innløsningsgrad",
      faceValue: "Pålydende verdi av et poeng (det kunden får)",
      goodsCost: "Kostnad for varene som gis for ett poeng",
      redemptionRate: "Forventet innløsningsgrad (%)",
      invalid: {
        earnRate: "Oppgi poeng per valutaenhet, 0 eller mer.",
        faceValue: "Oppgi den pålydende verdien av et poeng, 0 eller mer.",
        goodsCost: "Oppgi kostnaden for varene for ett poeng, 0 eller mer.",
        redemptionRate: "Oppgi en prosentsats fra 0 til 100.",
      },
      basisText: (s: { basis: "faceValue" | "goodsCost"; faceValue: number; goodsCost: number; redemptionRate: number }) => {
        const pct = f.percent(s.redemptionRate, 2);
        const perPoint = f.number((s.basis === "faceValue" ? s.faceValue : s.goodsCost) * s.redemptionRate, 6);
        return s.basis === "faceValue"
          ? `kostnad per poeng = pålydende verdi ${f.number(s.faceValue, 6)} × forventet innløsningsgrad ${pct} = ${perPoint}`
          : `kostnad per poeng = varekostnad ${f.number(s.goodsCost, 6)} × forventet innløsningsgrad ${pct} = ${perPoint}`;
      },
      table: "Bonusplan per segment",
      columns: {
        segment: "Segment",
        reward: "Foreslått belønning",
        points: "Opptjente poeng",
        cost: "Programkostnad",
        profit: "Dekningsbidrag",
        predictedValue: "Forventet verdi neste 12 måneder",
      },
      noRevenue: "Koble omsetningskolonnen (monetary) for å se poengene og hva de koster per segment.",
      noProfit: "Koble kostnaden for å betjene kundene for å sammenligne programkostnaden med dekningsbidraget til hvert segment (omsetning − betjeningskostnad).",
      pointsNote: "Poeng er segmentets omsetning × opptjeningsraten, rundet ned; regnet ordre for ordre kan det bli opptil ett poeng mindre per ordre.",
      costAboveMargin: (segment: string) => `${segment}: belønningene ville koste mer enn segmentets dekningsbidrag.`,
      allWithinMargin: "I hvert segment koster belønningene mindre enn dekningsbidraget.",
      write: "Legg til i arket Segmenter",
      writing: "Skriver bonustabellen …",
      wrote: (sheet: string) => `Bonustabellen og diagrammet står på arket ${sheet}, til høyre for sammendraget.`,
      noSheet: "Segmentene ble skrevet i en kolonne, ikke på et Segmenter-ark: segmenter til et nytt ark for å legge bonustabellen der.",
      writeFailed: (reason: string) => `Bonustabellen kunne ikke skrives: ${reason}`,
      occupied: "cellene til høyre for sammendraget er ikke tomme, og de blir stående som de er.",
      sheet: {
        title: (basis: string) => `Bonusplan: ${basis}. Poeng = segmentets omsetning × opptjeningsrate, rundet ned.`,
        headers: {
          segment: "Segment",
          cost: "Programkostnad",
          profit: "Dekningsbidrag",
          points: "Opptjente poeng",
          revenue: "Omsetning",
          predictedValue: "Forventet verdi neste 12 måneder",
          customers: "Kunder",
          warning: "Advarsel",
          reward: "Foreslått belønning",
        },
        costAboveMargin: "Belønningene koster mer enn dekningsbidraget",
        chartTitle: "Programkostnad og dekningsbidrag per segment",
      },
      groupSuggestion: {
        Loyal: "Eksklusive fordeler (tidlig tilgang, tilbud bare for medlemmer) og en belønning for å verve andre.",
        Reachable: "Rett opp det som hindrer dem i å bli helt fornøyde; en velkommen-tilbake-bonus når det er gjort.",
        "Locked-in": "Oppmerksomhet om behovene deres (service, en fast kontaktperson) heller enn poeng.",
        "High-risk": "Ingen lojalitetsbudsjett til kunder som bare jakter på pris; rett opp berettigede klager.",
      } as Record<Segment, string>,
      rfmSuggestion: {
        Champions: "Eksklusive fordeler og tidlig tilgang; be om omtaler og anbefalinger.",
        "Potential Loyalist": "Et medlemskaps- eller nivåtilbud som gjør hyppige kjøp til en vane.",
        "Loyal Customers": "Nivåfordeler og mersalgstilbud; be om omtaler.",
        Promising: "En bonus på andre kjøp og tilbud som hjelper dem i gang.",
        "New Customers": "En velkomstbonus på neste ordre.",
        "Can't Lose Them": "Et personlig tilbud for å vinne dem tilbake; finn ut hvorfor de sluttet.",
        "At Risk": "Et personlig reaktiveringstilbud med frist.",
        "Need Attention": "Et tidsbegrenset tilbud basert på det de har kjøpt før.",
        "About To Sleep": "En påminnelse med en liten bonus; ikke gi store rabatter.",
        Lost: "Høyst ett rimelig forsøk på å vinne dem tilbake; ikke noe lojalitetsbudsjett.",
        Others: "Vanlig opptjening, ikke noe ekstra budsjett før de viser et mønster.",
      } as Record<string, string>,
      otherSuggestion: "Vanlig opptjening, ikke noe ekstra budsjett.",
    },

    reason: (r: IssueReason): string => {
      switch (r.kind) {
        case "noId":
          return "kunde-ID mangler";
        case "blank":
          return `${ROLE_IN_SENTENCE[r.role]} er tom`;
        case "notNumber":
          return `${ROLE_IN_SENTENCE[r.role]} er ikke et tall`;
        case "notDate":
          return `${ROLE_IN_SENTENCE[r.role]} er ikke en dato`;
        case "errorValue":
          return `${ROLE_IN_SENTENCE[r.role]} er ${r.code}`;
        case "negative":
          return `${ROLE_IN_SENTENCE[r.role]} er negativ`;
        case "attitudeRange":
          return SCALE_RANGE[r.scale];
        case "shareRange":
          return "tilbudsandel ikke mellom 0 og 1";
        case "notWhole":
          return `${ROLE_IN_SENTENCE[r.role]} ikke et heltall`;
        case "zeroWeight":
          return "kunder per rad er 0 (raden står for ingen)";
      }
    },

    priceOverride: (from: Segment, to: Segment, share: string | null) =>
      `Prisdrevet (${share === null ? "merket SANN" : `${share} av ordrene med rabatt`}): ville vært ${SEGMENT_LABEL[from]}, vises som ${SEGMENT_LABEL[to]}`,

    sheet: {
      name: "Segmenter",
      incompleteName: (name: string) => `${name.slice(0, 17)} ufullstendig`,
      columnHeader: "Segment",
      headers: {
        id: "Kunde",
        segment: "Segment",
        attitude: (scale: AttitudeScale) => ({ recommend: "Anbefalingsverdi", satisfaction: "Tilfredshet", referrals: "Anbefalinger" })[scale],
        behaviour: (measure: BehaviourMeasure) => ({ rfmSum: "R+F+M", ordersPerYear: "Ordrer per år", orders: "Ordrer", revenue: "Omsetning" })[measure],
        rfmScore: "RFM-poeng",
        /** Customers per row of a grouped table (the weight column as read). */
        customers: "Kunder",
        issue: "Problem",
      },
      summaryHeaders: {
        segment: "Segment",
        customers: "Kunder",
        revenueShare: "Andel av omsetningen",
        customerShare: "Andel av kundene",
        revenue: "Omsetning",
        profit: "Dekningsbidrag",
        recurring: "Løpende inntekt",
        averageAttitude: "Gjennomsnittsverdi",
      },
      chartTitle: "Kunder og andel av omsetningen per segment",
    },
    btyd: {
      map: {
        heading: "Forventet kundeverdi (valgfritt)",
        roles: { x: "Gjenkjøp (x)", tx: "t_x (første til siste kjøp)", T: "T (første kjøp til skjæringsdato)" } as Record<BtydRole, string>,
        roleHelp: {
          x: "Kjøp etter det første, slik LOYALTY.BTYDSUMMARY gir dem.",
          tx: "Tiden fra første til siste kjøp.",
          T: "Tiden fra første kjøp til skjæringsdatoen.",
        } as Record<BtydRole, string>,
        unitLabel: "x, t_x og T er målt i",
        units: { day: "Dager", week: "Uker", month: `Måneder (${f.number(30.4375, 4)} dager)` } as Record<TimeUnit, string>,
        unitInSentence: { day: "dager", week: "uker", month: "måneder" } as Record<TimeUnit, string>,
        mapped: "P(aktiv), forventede kjøp og forventet verdi legges til fra kolonnene x, t_x og T.",
        derived:
          "x, t_x og T utledes i uker fra datoen for første ordre, siste ordre og antall ordrer (x = ordrer − 1). Hver ordre regnes da som en egen kjøpsdag: to ordrer samme dag teller som to kjøp.",
        none: "For å legge til P(aktiv), forventede kjøp og forventet verdi per kunde kobler du dato for første ordre, recency og ordrer – eller x, t_x og T.",
        summaryLabel: "Forventet kundeverdi",
        summarySource: {
          mapped: "fra kolonnene x, t_x og T",
          derived: "fra ordredatoer og antall",
          none: "ikke tilgjengelig (koble dato for første ordre, recency og ordrer)",
        } as Record<"mapped" | "derived" | "none", string>,
      },
      summary: {
        heading: "Forventet kundeverdi, neste 12 måneder",
        table: "Forventede kjøp, forventet verdi og sannsynlig frafalte kunder per segment",
        columns: {
          segment: "Segment",
          customers: "Kunder",
          expectedPurchases: "Forventede kjøp",
          predictedValue: "Forventet verdi",
          likelyLapsed: "Sannsynlig frafalt",
          valueAtRisk: "Verdi i faresonen",
        },
        valueAtRisk: (value: string) =>
          `Verdi i faresonen: ${value}, den forventede 12-månedersverdien av lojale og påvirkbare kunder som er merket som sannsynlig frafalt (P(aktiv) under ${f.number(0.5)}).`,
        fit: (r: string, alpha: string, a: string, b: string, unit: string) => `BG/NBD-tilpasning (tid i ${unit}): r ${r}, alpha ${alpha}, a ${a}, b ${b}.`,
        derived: (asOf: string) =>
          `x, t_x og T ble utledet i uker fra dato for første ordre, siste ordre og antall ordrer, per ${asOf}; hver ordre regnes som en egen kjøpsdag.`,
        derivedFromDays: (asOf: string) =>
          `x, t_x og T ble utledet i uker fra dato for første ordre, dager siden siste ordre og antall ordrer; skjæringsdatoen ${asOf} er den tidligste datoen som passer for alle radene. Hver ordre regnes som en egen kjøpsdag.`,
        mapped: (unit: string) => `x, t_x og T ble lest fra de koblede kolonnene, i ${unit}.`,
        spend:
          "Verdi per kjøp er omsetning ÷ ordrer, altså gjennomsnittlig ordreverdi inkludert første ordre: tabellen inneholder ikke verdien av første ordre, så gjennomsnittet av gjenkjøpene alene kan ikke beregnes.",
        noRevenue: "Ingen omsetningskolonne er koblet, så bare kjøp prognostiseres, ikke verdi.",
        spendFailed: (message: string) => `Forventet verdi er utelatt: modellen for kjøpsbeløp kunne ikke tilpasses (${message}).`,
        oneTime: "Engangskunder er merket som det: modellen kan ikke avgjøre om de fortsatt er aktive.",
        unusable: (count: number, rows: readonly number[], more: boolean) =>
          `${f.integer(count)} ${count === 1 ? "kunde" : "kunder"} har ingen brukbar kjøpshistorikk, så prognosecellene er tomme (${rowWord(count)} ${rows.join(", ")}${more ? ", …" : ""}).`,
        failed: "Kundeverdien kunne ikke prognostiseres, så de kolonnene er utelatt; segmentene er fullstendige.",
      },
      sheet: {
        pAlive: "P(aktiv)",
        expectedPurchases: "Forventede kjøp (12 måneder)",
        clv: "Forventet 12-månedersverdi",
        lapse: "Frafall",
        likelyLapsed: "sannsynlig frafalt",
        oneTimeBuyer: "engangskunde",
        summaryExpectedPurchases: "Forventede kjøp (12 måneder)",
        summaryValue: "Forventet 12-månedersverdi",
        summaryLapsed: "Sannsynlig frafalt",
        summaryValueAtRisk: "Verdi i faresonen",
      },
      check: {
        heading: "Kontroller modellen",
        intro: "Tilpass modellen på den tidligste delen av en ordrelogg, og sammenlign det den forventer med gjenkjøpene kundene faktisk gjorde etterpå.",
        pickHint: "Merk ordreloggen (én rad per ordre, med kunde-ID og ordredato), og klikk deretter på Bruk ordrelogg. En oversikt over kalibrerings- og testperiode går også: tabellen fra LOYALTY.HOLDOUTSUMMARY, eller den grupperte fra datavarehus-SQL-en med kundekolonnen.",
        useLog: "Bruk ordrelogg",
        unfold: "Kontroller modellen mot en ordrelogg",
        reading: "Leser ordreloggen …",
        picked: (address: string, rows: number) => `${address}: ${f.integer(rows)} ${rows === 1 ? "ordre" : "ordrer"}`,
        idColumn: "Kolonne med kunde-ID",
        dateColumn: "Kolonne med ordredato",
        calibrationEnd: "Kalibreringen slutter",
        calibrationHelp: (from: string, to: string) =>
          `Loggen går fra ${from} til ${to}. Modellen lærer av ordrene til og med denne datoen og kontrolleres mot ordrene etter den.`,
        run: "Kontroller modellen",
        fitting: "Tilpasser modellen …",
        needColumns: "Velg kolonnen med kunde-ID og kolonnen med ordredato.",
        noDates: "Ingen ordre har både kunde-ID og dato. Merk ordreloggen med kolonnene for ID og dato.",
        badDate: (from: string, to: string) => `Oppgi slutten på kalibreringen som en dato etter ${from} og før ${to}, for eksempel ${from}.`,
        failed: "Modellen kunne ikke tilpasses på kalibreringsperioden.",
        table: "Gjennomsnittlig antall gjenkjøp per kunde i testperioden, faktisk og forventet, per frekvensgruppe",
        columns: { group: "Gjenkjøp (x)", customers: "Kunder", actual: "Faktisk", predicted: "Forventet" },
        chartTitle: "Faktiske og forventede gjenkjøp per kunde i testperioden",
        actual: "Faktisk",
        predicted: "Forventet",
        result: (weeks: string, customers: number, actual: string, predicted: string) =>
          `Testperiode på ${weeks} uker, ${f.integer(customers)} ${customers === 1 ? "kunde" : "kunder"}: ${actual} gjenkjøp gjort, ${predicted} forventet.`,
        leftOut: (count: number) => `${f.integer(count)} ${count === 1 ? "kunde" : "kunder"} kjøpte første gang i testperioden og er holdt utenfor.`,
        skippedRows: (count: number) => `${f.integer(count)} ${rowWord(count)} ble holdt utenfor: ingen brukbar kunde-ID eller dato.`,
        groupLabel: (x: number, last: boolean) => (last ? `${x}+` : String(x)),
        /** "Check the model" on a calibration/holdout table (HOLDOUTSUMMARY's, or the warehouse SQL's grouped one). */
        onTable: {
          kindLabel: "Markeringen inneholder",
          kinds: {
            log: "En ordrelogg (én rad per ordre)",
            table: "En oversikt over kalibrerings- og testperiode (én rad per kunde eller per kundegruppe)",
          },
          roles: {
            x: "Gjenkjøp i kalibreringsperioden (x)",
            tx: "t_x (første til siste kjøp)",
            T: "T (første kjøp til slutten av kalibreringen)",
            xHoldout: "Gjenkjøp i testperioden (x_holdout)",
            holdoutLength: "Kolonne med lengden på testperioden",
            weight: "Kunder per rad (vekt)",
          } as Record<HoldoutRole, string>,
          weightHint: "For en gruppert tabell, for eksempel fra datavarehus-SQL-en: hvor mange kunder hver rad står for. La den stå på (ingen) når hver rad er én kunde.",
          grouped: "Radene er grupper av kunder: estimeringen og sammenligningen teller hver rad så mange ganger som kundekolonnen sier.",
          lengthLabel: "Lengden på testperioden",
          lengthHint: "I samme enhet som t_x og T. Trengs når tabellen ikke har en kolonne med lengden på testperioden.",
          picked: (address: string, rows: number) => `${address}: ${f.integer(rows)} ${rows === 1 ? "rad" : "rader"}`,
          needColumns: "Velg kolonnene x, t_x, T og x_holdout.",
          badLength: "Oppgi lengden på testperioden som et tall større enn 0, i samme enhet som t_x og T.",
          result: (length: string, unit: string, customers: number, rows: number, actual: string, predicted: string) =>
            `Testperiode på ${length} ${unit}, ${f.integer(customers)} ${customers === 1 ? "kunde" : "kunder"} i ${f.integer(rows)} ${rows === 1 ? "rad" : "rader"}: ${actual} gjenkjøp gjort, ${predicted} forventet.`,
          noReport: "Modellrapporten lages fra selve ordreloggen: marker loggen og klikk Bruk ordrelogg.",
          issue: (issue: HoldoutIssue, column: string): string => {
            const at = `Rad ${f.integer(issue.row)}, ${column}`;
            switch (issue.kind) {
              case "blank":
                return `${at}: cellen er tom. Hver rad trenger en verdi her${issue.role === "weight" ? "; skriv 0 for å utelate en rad" : ""}.`;
              case "notNumber":
                return `${at}: «${issue.value}» er ikke et tall.`;
              case "negative":
                return `${at}: ${issue.value} er negativt; forventet 0 eller mer.`;
              case "notWhole":
                return `${at}: ${issue.value} er ikke et heltall; ${issue.role === "weight" ? "kunder" : "kjøp"} telles i hele tall.`;
              case "badHistory":
                return `Rad ${f.integer(issue.row)}: x, t_x og T (${issue.value}) er ingen kjøpshistorikk. x er et heltall fra 0 og oppover, t_x ligger mellom 0 og T, og t_x er 0 når x er 0.`;
              case "lengthDiffers":
                return `${at}: lengden på testperioden, ${issue.value}, avviker fra radene over; alle rader må dekke samme testperiode.`;
              case "noRows":
                return "Ingen rad har kunder: tabellen er tom, eller alle vektene er 0.";
              case "noLength":
                return "Oppgi lengden på testperioden som et tall større enn 0, i samme enhet som t_x og T.";
            }
          },
        },
        report: {
          build: "Lag modellrapporten",
          trackingEnd: "Forløpet slutter",
          trackingHelp: (from: string, to: string) => `Det ukentlige forløpet går fra første ordre til denne datoen: etter ${from} og senest ${to}, den siste ordredatoen.`,
          badTrackingEnd: (from: string, to: string) => `Oppgi slutten på forløpet som en dato etter ${from} og senest ${to}.`,
          hint: "Lager et nytt ark med Excel-diagrammer og tabellene deres: gjenkjøp i kalibreringsperioden, testperioden etter frekvens, ukentlig forløp, varmekart og en sammenligning av modeller. Arkene dine endres ikke.",
          building: "Lager modellrapporten …",
          writing: "Skriver arket Modellrapport …",
          done: (sheet: string) => `Modellrapporten står på det nye arket ${sheet}.`,
          notFormatted: "Tabellene står på arket, men noen diagrammer eller formater kunne ikke legges til.",
          failed: "Modellrapporten kunne ikke lages.",
          histogramChart: "Kunder etter antall gjenkjøp i kalibreringsperioden",
          weeklyChart: "Gjenkjøp per uke",
          cumulativeChart: "Kumulative gjenkjøp",
          weekAxis: "Uke",
          calibrationMark: (week: number) => `Kalibreringen slutter i uke ${week}`,
          cumulativeLegend: { actual: "Faktisk, kumulativt", expected: "Forventet, kumulativt", mark: (week: number) => `Kalibreringens slutt, uke ${week}` },
          pAliveHeatmap: (T: number) => `P(aktiv) etter gjenkjøp (x) og siste kjøp (t_x, uker) ved T = ${f.number(T, 2)} uker`,
          nextWeekHeatmap: (T: number) => `Forventede kjøp neste uke etter gjenkjøp (x) og siste kjøp (t_x, uker) ved T = ${f.number(T, 2)} uker`,
          heatmapNote: (T: number) => `T = ${f.number(T, 2)} uker er den lengste tiden en kunde er observert: kunder som kjøpte første gang på loggens første dag.`,
          comparisonTable: "Modeller tilpasset de samme kjøpshistoriene fra kalibreringen",
          expected: "Forventet",
          sheet: {
            name: "Modellrapport",
            incompleteName: (name: string) => `${name.slice(0, 17)} ufullstendig`,
            dateFormat: "yyyy-mm-dd",
            title: "Modellrapport: BG/NBD tilpasset kalibreringsperioden, tid i uker",
            calibrationEnd: "Kalibreringen slutter",
            trackingEnd: "Forløpet slutter",
            customers: "Kunder (første kjøp innen kalibreringens slutt)",
            histogramTitle: "Gjenkjøp per kunde i kalibreringsperioden: kunder med x gjenkjøp, faktisk og forventet (summen av P(X(T) = x) over kundene, hver med sin egen T)",
            histogramHeader: ["Gjenkjøp (x)", "Kunder, faktisk", "Kunder, forventet"],
            holdoutTitle: (weeks: number) => `Kalibrering mot testperiode: gjennomsnittlig antall gjenkjøp per kunde i testperioden på ${f.number(weeks, 1)} uker, etter gjenkjøp i kalibreringsperioden`,
            holdoutHeader: ["Gjenkjøp i kalibreringen (x)", "Faktisk", "Forventet", "Kunder"],
            holdoutChart: "Kjøp per kunde i testperioden etter frekvens i kalibreringen",
            weeklyTitle: (week: number) =>
              `Gjenkjøp per uke fra kundene som kjøpte første gang i kalibreringsperioden, faktisk og forventet; senere nye kunder er holdt utenfor. Kalibreringen slutter i uke ${week}.`,
            cumulativeTitle: (week: number) => `Kumulative gjenkjøp fra de samme kundene, faktisk og forventet; kalibreringen slutter i uke ${week}.`,
            trackingHeader: ["Uke", "Faktisk", "Forventet", "Kalibreringens slutt"],
            cumulativeHeader: ["Uke", "Faktisk (kumulativt)", "Forventet (kumulativt)", "Kalibreringens slutt"],
            pAliveTitle: (T: number) => `P(aktiv) etter gjenkjøp x (rader) og siste kjøp t_x i uker (kolonner), ved T = ${f.number(T, 2)} uker, den lengste tiden en kunde er observert`,
            nextWeekTitle: (T: number) => `Forventede kjøp neste uke etter gjenkjøp x (rader) og siste kjøp t_x i uker (kolonner), ved T = ${f.number(T, 2)} uker`,
            gridCorner: "x (rader) / t_x (kolonner)",
            comparisonTitle: (customers: number) =>
              `Modeller tilpasset de samme kjøpshistoriene fra kalibreringen: BIC = k ln N − 2 LL med N = ${f.integer(customers)} ${customers === 1 ? "kunde" : "kunder"} (lavere er bedre); feil i forventede gjenkjøp i testperioden`,
            comparisonHeader: ["Modell", "Log-likelihood (LL)", "Parametere (k)", "BIC", "Testperiode: gjennomsnittlig absolutt feil per kunde", "Testperiode: forventet sum", "Testperiode: faktisk sum", "Testperiode: feil i summen"],
            parametersTitle: "Parameterestimater med standardfeil",
            parametersHeader: ["Modell", "Parameter", "Estimat", "Standardfeil"],
            refused: (message: string) => `Ikke tilpasset: ${message}`,
            bgbbNote:
              "BG/BB teller diskrete kjøpsmuligheter (for eksempel år), så likelihooden er ikke sammenlignbar med disse modellene i kontinuerlig tid. Tilpass den med LOYALTY.BGBBSUMMARY og LOYALTY.BGBBFIT og vurder den for seg.",
          },
        },
      },
    },
    fitRefusal: {
      kinds: {
        tooFewCustomers: { what: "Det er for få kunder å lære av.", next: "Merk hele kundetabellen, helst noen hundre kunder eller flere." },
        noTime: {
          what: "Alle kundene kjøpte for første gang på den siste dagen i dataene, så det finnes ingen historikk å lære av.",
          next: "Kontroller datoene for første ordre, eller bruk en ordrelogg som dekker lengre tid.",
        },
        noRepeats: {
          what: "Ingen kunde har kjøpt to ganger, så modellen kan ikke lære hvor ofte kundene kjøper eller når de faller fra.",
          next: "Bruk en lengre periode med ordrer, og kontroller at ordrekolonnen teller hver ordre.",
        },
        identicalHistories: {
          what: "Alle kundene har samme kjøpshistorikk, så det er ingenting som skiller dem.",
          next: "Kontroller at kolonnene for første ordre, recency og antall ordrer er de riktige.",
        },
        noDropout: {
          what: "Kundene fortsetter å kjøpe helt til slutten av dataene og viser ingen tegn til frafall, så modellen kan ikke anslå hvem som har falt fra.",
          next: "Bruk en lengre ordrehistorikk, eller en som strekker seg forbi kundenes siste kjøp.",
        },
        instantDropout: {
          what: "Nesten alle kundene ser ut til å falle fra rett etter et kjøp, og det kan ikke modellen tilpasses til.",
          next: "Kontroller recency og datoene for første ordre, og at det er én rad per kunde.",
        },
        sameDropout: {
          what: "Kundene skiller seg knapt fra hverandre i hvor sannsynlig det er at de faller fra etter et kjøp, så modellen kan ikke måle den spredningen.",
          next: "Prøv med flere kunder eller en lengre ordrehistorikk.",
        },
        sameRates: {
          what: "Alle kundene kjøper omtrent like ofte, og modellen trenger forskjeller for å forutsi hvem som kjøper mer.",
          next: "Prøv med flere kunder eller en lengre ordrehistorikk. Segmenteringen virker også uten forventet kundeverdi.",
        },
        notIdentified: {
          what: "Dataene sier for lite til at modellen kan anslås pålitelig.",
          next: "Prøv med flere kunder eller en lengre ordrehistorikk.",
        },
      } as Record<FitRefusal, { what: string; next: string }>,
      other: { what: "Modellen kunne ikke tilpasses på disse dataene.", next: "Kontroller de koblede kolonnene, eller prøv med flere kunder eller en lengre ordrehistorikk." },
      technical: "Teknisk årsak",
      checkNext: "Når du kontrollerer modellen, gir også en senere slutt på kalibreringen modellen mer å lære av.",
    },
    retention: {
      tabs: { label: "Visninger", segment: "Segmentering", retention: "Kundebevaring", warehouse: "Datavarehus" },
      intro: "Merk en ordrelogg (kunde-ID og ordredato, én rad per ordre), og se hvor mange kunder som kommer tilbake, kohort for kohort.",
      pick: {
        heading: "1. Velg ordreloggen",
        hint: "Merk ordreloggen (eller én celle i den), og klikk deretter på Bruk merket område.",
        picked: (address: string, rows: number) => `${address}: ${f.integer(rows)} ${rows === 1 ? "ordrerad" : "ordrerader"}`,
      },
      map: {
        heading: "2. Koble kolonnene",
        id: "Kunde-ID",
        idHint: "Hvem som la inn ordren.",
        date: "Ordredato",
        dateHint: "En Excel-dato, eller ISO-tekst som 2024-03-31.",
      },
      settings: {
        heading: "3. Perioder",
        period: "Periode",
        periods: { week: "Uke (ISO-uker, fra mandag)", month: "Måned", quarter: "Kvartal", year: "År" } as Record<PeriodKind, string>,
        activeDays: "Dager en kunde regnes som aktiv etter en ordre",
        activeDaysHint: (minimum: number) =>
          `For periodetabellen: en kunde regnes som aktiv i så mange dager etter hver ordre. Minst ${f.integer(minimum)}.`,
      },
      /** Kohorttabellen (src/sql/cohortsSql.ts) eller periodetabellen (retentionByPeriodSql.ts) fra datavarehuset i stedet for en ordrelogg. */
      table: {
        inputLabel: "Markeringen inneholder",
        inputs: {
          log: "En ordrelogg (én rad per ordre)",
          cohortTable: "En kohorttabell fra datavarehuset (cohort_start, period, …)",
          periodTable: "En periodetabell fra datavarehuset (period_start, customers_start, new_customers, …)",
        } as Record<RetentionSource, string>,
        detected: "Gjenkjent ut fra overskriftene som en tabell fra datavarehus-SQL-en. Er det likevel en ordrelogg, velg det ovenfor.",
        picked: (address: string, rows: number) => `${address}: ${f.integer(rows)} ${rows === 1 ? "rad" : "rader"}`,
        cohortRoles: {
          start: "Kohortstart",
          period: "Periode k",
          customers: "Kunder i kohorten",
          active: "Aktive kunder",
          share: "Andel",
        } as Record<CohortRole, string>,
        cohortHints: {
          start: "Første dag i kohortens uke, måned, kvartal eller år.",
          period: "Antall perioder siden kohortens startperiode: 0, 1, 2, …",
          customers: "Kohortens størrelse, den samme i alle radene til kohorten.",
          active: "Kunder i kohorten som bestilte i periode k; tom så lenge perioden ikke er avsluttet.",
          share: "Aktive ÷ kunder; kontrolleres mot dem når begge finnes.",
        } as Record<CohortRole, string>,
        periodRoles: {
          start: "Periodestart",
          customersStart: "Kunder ved start",
          newCustomers: "Nye kunder",
          reactivated: "Reaktiverte",
          customersEnd: "Kunder ved slutt",
          retained: "Beholdt",
          retention: "Kundebevaringsrate",
          lost: "Frafalt",
        } as Record<PeriodTableRole, string>,
        periodHint: "Perioden SQL-en ble kjørt med: startdatoene kontrolleres mot den og må alle være første dag i en slik periode.",
        activeDaysHint: "De aktive dagene SQL-en ble kjørt med; de står i tittelen på arket.",
        needCohortColumns: "Velg kolonnene for kohortstart, periode k, kunder og aktive kunder (eller andel).",
        needPeriodColumns: "Velg kolonnene for periodestart, kunder ved start, nye kunder, kunder ved slutt og beholdte kunder.",
        build: "Skriv periodetabellen",
        wroteTriangle: (name: string) =>
          `Kohorttrekanten og diagrammet står på arket «${name}». En kohorttabell har ingen periodetabell: merk periodetabellen fra datavarehuset for å skrive den også.`,
        wrotePeriods: (name: string) => `Periodetabellen står på arket «${name}». For kohorttrekanten og kurvene merker du kohorttabellen fra datavarehuset.`,
        cohortTotals: (customers: number, cohorts: number) =>
          `${f.integer(customers)} ${customers === 1 ? "kunde" : "kunder"} i ${f.integer(cohorts)} ${cohorts === 1 ? "kohort" : "kohorter"}, fra datavarehusets kohorttabell.`,
        periodTotals: (periods: number) => `${f.integer(periods)} ${periods === 1 ? "periode" : "perioder"} fra datavarehusets periodetabell.`,
        periodsHeading: "Kundebevaring per periode",
        periodReading: (period: string, share: string, customersStart: number) =>
          `Av ${customersStart === 1 ? "den ene kunden som var aktiv" : `de ${f.integer(customersStart)} kundene som var aktive`} ved starten av ${period}, var ${share} fortsatt ${customersStart === 1 ? "aktiv" : "aktive"} ved slutten.`,
        cohortIssue: (issue: CohortIssue, column: string): string => {
          const at = `Rad ${f.integer(issue.row)}, ${column}`;
          switch (issue.kind) {
            case "blank":
              return `${at}: cellen er tom. Hver rad i kohorttabellen trenger en verdi her.`;
            case "notNumber":
              return `${at}: «${issue.value}» er ikke et tall.`;
            case "negative":
              return `${at}: ${issue.value} er negativt; forventet 0 eller mer.`;
            case "notWhole":
              return `${at}: ${issue.value} er ikke et helt tall; ${issue.role === "period" ? "perioder telles 0, 1, 2, …" : "kunder telles i hele tall"}.`;
            case "notDate":
              return `${at}: «${issue.value}» er ikke en dato. En kohortstart er en Excel-dato eller ISO-tekst som 2024-03-01.`;
            case "notPeriodStart":
              return `${at}: ${issue.value} er ikke første dag i ${PERIOD_A[issue.period]} (${PERIOD_STARTS[issue.period]}). Hver kohort må starte på første dag i en periode av den lengden som er valgt under Perioder; en tabell som blander periodelengder, kan ikke leses.`;
            case "noCustomers":
              return `${at}: kohorten har 0 kunder; hver kohort i tabellen har minst én.`;
            case "activeAboveCustomers":
              return `${at}: ${f.integer(issue.value)} aktive kunder, flere enn kohorten har (${f.integer(issue.customers)}).`;
            case "shareDiffers":
              return `${at}: andelen ${issue.value} stemmer ikke med aktive ÷ kunder = ${issue.expected}; avviket kan være høyst 1e-9 ganger denne verdien.`;
            case "halfBlank":
              return `${at}: tom, mens ${issue.role === "active" ? "andelen" : "aktive kunder"} i samme rad har en verdi. En periode som ennå ikke er kjent, har begge tomme.`;
            case "customersDiffer":
              return `${at}: ${f.integer(issue.value)} kunder, men rad ${f.integer(issue.firstRow)} oppgir ${f.integer(issue.firstValue)} for samme kohort (${issue.cohort}). En kohort har samme størrelse i alle radene sine.`;
            case "duplicate":
              return `${at}: periode ${issue.period} i kohorten ${issue.cohort} finnes to ganger (også i rad ${f.integer(issue.firstRow)}).`;
            case "missingPeriod":
              return `${column}: kohorten ${issue.cohort} (fra rad ${f.integer(issue.row)}) mangler en rad for periode ${issue.period}. Tabellen går fra periode 0 til ${issue.last}, og hver kohort trenger en rad for hver av dem (tom der den ikke er kjent ennå).`;
            case "blankInside":
              return `${at}: periode ${issue.period} i kohorten ${issue.cohort} er tom, men rad ${f.integer(issue.laterRow)} oppgir en senere periode i samme kohort. Bare de siste periodene i en kohorts rad, de som ikke er avsluttet, kan være tomme.`;
            case "blankEnded":
              return `${at}: periode ${issue.period} i kohorten ${issue.cohort} (${PERIOD[issue.kindOfPeriod].the} som starter ${issue.periodStart}) er tom, men den perioden er avsluttet: tabellens første kohort går til og med ${PERIOD[issue.kindOfPeriod].the} som starter ${issue.lastStart}. Bare perioder som ikke er avsluttet, kan være tomme.`;
            case "valueNotEnded":
              return `${at}: periode ${issue.period} i kohorten ${issue.cohort} (${PERIOD[issue.kindOfPeriod].the} som starter ${issue.periodStart}) har en verdi, men tabellens første kohort slutter med ${PERIOD[issue.kindOfPeriod].the} som starter ${issue.lastStart}, så denne perioden er ikke avsluttet ennå og må være tom. Kontroller perioden under Perioder.`;
            case "tooManyPeriods":
              return `${at}: periode ${f.integer(issue.value)} ville trenge flere kolonner enn et ark har.`;
            case "noRows":
              return "Tabellen har ingen rader: merk kohorttabellen med overskriftsraden.";
          }
        },
        periodIssue: (issue: PeriodTableIssue, column: string): string => {
          const at = `Rad ${f.integer(issue.row)}, ${column}`;
          switch (issue.kind) {
            case "blank":
              return `${at}: cellen er tom. Hver rad i periodetabellen trenger en verdi her.`;
            case "notNumber":
              return `${at}: «${issue.value}» er ikke et tall.`;
            case "negative":
              return `${at}: ${issue.value} er negativt; forventet 0 eller mer.`;
            case "notWhole":
              return `${at}: ${issue.value} er ikke et helt tall; kunder telles i hele tall.`;
            case "notDate":
              return `${at}: «${issue.value}» er ikke en dato. En periodestart er en Excel-dato eller ISO-tekst som 2024-03-01.`;
            case "notPeriodStart":
              return `${at}: ${issue.value} er ikke første dag i ${PERIOD_A[issue.period]} (${PERIOD_STARTS[issue.period]}). Hver rad må være starten på en periode av den lengden som er valgt under Perioder; en tabell som blander periodelengder, kan ikke leses.`;
            case "duplicatePeriod":
              return `${at}: perioden som starter ${issue.value}, finnes to ganger (også i rad ${f.integer(issue.firstRow)}).`;
            case "gap":
              return `${at}: tabellen fortsetter med ${PERIOD[issue.period].the} som starter ${issue.value}, men ${PERIOD[issue.period].the} som starter ${issue.missing}, mangler. Periodetabellen har én rad for ${PERIOD_EVERY[issue.period]}, uten hull.`;
            case "identity":
              switch (issue.role) {
                case "reactivated":
                  return `${at}: ${f.integer(issue.value)} reaktiverte, men kunder ved slutt − beholdt − nye gir ${f.integer(issue.expected)}.`;
                case "lost":
                  return `${at}: ${f.integer(issue.value)} frafalt, men kunder ved start − beholdt gir ${f.integer(issue.expected)}.`;
                default:
                  return `${at}: «Beholdt» er ${f.integer(issue.value)}, flere enn ${f.integer(issue.expected)}. De beholdte kundene er blant kundene ved start, og beholdte pluss nye kunder kan ikke være flere enn kundene ved slutt.`;
              }
            case "retentionDiffers":
              return `${at}: kundebevaringsraten ${issue.value} stemmer ikke med beholdt ÷ kunder ved start = ${issue.expected}; avviket kan være høyst 1e-9 ganger denne verdien.`;
            case "retentionBlank":
              return `${at}: tom, men det finnes kunder ved start, så kundebevaringsraten = beholdt ÷ kunder ved start har en verdi.`;
            case "retentionWithoutStart":
              return `${at}: ${issue.value}, men det finnes ingen kunder ved start: kundebevaringsraten har ingen nevner der og må være tom.`;
            case "startDiffers":
              return `${at}: ${f.integer(issue.value)} kunder ved start, men perioden før (rad ${f.integer(issue.previousRow)}) slutter med ${f.integer(issue.previousEnd)}. Begge teller kundene som var aktive den samme dagen, så de må være like.`;
            case "noRows":
              return "Tabellen har ingen rader: merk periodetabellen med overskriftsraden.";
          }
        },
      },
      run: {
        heading: "4. Lag kohortene",
        build: "Lag kohorter",
        cancel: "Avbryt",
        phase: { reading: "Leser ordrer", readingTable: "Leser tabellen", computing: "Lager kohorter", checking: "Kontrollerer tabellen", writing: "Skriver arket Kohorter" },
        progress: (done: number, total: number) => `${f.integer(done)} av ${f.integer(total)} rader`,
        startOver: "Bruk andre data",
        wroteSheet: (name: string) => `Kohorttrekanten, periodetabellen og diagrammet står på arket «${name}».`,
        notFormatted: "Verdiene er skrevet, men Excel kunne ikke legge til tallformatene, fargeskalaen eller diagrammet.",
        totals: (orders: number, customers: number, cohorts: number) =>
          `${f.integer(orders)} ${orders === 1 ? "ordre" : "ordrer"} fra ${f.integer(customers)} ${customers === 1 ? "kunde" : "kunder"} i ${f.integer(cohorts)} ${cohorts === 1 ? "kohort" : "kohorter"}.`,
      },
      errors: {
        noId: "Koble kolonnen med kunde-ID først.",
        noDate: "Koble kolonnen med ordredato først.",
        sameColumn: "Kunde-ID og ordredato må komme fra ulike kolonner.",
        activeDays: (minimum: number) => `Oppgi aktive dager som et helt tall på minst ${f.integer(minimum)} (den lengste perioden).`,
        noOrders: "Ingen rad har både kunde-ID og ordredato. Kontroller koblingen, eller se radene som er utelatt nedenfor.",
        noRepeats: (kind: PeriodKind) =>
          `Ingen kunde har bestilt igjen i ${PERIOD[kind].later} enn ${PERIOD[kind].pronoun} de bestilte første gang i, så det finnes ingen kundebevaring å vise. Prøv en kortere periode, eller en ordrelogg som dekker lengre tid.`,
        core: (detail: string) => `Kohortene kunne ikke lages: ${detail}`,
        empty: "Det merkede området er tomt. Merk ordreloggen (med overskriftsraden) og prøv igjen.",
        singleRow: "Det merkede området har bare én rad. Merk hele ordreloggen, én ordre per rad.",
        structureProtected: "Arbeidsbokens struktur er beskyttet, så arket Kohorter kan ikke legges til. Opphev beskyttelsen (Se gjennom › Beskytt arbeidsbok) og prøv igjen.",
      },
      curve: {
        heading: "Kundebevaringskurver",
        tableLabel: "Andelen av hver kohort som bestilte igjen, etter antall perioder siden den første",
        title: (cohorts: number) => (cohorts === 1 ? "Kundebevaringskurven for den nyeste kohorten" : `Kundebevaringskurver for de ${f.integer(cohorts)} nyeste kohortene`),
        xAxis: (kind: PeriodKind) => `${PERIOD[kind].plural} etter første ordre`,
        yAxis: "Andel av kohorten",
        noCurve: (kind: PeriodKind) => `Ingen kohort har ennå ${PERIOD[kind].whole} bak seg etter ${PERIOD[kind].first}, så det er ingen kurve å vise.`,
        reading: (kind: PeriodKind, cohort: string, share: string, size: number) =>
          `Av ${size === 1 ? "den ene kunden" : `de ${f.integer(size)} kundene`} som kjøpte første gang i ${cohort}, kjøpte ${share} igjen ${PERIOD[kind].the} etter.`,
        narrowTable: (kind: PeriodKind, periods: number) =>
          `Tabellen viser ${PERIOD[kind].plural.toLowerCase()} 1 til ${f.integer(periods)} (${PERIOD[kind].noun.toLowerCase()} 0 er alltid ${f.percent(1)}); arket Kohorter har alle.`,
        legend: (cohort: string, size: number) => `${cohort} (${f.integer(size)} ${size === 1 ? "kunde" : "kunder"})`,
        smallLeftOut: (count: number, minSize: number) =>
          `${f.integer(count)} ${count === 1 ? "nyere kohort" : "nyere kohorter"} er utelatt fra kurvene og leseeksempelet: med under ${f.integer(minSize)} kunder flytter én kunde en andel med flere prosentpoeng. Arket Kohorter har alle.`,
        notSurvival: "Andelene kan stige igjen senere fordi kunder kommer tilbake: dette er ikke en overlevelseskurve.",
        /** "mars 2024", "uken som begynner 4. mars 2024", "1. kvartal 2024", "2024". */
        cohortName: (kind: PeriodKind, year: number, month: number, day: number) => {
          switch (kind) {
            case "week":
              return `uken som begynner ${f.longDate(year, month, day)}`;
            case "month":
              return f.monthYear(year, month);
            case "quarter":
              return `${Math.floor((month - 1) / 3) + 1}. kvartal ${year}`;
            default:
              return String(year);
          }
        },
      },
      issues: {
        heading: "Rader som er utelatt",
        line: (count: number, reason: string, rows: readonly number[], more: boolean) =>
          `${f.integer(count)} ${rowWord(count)} utelatt: ${reason} (${rowWord(count)} ${rows.join(", ")}${more ? ", …" : ""})`,
        reason: (issue: LogIssue): string => {
          switch (issue.kind) {
            case "blankId":
              return "kunde-ID er tom";
            case "badId":
              return "kunde-ID er verken tekst eller tall";
            case "blankDate":
              return "ordredato er tom";
            case "notDate":
              return "ordredato er ikke en dato";
            case "errorValue":
              return `${issue.field === "id" ? "kunde-ID" : "ordredato"} er ${issue.code}`;
          }
        },
      },
      sheet: {
        name: "Kohorter",
        incompleteName: (name: string) => `${name.slice(0, 17)} ufullstendig`,
        triangleTitle: (kind: PeriodKind) =>
          `Kohorttrekant: andelen av hver kohort (kunder etter ${PERIOD[kind].the} for første ordre) som bestilte i ${PERIOD[kind].each}. Ikke en overlevelseskurve: kunder kommer tilbake.`,
        cohortStart: "Kohortstart",
        customers: "Kunder",
        periodColumn: (kind: PeriodKind, k: number) => `${PERIOD[kind].noun} ${k}`,
        tableTitle: (kind: PeriodKind, activeDays: number) =>
          `Kundebevaring ${PERIOD[kind].per}: en kunde regnes som aktiv i ${f.integer(activeDays)} ${activeDays === 1 ? "dag" : "dager"} etter hver ordre; kundebevaringsrate = beholdte kunder ÷ kunder ved start.`,
        tableHeaders: ["Periodestart", "Kunder ved start", "Nye", "Reaktiverte", "Kunder ved slutt", "Beholdt", "Kundebevaringsrate", "Frafalt"],
        curveTitle: (cohorts: number) =>
          cohorts === 1 ? "Diagramdata: kundebevaringskurven for den nyeste kohorten" : `Diagramdata: kundebevaringskurver for de ${f.integer(cohorts)} nyeste kohortene`,
        curvePeriod: (kind: PeriodKind) => PERIOD[kind].noun,
        /** Cohort labels in the chart data: "2024-03", "2024-U10" (uke), "2024-K1" (kvartal), "2024"; they sort as text. */
        cohortLabel: (kind: PeriodKind, year: number, month: number, isoWeekYear: number, isoWeek: number) => {
          switch (kind) {
            case "week":
              return `${isoWeekYear}-U${String(isoWeek).padStart(2, "0")}`;
            case "month":
              return `${year}-${String(month).padStart(2, "0")}`;
            case "quarter":
              return `${year}-K${Math.floor((month - 1) / 3) + 1}`;
            default:
              return String(year);
          }
        },
        chartTitle: "Kundebevaringskurver for de nyeste kohortene",
        dateFormat: "yyyy-mm-dd",
      },
    },
    warehouse: {
      intro: "For ordrelogger som er større enn et ark: få SQL-koden som beregner de samme tallene i databasen din.",
      analysis: "Analyse",
      analyses: {
        rfmTable: "RFM-tabell (som RFMTABLE)",
        rfmScores: "RFM-poeng (som RFMSCORE)",
        rfmSegments: "RFM-segmenter (som RFMSEGMENT)",
        btydGrouped: "BTYD-sammendrag, gruppert (for BGNBDFIT med vekter)",
        btydCustomers: "BTYD-sammendrag per kunde (som BTYDSUMMARY)",
        btydSpend: "Gjenkjøpernes kjøpsbeløp (for GAMMAGAMMAFIT)",
        holdoutGrouped: "Sammendrag for kalibrering og testperiode, gruppert",
        clvJoin: "Forventede kjøp og CLV per kunde (last inn gruppetabellen og koble)",
        cohorts: "Kohorttrekant, lang form (som COHORTS)",
        retention: "Kundebevaring per periode (som RETENTIONBYPERIOD)",
      },
      dialect: "Database",
      table: "Ordretabell",
      tableHint: "Et enkelt navn eller et navn med punktum, for eksempel sales.orders.",
      customerId: "Kolonne med kunde-ID",
      orderDate: "Kolonne med ordredato",
      amount: "Kolonne med beløp",
      asOf: "Skjæringsdato",
      asOfHint: "ÅÅÅÅ-MM-DD; la stå tom for datoen for siste ordre. For sammendraget med testperiode er dette slutten på testperioden.",
      calibrationEnd: "Slutt på kalibreringen",
      unit: "Tidsenhet",
      units: { day: "Dager", week: "Uker", month: `Måneder (à ${f.number(30.4375, 4)} dager)` } as Record<TimeUnit, string>,
      wholePeriods: (unit: TimeUnit) => (unit === "month" ? "Tell hele kalendermåneder" : "Tell hele kalenderuker (mandag til søndag)"),
      wholePeriodsHint:
        "Kjøp i samme uke eller måned teller som ett, og t_x og T blir hele antall av dem, slik BTYDSUMMARY(…; SANN) og freq=\"W\" i lifetimes teller. Den grupperte oppsummeringen får da langt færre rader. Tilpass og prognostiser i samme enhet; CLV-gruppetabellen trenger fortsatt oppsummeringen i dager.",
      period: "Periode",
      sql: "SQL",
      copy: "Kopier",
      copied: "Kopiert",
      save: "Lagre .sql",
      note:
        "Kjør dette i databasen din, og lim inn eller last inn resultatet i et ark. Den nevnte LOYALTY-formelen regner på det: for det grupperte sammendraget oppgir du kundekolonnen som vektene i BGNBDFIT.",
      refused: (field: string, reason: RefusalReason, message: string) => {
        switch (reason) {
          case "name":
            return `${field}: Navnet avvises. Det må være et enkelt navn av bokstaver, sifre og _ (for en tabell også delt med punktum, for eksempel sales.orders), uten anførselstegn, semikolon, kommentartegn eller mellomrom.`;
          case "date":
            return `${field}: Dette er ikke en gyldig dato. Oppgi den som ÅÅÅÅ-MM-DD, for eksempel 2024-12-31.`;
          case "amount":
            return `${field}: Denne analysen trenger ordrebeløpene. Oppgi kolonnen med beløp.`;
          case "order":
            return `${field}: Skjæringsdatoen (slutten på testperioden) må komme etter slutten på kalibreringen; testperioden er tiden mellom dem.`;
          case "holdoutEnd":
            return `${field}: Testperioden trenger en skjæringsdato som slutt (ÅÅÅÅ-MM-DD).`;
          case "number":
            return `${field}: Skriv inn et tall, for eksempel 0,25.`;
          case "file":
            return `${field}: Denne plasseringen avvises. Tillatt er bokstaver, sifre, mellomrom og _ . - / : @ ~ +, med skråstrek i stedet for omvendt skråstrek (C:/Users/meg/clv_groups.csv); ingen anførselstegn og ikke semikolon.`;
          default:
            return `${field}: Inndataene avvises (melding fra SQL-generatoren: ${message}).`;
        }
      },
      clv: {
        paramsHint: "Hent parameterne fra blokkene til BGNBDFIT (estimert på den grupperte oppsummeringen) og GAMMAGAMMAFIT, estimert i tidsenheten valgt over.",
        r: "BG/NBD-parameter r",
        alpha: "BG/NBD-parameter alfa (α)",
        a: "BG/NBD-parameter a",
        b: "BG/NBD-parameter b",
        p: "Gamma-Gamma-parameter p",
        q: "Gamma-Gamma-parameter q",
        v: "Gamma-Gamma-parameter v (γ)",
        horizonMonths: "Prognoseperiode i måneder",
        monthlyDiscountRate: "Månedlig diskonteringsrente",
        monthlyDiscountHint: "Som andel: 1 % i måneden er 0,01.",
        marginRate: "Margin på omsetningen",
        marginHint: "Som andel: 30 % er 0,3; 1 gir omsetningen.",
        groupTable: "Gruppetabell i databasen",
        csvFile: "Hvor CSV-filen skal ligge",
        csvFileHint: "Stien databasen leser den fra, med skråstrek (C:/Users/meg/clv_groups.csv); for BigQuery en gs://-adresse eller en lokal sti for bq load.",
        heading: "Gruppetabellen (CSV)",
        intro:
          "Velg den grupperte BTYD-oppsummeringen databasen ga deg (analysen «BTYD-oppsummering, gruppert», lagret som CSV). Oppgaveruten beregner P(alive), forventede kjøp og diskonterte kjøp for hver ulike kjøpshistorikk, her på denne datamaskinen; ingenting lastes opp.",
        file: "Gruppert BTYD-oppsummering (CSV)",
        running: "Beregner gruppetabellen …",
        done: (groups: number, rows: number) => `${f.integer(groups)} ${groups === 1 ? "gruppe" : "grupper"} fra ${f.integer(rows)} ${rows === 1 ? "linje" : "linjer"}, klar til nedlasting.`,
        notSettled: (groups: number) =>
          `${f.integer(groups)} ${groups === 1 ? "gruppe" : "grupper"} mangler forventede kjøp: rekken konvergerte ikke (en prognoseperiode som er svært lang sammenlignet med alfa + T). Disse feltene står tomme, så disse kundene får ingen CLV.`,
        download: "Last ned clv_groups.csv",
        badNumber: (field: string) => `${field}: Skriv inn et tall, for eksempel 0,25.`,
        badParams: (detail: string) => `Disse parameterne kan ikke brukes (melding: ${detail}).`,
        problem: (p: ClvRunProblem) => {
          switch (p.kind) {
            case "empty":
              return "Filen har ingen overskriftslinje etterfulgt av datalinjer.";
            case "missingColumn":
              return `Filen mangler kolonnen ${p.column}. Bruk CSV-filen fra den grupperte BTYD-oppsummeringen: overskriftslinjen dens har x, t_x_days og T_days.`;
            case "badValue":
              return `Linje ${f.integer(p.line)}: ${p.column} er «${p.value}», forventet et heltall.`;
            case "badHistory":
              return `Linje ${f.integer(p.line)} er ingen kjøpshistorikk i hele dager (melding: ${p.detail}).`;
            default:
              return `Gruppetabellen kunne ikke beregnes (melding: ${p.detail}).`;
          }
        },
        note:
          "Last inn CSV-filen og kjør SQL-en over i databasen, med samme skjæringsdato og tidsenhet som den grupperte oppsummeringen. Du får per kunde P(alive), forventede kjøp i prognoseperioden og CLV = diskonterte kjøp × forventet kjøpsbeløp × margin, de samme tallene som LOYALTY.PALIVE, EXPECTEDPURCHASES og PREDICTEDCLV.",
      },
    },

    files: {
      heading: "Åpne en fil …",
      intro: "Velg en CSV- eller Parquet-eksport av ordrene dine. Den leses her, på denne datamaskinen; ingenting lastes opp.",
      fileLabel: "Ordrefil (CSV eller Parquet)",
      notSupported: (name: string) => `«${name}» er ikke en CSV- eller Parquet-fil. Velg en fil som slutter på .csv eller .parquet.`,
      dialect: (delimiter: string, decimal: string, dates: string) => `Feltene er skilt med ${delimiter}, desimaltegn ${decimal}, datoer som ${dates}.`,
      delimiterNames: { ",": "komma", ";": "semikolon", "\t": "tabulator", "|": "loddrett strek" } as Record<string, string>,
      decimalNames: { ".": "punktum", ",": "komma" } as Record<string, string>,
      dateNames: { iso: "2024-12-31", dmy: "31.12.2024" } as Record<string, string>,
      parquetColumns: "En Parquet-fil har med seg egne kolonnenavn og datatyper.",
      idLabel: "Kolonne med kunde-ID",
      dateLabel: "Kolonne med ordredato",
      amountLabel: "Kolonne med beløp",
      noColumn: "(ingen)",
      analysisLabel: "Analyse",
      rfmTable: "RFM-tabell (én rad per kunde)",
      btydGrouped: "BTYD-sammendrag, gruppert (for BGNBDFIT med vekter)",
      rfmSegments: "RFM-poeng og -segmenter (én rad per kunde)",
      holdoutGrouped: "Sammendrag for kalibrering og testperiode, gruppert (for Kontroller modellen)",
      cohorts: "Kohorttrekant, lang form (én rad per kohort og periode)",
      retention: "Kundebevaring per periode (én rad per periode)",
      unitLabel: "Tidsenhet",
      calibrationLabel: "Slutt på kalibreringen",
      calibrationHint:
        "La feltet stå tomt for datoen Kontroller modellen ville velge: midt mellom 1. og 99. persentil av ordredatoene. Testperioden går til siste ordredato.",
      badCalibrationText: (example: string) => `Oppgi slutten på kalibreringen som en dato, for eksempel ${example}, eller la feltet stå tomt for standardverdien.`,
      badCalibrationEnd: (first: string, last: string) =>
        `Slutten på kalibreringen må ligge etter filens første ordredato (${first}) og før den siste (${last}), slik at både kalibreringsperioden og testperioden har ordrer.`,
      run: "Kjør på denne filen",
      running: "Leser filen med DuckDB",
      writing: "Skriver det nye arket",
      progressRows: (done: number, total: number) => `${f.integer(done)} av ${f.integer(total)} rader`,
      cancel: "Avbryt",
      cancelled: "Avbrutt. Ingen ark ble liggende igjen.",
      done: (sheet: string, rows: number, orders: number) =>
        `Skrev ${f.integer(rows)} ${rowWord(rows)} fra ${f.integer(orders)} ${orders === 1 ? "ordre" : "ordrer"} til det nye arket ${sheet}.`,
      holdoutDone: (sheet: string, rows: number, orders: number, calibrationEnd: string, holdoutEnd: string) =>
        `Skrev ${f.integer(rows)} ${rowWord(rows)} fra ${f.integer(orders)} ${orders === 1 ? "ordre" : "ordrer"} til det nye arket ${sheet}, med kalibrering til og med ${calibrationEnd} og testperiode til ${holdoutEnd}. Merk tabellen med overskriftsraden og kjør Kontroller modellen på den.`,
      needColumns: "Velg kolonnene med kunde-ID og ordredato.",
      needAmount: "RFM-tabellen, -poengene og -segmentene trenger kolonnen med beløp.",
      tooManyCustomers: (customers: number) =>
        `${f.integer(customers)} kunder får ikke plass på ett Excel-ark (${f.integer(1048576)} rader). Velg heller en gruppert eller aggregert form: det grupperte BTYD-sammendraget eller sammendraget for kalibrering og testperiode (én rad per ulik kjøpshistorikk), kohorttrekanten eller kundebevaring per periode.`,
      tooManyRows: (rows: number) =>
        `Resultatet har ${f.integer(rows)} rader, flere enn det er plass til på ett Excel-ark (${f.integer(1048576)} rader). Kjør analysen som SQL i databasen din (fanen Datavarehus), eller eksporter færre ordrer (for eksempel ett år) og prøv igjen.`,
      outOfMemory:
        "Denne filen trenger mer minne enn ruten kan bruke. Kjør den samme analysen som SQL i databasen din (fanen Datavarehus), eller eksporter færre ordrer (for eksempel ett år) og prøv igjen.",
      parquetCodec: (column: string, codec: string) =>
        `Kolonnen «${column}» i denne Parquet-filen er komprimert med ${codec}, som ruten ikke kan lese. Eksporter filen ukomprimert eller med Snappy-komprimering (for eksempel COMPRESSION snappy i DuckDB, compression="snappy" i pandas eller pyarrow), eller som CSV.`,
      parquetColumnType: (column: string, type: string) =>
        `Kolonnen «${column}» inneholder verdier av typen ${type}, som ikke kan brukes til denne rollen. Kunde-ID-er må være tekst eller heltall, ordredatoer DATE, TIMESTAMP eller ISO-tekst som 2024-12-31, beløp tall (DOUBLE, DECIMAL eller heltall).`,
      parquetBadDate: (column: string, row: number, text: string) =>
        `Rad ${f.integer(row)} i kolonnen «${column}» inneholder «${text}», som ikke er en dato som 2024-12-31.`,
      parquetUnreadable: "Denne filen kunne ikke leses som Parquet. Sjekk at .parquet-filen er fullstendig, eller eksporter ordrene som CSV.",
      engineServedWrong: (contentType: string) =>
        `Filmotoren i ruten kunne ikke starte: Webserveren til tillegget sender WebAssembly-filen som «${contentType}», men nettlesere kjører den bare når den sendes som application/wasm. Be den som drifter tillegget, om å levere .wasm-filer som application/wasm.`,
      failed: (message: string) => `Filen kunne ikke analyseres: ${message}`,
      csvNoData: "Filen har ingen overskriftslinje etterfulgt av datalinjer.",
      csvNoDelimiter: "Kolonnene kan ikke skilles fra hverandre: feltene må være skilt med , ; tabulator eller |, og like mange på hver linje.",
      sheetName: {
        rfmTable: "RFM fra fil",
        btydGrouped: "BTYD-grupper fra fil",
        rfmSegments: "RFM-segmenter fra fil",
        holdoutGrouped: "Testperiode fra fil",
        cohorts: "Kohorter fra fil",
        retention: "Kundebevaring fra fil",
      } as Record<string, string>,
      sheetTitle: (file: string, analysis: string) => `${analysis}, fra ${file}`,
      wholePeriodsTitle: (file: string, unit: TimeUnit): string =>
        `BTYD-oppsummering i hele kalender${unit === "month" ? "måneder" : "uker"}, gruppert (for BGNBDFIT med vekter), fra ${file}. x, t_x og T teller hele ${unit === "month" ? "måneder" : "uker (mandag til søndag)"}, som BTYDSUMMARY(…; SANN).`,
      holdoutTitle: (file: string, calibrationEnd: string, holdoutEnd: string, unit: string) =>
        `Sammendrag for kalibrering og testperiode, gruppert, fra ${file}: kalibrering til og med ${calibrationEnd}, deretter testperiode til ${holdoutEnd}; t_x, T og holdout_length i ${unit}; siste kolonne teller kundene med radens kjøpshistorikk.`,
      cohortsTitle: (file: string, kind: PeriodKind) =>
        `Kohorttrekant ${PERIOD[kind].per}, lang form, fra ${file}: andel = aktive kunder ÷ kohortens størrelse; aktive kunder og andel er tomme der ${PERIOD[kind].the} ikke er avsluttet ennå.`,
      retentionTitle: (file: string, kind: PeriodKind, activeDays: number) =>
        `Kundebevaring ${PERIOD[kind].per}, fra ${file}: en kunde regnes som aktiv i ${f.integer(activeDays)} ${activeDays === 1 ? "dag" : "dager"} etter hver ordre; kundebevaringsrate = beholdte kunder ÷ kunder ved start.`,
      incompleteName: (name: string) => `${name} (ufullstendig)`,
      dateFormat: "yyyy-mm-dd",
    },
  };
}
