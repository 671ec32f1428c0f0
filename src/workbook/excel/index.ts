/**
 * The Office.js adapter: the only code that calls `Excel.run` (and reads
 * Office document settings). One module a concern: where things are
 * (addresses), reading sheets, the add-in's report sheets, marks and notes,
 * templates, settings, theme; batch.ts keeps every command within Excel on
 * the web's limits and requirements.ts says what this Excel supports.
 */
export { parseAddress, quoteSheet } from "./addresses";
export { readElections, readSheets, readWorkbookOverview, type ElectionSource, type SheetRead, type WorkbookOverview } from "./read";
export { OCF_SHEET, writeOcfSheet, writeReport } from "./report";
export { statementSheetName, STATEMENTS_SHEET, writeStatementSheet } from "./statement";
export { clearMarks, markCells, NOTES_LIMIT, type MarkRequest, type MarkResult } from "./marks";
export { selectCell } from "./navigation";
export { insertTemplates } from "./templates";
export { loadPaneSettings, savePaneSettings, type PaneSettings } from "./settings";
export { hostCannotDownload, officeThemeIsDark } from "./theme";
export { excelApiSupported, hostLimitations, NOTES_API } from "./requirements";
