/**
 * Every user-facing text of the pane, in Norwegian Bokmål (nb-NO; Nynorsk users get it too, as
 * the function help does). Same shape as en.ts (`Strings`): a missing or extra key fails to
 * compile. Written in the vocabulary of Norwegian customer analytics (kundelojalitet, frafall,
 * kundeverdi, gjenkjøp), not word for word; Excel's own Norwegian terms where the pane points at
 * Excel (Se gjennom › Beskytt arbeidsbok, SANN/USANN). Numbers and dates go through `f`.
 */
import type { Segment } from "../../analytics/segments/loyaltySegment";
import type { BehaviourMeasure } from "../model/behaviour";
import type { TimeUnit } from "../../analytics/orders/timeUnit";
import type { AttitudeScale, BtydRole, Role } from "../model/mapping";
import type { IssueReason } from "../model/segmentRun";
import type { PeriodKind } from "../../analytics/orders/calendarPeriods";
import type { LogIssue } from "../retention/retentionRun";
import type { Formatter } from "../i18n/format";
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

const rowWord = (n: number): string => (n === 1 ? "rad" : "rader");

/** The Norwegian Bokmål strings with numbers and dates in `f`. */
export function norwegianStrings(f: Formatter): Strings {
  return {
    locale: f.locale,
    format: f,
    appTitle: "Loyalty Lens",
    appIntro: "Merk en kundetabell, klikk på Segmenter, og se hvem som er lojale og hva du bør gjøre videre.",

    host: {
      noExcel: "Åpne dette panelet i Excel for å segmentere en arbeidsbok. Utenfor Excel kan det bare vise denne siden.",
      tooOld: (needed: string) =>
        `Denne versjonen av Excel er for gammel for segmenteringspanelet: det krever ${needed} (Excel 2019, Microsoft 365 eller Excel på nettet). Oppdater Office og prøv igjen.`,
    },

    pick: {
      heading: "1. Velg dataene",
      useSelection: "Bruk merket område",
      reading: "Leser det merkede området …",
      hint: "Merk kundetabellen (eller én celle i den), og klikk deretter på Bruk merket område.",
      picked: (address: string, rows: number) => `${address}: ${f.integer(rows)} ${rows === 1 ? "kunderad" : "kunderader"}`,
      headersCheckbox: "Første rad inneholder kolonnenavn",
    },

    map: {
      heading: "2. Koble kolonnene",
      notMapped: "(ingen)",
      roles: ROLE_NAMES,
      roleHelp: {
        id: "Obligatorisk. Én rad per kunde.",
        attitude: "Hva kundene synes om dere.",
        recency: "Dager siden siste ordre, eller datoen for den.",
        firstOrder: "For ordrer per år som kunde.",
        frequency: "Antall ordrer.",
        monetary: "Omsetning fra kunden.",
        cost: "Valgfritt: for fortjeneste per segment.",
        priceDriven: `Valgfritt: SANN/USANN eller en andel fra 0 til 1; ${f.number(0.5)} eller mer regnes som prisdrevet.`,
        recurring: "Valgfritt: f.eks. månedlig inntekt.",
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
      target: "Skriv resultatet til",
      targetSheet: "Et nytt ark",
      targetBeside: "En segmentkolonne ved siden av dataene",
      targetInsert: "En ny kolonne satt inn ved siden av dataene",
      segment: "Segmenter",
      segmentRfm: "Lag RFM-segmenter",
      cancel: "Avbryt",
      phase: { reading: "Leser rader", computing: "Segmenterer", writing: "Skriver resultater", formatting: "Formaterer" },
      progress: (done: number, total: number) => `${f.integer(done)} av ${f.integer(total)} rader`,
      startOver: "Segmenter andre data",
      wroteSheet: (name: string) => `Resultatene står på arket «${name}».`,
      wroteColumn: "Resultatene står i segmentkolonnen ved siden av dataene.",
      notFormatted: "Verdiene er skrevet, men Excel kunne ikke bruke tabellen, fargene eller diagrammet.",
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
      table: "Kunder, omsetning og fortjeneste per segment",
      columns: {
        segment: "Segment",
        customers: "Kunder",
        customerShare: "Andel av kundene",
        revenue: "Omsetning",
        revenueShare: "Andel av omsetningen",
        profit: "Fortjeneste",
        recurring: "Løpende inntekt",
        averageAttitude: "Gjennomsnittsverdi",
      },
      totals: (customers: number) => `${f.integer(customers)} ${customers === 1 ? "kunde" : "kunder"} segmentert`,
      cutoffUsed: (measure: string, rule: string) => `Kjøpsatferd: ${measure}; høy betyr ${rule}.`,
      ruleAboveMedian: (value: string) => `over medianen (${value})`,
      ruleAtLeast: (value: string) => `minst ${value}`,
      chartTitle: "Andel av kundene og av omsetningen per segment",
      chartCustomers: "Kunder",
      chartRevenue: "Omsetning",
      actionsHeading: "Anbefalte tiltak",
      skippedHeading: "Rader som ikke ble segmentert",
      skipped: (count: number, reason: string, rows: readonly number[], more: boolean) =>
        `${f.integer(count)} ${rowWord(count)} hoppet over: ${reason} (${rowWord(count)} ${rows.join(", ")}${more ? ", …" : ""})`,
    },

    actions: {
      Loyal: "Belønn dem med eksklusive fordeler, og be dem anbefale dere videre.",
      Reachable: "Finn ut hva som hindrer dem i å bli helt fornøyde, og rett det opp før et tilbud fra en konkurrent lokker dem over.",
      "Locked-in": "Finn ut hva de trenger: De forsvinner så snart det blir enklere å bytte.",
      "High-risk": "Ikke bruk lojalitetsbudsjettet på kunder som bare jakter på pris, men rett opp i berettigede klager.",
    } as Record<Segment, string>,

    segmentLabel: { Loyal: "Lojal", Reachable: "Påvirkbar", "Locked-in": "Innelåst", "High-risk": "Høy risiko" } as Record<Segment, string>,

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
      }
    },

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
        issue: "Problem",
      },
      summaryHeaders: {
        segment: "Segment",
        customers: "Kunder",
        revenueShare: "Andel av omsetningen",
        customerShare: "Andel av kundene",
        revenue: "Omsetning",
        profit: "Fortjeneste",
        recurring: "Løpende inntekt",
        averageAttitude: "Gjennomsnittsverdi",
      },
      chartTitle: "Kunder og andel av omsetningen per segment",
    },
    btyd: {
      map: {
        heading: "Forventet kundeverdi (valgfritt)",
        roles: { x: "Gjenkjøp (x)", tx: "t_x (første til siste kjøp)", T: "T (første kjøp til beregningsdato)" } as Record<BtydRole, string>,
        roleHelp: {
          x: "Kjøp etter det første, slik LOYALTY.BTYDSUMMARY gir dem.",
          tx: "Tiden fra første til siste kjøp.",
          T: "Tiden fra første kjøp til beregningsdatoen.",
        } as Record<BtydRole, string>,
        unitLabel: "x, t_x og T er målt i",
        units: { day: "Dager", week: "Uker", month: `Måneder (${f.number(30.4375, 4)} dager)` } as Record<TimeUnit, string>,
        unitInSentence: { day: "dager", week: "uker", month: "måneder" } as Record<TimeUnit, string>,
        mapped: "P(aktiv), forventede kjøp og forventet verdi legges til fra kolonnene x, t_x og T.",
        derived:
          "x, t_x og T utledes i uker fra datoen for første ordre, siste ordre og antall ordrer (x = ordrer − 1). Hver ordre regnes da som en egen kjøpsdag: to ordrer samme dag teller som to kjøp.",
        none: "For å legge til P(aktiv), forventede kjøp og forventet verdi per kunde kobler du dato for første ordre, recency og ordrer – eller x, t_x og T.",
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
          `x, t_x og T ble utledet i uker fra dato for første ordre, dager siden siste ordre og antall ordrer; beregningsdatoen ${asOf} er den tidligste datoen som passer for alle radene. Hver ordre regnes som en egen kjøpsdag.`,
        mapped: (unit: string) => `x, t_x og T ble lest fra de koblede kolonnene, i ${unit}.`,
        spend:
          "Verdi per kjøp er omsetning ÷ ordrer, altså gjennomsnittlig ordreverdi inkludert første ordre: tabellen inneholder ikke verdien av første ordre, så gjennomsnittet av gjenkjøpene alene kan ikke beregnes.",
        noRevenue: "Ingen omsetningskolonne er koblet, så bare kjøp prognostiseres, ikke verdi.",
        spendFailed: (message: string) => `Forventet verdi er utelatt: forbruksmodellen kunne ikke tilpasses (${message}).`,
        oneTime: "Engangskunder er merket som det: modellen kan ikke avgjøre om de fortsatt er aktive.",
        unusable: (count: number, rows: readonly number[], more: boolean) =>
          `${f.integer(count)} ${count === 1 ? "kunde" : "kunder"} har ingen brukbar kjøpshistorikk, så prognosecellene er tomme (${rowWord(count)} ${rows.join(", ")}${more ? ", …" : ""}).`,
        failed: (message: string) => `Kundeverdien kunne ikke prognostiseres, så de kolonnene er utelatt; segmentene er fullstendige. Modellen melder: ${message}.`,
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
        pickHint: "Merk ordreloggen (én rad per ordre, med kunde-ID og ordredato), og klikk deretter på Bruk ordrelogg.",
        useLog: "Bruk ordrelogg",
        reading: "Leser ordreloggen …",
        picked: (address: string, rows: number) => `${address}: ${f.integer(rows)} ${rows === 1 ? "ordre" : "ordrer"}`,
        idColumn: "Kolonne med kunde-ID",
        dateColumn: "Kolonne med ordredato",
        calibrationEnd: "Kalibreringen slutter",
        calibrationHelp: (from: string, to: string) =>
          `Loggen går fra ${from} til ${to}. Modellen lærer av ordrene til og med denne datoen og kontrolleres mot ordrene etter den.`,
        run: "Kontroller modellen",
        fitting: "Tilpasser modellen …",
        needColumns: "Velg kolonnen med kunde-ID og kolonnen med ordredato.",
        noDates: "Ingen ordre har både kunde-ID og dato. Merk ordreloggen med kolonnene for ID og dato.",
        badDate: (from: string, to: string) => `Oppgi slutten på kalibreringen som en dato etter ${from} og før ${to}, for eksempel ${from}.`,
        failed: (message: string) =>
          `Modellen kunne ikke tilpasses på kalibreringsperioden: ${message}. Prøv en senere sluttdato for kalibreringen eller en lengre ordrelogg.`,
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
      },
    },
    retention: {
      tabs: { label: "Visninger", segment: "Segmentering", retention: "Kundelojalitet" },
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
      run: {
        heading: "4. Lag kohortene",
        build: "Lag kohorter",
        cancel: "Avbryt",
        phase: { reading: "Leser ordrer", computing: "Lager kohorter", writing: "Skriver arket Kohorter" },
        progress: (done: number, total: number) => `${f.integer(done)} av ${f.integer(total)} rader`,
        startOver: "Bruk andre data",
        wroteSheet: (name: string) => `Kohorttrekanten, periodetabellen og diagrammet står på arket «${name}».`,
        notFormatted: "Verdiene er skrevet, men Excel kunne ikke bruke tallformatene, fargeskalaen eller diagrammet.",
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
          `Ingen kunde har bestilt igjen i ${PERIOD[kind].later} enn ${PERIOD[kind].pronoun} de bestilte første gang i, så det finnes ingen kundelojalitet å vise. Prøv en kortere periode, eller en ordrelogg som dekker lengre tid.`,
        core: (detail: string) => `Kohortene kunne ikke lages: ${detail}`,
        empty: "Det merkede området er tomt. Merk ordreloggen (med overskriftsraden) og prøv igjen.",
        singleRow: "Det merkede området har bare én rad. Merk hele ordreloggen, én ordre per rad.",
        structureProtected: "Arbeidsbokens struktur er beskyttet, så arket Kohorter kan ikke legges til. Opphev beskyttelsen (Se gjennom › Beskytt arbeidsbok) og prøv igjen.",
      },
      curve: {
        heading: "Lojalitetskurver",
        tableLabel: "Andelen av hver kohort som bestilte igjen, etter antall perioder siden den første",
        title: (cohorts: number) => (cohorts === 1 ? "Lojalitetskurven for den nyeste kohorten" : `Lojalitetskurver for de ${f.integer(cohorts)} nyeste kohortene`),
        xAxis: (kind: PeriodKind) => `${PERIOD[kind].plural} etter første ordre`,
        yAxis: "Andel av kohorten",
        noCurve: (kind: PeriodKind) => `Ingen kohort har ennå ${PERIOD[kind].whole} bak seg etter ${PERIOD[kind].first}, så det er ingen kurve å vise.`,
        reading: (kind: PeriodKind, cohort: string, share: string) => `Av kundene som kjøpte første gang i ${cohort}, kjøpte ${share} igjen ${PERIOD[kind].the} etter.`,
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
          `${f.integer(count)} ${rowWord(count)} utelatt: ${reason} (${rowWord(count)} ${rows.join(", ")}${more ? ", …" : ""})`,
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
          `Kundelojalitet ${PERIOD[kind].per}: en kunde regnes som aktiv i ${f.integer(activeDays)} ${activeDays === 1 ? "dag" : "dager"} etter hver ordre; lojalitetsrate = beholdte kunder ÷ kunder ved start.`,
        tableHeaders: ["Periodestart", "Kunder ved start", "Nye", "Reaktiverte", "Kunder ved slutt", "Beholdt", "Lojalitetsrate", "Frafalt"],
        curveTitle: (cohorts: number) =>
          cohorts === 1 ? "Diagramdata: lojalitetskurven for den nyeste kohorten" : `Diagramdata: lojalitetskurver for de ${f.integer(cohorts)} nyeste kohortene`,
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
        chartTitle: "Lojalitetskurver for de nyeste kohortene",
        dateFormat: "yyyy-mm-dd",
      },
    },
  };
}
