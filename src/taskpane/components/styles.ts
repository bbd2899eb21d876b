import { makeStyles, tokens } from "@fluentui/react-components";

/** Shared layout of the pane: one column, fits 320 px, spacing and type from tokens only. */
export const usePaneStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    maxWidth: "100%",
    boxSizing: "border-box",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    minHeight: "100vh",
  },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
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
  figure: { margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});
