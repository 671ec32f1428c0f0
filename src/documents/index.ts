/**
 * The documents layer: what both faces print. The command line imports it
 * for `--pdf`, the task pane loads it as its own lazy chunk; it reads no file
 * and knows neither face.
 */
export { documentFileName, documentFileNames } from "./fileNames";
export { renderStatementPdf } from "./statement";
export { renderNoticePdf, renderNotices, type NoticeFile, type NoticeInput } from "./notice";
export type { StatementPdfInput } from "./statementInput";
export { FONT_FILES, type FontLoader } from "./fonts";
