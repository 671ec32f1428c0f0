/** The layout every task pane page shares: one column of sections in a pane as narrow as 320 px. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const usePageStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  /** Buttons side by side, wrapping when the pane is narrow. */
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  /** Two fields side by side (a period's from and to). */
  fields: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalS },
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  /** A control as wide as its column and never wider. */
  control: { minWidth: 0, width: "100%" },
  /** The badges that count a result. */
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  caption: { textAlign: "left", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, paddingBottom: "2px" },
  /** A term and its value as one row of a description list laid out as a grid. */
  pair: { display: "contents" },
});
