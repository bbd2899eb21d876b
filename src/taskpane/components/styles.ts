import { makeStyles, tokens } from "@fluentui/react-components";

/** Shared layout of the pane: one column, fits 320 px, spacing and type from tokens only. */
export const usePaneStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    maxWidth: "100%",
    boxSizing: "border-box",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: "100vh",
    // Headings take their space from the row gaps, not from the browser's default margins (the set-up must fit one screen).
    "& h1, & h2, & h3": { marginBlock: 0 },
  },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  /** A section heading with a small button at its end ("Change"). */
  headingRow: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  row: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: "center",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  scroll: {
    overflowX: "auto",
    maxWidth: "100%",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  numberCell: { textAlign: "end", whiteSpace: "nowrap" },
  headerCell: { whiteSpace: "normal", verticalAlign: "bottom" },
  table: { tableLayout: "auto", width: "max-content", minWidth: "100%" },
  narrowTable: { tableLayout: "fixed", width: "100%", "& th, & td": { overflowWrap: "anywhere", whiteSpace: "normal" } },
  sticky: { position: "sticky", insetInlineStart: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  segmentCell: { whiteSpace: "nowrap" },
  swatch: {
    display: "inline-block",
    width: tokens.spacingHorizontalM,
    height: tokens.spacingVerticalM,
    marginInlineEnd: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
    verticalAlign: "middle",
  },
  // Fluent's chart legends capitalise every word ("Locked-In", "85 Customers"); the pane writes its labels in sentence case.
  figure: { margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, "& .fui-legend__legend": { textTransform: "none" } },
  disclosure: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold, ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  stacked: { listStyleType: "none", paddingInlineStart: 0, rowGap: tokens.spacingVerticalM },
  stackedItem: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  pairs: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    "& dd": { margin: 0 },
  },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});
