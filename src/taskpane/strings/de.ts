/**
 * Every user-facing text of the pane, in German (de-DE, also de-AT/-CH/-LU/-LI). Same shape as
 * en.ts (`Strings`): a missing or extra key fails to compile. Written in the vocabulary of German
 * customer analytics (Kundenbindung, Abwanderung, Kundenwert, Wiederkaufrate), not word for word;
 * Excel's own German terms where the pane points at Excel (Überprüfen › Arbeitsmappe schützen).
 * Numbers and dates go through `f` (the user's regional settings), never toLocaleString.
 */
import type { Segment } from "../../analytics/segments/loyaltySegment";
import type { BehaviourMeasure } from "../model/behaviour";
import type { TimeUnit } from "../../analytics/orders/timeUnit";
import type { AttitudeScale, BtydRole, Role } from "../model/mapping";
import type { IssueReason } from "../model/segmentRun";
import type { PeriodKind } from "../../analytics/orders/calendarPeriods";
import type { LogIssue, RetentionSource } from "../retention/retentionRun";
import type { Formatter } from "../i18n/format";
import type { FitRefusal } from "../../analytics/numeric/fitBoundary";
import type { SheetChange } from "../excel/types";
import type { RefusalReason } from "../warehouse/warehouseSql";
import type { HoldoutIssue, HoldoutRole } from "../model/holdoutTable";
import type { ClvRunProblem } from "../warehouse/clvGroupsRun";
import type { Strings } from "./en";
import type { CohortIssue, CohortRole } from "../retention/cohortLongTable";
import type { PeriodTableIssue, PeriodTableRole } from "../retention/periodRetentionTable";

const ROLE_NAMES: Record<Role, string> = {
  id: "Kunden-ID",
  attitude: "Einstellung",
  recency: "Recency (letzter Kauf)",
  firstOrder: "Datum der Erstbestellung",
  frequency: "Frequenz (Bestellungen)",
  monetary: "Umsatz",
  cost: "Betreuungskosten",
  priceDriven: "Anteil rabattierter Käufe",
  recurring: "Wiederkehrender Umsatz",
  weight: "Kunden pro Zeile (Gewicht)",
};

const ROLE_IN_SENTENCE: Record<Role, string> = {
  id: "Kunden-ID",
  attitude: "Einstellungswert",
  recency: "Recency",
  firstOrder: "Datum der Erstbestellung",
  frequency: "Bestellanzahl",
  monetary: "Umsatz",
  cost: "Betreuungskosten",
  priceDriven: "Rabattanteil",
  recurring: "wiederkehrender Umsatz",
  weight: "Kunden pro Zeile",
};

const SCALE_RANGE: Record<AttitudeScale, string> = {
  recommend: "Weiterempfehlungswert nicht zwischen 0 und 10",
  satisfaction: "Zufriedenheitswert nicht zwischen 1 und 5",
  referrals: "Anzahl Empfehlungen keine ganze Zahl ab 0",
};

/** German nouns have a gender: "in jeder späteren Woche", "in jedem späteren Monat". */
const PERIOD: Record<PeriodKind, { noun: string; plural: string; ofFirst: string; every: string; next: string; anotherWhole: string; per: string; in: string }> = {
  week: { noun: "Woche", plural: "Wochen", ofFirst: "der Woche", every: "in jeder späteren Woche", next: "in der folgenden Woche", anotherWhole: "auf ihre erste Woche schon eine weitere volle Woche", per: "pro Woche", in: "in der" },
  month: { noun: "Monat", plural: "Monate", ofFirst: "dem Monat", every: "in jedem späteren Monat", next: "im folgenden Monat", anotherWhole: "auf ihren ersten Monat schon ein weiterer voller Monat", per: "pro Monat", in: "im" },
  quarter: { noun: "Quartal", plural: "Quartale", ofFirst: "dem Quartal", every: "in jedem späteren Quartal", next: "im folgenden Quartal", anotherWhole: "auf ihr erstes Quartal schon ein weiteres volles Quartal", per: "pro Quartal", in: "im" },
  year: { noun: "Jahr", plural: "Jahre", ofFirst: "dem Jahr", every: "in jedem späteren Jahr", next: "im folgenden Jahr", anotherWhole: "auf ihr erstes Jahr schon ein weiteres volles Jahr", per: "pro Jahr", in: "im Jahr" },
};

/** "eines Monats" and where such periods start, for messages about cohort and period starts. */
const PERIOD_OF: Record<PeriodKind, string> = { week: "einer Woche", month: "eines Monats", quarter: "eines Quartals", year: "eines Jahres" };
/** With article, for "der Monat ab 2024-03-01", "bis zum Monat ab …", "endet mit dem Monat ab …", "für jeden Monat". */
const PERIOD_THE: Record<PeriodKind, { the: string; toThe: string; withThe: string; every: string }> = {
  week: { the: "die Woche", toThe: "zur Woche", withThe: "mit der Woche", every: "jede Woche" },
  month: { the: "der Monat", toThe: "zum Monat", withThe: "mit dem Monat", every: "jeden Monat" },
  quarter: { the: "das Quartal", toThe: "zum Quartal", withThe: "mit dem Quartal", every: "jedes Quartal" },
  year: { the: "das Jahr", toThe: "zum Jahr", withThe: "mit dem Jahr", every: "jedes Jahr" },
};
const PERIOD_STARTS: Record<PeriodKind, string> = {
  week: "Wochen beginnen montags",
  month: "Monate beginnen am 1.",
  quarter: "Quartale beginnen am 1. Januar, 1. April, 1. Juli oder 1. Oktober",
  year: "Jahre beginnen am 1. Januar",
};

/** A change someone else made on the sheet, in words: "Zelle J7 wurde geändert", "eine Spalte wurde eingefügt (D:D)". */
function changeText(change: SheetChange): string {
  const a = change.address;
  const many = a.includes(":");
  switch (change.kind) {
    case "edited":
      return many ? `die Zellen ${a} wurden geändert` : `die Zelle ${a} wurde geändert`;
    case "inserted":
      return /^[A-Z]+:[A-Z]+$/.test(a) ? `eine Spalte wurde eingefügt (${a})` : /^\d+:\d+$/.test(a) ? `eine Zeile wurde eingefügt (${a})` : `bei ${a} wurden Zellen eingefügt`;
    case "deleted":
      return `Zellen wurden gelöscht (${a})`;
    case "sorted":
      return `Zeilen wurden sortiert (${a})`;
    case "resized":
      return `der Datenbereich ist größer oder kleiner geworden (jetzt ${a})`;
  }
}

/** "3 Zellen, die es geschrieben hatte, wurden wieder geleert; 1 Zelle, die Sie geändert hatten, blieb unverändert." */
function undoText(f: Formatter, cleared: number, kept: number): string {
  const out = `${cleared === 1 ? "1 Zelle, die Loyalty Lens geschrieben hatte, wurde" : `${f.integer(cleared)} Zellen, die Loyalty Lens geschrieben hatte, wurden`} wieder geleert`;
  return kept === 0 ? `${out}.` : `${out}; ${kept === 1 ? "1 Zelle, die Sie geändert hatten, blieb" : `${f.integer(kept)} Zellen, die Sie geändert hatten, blieben`} unverändert.`;
}

/** Segment names as the pane shows them (also inside the price-override text). */
const SEGMENT_LABEL: Record<Segment, string> = { Loyal: "Loyal", Reachable: "Erreichbar", "Locked-in": "Zwangsgebunden", "High-risk": "Hochrisiko" };

const rowWord = (n: number): string => (n === 1 ? "Zeile" : "Zeilen");

/** The German strings with numbers and dates in `f`. */
export function germanStrings(f: Formatter): Strings {
  return {
    locale: f.locale,
    format: f,
    appTitle: "Loyalty Lens",
    appIntro: "Kundentabelle markieren, auf „Segmentieren“ klicken und sehen, wer loyal ist und was als Nächstes zu tun ist.",
    loadingView: "Wird geladen…",

    host: {
      noExcel: "Öffnen Sie diesen Bereich in Excel, um eine Arbeitsmappe zu segmentieren. Außerhalb von Excel kann er nur diese Seite anzeigen.",
      tooOld: (needed: string) =>
        `Diese Excel-Version ist für den Segmentierungsbereich zu alt: Er benötigt ${needed} (Excel 2019, Microsoft 365 oder Excel im Web). Aktualisieren Sie Office und versuchen Sie es erneut.`,
    },

    pick: {
      heading: "1. Daten auswählen",
      useSelection: "Markierung übernehmen",
      reading: "Markierung wird gelesen…",
      editModeHint: "Excel antwortet noch nicht. Wird gerade eine Zelle bearbeitet, drücken Sie im Blatt die Eingabetaste oder Esc; der Bereich macht dann von selbst weiter.",
      hint: "Markieren Sie Ihre Kundentabelle (oder eine Zelle darin) und klicken Sie dann auf „Markierung übernehmen“.",
      picked: (address: string, rows: number) => `${address}: ${f.integer(rows)} ${rows === 1 ? "Kundenzeile" : "Kundenzeilen"}`,
      headersCheckbox: "Erste Zeile enthält Spaltenüberschriften",
    },

    map: {
      heading: "2. Spalten zuordnen",
      summaryIntro: "An den Überschriften erkannt:",
      change: "Ändern",
      changeLabel: "Spaltenzuordnung ändern",
      advanced: "Weitere Optionen: Betreuungskosten, Rabattanteil, wiederkehrender Umsatz, Kunden pro Zeile, prognostizierter Kundenwert",
      notMapped: "(keine)",
      roles: ROLE_NAMES,
      roleHelp: {
        id: "Pflichtfeld. Eine Zeile pro Kunde.",
        attitude: "Wie Kunden zu Ihnen stehen.",
        recency: "Tage seit der letzten Bestellung oder deren Datum.",
        firstOrder: "Für Bestellungen pro Jahr der Kundenbeziehung.",
        frequency: "Anzahl der Bestellungen.",
        monetary: "Umsatz mit dem Kunden.",
        cost: "Optional: für den Deckungsbeitrag pro Segment.",
        priceDriven: `Optional: WAHR/FALSCH oder ein Anteil von 0 bis 1; ab ${f.number(0.5)} gilt der Kunde als preisgetrieben.`,
        recurring: "Optional: z. B. Monatsumsatz.",
        weight: "Optional: Bei einer gruppierten Tabelle, etwa aus dem Data-Warehouse-SQL, die Zahl identischer Kunden, für die jede Zeile steht (eine ganze Zahl ab 1). Auf (keine) lassen, wenn jede Zeile ein Kunde ist.",
      },
      columnOption: (letter: string, header: string | null) => (header ? `${header} (Spalte ${letter})` : `Spalte ${letter}`),
      scaleLabel: "Einstellung gemessen als",
      scales: {
        recommend: "Weiterempfehlungsbereitschaft, 0–10",
        satisfaction: "Zufriedenheit, 1–5",
        referrals: "Abgegebene Empfehlungen (Anzahl)",
      },
      recencyLabel: "Recency angegeben als",
      recencyKinds: { days: "Tage seit der letzten Bestellung", date: "Datum der letzten Bestellung" },
    },

    behaviour: {
      heading: "3. Kaufverhalten und Schwellenwert",
      measureLabel: "Maß für das Kaufverhalten",
      measures: {
        rfmSum: "R + F + M (Summe der RFM-Ziffern)",
        ordersPerYear: "Bestellungen pro Jahr der Kundenbeziehung",
        orders: "Anzahl der Bestellungen",
        revenue: "Umsatz",
      },
      measureHelp: {
        rfmSum: "Recency, Frequenz und Umsatz werden wie bei LOYALTY.RFMSCORE mit 1–5 bewertet und addiert (3–15).",
        ordersPerYear: "Bestellungen geteilt durch die Jahre seit der Erstbestellung; Kunden, die noch kein Jahr dabei sind, zählen als ein Jahr.",
        orders: "Die Bestellanzahl unverändert.",
        revenue: "Der Umsatz unverändert.",
      },
      cutoffLabel: "Hohes Kaufverhalten heißt",
      cutoffMedian: "Über dem Median",
      cutoffAtLeast: "Ab einem Schwellenwert",
      cutoffValueLabel: "Schwellenwert",
      groupsExplained:
        "Promotoren (9–10), die viel kaufen, sind loyal; Kritiker (0–6), die viel kaufen, sind zwangsgebunden; Kritiker, die wenig kaufen, sind Hochrisikokunden; alle übrigen sind erreichbar. Preisgetriebene Kunden gelten nie als loyal.",
      noBehaviour: "Ordnen Sie eine Spalte für Frequenz, Umsatz oder Recency zu, um das Kaufverhalten zu messen.",
    },

    run: {
      heading: "4. Segmentieren",
      headingRfm: "3. Segmentieren",
      target: "Ergebnis schreiben in",
      targetSheet: "Ein neues Arbeitsblatt",
      newSheetProtected:
        "Es kann kein neues Arbeitsblatt hinzugefügt werden, weil die Arbeitsmappenstruktur geschützt ist. Heben Sie den Schutz auf (Überprüfen › Arbeitsmappe schützen), um in ein neues Blatt zu schreiben, oder schreiben Sie eine Spalte neben die Daten.",
      targetBeside: "Eine Segmentspalte neben den Daten",
      targetInsert: "Eine neu eingefügte Spalte neben den Daten",
      bestEffort: "Nur ein neues Arbeitsblatt lässt Ihre Daten sicher unberührt; neben den Daten hält Loyalty Lens an, sobald sich das Blatt während des Schreibens ändert.",
      segment: "Segmentieren",
      segmentRfm: "RFM-Segmente bilden",
      rfmNoAttitude: "Es ist keine Einstellungsspalte zugeordnet, daher entstehen RFM-Segmente statt der vier Loyalitätsgruppen.",
      cancel: "Abbrechen",
      phase: { reading: "Zeilen werden gelesen", computing: "Kunden werden segmentiert", writing: "Ergebnisse werden geschrieben", formatting: "Formatierung wird angewendet" },
      progress: (done: number, total: number) => `${f.integer(done)} von ${f.integer(total)} Zeilen`,
      startOver: "Andere Daten segmentieren",
      wroteSheet: (name: string) => `Die Ergebnisse stehen auf dem Blatt „${name}“.`,
      wroteColumn: "Die Ergebnisse stehen in der Segmentspalte neben Ihren Daten.",
      notFormatted: "Die Werte sind geschrieben, aber Excel konnte Tabelle, Farben oder Diagramm nicht hinzufügen.",
    },

    errors: {
      multipleAreas: "Es sind mehrere Bereiche markiert. Markieren Sie einen zusammenhängenden Zellbereich und versuchen Sie es erneut.",
      empty: "Die Markierung ist leer. Markieren Sie Ihre Kundentabelle (mit Überschriftenzeile) und versuchen Sie es erneut.",
      singleRow: "Die Markierung umfasst nur eine Zeile. Markieren Sie die ganze Kundentabelle, einen Kunden pro Zeile.",
      cellEditMode: "Excel bearbeitet gerade eine Zelle. Drücken Sie im Blatt die Eingabetaste oder Esc und versuchen Sie es erneut.",
      structureProtected:
        "Die Arbeitsmappenstruktur ist geschützt, daher kann kein neues Blatt hinzugefügt werden. Schreiben Sie stattdessen eine Segmentspalte neben die Daten, oder heben Sie den Schutz auf (Überprüfen › Arbeitsmappe schützen).",
      sheetProtected: "Das Blatt mit den Daten ist geschützt, daher kann dort keine Spalte eingefügt werden. Schreiben Sie stattdessen in ein neues Blatt, oder heben Sie den Blattschutz auf.",
      besideTaken: "Die Zellen rechts neben den Daten sind nicht leer. Fügen Sie stattdessen eine neue Spalte ein oder schreiben Sie in ein neues Blatt.",
      targetNotEmpty: (cell: string, cleared: number, kept: number) =>
        `Angehalten: Die Zelle ${cell} war nicht mehr leer, als Loyalty Lens dort schreiben wollte, daher wurde ihr Inhalt wiederhergestellt. ${undoText(f, cleared, kept)} Schreiben Sie sicherheitshalber in ein neues Blatt.`,
      changedWhileWriting: (change: SheetChange, cleared: number, kept: number) =>
        `Angehalten: ${changeText(change)}, während Loyalty Lens schrieb. ${undoText(f, cleared, kept)} Ihre eigenen Zellen wurden nicht angetastet. Schreiben Sie sicherheitshalber in ein neues Blatt, oder versuchen Sie es erneut, wenn niemand mehr am Blatt arbeitet.`,
      changedWhileReading: (change: SheetChange) =>
        `Angehalten: ${changeText(change)}, während Loyalty Lens die Daten las, daher wurde nichts berechnet (alte und neue Daten wären vermischt worden). In der Arbeitsmappe wurde nichts geändert. Versuchen Sie es erneut, wenn niemand mehr am Blatt arbeitet.`,
      payloadTooLarge: "Excel hat selbst den kleinsten Zeilenblock abgelehnt. Markieren Sie weniger Spalten und versuchen Sie es erneut.",
      sheetGone: "Das Blatt mit den Daten wurde umbenannt oder gelöscht. Wählen Sie die Daten erneut aus.",
      unknown: (detail: string) => `Excel hat ein Problem gemeldet: ${detail}`,
      cancelled: "Abgebrochen. In der Arbeitsmappe ist nichts halb geschrieben zurückgeblieben.",
      noId: "Ordnen Sie zuerst die Spalte mit der Kunden-ID zu.",
      noAttitude:
        "Es ist keine Einstellungsspalte (Weiterempfehlungsbereitschaft, Zufriedenheit oder Empfehlungen) zugeordnet, daher lassen sich die vier Loyalitätsgruppen nicht bilden. Stattdessen können Sie aus Recency, Frequenz und Umsatz RFM-Segmente bilden (wie LOYALTY.RFMSEGMENT).",
      needRfmColumns: "Für RFM werden Spalten für Recency, Frequenz und Umsatz benötigt. Ordnen Sie alle drei zu.",
      needBehaviour: "Ordnen Sie die Spalten zu, die das gewählte Maß für das Kaufverhalten benötigt.",
      noUsableRows: "Keine Zeile war verwendbar. Die Gründe stehen unten; korrigieren Sie die Daten und versuchen Sie es erneut.",
      needCutoff: (median: string) =>
        `Mit „über dem Median“ (${median}) hätten alle Kunden oder keiner ein hohes Kaufverhalten. Wählen Sie „Ab einem Schwellenwert“ und geben Sie ihn an.`,
      badCutoff: "Geben Sie den Schwellenwert als Zahl an.",
    },

    summary: {
      heading: "Zusammenfassung",
      table: "Kunden, Umsatz und Deckungsbeitrag pro Segment",
      columns: {
        segment: "Segment",
        customers: "Kunden",
        customerShare: "Kundenanteil",
        revenue: "Umsatz",
        revenueShare: "Umsatzanteil",
        profit: "Deckungsbeitrag",
        recurring: "Wiederkehrender Umsatz",
        averageAttitude: "Durchschnittswert",
      },
      totals: (customers: number) => `${f.integer(customers)} ${customers === 1 ? "Kunde" : "Kunden"} segmentiert`,
      grouped: (rows: number, customers: number) =>
        `Gruppierte Tabelle: ${f.integer(rows)} ${rows === 1 ? "Zeile steht" : "Zeilen stehen"} für ${f.integer(customers)} Kunden. Jede Zeile zählt als so viele identische Kunden, die alle ihr Segment erhalten; Anzahlen, Anteile und Summen werden pro Kunde gerechnet.`,
      cutoffUsed: (measure: string, rule: string) => `Kaufverhalten: ${measure}; als hoch gilt ${rule}.`,
      ruleAboveMedian: (value: string) => `ein Wert über dem Median (${value})`,
      ruleAtLeast: (value: string) => `ein Wert ab ${value}`,
      chartTitle: "Kunden- und Umsatzanteil pro Segment",
      chartCustomers: "Kunden",
      chartRevenue: "Umsatz",
      actionsHeading: "Empfohlene Maßnahmen",
      skippedHeading: "Nicht segmentierte Zeilen",
      skipped: (count: number, reason: string, rows: readonly number[], more: boolean) =>
        `${f.integer(count)} ${rowWord(count)} übersprungen: ${reason} (${rowWord(count)} ${rows.join(", ")}${more ? ", …" : ""})`,
    },

    actions: {
      Loyal: "Mit exklusiven Vorteilen belohnen und um Weiterempfehlungen bitten.",
      Reachable: "Herausfinden, was sie von voller Zufriedenheit abhält, und es beheben, bevor ein Angebot der Konkurrenz sie abwirbt.",
      "Locked-in": "Herausfinden, was ihnen fehlt: Sie wandern ab, sobald ein Wechsel leichter wird.",
      "High-risk": "Kein Kundenbindungsbudget in reine Schnäppchenjäger stecken, berechtigte Beschwerden aber beheben.",
    } as Record<Segment, string>,

    segmentLabel: SEGMENT_LABEL,

    rfmSegmentLabel: {
      Champions: "Spitzenkunden",
      "Potential Loyalist": "Potenziell loyal",
      "Loyal Customers": "Loyale Kunden",
      Promising: "Vielversprechend",
      "New Customers": "Neukunden",
      "Can't Lose Them": "Dürfen nicht abwandern",
      "At Risk": "Abwanderungsgefährdet",
      "Need Attention": "Brauchen Aufmerksamkeit",
      "About To Sleep": "Drohen einzuschlafen",
      Lost: "Verloren",
      Others: "Sonstige",
    } as Record<string, string>,

    rewards: {
      heading: "Prämienplan",
      intro: "Was jedem Segment angeboten werden kann, und ob die Punkte mehr kosten würden, als das Segment einbringt.",
      earnRate: "Punkte pro ausgegebener Währungseinheit",
      basisLabel: "Kosten eines Punktes für das Unternehmen",
      basisFaceValue: "Gegenwert × erwartete Einlösungsquote",
      basisGoodsCost: "Kosten der gewährten Prämie × erwartete Einlösungsquote",
      faceValue: "Gegenwert eines Punktes (was der Kunde erhält)",
      goodsCost: "Kosten der für einen Punkt gewährten Prämie",
      redemptionRate: "Erwartete Einlösungsquote (%)",
      invalid: {
        earnRate: "Geben Sie die Punkte pro Währungseinheit an, 0 oder mehr.",
        faceValue: "Geben Sie den Gegenwert eines Punktes an, 0 oder mehr.",
        goodsCost: "Geben Sie die Kosten der Prämie für einen Punkt an, 0 oder mehr.",
        redemptionRate: "Geben Sie einen Prozentsatz von 0 bis 100 an.",
      },
      basisText: (s: { basis: "faceValue" | "goodsCost"; faceValue: number; goodsCost: number; redemptionRate: number }) => {
        const pct = f.percent(s.redemptionRate, 2);
        const perPoint = f.number((s.basis === "faceValue" ? s.faceValue : s.goodsCost) * s.redemptionRate, 6);
        return s.basis === "faceValue"
          ? `Kosten eines Punktes = Gegenwert ${f.number(s.faceValue, 6)} × erwartete Einlösungsquote ${pct} = ${perPoint}`
          : `Kosten eines Punktes = Kosten der Prämie ${f.number(s.goodsCost, 6)} × erwartete Einlösungsquote ${pct} = ${perPoint}`;
      },
      table: "Prämienplan pro Segment",
      columns: {
        segment: "Segment",
        reward: "Vorgeschlagene Prämie",
        points: "Gesammelte Punkte",
        cost: "Programmkosten",
        profit: "Deckungsbeitrag",
        predictedValue: "Prognostizierter 12-Monats-Wert",
      },
      noRevenue: "Ordnen Sie die Umsatzspalte (Monetary) zu, um die Punkte und ihre Kosten pro Segment zu sehen.",
      noProfit: "Ordnen Sie die Betreuungskosten zu, um die Programmkosten mit dem Deckungsbeitrag jedes Segments (Umsatz − Betreuungskosten) zu vergleichen.",
      pointsNote: "Punkte = Umsatz des Segments × Punkte pro Währungseinheit, abgerundet; Bestellung für Bestellung gerechnet können es bis zu einem Punkt pro Bestellung weniger sein.",
      costAboveMargin: (segment: string) => `${segment}: Die Prämien würden mehr kosten als der Deckungsbeitrag des Segments.`,
      allWithinMargin: "In jedem Segment kosten die Prämien weniger als der Deckungsbeitrag.",
      write: "Zum Blatt „Segmente“ hinzufügen",
      writing: "Prämientabelle wird geschrieben…",
      wrote: (sheet: string) => `Prämientabelle und Diagramm stehen auf dem Blatt ${sheet}, rechts neben der Zusammenfassung.`,
      noSheet: "Die Segmente stehen in einer Spalte, nicht auf einem Blatt „Segmente“: Segmentieren Sie in ein neues Blatt, um die Prämientabelle dort hinzuzufügen.",
      writeFailed: (reason: string) => `Die Prämientabelle konnte nicht geschrieben werden: ${reason}`,
      occupied: "Die Zellen rechts neben der Zusammenfassung sind nicht leer und bleiben, wie sie sind.",
      sheet: {
        title: (basis: string) => `Prämienplan: ${basis}. Punkte = Segmentumsatz × Punkte pro Währungseinheit, abgerundet.`,
        headers: {
          segment: "Segment",
          cost: "Programmkosten",
          profit: "Deckungsbeitrag",
          points: "Gesammelte Punkte",
          revenue: "Umsatz",
          predictedValue: "Prognostizierter 12-Monats-Wert",
          customers: "Kunden",
          warning: "Warnung",
          reward: "Vorgeschlagene Prämie",
        },
        costAboveMargin: "Prämien kosten mehr als der Deckungsbeitrag",
        chartTitle: "Programmkosten und Deckungsbeitrag pro Segment",
      },
      groupSuggestion: {
        Loyal: "Exklusive Vorteile (früher Zugang, Angebote nur für Mitglieder) und eine Prämie für Weiterempfehlungen.",
        Reachable: "Beheben, was sie von voller Zufriedenheit abhält; danach ein Willkommen-zurück-Bonus.",
        "Locked-in": "Eingehen auf ihre Bedürfnisse (Service, feste Ansprechperson) statt Punkte.",
        "High-risk": "Kein Kundenbindungsbudget für reine Schnäppchenjäger; berechtigte Beschwerden beheben.",
      } as Record<Segment, string>,
      rfmSuggestion: {
        Champions: "Exklusive Vorteile und früher Zugang; um Bewertungen und Weiterempfehlungen bitten.",
        "Potential Loyalist": "Ein Mitgliedschafts- oder Stufenangebot, damit aus häufigem Kaufen eine Gewohnheit wird.",
        "Loyal Customers": "Vorteile der Kundenstufe und Upselling-Angebote; um Bewertungen bitten.",
        Promising: "Ein Bonus für den zweiten Kauf und Angebote zum Kennenlernen.",
        "New Customers": "Ein Willkommensbonus auf die nächste Bestellung.",
        "Can't Lose Them": "Ein persönliches Rückgewinnungsangebot; herausfinden, warum sie nicht mehr kaufen.",
        "At Risk": "Ein persönliches, befristetes Reaktivierungsangebot.",
        "Need Attention": "Ein befristetes Angebot, abgestimmt auf frühere Käufe.",
        "About To Sleep": "Eine Erinnerung mit einem kleinen Bonus; keine hohen Rabatte.",
        Lost: "Höchstens ein günstiger Rückgewinnungsversuch; kein Kundenbindungsbudget.",
        Others: "Normale Punktevergabe, kein zusätzliches Budget, bis sich ein Muster zeigt.",
      } as Record<string, string>,
      otherSuggestion: "Normale Punktevergabe, kein zusätzliches Budget.",
    },

    reason: (r: IssueReason): string => {
      switch (r.kind) {
        case "noId":
          return "Kunden-ID fehlt";
        case "blank":
          return `${ROLE_IN_SENTENCE[r.role]} leer`;
        case "notNumber":
          return `${ROLE_IN_SENTENCE[r.role]} keine Zahl`;
        case "notDate":
          return `${ROLE_IN_SENTENCE[r.role]} kein Datum`;
        case "errorValue":
          return `${ROLE_IN_SENTENCE[r.role]} ist ${r.code}`;
        case "negative":
          return `${ROLE_IN_SENTENCE[r.role]} negativ`;
        case "attitudeRange":
          return SCALE_RANGE[r.scale];
        case "shareRange":
          return "Rabattanteil nicht zwischen 0 und 1";
        case "notWhole":
          return `${ROLE_IN_SENTENCE[r.role]} keine ganze Zahl`;
        case "zeroWeight":
          return "Kunden pro Zeile ist 0 (die Zeile steht für niemanden)";
      }
    },

    priceOverride: (from: Segment, to: Segment, share: string | null) =>
      `Preisgetrieben (${share === null ? "als WAHR markiert" : `${share} der Bestellungen rabattiert`}): wäre ${SEGMENT_LABEL[from]}, gezeigt als ${SEGMENT_LABEL[to]}`,

    sheet: {
      name: "Segmente",
      incompleteName: (name: string) => `${name.slice(0, 16)} unvollständig`,
      columnHeader: "Segment",
      headers: {
        id: "Kunde",
        segment: "Segment",
        attitude: (scale: AttitudeScale) => ({ recommend: "Weiterempfehlung", satisfaction: "Zufriedenheit", referrals: "Empfehlungen" })[scale],
        behaviour: (measure: BehaviourMeasure) => ({ rfmSum: "R+F+M", ordersPerYear: "Bestellungen pro Jahr", orders: "Bestellungen", revenue: "Umsatz" })[measure],
        rfmScore: "RFM-Score",
        /** Customers per row of a grouped table (the weight column as read). */
        customers: "Kunden",
        issue: "Problem",
      },
      summaryHeaders: {
        segment: "Segment",
        customers: "Kunden",
        revenueShare: "Umsatzanteil",
        customerShare: "Kundenanteil",
        revenue: "Umsatz",
        profit: "Deckungsbeitrag",
        recurring: "Wiederkehrender Umsatz",
        averageAttitude: "Durchschnittswert",
      },
      chartTitle: "Kunden und Umsatzanteil pro Segment",
    },
    btyd: {
      map: {
        heading: "Prognostizierter Kundenwert (optional)",
        roles: { x: "Wiederholungskäufe (x)", tx: "t_x (erster bis letzter Kauf)", T: "T (erster Kauf bis Stichtag)" } as Record<BtydRole, string>,
        roleHelp: {
          x: "Käufe nach dem ersten, wie LOYALTY.BTYDSUMMARY sie liefert.",
          tx: "Zeit vom ersten bis zum letzten Kauf.",
          T: "Zeit vom ersten Kauf bis zum Stichtag.",
        } as Record<BtydRole, string>,
        unitLabel: "x, t_x und T gemessen in",
        units: { day: "Tagen", week: "Wochen", month: `Monaten (à ${f.number(30.4375, 4)} Tage)` } as Record<TimeUnit, string>,
        unitInSentence: { day: "Tagen", week: "Wochen", month: "Monaten" } as Record<TimeUnit, string>,
        mapped: "P(aktiv), erwartete Käufe und prognostizierter Kundenwert werden aus den Spalten x, t_x und T ergänzt.",
        derived:
          "x, t_x und T werden in Wochen aus Erstbestelldatum, letzter Bestellung und Bestellanzahl abgeleitet (x = Bestellungen − 1). Dabei zählt jede Bestellung als eigener Kauftag: Zwei Bestellungen an einem Tag zählen als zwei Käufe.",
        none: "Um P(aktiv), erwartete Käufe und prognostizierten Kundenwert je Kunde zu ergänzen, ordnen Sie Erstbestelldatum, Recency und Bestellungen zu – oder x, t_x und T.",
        summaryLabel: "Prognostizierter Kundenwert",
        summarySource: {
          mapped: "aus den Spalten x, t_x und T",
          derived: "aus Bestelldaten und -anzahl",
          none: "nicht verfügbar (Erstbestelldatum, Recency und Bestellungen zuordnen)",
        } as Record<"mapped" | "derived" | "none", string>,
      },
      summary: {
        heading: "Prognostizierter Kundenwert, nächste 12 Monate",
        table: "Erwartete Käufe, prognostizierter Kundenwert und vermutlich abgewanderte Kunden pro Segment",
        columns: {
          segment: "Segment",
          customers: "Kunden",
          expectedPurchases: "Erwartete Käufe",
          predictedValue: "Prognostizierter Wert",
          likelyLapsed: "Vermutlich abgewandert",
          valueAtRisk: "Gefährdeter Wert",
        },
        valueAtRisk: (value: string) =>
          `Gefährdeter Kundenwert: ${value} – der prognostizierte 12-Monats-Wert loyaler und erreichbarer Kunden, die vermutlich abgewandert sind (P(aktiv) unter ${f.number(0.5)}).`,
        fit: (r: string, alpha: string, a: string, b: string, unit: string) => `BG/NBD-Schätzung (Zeit in ${unit}): r ${r}, alpha ${alpha}, a ${a}, b ${b}.`,
        derived: (asOf: string) =>
          `x, t_x und T wurden in Wochen aus Erstbestelldatum, letzter Bestellung und Bestellanzahl abgeleitet, Stichtag ${asOf}; jede Bestellung zählt als eigener Kauftag.`,
        derivedFromDays: (asOf: string) =>
          `x, t_x und T wurden in Wochen aus Erstbestelldatum, Tagen seit der letzten Bestellung und Bestellanzahl abgeleitet; der Stichtag ${asOf} ist das früheste Datum, das zu allen Zeilen passt. Jede Bestellung zählt als eigener Kauftag.`,
        mapped: (unit: string) => `x, t_x und T wurden aus den zugeordneten Spalten gelesen, in ${unit}.`,
        spend:
          "Der Wert pro Kauf ist Umsatz ÷ Bestellungen, also der durchschnittliche Bestellwert einschließlich der Erstbestellung: Die Tabelle enthält den Wert der Erstbestellung nicht, daher lässt sich der Durchschnitt der Wiederholungskäufe allein nicht bestimmen.",
        noRevenue: "Es ist keine Umsatzspalte zugeordnet, daher werden nur Käufe prognostiziert, kein Kundenwert.",
        spendFailed: (message: string) => `Der prognostizierte Kundenwert fehlt: Das Ausgabenmodell ließ sich nicht schätzen (${message}).`,
        oneTime: "Einmalkäufer sind als solche gekennzeichnet: Das Modell kann nicht erkennen, ob sie noch aktiv sind.",
        unusable: (count: number, rows: readonly number[], more: boolean) =>
          `${f.integer(count)} ${count === 1 ? "Kunde hat" : "Kunden haben"} keine verwertbare Kaufhistorie, daher bleiben die Prognosezellen leer (${rowWord(count)} ${rows.join(", ")}${more ? ", …" : ""}).`,
        failed: "Der Kundenwert ließ sich nicht prognostizieren, daher fehlen diese Spalten; die Segmente sind vollständig.",
      },
      sheet: {
        pAlive: "P(aktiv)",
        expectedPurchases: "Erwartete Käufe (12 Monate)",
        clv: "Prognostizierter 12-Monats-Wert",
        lapse: "Abwanderung",
        likelyLapsed: "vermutlich abgewandert",
        oneTimeBuyer: "Einmalkäufer",
        summaryExpectedPurchases: "Erwartete Käufe (12 Monate)",
        summaryValue: "Prognostizierter 12-Monats-Wert",
        summaryLapsed: "Vermutlich abgewandert",
        summaryValueAtRisk: "Gefährdeter Wert",
      },
      check: {
        heading: "Modell prüfen",
        intro: "Das Modell anhand des früheren Teils eines Bestellprotokolls schätzen und seine Prognose mit den Wiederholungskäufen vergleichen, die Kunden danach tatsächlich getätigt haben.",
        pickHint: "Markieren Sie das Bestellprotokoll (eine Zeile pro Bestellung, mit Kunden-ID und Bestelldatum) und klicken Sie dann auf „Bestellprotokoll übernehmen“. Eine Kalibrierungs-/Prüfzeitraum-Übersicht geht auch: die Tabelle von LOYALTY.HOLDOUTSUMMARY oder die gruppierte aus dem Data-Warehouse-SQL mit ihrer Kundenspalte.",
        useLog: "Bestellprotokoll übernehmen",
        unfold: "Modell an einem Bestellprotokoll prüfen",
        reading: "Bestellprotokoll wird gelesen…",
        picked: (address: string, rows: number) => `${address}: ${f.integer(rows)} ${rows === 1 ? "Bestellung" : "Bestellungen"}`,
        idColumn: "Spalte mit der Kunden-ID",
        dateColumn: "Spalte mit dem Bestelldatum",
        calibrationEnd: "Kalibrierung endet am",
        calibrationHelp: (from: string, to: string) =>
          `Das Protokoll reicht vom ${from} bis zum ${to}. Das Modell lernt aus den Bestellungen bis zu diesem Datum und wird an den Bestellungen danach geprüft.`,
        run: "Modell prüfen",
        fitting: "Modell wird geschätzt…",
        needColumns: "Wählen Sie die Spalte mit der Kunden-ID und die mit dem Bestelldatum.",
        noDates: "Keine Bestellung hat zugleich eine Kunden-ID und ein Datum. Markieren Sie das Bestellprotokoll mit seinen ID- und Datumsspalten.",
        badDate: (from: string, to: string) => `Geben Sie das Ende der Kalibrierung als Datum nach dem ${from} und vor dem ${to} an, etwa ${from}.`,
        failed: "Das Modell ließ sich für den Kalibrierungszeitraum nicht schätzen.",
        table: "Durchschnittliche Wiederholungskäufe pro Kunde im Prüfzeitraum, tatsächlich und prognostiziert, nach Kaufhäufigkeit",
        columns: { group: "Wiederholungskäufe (x)", customers: "Kunden", actual: "Tatsächlich", predicted: "Prognose" },
        chartTitle: "Tatsächliche und prognostizierte Wiederholungskäufe pro Kunde im Prüfzeitraum",
        actual: "Tatsächlich",
        predicted: "Prognose",
        result: (weeks: string, customers: number, actual: string, predicted: string) =>
          `Prüfzeitraum von ${weeks} Wochen, ${f.integer(customers)} ${customers === 1 ? "Kunde" : "Kunden"}: ${actual} Wiederholungskäufe getätigt, ${predicted} prognostiziert.`,
        leftOut: (count: number) =>
          `${f.integer(count)} ${count === 1 ? "Kunde hat" : "Kunden haben"} erst im Prüfzeitraum zum ersten Mal gekauft und ${count === 1 ? "bleibt" : "bleiben"} unberücksichtigt.`,
        skippedRows: (count: number) => `${f.integer(count)} ${count === 1 ? "Zeile blieb" : "Zeilen blieben"} unberücksichtigt: keine verwertbare Kunden-ID oder kein Datum.`,
        groupLabel: (x: number, last: boolean) => (last ? `${x}+` : String(x)),
        /** "Check the model" on a calibration/holdout table (HOLDOUTSUMMARY's, or the warehouse SQL's grouped one). */
        onTable: {
          kindLabel: "Die Markierung enthält",
          kinds: {
            log: "Ein Bestellprotokoll (eine Zeile pro Bestellung)",
            table: "Eine Kalibrierungs-/Prüfzeitraum-Übersicht (eine Zeile pro Kunde oder pro Kundengruppe)",
          },
          roles: {
            x: "Wiederholungskäufe im Kalibrierungszeitraum (x)",
            tx: "t_x (erster bis letzter Kauf)",
            T: "T (erster Kauf bis Kalibrierungsende)",
            xHoldout: "Wiederholungskäufe im Prüfzeitraum (x_holdout)",
            holdoutLength: "Spalte mit der Länge des Prüfzeitraums",
            weight: "Kunden pro Zeile (Gewicht)",
          } as Record<HoldoutRole, string>,
          weightHint: "Bei einer gruppierten Tabelle, etwa aus dem Data-Warehouse-SQL: wie viele Kunden jede Zeile vertritt. Auf (keine) lassen, wenn jede Zeile ein Kunde ist.",
          grouped: "Die Zeilen sind Kundengruppen: Schätzung und Vergleich zählen jede Zeile so oft, wie ihre Kundenspalte angibt.",
          lengthLabel: "Länge des Prüfzeitraums",
          lengthHint: "In derselben Einheit wie t_x und T. Nötig, wenn die Tabelle keine Spalte mit der Länge des Prüfzeitraums hat.",
          picked: (address: string, rows: number) => `${address}: ${f.integer(rows)} ${rows === 1 ? "Zeile" : "Zeilen"}`,
          needColumns: "Wählen Sie die Spalten x, t_x, T und x_holdout.",
          badLength: "Geben Sie die Länge des Prüfzeitraums als Zahl größer als 0 an, in der Einheit von t_x und T.",
          result: (length: string, unit: string, customers: number, rows: number, actual: string, predicted: string) =>
            `Prüfzeitraum von ${length} ${unit}, ${f.integer(customers)} ${customers === 1 ? "Kunde" : "Kunden"} in ${f.integer(rows)} ${rows === 1 ? "Zeile" : "Zeilen"}: ${actual} Wiederholungskäufe getätigt, ${predicted} prognostiziert.`,
          noReport: "Der Modellbericht entsteht aus dem Bestellprotokoll selbst: Markieren Sie das Protokoll und klicken Sie auf „Bestellprotokoll übernehmen“.",
          issue: (issue: HoldoutIssue, column: string): string => {
            const at = `Zeile ${f.integer(issue.row)}, ${column}`;
            switch (issue.kind) {
              case "blank":
                return `${at}: Die Zelle ist leer. Jede Zeile braucht hier einen Wert${issue.role === "weight" ? "; mit 0 bleibt eine Zeile unberücksichtigt" : ""}.`;
              case "notNumber":
                return `${at}: „${issue.value}“ ist keine Zahl.`;
              case "negative":
                return `${at}: ${issue.value} ist negativ; erwartet wird 0 oder mehr.`;
              case "notWhole":
                return `${at}: ${issue.value} ist keine ganze Zahl; ${issue.role === "weight" ? "Kunden" : "Käufe"} werden in ganzen Zahlen gezählt.`;
              case "badHistory":
                return `Zeile ${f.integer(issue.row)}: x, t_x und T (${issue.value}) ergeben keine Kaufhistorie. x ist eine ganze Zahl ab 0, t_x liegt zwischen 0 und T, und bei x = 0 ist t_x = 0.`;
              case "lengthDiffers":
                return `${at}: Die Länge des Prüfzeitraums ${issue.value} weicht von den Zeilen darüber ab; alle Zeilen müssen denselben Prüfzeitraum abdecken.`;
              case "noRows":
                return "Keine Zeile enthält Kunden: Die Tabelle ist leer oder jedes Gewicht ist 0.";
              case "noLength":
                return "Geben Sie die Länge des Prüfzeitraums als Zahl größer als 0 an, in der Einheit von t_x und T.";
            }
          },
        },
        report: {
          build: "Modellbericht erstellen",
          trackingEnd: "Verlauf endet am",
          trackingHelp: (from: string, to: string) => `Der wöchentliche Verlauf reicht von der ersten Bestellung bis zu diesem Datum: nach dem ${from} und spätestens am ${to}, dem letzten Bestelldatum.`,
          badTrackingEnd: (from: string, to: string) => `Geben Sie das Ende des Verlaufs als Datum nach dem ${from} und spätestens am ${to} an.`,
          hint: "Legt ein neues Blatt mit Excel-Diagrammen und ihren Tabellen an: Wiederholungskäufe im Kalibrierungszeitraum, der Prüfzeitraum nach Kaufhäufigkeit, wöchentlicher Verlauf, Heatmaps und ein Modellvergleich. Ihre Blätter bleiben unverändert.",
          building: "Modellbericht wird erstellt…",
          writing: "Blatt „Modellbericht“ wird geschrieben…",
          done: (sheet: string) => `Der Modellbericht steht auf dem neuen Blatt ${sheet}.`,
          notFormatted: "Die Tabellen stehen auf dem Blatt, aber einige Diagramme oder Formatierungen ließen sich nicht anlegen.",
          failed: "Der Modellbericht ließ sich nicht erstellen.",
          histogramChart: "Kunden nach Zahl der Wiederholungskäufe im Kalibrierungszeitraum",
          weeklyChart: "Wiederholungskäufe pro Woche",
          cumulativeChart: "Kumulierte Wiederholungskäufe",
          weekAxis: "Woche",
          calibrationMark: (week: number) => `Kalibrierung endet in Woche ${week}`,
          cumulativeLegend: { actual: "Tatsächlich, kumuliert", expected: "Erwartet, kumuliert", mark: (week: number) => `Ende der Kalibrierung, Woche ${week}` },
          pAliveHeatmap: (T: number) => `P(aktiv) nach Wiederholungskäufen (x) und Aktualität (t_x, Wochen) bei T = ${f.number(T, 2)} Wochen`,
          nextWeekHeatmap: (T: number) => `Erwartete Käufe in der nächsten Woche nach Wiederholungskäufen (x) und Aktualität (t_x, Wochen) bei T = ${f.number(T, 2)} Wochen`,
          heatmapNote: (T: number) => `T = ${f.number(T, 2)} Wochen ist der längste Beobachtungszeitraum eines Kunden: Kunden, die am ersten Tag des Protokolls zum ersten Mal kauften.`,
          comparisonTable: "Modelle, geschätzt auf denselben Kaufhistorien der Kalibrierung",
          expected: "Erwartet",
          sheet: {
            name: "Modellbericht",
            incompleteName: (name: string) => `${name.slice(0, 16)} unvollständig`,
            dateFormat: "yyyy-mm-dd",
            title: "Modellbericht: BG/NBD, geschätzt auf dem Kalibrierungszeitraum, Zeit in Wochen",
            calibrationEnd: "Kalibrierung endet",
            trackingEnd: "Verlauf endet",
            customers: "Kunden (Erstkauf bis zum Ende der Kalibrierung)",
            histogramTitle: "Wiederholungskäufe pro Kunde im Kalibrierungszeitraum: Kunden mit x Wiederholungskäufen, tatsächlich und erwartet (Summe von P(X(T) = x) über die Kunden, jeweils mit ihrem eigenen T)",
            histogramHeader: ["Wiederholungskäufe (x)", "Kunden tatsächlich", "Kunden erwartet"],
            holdoutTitle: (weeks: number) => `Kalibrierung gegen Prüfzeitraum: durchschnittliche Wiederholungskäufe pro Kunde im Prüfzeitraum von ${f.number(weeks, 1)} Wochen, nach Wiederholungskäufen in der Kalibrierung`,
            holdoutHeader: ["Wiederholungskäufe in der Kalibrierung (x)", "Tatsächlich", "Prognose", "Kunden"],
            holdoutChart: "Käufe pro Kunde im Prüfzeitraum nach Kaufhäufigkeit in der Kalibrierung",
            weeklyTitle: (week: number) =>
              `Wiederholungskäufe pro Woche der Kunden mit Erstkauf im Kalibrierungszeitraum, tatsächlich und erwartet; später hinzugekommene Kunden bleiben unberücksichtigt. Die Kalibrierung endet in Woche ${week}.`,
            cumulativeTitle: (week: number) => `Kumulierte Wiederholungskäufe derselben Kunden, tatsächlich und erwartet; die Kalibrierung endet in Woche ${week}.`,
            trackingHeader: ["Woche", "Tatsächlich", "Erwartet", "Ende der Kalibrierung"],
            cumulativeHeader: ["Woche", "Tatsächlich (kumuliert)", "Erwartet (kumuliert)", "Ende der Kalibrierung"],
            pAliveTitle: (T: number) => `P(aktiv) nach Wiederholungskäufen x (Zeilen) und Aktualität t_x in Wochen (Spalten), bei T = ${f.number(T, 2)} Wochen, dem längsten Beobachtungszeitraum eines Kunden`,
            nextWeekTitle: (T: number) => `Erwartete Käufe in der nächsten Woche nach Wiederholungskäufen x (Zeilen) und Aktualität t_x in Wochen (Spalten), bei T = ${f.number(T, 2)} Wochen`,
            gridCorner: "x (Zeilen) / t_x (Spalten)",
            comparisonTitle: (customers: number) =>
              `Modelle, geschätzt auf denselben Kaufhistorien der Kalibrierung: BIC = k ln N − 2 LL mit N = ${f.integer(customers)} ${customers === 1 ? "Kunde" : "Kunden"} (kleiner ist besser); Fehler der prognostizierten Wiederholungskäufe im Prüfzeitraum`,
            comparisonHeader: ["Modell", "Log-Likelihood (LL)", "Parameter (k)", "BIC", "Prüfzeitraum: mittlerer absoluter Fehler pro Kunde", "Prüfzeitraum: Summe prognostiziert", "Prüfzeitraum: Summe tatsächlich", "Prüfzeitraum: Fehler der Summe"],
            parametersTitle: "Parameterschätzungen mit Standardfehlern",
            parametersHeader: ["Modell", "Parameter", "Schätzung", "Standardfehler"],
            refused: (message: string) => `Nicht geschätzt: ${message}`,
            bgbbNote:
              "BG/BB zählt diskrete Kaufgelegenheiten (etwa Jahre); seine Likelihood ist deshalb nicht mit diesen zeitstetigen Modellen vergleichbar. Schätzen Sie es mit LOYALTY.BGBBSUMMARY und LOYALTY.BGBBFIT und beurteilen Sie es für sich.",
          },
        },
      },
    },
    fitRefusal: {
      kinds: {
        tooFewCustomers: { what: "Es gibt zu wenige Kunden, um daraus zu lernen.", next: "Markieren Sie die ganze Kundentabelle, am besten einige hundert Kunden oder mehr." },
        noTime: {
          what: "Alle Kunden haben am letzten Tag der Daten zum ersten Mal gekauft, es gibt also keine Historie, aus der das Modell lernen könnte.",
          next: "Prüfen Sie die Erstbestelldaten oder verwenden Sie ein Bestellprotokoll über einen längeren Zeitraum.",
        },
        noRepeats: {
          what: "Kein Kunde hat zweimal gekauft, daher kann das Modell nicht lernen, wie oft Kunden kaufen und wann sie abwandern.",
          next: "Verwenden Sie einen längeren Bestellzeitraum und prüfen Sie, ob die Bestellspalte jede Bestellung zählt.",
        },
        identicalHistories: {
          what: "Alle Kunden haben dieselbe Kaufhistorie, es gibt also nichts, was sie unterscheidet.",
          next: "Prüfen Sie, ob die Spalten für Erstbestellung, Recency und Bestellungen die richtigen sind.",
        },
        noDropout: {
          what: "Die Kunden kaufen bis zum Ende der Daten weiter und zeigen kein Zeichen von Abwanderung, daher kann das Modell nicht schätzen, wer abgewandert ist.",
          next: "Verwenden Sie eine längere Bestellhistorie oder eine, die über die letzten Käufe der Kunden hinausreicht.",
        },
        instantDropout: {
          what: "Fast jeder Kunde scheint direkt nach einem Kauf abzuwandern; das kann das Modell nicht abbilden.",
          next: "Prüfen Sie Recency und Erstbestelldaten und ob es genau eine Zeile pro Kunde gibt.",
        },
        sameDropout: {
          what: "Die Kunden unterscheiden sich kaum darin, wie wahrscheinlich sie nach einem Kauf abwandern, daher kann das Modell diese Streuung nicht messen.",
          next: "Versuchen Sie es mit mehr Kunden oder einer längeren Bestellhistorie.",
        },
        sameRates: {
          what: "Alle Kunden kaufen etwa gleich häufig; um vorherzusagen, wer mehr kauft, braucht das Modell Unterschiede.",
          next: "Versuchen Sie es mit mehr Kunden oder einer längeren Bestellhistorie. Die Segmentierung funktioniert auch ohne prognostizierten Kundenwert.",
        },
        notIdentified: {
          what: "Die Daten sagen zu wenig aus, um das Modell verlässlich zu schätzen.",
          next: "Versuchen Sie es mit mehr Kunden oder einer längeren Bestellhistorie.",
        },
      } as Record<FitRefusal, { what: string; next: string }>,
      other: { what: "Das Modell ließ sich mit diesen Daten nicht schätzen.", next: "Prüfen Sie die zugeordneten Spalten oder versuchen Sie es mit mehr Kunden oder einer längeren Bestellhistorie." },
      technical: "Technischer Grund",
      checkNext: "Bei der Modellprüfung gibt auch ein späteres Kalibrierungsende dem Modell mehr, woraus es lernen kann.",
    },
    retention: {
      tabs: { label: "Ansichten", segment: "Segmente", retention: "Kundenbindung", warehouse: "Datenbank" },
      intro: "Markieren Sie ein Bestellprotokoll (Kunden-ID und Bestelldatum, eine Zeile pro Bestellung) und sehen Sie, wie viele Kunden wiederkommen – Kohorte für Kohorte.",
      pick: {
        heading: "1. Bestellprotokoll auswählen",
        hint: "Markieren Sie das Bestellprotokoll (oder eine Zelle darin) und klicken Sie dann auf „Markierung übernehmen“.",
        picked: (address: string, rows: number) => `${address}: ${f.integer(rows)} ${rows === 1 ? "Bestellzeile" : "Bestellzeilen"}`,
      },
      map: {
        heading: "2. Spalten zuordnen",
        id: "Kunden-ID",
        idHint: "Wer die Bestellung aufgegeben hat.",
        date: "Bestelldatum",
        dateHint: "Ein Excel-Datum oder ISO-Text wie 2024-03-31.",
      },
      settings: {
        heading: "3. Zeiträume",
        period: "Zeitraum",
        periods: { week: "Woche (ISO-Wochen, ab Montag)", month: "Monat", quarter: "Quartal", year: "Jahr" } as Record<PeriodKind, string>,
        activeDays: "Tage, die ein Kunde nach einer Bestellung als aktiv gilt",
        activeDaysHint: (minimum: number) =>
          `Für die Zeitraumtabelle: Ein Kunde gilt nach jeder Bestellung so viele Tage als aktiv. Mindestens ${f.integer(minimum)}.`,
      },
      /** Die Kohortentabelle (src/sql/cohortsSql.ts) oder Zeitraumtabelle (retentionByPeriodSql.ts) aus der Datenbank statt eines Bestellprotokolls. */
      table: {
        inputLabel: "Die Markierung enthält",
        inputs: {
          log: "Ein Bestellprotokoll (eine Zeile pro Bestellung)",
          cohortTable: "Eine Kohortentabelle aus der Datenbank (cohort_start, period, …)",
          periodTable: "Eine Zeitraumtabelle aus der Datenbank (period_start, customers_start, new_customers, …)",
        } as Record<RetentionSource, string>,
        detected: "An den Überschriften als Tabelle aus dem Data-Warehouse-SQL erkannt. Ist es doch ein Bestellprotokoll, wählen Sie dies oben aus.",
        picked: (address: string, rows: number) => `${address}: ${f.integer(rows)} ${rows === 1 ? "Zeile" : "Zeilen"}`,
        cohortRoles: {
          start: "Kohortenbeginn",
          period: "Zeitraum k",
          customers: "Kunden der Kohorte",
          active: "Aktive Kunden",
          share: "Anteil",
        } as Record<CohortRole, string>,
        cohortHints: {
          start: "Erster Tag der Woche, des Monats, des Quartals oder des Jahres der Kohorte.",
          period: "Zahl der Zeiträume seit dem Zeitraum, in dem die Kohorte beginnt: 0, 1, 2, …",
          customers: "Die Größe der Kohorte, in jeder ihrer Zeilen dieselbe.",
          active: "Kunden der Kohorte, die in Zeitraum k bestellt haben; leer, solange dieser Zeitraum nicht abgeschlossen ist.",
          share: "Aktive ÷ Kunden; wird mit diesen abgeglichen, wenn beide Spalten vorhanden sind.",
        } as Record<CohortRole, string>,
        periodRoles: {
          start: "Zeitraumbeginn",
          customersStart: "Kunden zu Beginn",
          newCustomers: "Neukunden",
          reactivated: "Reaktiviert",
          customersEnd: "Kunden am Ende",
          retained: "Gehalten",
          retention: "Kundenbindungsrate",
          lost: "Abgewandert",
        } as Record<PeriodTableRole, string>,
        periodHint: "Der Zeitraum, mit dem das SQL ausgeführt wurde. Jeder Zeitraumbeginn wird daran geprüft und muss der erste Tag eines solchen Zeitraums sein.",
        activeDaysHint: "Die aktiven Tage, mit denen das SQL ausgeführt wurde; sie stehen im Titel des Blatts.",
        needCohortColumns: "Wählen Sie die Spalten für Kohortenbeginn, Zeitraum k, Kunden und aktive Kunden (oder Anteil).",
        needPeriodColumns: "Wählen Sie die Spalten für Zeitraumbeginn, Kunden zu Beginn, Neukunden, Kunden am Ende und gehaltene Kunden.",
        build: "Zeitraumtabelle schreiben",
        wroteTriangle: (name: string) =>
          `Kohortendreieck und Diagramm stehen auf dem Blatt „${name}“. Eine Kohortentabelle enthält keine Zeitraumtabelle: Markieren Sie die Zeitraumtabelle aus der Datenbank, um auch diese zu schreiben.`,
        wrotePeriods: (name: string) => `Die Zeitraumtabelle steht auf dem Blatt „${name}“. Für das Kohortendreieck und seine Kurven markieren Sie die Kohortentabelle aus der Datenbank.`,
        cohortTotals: (customers: number, cohorts: number) =>
          `${f.integer(customers)} ${customers === 1 ? "Kunde" : "Kunden"} in ${f.integer(cohorts)} ${cohorts === 1 ? "Kohorte" : "Kohorten"}, aus der Kohortentabelle der Datenbank.`,
        periodTotals: (periods: number) => `${f.integer(periods)} ${periods === 1 ? "Zeitraum" : "Zeiträume"} aus der Zeitraumtabelle der Datenbank.`,
        periodsHeading: "Kundenbindung pro Zeitraum",
        periodReading: (period: string, share: string, customersStart: number) =>
          `${period}: Von ${customersStart === 1 ? "dem einen Kunden, der" : `den ${f.integer(customersStart)} Kunden, die`} zu Beginn aktiv ${customersStart === 1 ? "war" : "waren"}, ${customersStart === 1 ? "war" : "waren"} am Ende noch ${share} aktiv.`,
        cohortIssue: (issue: CohortIssue, column: string): string => {
          const at = `Zeile ${f.integer(issue.row)}, ${column}`;
          switch (issue.kind) {
            case "blank":
              return `${at}: Die Zelle ist leer. Jede Zeile der Kohortentabelle braucht hier einen Wert.`;
            case "notNumber":
              return `${at}: „${issue.value}“ ist keine Zahl.`;
            case "negative":
              return `${at}: ${issue.value} ist negativ; erwartet wird 0 oder mehr.`;
            case "notWhole":
              return `${at}: ${issue.value} ist keine ganze Zahl; ${issue.role === "period" ? "Zeiträume werden 0, 1, 2, … gezählt" : "Kunden werden in ganzen Zahlen gezählt"}.`;
            case "notDate":
              return `${at}: „${issue.value}“ ist kein Datum. Ein Kohortenbeginn ist ein Excel-Datum oder ISO-Text wie 2024-03-01.`;
            case "notPeriodStart":
              return `${at}: ${issue.value} ist nicht der erste Tag ${PERIOD_OF[issue.period]} (${PERIOD_STARTS[issue.period]}). Jede Kohorte muss am ersten Tag eines Zeitraums der unter „Zeiträume“ gewählten Länge beginnen; eine Tabelle mit gemischten Zeitraumlängen lässt sich nicht lesen.`;
            case "noCustomers":
              return `${at}: Die Kohorte hat 0 Kunden; jede Kohorte der Tabelle hat mindestens einen.`;
            case "activeAboveCustomers":
              return `${at}: ${f.integer(issue.value)} aktive Kunden, mehr, als die Kohorte Kunden hat (${f.integer(issue.customers)}).`;
            case "shareDiffers":
              return `${at}: Der Anteil ${issue.value} weicht von aktive ÷ Kunden = ${issue.expected} ab; erlaubt ist höchstens das 1e-9-Fache dieses Werts.`;
            case "halfBlank":
              return `${at}: leer, während ${issue.role === "active" ? "der Anteil" : "die aktiven Kunden"} in derselben Zeile einen Wert ${issue.role === "active" ? "hat" : "haben"}. Bei einem noch unbekannten Zeitraum sind beide leer.`;
            case "customersDiffer":
              return `${at}: ${f.integer(issue.value)} Kunden, aber Zeile ${f.integer(issue.firstRow)} nennt ${f.integer(issue.firstValue)} für dieselbe Kohorte (${issue.cohort}). Eine Kohorte hat in all ihren Zeilen dieselbe Größe.`;
            case "duplicate":
              return `${at}: Zeitraum ${issue.period} der Kohorte ${issue.cohort} kommt doppelt vor (auch in Zeile ${f.integer(issue.firstRow)}).`;
            case "missingPeriod":
              return `${column}: Für die Kohorte ${issue.cohort} (ab Zeile ${f.integer(issue.row)}) fehlt die Zeile für Zeitraum ${issue.period}. Die Tabelle reicht von Zeitraum 0 bis ${issue.last}, und jede Kohorte braucht für jeden davon eine Zeile (leer, solange unbekannt).`;
            case "blankInside":
              return `${at}: Zeitraum ${issue.period} der Kohorte ${issue.cohort} ist leer, aber Zeile ${f.integer(issue.laterRow)} nennt einen späteren Zeitraum derselben Kohorte. Leer sein dürfen nur die letzten, noch nicht abgeschlossenen Zeiträume einer Kohorte.`;
            case "blankEnded":
              return `${at}: Zeitraum ${issue.period} der Kohorte ${issue.cohort} (${PERIOD_THE[issue.kindOfPeriod].the} ab ${issue.periodStart}) ist leer, obwohl er abgeschlossen ist: Die erste Kohorte der Tabelle reicht bis ${PERIOD_THE[issue.kindOfPeriod].toThe} ab ${issue.lastStart}. Leer sein dürfen nur Zeiträume, die noch nicht abgeschlossen sind.`;
            case "valueNotEnded":
              return `${at}: Zeitraum ${issue.period} der Kohorte ${issue.cohort} (${PERIOD_THE[issue.kindOfPeriod].the} ab ${issue.periodStart}) hat einen Wert, aber die erste Kohorte der Tabelle endet ${PERIOD_THE[issue.kindOfPeriod].withThe} ab ${issue.lastStart}; dieser Zeitraum ist also noch nicht abgeschlossen und muss leer sein. Prüfen Sie den Zeitraum unter „Zeiträume“.`;
            case "tooManyPeriods":
              return `${at}: Zeitraum ${f.integer(issue.value)} bräuchte mehr Spalten, als ein Blatt hat.`;
            case "noRows":
              return "Die Tabelle hat keine Zeilen: Markieren Sie die Kohortentabelle mit ihrer Überschriftenzeile.";
          }
        },
        periodIssue: (issue: PeriodTableIssue, column: string): string => {
          const at = `Zeile ${f.integer(issue.row)}, ${column}`;
          switch (issue.kind) {
            case "blank":
              return `${at}: Die Zelle ist leer. Jede Zeile der Zeitraumtabelle braucht hier einen Wert.`;
            case "notNumber":
              return `${at}: „${issue.value}“ ist keine Zahl.`;
            case "negative":
              return `${at}: ${issue.value} ist negativ; erwartet wird 0 oder mehr.`;
            case "notWhole":
              return `${at}: ${issue.value} ist keine ganze Zahl; Kunden werden in ganzen Zahlen gezählt.`;
            case "notDate":
              return `${at}: „${issue.value}“ ist kein Datum. Ein Zeitraumbeginn ist ein Excel-Datum oder ISO-Text wie 2024-03-01.`;
            case "notPeriodStart":
              return `${at}: ${issue.value} ist nicht der erste Tag ${PERIOD_OF[issue.period]} (${PERIOD_STARTS[issue.period]}). In jeder Zeile muss ein Zeitraum der unter „Zeiträume“ gewählten Länge beginnen; eine Tabelle mit gemischten Zeitraumlängen lässt sich nicht lesen.`;
            case "duplicatePeriod":
              return `${at}: Der Zeitraum ab ${issue.value} kommt doppelt vor (auch in Zeile ${f.integer(issue.firstRow)}).`;
            case "gap":
              return `${at}: Die Tabelle geht ${PERIOD_THE[issue.period].withThe} ab ${issue.value} weiter, aber ${PERIOD_THE[issue.period].the} ab ${issue.missing} fehlt. Die Zeitraumtabelle hat für ${PERIOD_THE[issue.period].every} eine Zeile, ohne Lücken.`;
            case "identity":
              switch (issue.role) {
                case "reactivated":
                  return `${at}: ${f.integer(issue.value)} reaktiviert, aber Kunden am Ende − gehalten − neu ergibt ${f.integer(issue.expected)}.`;
                case "lost":
                  return `${at}: ${f.integer(issue.value)} abgewandert, aber Kunden zu Beginn − gehalten ergibt ${f.integer(issue.expected)}.`;
                default:
                  return `${at}: „Gehalten“ ist ${f.integer(issue.value)}, mehr als ${f.integer(issue.expected)}. Gehaltene Kunden gehören zu den Kunden zu Beginn, und gehaltene plus neue Kunden können nicht mehr sein als die Kunden am Ende.`;
              }
            case "retentionDiffers":
              return `${at}: Die Kundenbindungsrate ${issue.value} weicht von gehalten ÷ Kunden zu Beginn = ${issue.expected} ab; erlaubt ist höchstens das 1e-9-Fache dieses Werts.`;
            case "retentionBlank":
              return `${at}: leer, obwohl es Kunden zu Beginn gibt; die Kundenbindungsrate = gehalten ÷ Kunden zu Beginn hat also einen Wert.`;
            case "retentionWithoutStart":
              return `${at}: ${issue.value}, aber es gibt keine Kunden zu Beginn: Die Kundenbindungsrate hat dort keinen Nenner und muss leer sein.`;
            case "startDiffers":
              return `${at}: ${f.integer(issue.value)} Kunden zu Beginn, aber der Zeitraum davor (Zeile ${f.integer(issue.previousRow)}) endet mit ${f.integer(issue.previousEnd)}. Beide zählen die am selben Tag aktiven Kunden und müssen daher gleich sein.`;
            case "noRows":
              return "Die Tabelle hat keine Zeilen: Markieren Sie die Zeitraumtabelle mit ihrer Überschriftenzeile.";
          }
        },
      },
      run: {
        heading: "4. Kohorten bilden",
        build: "Kohorten bilden",
        cancel: "Abbrechen",
        phase: {
          reading: "Bestellungen werden gelesen",
          readingTable: "Tabelle wird gelesen",
          computing: "Kohorten werden gebildet",
          checking: "Tabelle wird geprüft",
          writing: "Blatt „Kohorten“ wird geschrieben",
        },
        progress: (done: number, total: number) => `${f.integer(done)} von ${f.integer(total)} Zeilen`,
        startOver: "Andere Daten verwenden",
        wroteSheet: (name: string) => `Kohortendreieck, Zeitraumtabelle und Diagramm stehen auf dem Blatt „${name}“.`,
        notFormatted: "Die Werte sind geschrieben, aber Excel konnte Zahlenformate, Farbskala oder Diagramm nicht hinzufügen.",
        totals: (orders: number, customers: number, cohorts: number) =>
          `${f.integer(orders)} ${orders === 1 ? "Bestellung" : "Bestellungen"} von ${f.integer(customers)} ${customers === 1 ? "Kunde" : "Kunden"} in ${f.integer(cohorts)} ${cohorts === 1 ? "Kohorte" : "Kohorten"}.`,
      },
      errors: {
        noId: "Ordnen Sie zuerst die Spalte mit der Kunden-ID zu.",
        noDate: "Ordnen Sie zuerst die Spalte mit dem Bestelldatum zu.",
        sameColumn: "Kunden-ID und Bestelldatum müssen aus verschiedenen Spalten kommen.",
        activeDays: (minimum: number) => `Geben Sie die aktiven Tage als ganze Zahl ab ${f.integer(minimum)} an (der längste Zeitraum).`,
        noOrders: "Keine Zeile hat zugleich eine Kunden-ID und ein Bestelldatum. Prüfen Sie die Zuordnung oder die unten aufgeführten ausgelassenen Zeilen.",
        noRepeats: (kind: PeriodKind) =>
          `Kein Kunde hat nach ${PERIOD[kind].ofFirst} seiner Erstbestellung noch einmal bestellt, daher gibt es keine Kundenbindung zu zeigen. Wählen Sie einen kürzeren Zeitraum oder ein Bestellprotokoll, das mehr Zeit abdeckt.`,
        core: (detail: string) => `Die Kohorten ließen sich nicht bilden: ${detail}`,
        empty: "Die Markierung ist leer. Markieren Sie Ihr Bestellprotokoll (mit Überschriftenzeile) und versuchen Sie es erneut.",
        singleRow: "Die Markierung umfasst nur eine Zeile. Markieren Sie das ganze Bestellprotokoll, eine Bestellung pro Zeile.",
        structureProtected: "Die Arbeitsmappenstruktur ist geschützt, daher kann das Blatt „Kohorten“ nicht hinzugefügt werden. Heben Sie den Schutz auf (Überprüfen › Arbeitsmappe schützen) und versuchen Sie es erneut.",
      },
      curve: {
        heading: "Kundenbindungskurven",
        tableLabel: "Anteil jeder Kohorte, der erneut bestellt hat, nach Zeiträumen seit der ersten Bestellung",
        title: (cohorts: number) => (cohorts === 1 ? "Kundenbindungskurve der jüngsten Kohorte" : `Kundenbindungskurven der ${f.integer(cohorts)} jüngsten Kohorten`),
        xAxis: (kind: PeriodKind) => `${PERIOD[kind].plural} nach der Erstbestellung`,
        yAxis: "Anteil der Kohorte",
        noCurve: (kind: PeriodKind) => `Für keine Kohorte ist ${PERIOD[kind].anotherWhole} gefolgt, daher gibt es noch keine Kurve.`,
        reading: (kind: PeriodKind, cohort: string, share: string, size: number) =>
          `Von ${size === 1 ? "dem einen Kunden" : `den ${f.integer(size)} Kunden`} mit Erstkauf ${PERIOD[kind].in} ${cohort} ${size === 1 ? "hat" : "haben"} ${share} ${PERIOD[kind].next} erneut gekauft.`,
        narrowTable: (kind: PeriodKind, periods: number) =>
          `Die Tabelle zeigt ${PERIOD[kind].plural} 1 bis ${f.integer(periods)} (${PERIOD[kind].noun} 0 ist immer ${f.percent(1)}); das Blatt „Kohorten“ enthält alle.`,
        legend: (cohort: string, size: number) => `${cohort} (${f.integer(size)} ${size === 1 ? "Kunde" : "Kunden"})`,
        smallLeftOut: (count: number, minSize: number) =>
          `${f.integer(count)} ${count === 1 ? "neuere Kohorte fehlt" : "neuere Kohorten fehlen"} in den Kurven und im Lesebeispiel: Unter ${f.integer(minSize)} Kunden verschiebt ein einzelner Kunde einen Anteil um mehrere Prozentpunkte. Das Blatt „Kohorten“ enthält alle.`,
        notSurvival: "Die Anteile können später wieder steigen, weil Kunden zurückkehren: Dies ist keine Überlebenskurve.",
        /** "März 2024", "Woche vom 4. März 2024", "1. Quartal 2024", "2024"; `reading` adds the preposition. */
        cohortName: (kind: PeriodKind, year: number, month: number, day: number) => {
          switch (kind) {
            case "week":
              return `Woche vom ${f.longDate(year, month, day)}`;
            case "month":
              return f.monthYear(year, month);
            case "quarter":
              return `${Math.floor((month - 1) / 3) + 1}. Quartal ${year}`;
            default:
              return String(year);
          }
        },
      },
      issues: {
        heading: "Ausgelassene Zeilen",
        line: (count: number, reason: string, rows: readonly number[], more: boolean) =>
          `${f.integer(count)} ${rowWord(count)} ausgelassen: ${reason} (${rowWord(count)} ${rows.join(", ")}${more ? ", …" : ""})`,
        reason: (issue: LogIssue): string => {
          switch (issue.kind) {
            case "blankId":
              return "Kunden-ID leer";
            case "badId":
              return "Kunden-ID ist weder Text noch Zahl";
            case "blankDate":
              return "Bestelldatum leer";
            case "notDate":
              return "Bestelldatum ist kein Datum";
            case "errorValue":
              return `${issue.field === "id" ? "Kunden-ID" : "Bestelldatum"} ist ${issue.code}`;
          }
        },
      },
      sheet: {
        name: "Kohorten",
        incompleteName: (name: string) => `${name.slice(0, 16)} unvollständig`,
        triangleTitle: (kind: PeriodKind) =>
          `Kohortendreieck: Anteil jeder Kohorte (Kunden nach ${PERIOD[kind].ofFirst} ihrer Erstbestellung), der ${PERIOD[kind].every} bestellt hat. Keine Überlebenskurve: Kunden kehren zurück.`,
        cohortStart: "Kohortenbeginn",
        customers: "Kunden",
        periodColumn: (kind: PeriodKind, k: number) => `${PERIOD[kind].noun} ${k}`,
        tableTitle: (kind: PeriodKind, activeDays: number) =>
          `Kundenbindung ${PERIOD[kind].per}: Ein Kunde gilt nach jeder Bestellung ${f.integer(activeDays)} ${activeDays === 1 ? "Tag" : "Tage"} als aktiv; Kundenbindungsrate = gehaltene Kunden ÷ Kunden zu Beginn.`,
        tableHeaders: ["Zeitraumbeginn", "Kunden zu Beginn", "Neu", "Reaktiviert", "Kunden am Ende", "Gehalten", "Kundenbindungsrate", "Abgewandert"],
        curveTitle: (cohorts: number) =>
          cohorts === 1 ? "Diagrammdaten: Kundenbindungskurve der jüngsten Kohorte" : `Diagrammdaten: Kundenbindungskurven der ${f.integer(cohorts)} jüngsten Kohorten`,
        curvePeriod: (kind: PeriodKind) => PERIOD[kind].noun,
        /** Cohort labels in the chart data: "2024-03", "2024-KW10" (Kalenderwoche), "2024-Q1", "2024"; they sort as text like the English ones. */
        cohortLabel: (kind: PeriodKind, year: number, month: number, isoWeekYear: number, isoWeek: number) => {
          switch (kind) {
            case "week":
              return `${isoWeekYear}-KW${String(isoWeek).padStart(2, "0")}`;
            case "month":
              return `${year}-${String(month).padStart(2, "0")}`;
            case "quarter":
              return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
            default:
              return String(year);
          }
        },
        chartTitle: "Kundenbindungskurven der jüngsten Kohorten",
        dateFormat: "yyyy-mm-dd",
      },
    },
    warehouse: {
      intro: "Für Bestellprotokolle, die größer sind als ein Arbeitsblatt: das SQL, das dieselben Kennzahlen in Ihrer Datenbank berechnet.",
      analysis: "Auswertung",
      analyses: {
        rfmTable: "RFM-Tabelle (wie RFMTABLE)",
        rfmScores: "RFM-Scores (wie RFMSCORE)",
        rfmSegments: "RFM-Segmente (wie RFMSEGMENT)",
        btydGrouped: "BTYD-Zusammenfassung, gruppiert (für BGNBDFIT mit Gewichten)",
        btydCustomers: "BTYD-Zusammenfassung je Kunde (wie BTYDSUMMARY)",
        btydSpend: "Ausgaben der Wiederkäufer (für GAMMAGAMMAFIT)",
        holdoutGrouped: "Kalibrierungs- und Prüfzeitraum, gruppiert",
        clvJoin: "Erwartete Käufe und CLV je Kunde (Gruppentabelle laden und verknüpfen)",
        cohorts: "Kohortendreieck, Langform (wie COHORTS)",
        retention: "Kundenbindung pro Zeitraum (wie RETENTIONBYPERIOD)",
      },
      dialect: "Datenbank",
      table: "Bestelltabelle",
      tableHint: "Ein einfacher oder mit Punkt gegliederter Name, etwa sales.orders.",
      customerId: "Spalte mit der Kunden-ID",
      orderDate: "Spalte mit dem Bestelldatum",
      amount: "Spalte mit dem Betrag",
      asOf: "Stichtag",
      asOfHint: "JJJJ-MM-TT; leer lassen für das Datum der letzten Bestellung. Beim Prüfzeitraum ist dies dessen Ende.",
      calibrationEnd: "Ende der Kalibrierung",
      unit: "Zeiteinheit",
      units: { day: "Tage", week: "Wochen", month: `Monate (à ${f.number(30.4375, 4)} Tage)` } as Record<TimeUnit, string>,
      wholePeriods: (unit: TimeUnit) => (unit === "month" ? "Ganze Kalendermonate zählen" : "Ganze Kalenderwochen zählen (Montag bis Sonntag)"),
      wholePeriodsHint:
        "Käufe in derselben Woche bzw. demselben Monat zählen als einer, und t_x und T sind ganze Anzahlen davon, wie bei BTYDSUMMARY(…; WAHR) und freq=\"W\" in lifetimes. Die gruppierte Zusammenfassung hat dann weit weniger Zeilen. Schätzen und prognostizieren Sie in derselben Einheit; die CLV-Gruppentabelle braucht weiterhin die Zusammenfassung nach Tagen.",
      period: "Zeitraum",
      sql: "SQL",
      copy: "Kopieren",
      copied: "Kopiert",
      save: ".sql speichern",
      note:
        "Führen Sie dies in Ihrer Datenbank aus und fügen Sie das Ergebnis in ein Arbeitsblatt ein oder laden Sie es dorthin. Die genannte LOYALTY-Formel rechnet damit: Bei der gruppierten Zusammenfassung geben Sie die Kundenspalte als Gewichte von BGNBDFIT an.",
      refused: (field: string, reason: RefusalReason, message: string) => {
        switch (reason) {
          case "name":
            return `${field}: Dieser Name wird abgelehnt. Erwartet wird ein einfacher Name aus Buchstaben, Ziffern und _ (bei einer Tabelle auch durch Punkte gegliedert, etwa sales.orders), ohne Anführungszeichen, Semikolon, Kommentarzeichen oder Leerzeichen.`;
          case "date":
            return `${field}: Das ist kein gültiges Datum. Geben Sie es als JJJJ-MM-TT an, etwa 2024-12-31.`;
          case "amount":
            return `${field}: Diese Auswertung braucht die Bestellbeträge. Geben Sie die Spalte mit dem Betrag an.`;
          case "order":
            return `${field}: Der Stichtag (Ende des Prüfzeitraums) muss nach dem Ende der Kalibrierung liegen; der Prüfzeitraum liegt dazwischen.`;
          case "holdoutEnd":
            return `${field}: Für den Prüfzeitraum wird ein Stichtag als Ende benötigt (JJJJ-MM-TT).`;
          case "number":
            return `${field}: Geben Sie eine Zahl ein, etwa 0,25.`;
          case "file":
            return `${field}: Dieser Speicherort wird abgelehnt. Erlaubt sind Buchstaben, Ziffern, Leerzeichen und _ . - / : @ ~ +, mit Schrägstrichen statt umgekehrter Schrägstriche (C:/Users/ich/clv_groups.csv); keine Anführungszeichen und kein Semikolon.`;
          default:
            return `${field}: Die Eingabe wird abgelehnt (Meldung des SQL-Generators: ${message}).`;
        }
      },
      clv: {
        paramsHint: "Übernehmen Sie die Parameter aus den Blöcken von BGNBDFIT (auf der gruppierten Zusammenfassung geschätzt) und GAMMAGAMMAFIT, geschätzt in der oben gewählten Zeiteinheit.",
        r: "BG/NBD-Parameter r",
        alpha: "BG/NBD-Parameter Alpha (α)",
        a: "BG/NBD-Parameter a",
        b: "BG/NBD-Parameter b",
        p: "Gamma-Gamma-Parameter p",
        q: "Gamma-Gamma-Parameter q",
        v: "Gamma-Gamma-Parameter v (γ)",
        horizonMonths: "Prognosezeitraum in Monaten",
        monthlyDiscountRate: "Monatlicher Diskontsatz",
        monthlyDiscountHint: "Als Anteil: 1 % im Monat ist 0,01.",
        marginRate: "Marge auf den Umsatz",
        marginHint: "Als Anteil: 30 % ist 0,3; mit 1 erhalten Sie den Umsatz.",
        groupTable: "Gruppentabelle in der Datenbank",
        csvFile: "Speicherort der CSV-Datei",
        csvFileHint: "Der Pfad, von dem die Datenbank sie liest, mit Schrägstrichen (C:/Users/ich/clv_groups.csv); bei BigQuery eine gs://-Adresse oder ein lokaler Pfad für bq load.",
        heading: "Die Gruppentabelle (CSV)",
        intro:
          "Wählen Sie die gruppierte BTYD-Zusammenfassung, die Ihre Datenbank geliefert hat (die Auswertung „BTYD-Zusammenfassung, gruppiert“, als CSV gespeichert). Der Aufgabenbereich berechnet für jede unterschiedliche Kaufhistorie P(alive), die erwarteten Käufe und die diskontierten Käufe, hier auf diesem Computer; nichts wird hochgeladen.",
        file: "Gruppierte BTYD-Zusammenfassung (CSV)",
        running: "Gruppentabelle wird berechnet …",
        done: (groups: number, rows: number) => `${f.integer(groups)} ${groups === 1 ? "Gruppe" : "Gruppen"} aus ${f.integer(rows)} ${rows === 1 ? "Zeile" : "Zeilen"}, bereit zum Herunterladen.`,
        notSettled: (groups: number) =>
          `Für ${f.integer(groups)} ${groups === 1 ? "Gruppe" : "Gruppen"} gibt es keine erwarteten Käufe: Die Reihe ist nicht konvergiert (ein Prognosezeitraum, der im Verhältnis zu Alpha + T sehr lang ist). Diese Felder bleiben leer, für diese Kunden gibt es also keinen CLV.`,
        download: "clv_groups.csv herunterladen",
        badNumber: (field: string) => `${field}: Geben Sie eine Zahl ein, etwa 0,25.`,
        badParams: (detail: string) => `Mit diesen Parametern lässt sich nicht rechnen (Meldung: ${detail}).`,
        problem: (p: ClvRunProblem) => {
          switch (p.kind) {
            case "empty":
              return "Die Datei hat keine Kopfzeile mit nachfolgenden Datenzeilen.";
            case "missingColumn":
              return `Der Datei fehlt die Spalte ${p.column}. Verwenden Sie die CSV-Datei der gruppierten BTYD-Zusammenfassung: Ihre Kopfzeile nennt x, t_x_days und T_days.`;
            case "badValue":
              return `Zeile ${f.integer(p.line)}: ${p.column} ist „${p.value}“, erwartet wird eine ganze Zahl.`;
            case "badHistory":
              return `Zeile ${f.integer(p.line)} ist keine Kaufhistorie in ganzen Tagen (Meldung: ${p.detail}).`;
            default:
              return `Die Gruppentabelle konnte nicht berechnet werden (Meldung: ${p.detail}).`;
          }
        },
        note:
          "Laden Sie die CSV-Datei und führen Sie das SQL oben in Ihrer Datenbank aus, mit demselben Stichtag und derselben Zeiteinheit wie bei der gruppierten Zusammenfassung. Sie erhalten je Kunde P(alive), die erwarteten Käufe im Prognosezeitraum und CLV = diskontierte Käufe × erwarteter Betrag je Kauf × Marge, dieselben Werte wie LOYALTY.PALIVE, EXPECTEDPURCHASES und PREDICTEDCLV.",
      },
    },

    files: {
      heading: "Datei öffnen…",
      intro: "Wählen Sie einen CSV- oder Parquet-Export Ihrer Bestellungen. Er wird hier auf diesem Computer gelesen; nichts wird hochgeladen.",
      fileLabel: "Bestelldatei (CSV oder Parquet)",
      notSupported: (name: string) => `„${name}“ ist keine CSV- oder Parquet-Datei. Wählen Sie eine Datei mit der Endung .csv oder .parquet.`,
      dialect: (delimiter: string, decimal: string, dates: string) => `Felder getrennt durch ${delimiter}, Dezimaltrennzeichen ${decimal}, Datumsangaben als ${dates}.`,
      delimiterNames: { ",": "Kommas", ";": "Semikolons", "\t": "Tabulatoren", "|": "senkrechte Striche" } as Record<string, string>,
      decimalNames: { ".": "Punkt", ",": "Komma" } as Record<string, string>,
      dateNames: { iso: "2024-12-31", dmy: "31.12.2024" } as Record<string, string>,
      parquetColumns: "Eine Parquet-Datei bringt ihre eigenen Spaltennamen und Datentypen mit.",
      idLabel: "Spalte mit der Kunden-ID",
      dateLabel: "Spalte mit dem Bestelldatum",
      amountLabel: "Spalte mit dem Betrag",
      noColumn: "(keine)",
      analysisLabel: "Auswertung",
      rfmTable: "RFM-Tabelle (eine Zeile pro Kunde)",
      btydGrouped: "BTYD-Zusammenfassung, gruppiert (für BGNBDFIT mit Gewichten)",
      rfmSegments: "RFM-Scores und -Segmente (eine Zeile pro Kunde)",
      holdoutGrouped: "Kalibrierungs- und Prüfzeitraum, gruppiert (für „Modell prüfen“)",
      cohorts: "Kohortendreieck, Langform (eine Zeile pro Kohorte und Zeitraum)",
      retention: "Kundenbindung pro Zeitraum (eine Zeile pro Zeitraum)",
      unitLabel: "Zeiteinheit",
      calibrationLabel: "Ende der Kalibrierung",
      calibrationHint:
        "Leer lassen für das Datum, das „Modell prüfen“ wählen würde: die Mitte zwischen dem 1. und dem 99. Perzentil der Bestelldaten. Der Prüfzeitraum reicht bis zum letzten Bestelldatum.",
      badCalibrationText: (example: string) => `Geben Sie das Ende der Kalibrierung als Datum an, etwa ${example}, oder lassen Sie das Feld für den Standardwert leer.`,
      badCalibrationEnd: (first: string, last: string) =>
        `Das Ende der Kalibrierung muss nach dem ersten Bestelldatum der Datei (${first}) und vor dem letzten (${last}) liegen, damit Kalibrierungs- und Prüfzeitraum beide Bestellungen enthalten.`,
      run: "Auf diese Datei anwenden",
      running: "Datei wird mit DuckDB gelesen",
      writing: "Neues Arbeitsblatt wird geschrieben",
      progressRows: (done: number, total: number) => `${f.integer(done)} von ${f.integer(total)} Zeilen`,
      cancel: "Abbrechen",
      cancelled: "Abgebrochen. Es ist kein Blatt zurückgeblieben.",
      done: (sheet: string, rows: number, orders: number) =>
        `${f.integer(rows)} ${rowWord(rows)} aus ${f.integer(orders)} ${orders === 1 ? "Bestellung" : "Bestellungen"} in das neue Blatt ${sheet} geschrieben.`,
      holdoutDone: (sheet: string, rows: number, orders: number, calibrationEnd: string, holdoutEnd: string) =>
        `${f.integer(rows)} ${rowWord(rows)} aus ${f.integer(orders)} ${orders === 1 ? "Bestellung" : "Bestellungen"} in das neue Blatt ${sheet} geschrieben, mit Kalibrierung bis ${calibrationEnd} und Prüfzeitraum bis ${holdoutEnd}. Markieren Sie die Tabelle mit ihrer Überschriftenzeile und führen Sie darauf „Modell prüfen“ aus.`,
      needColumns: "Wählen Sie die Spalten mit der Kunden-ID und dem Bestelldatum.",
      needAmount: "RFM-Tabelle, -Scores und -Segmente brauchen die Spalte mit dem Betrag.",
      tooManyCustomers: (customers: number) =>
        `${f.integer(customers)} Kunden passen nicht auf ein Excel-Arbeitsblatt (${f.integer(1048576)} Zeilen). Wählen Sie stattdessen eine gruppierte oder verdichtete Form: die gruppierte BTYD- oder Kalibrierungs-/Prüfzeitraum-Zusammenfassung (eine Zeile pro unterschiedlicher Kaufhistorie), das Kohortendreieck oder die Kundenbindung pro Zeitraum.`,
      tooManyRows: (rows: number) =>
        `Das Ergebnis hat ${f.integer(rows)} Zeilen, mehr als auf ein Excel-Arbeitsblatt passen (${f.integer(1048576)} Zeilen). Führen Sie die Auswertung als SQL in Ihrer Datenbank aus (Registerkarte „Datenbank“) oder exportieren Sie weniger Bestellungen (etwa ein Jahr) und versuchen Sie es erneut.`,
      outOfMemory:
        "Diese Datei braucht mehr Arbeitsspeicher, als der Bereich nutzen kann. Führen Sie dieselbe Auswertung als SQL in Ihrer Datenbank aus (Registerkarte „Datenbank“) oder exportieren Sie weniger Bestellungen (etwa ein Jahr) und versuchen Sie es erneut.",
      parquetCodec: (column: string, codec: string) =>
        `Die Spalte „${column}“ dieser Parquet-Datei ist mit ${codec} komprimiert, das der Bereich nicht lesen kann. Exportieren Sie die Datei unkomprimiert oder mit Snappy-Komprimierung (etwa COMPRESSION snappy in DuckDB, compression="snappy" in pandas oder pyarrow) oder als CSV.`,
      parquetColumnType: (column: string, type: string) =>
        `Die Spalte „${column}“ enthält Werte vom Typ ${type}, die sich für diese Rolle nicht eignen. Kundennummern müssen Text oder ganze Zahlen sein, Bestelldaten DATE, TIMESTAMP oder ISO-Text wie 2024-12-31, Beträge Zahlen (DOUBLE, DECIMAL oder ganze Zahlen).`,
      parquetBadDate: (column: string, row: number, text: string) =>
        `Zeile ${f.integer(row)} der Spalte „${column}“ enthält „${text}“, kein Datum wie 2024-12-31.`,
      parquetUnreadable: "Diese Datei ließ sich nicht als Parquet lesen. Prüfen Sie, ob die .parquet-Datei vollständig ist, oder exportieren Sie die Bestellungen als CSV.",
      engineServedWrong: (contentType: string) =>
        `Die Datei-Engine des Bereichs konnte nicht starten: Der Webserver des Add-ins liefert ihre WebAssembly-Datei als „${contentType}“, Browser führen sie aber nur als application/wasm aus. Bitten Sie die Stelle, die das Add-in bereitstellt, .wasm-Dateien als application/wasm auszuliefern.`,
      failed: (message: string) => `Die Datei konnte nicht ausgewertet werden: ${message}`,
      csvNoData: "Die Datei hat keine Kopfzeile mit darauf folgenden Datenzeilen.",
      csvNoDelimiter: "Die Spalten lassen sich nicht auseinanderhalten: Erwartet werden Felder, die durch , ; Tabulator oder | getrennt sind, in jeder Zeile gleich viele.",
      sheetName: {
        rfmTable: "RFM aus Datei",
        btydGrouped: "BTYD-Gruppen aus Datei",
        rfmSegments: "RFM-Segmente aus Datei",
        holdoutGrouped: "Prüfzeitraum aus Datei",
        cohorts: "Kohorten aus Datei",
        retention: "Kundenbindung aus Datei",
      } as Record<string, string>,
      sheetTitle: (file: string, analysis: string) => `${analysis}, aus ${file}`,
      wholePeriodsTitle: (file: string, unit: TimeUnit): string =>
        `BTYD-Zusammenfassung in ganzen Kalender${unit === "month" ? "monaten" : "wochen"}, gruppiert (für BGNBDFIT mit Gewichten), aus ${file}. x, t_x und T zählen ganze ${unit === "month" ? "Monate" : "Wochen (Montag bis Sonntag)"}, wie BTYDSUMMARY(…; WAHR).`,
      holdoutTitle: (file: string, calibrationEnd: string, holdoutEnd: string, unit: string) =>
        `Kalibrierungs- und Prüfzeitraum, gruppiert, aus ${file}: Kalibrierung bis ${calibrationEnd}, danach Prüfzeitraum bis ${holdoutEnd}; t_x, T und holdout_length in ${unit}; die letzte Spalte zählt die Kunden mit der Kaufhistorie der Zeile.`,
      cohortsTitle: (file: string, kind: PeriodKind) =>
        `Kohortendreieck ${PERIOD[kind].per}, Langform, aus ${file}: Anteil = aktive Kunden ÷ Kohortengröße; aktive Kunden und Anteil sind leer, wo ${PERIOD_THE[kind].the} noch nicht abgeschlossen ist.`,
      retentionTitle: (file: string, kind: PeriodKind, activeDays: number) =>
        `Kundenbindung ${PERIOD[kind].per}, aus ${file}: Ein Kunde gilt nach jeder Bestellung ${f.integer(activeDays)} ${activeDays === 1 ? "Tag" : "Tage"} als aktiv; Kundenbindungsrate = gehaltene Kunden ÷ Kunden zu Beginn.`,
      incompleteName: (name: string) => `${name} (unvollständig)`,
      dateFormat: "yyyy-mm-dd",
    },
  };
}
