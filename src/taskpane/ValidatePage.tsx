/** "Validate elections": the election sheet checked against §3–§7 (rules E01–E16). */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { PLAN_EFFECTIVE_DATE } from "../engine/constants";
import { parseIsoDate, parseMonthDay } from "../engine/dates";
import { PlanError } from "../engine/errors";
import type { PriceTable } from "../engine/prices";
import { plural } from "../engine/format";
import { validateElectionSheet, type ElectionSheetResult } from "../sheets/elections";
import { priceTableFrom } from "../sheets/prices";
import { ELECTIONS_TEMPLATE, PRICES_TEMPLATE } from "../sheets/templates";
import {
  clearMarks,
  insertTemplates,
  loadPaneSettings,
  readWorkbookOverview,
  markCells,
  readElections,
  savePaneSettings,
  selectCell,
  writeValidationReport,
  type LocatedFinding,
  type PaneSettings,
  type WorkbookOverview,
  VALIDATION_SHEET,
} from "../workbook/excel";
import { CommandFeedback } from "./CommandFeedback";
import { SheetSelect } from "./SheetSelect";
import { CellLinks, type CellLink, type CellLinkGroup } from "./CellLinks";
import { useCommand } from "./useCommand";

const DEFAULT_SETTINGS: PaneSettings = { planEffectiveDate: PLAN_EFFECTIVE_DATE, fiscalYearEnd: "12-31", pricesSheet: "" };

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

function describeSource(overview: WorkbookOverview | undefined): string {
  if (!overview) return "Looking for the election sheet…";
  const { source } = overview;
  return source.kind === "table"
    ? `Source: the table "${source.table}" on sheet "${source.sheet}".`
    : `Source: the used range of the active sheet, "${source.sheet}" (no table named Elections).`;
}

interface Validation {
  result: ElectionSheetResult;
  located: LocatedFinding[];
  pricesNote?: string;
  reportExists: boolean;
}

export function ValidatePage() {
  const styles = useStyles();
  const command = useCommand();
  const [overview, setOverview] = useState<WorkbookOverview>();
  const [settings, setSettings] = useState<PaneSettings>(() => loadPaneSettings(DEFAULT_SETTINGS));
  const [validation, setValidation] = useState<Validation>();

  const refresh = useCallback(async () => {
    const found = await readWorkbookOverview();
    setOverview(found);
    setSettings((current) => (current.pricesSheet === "" && found.sheets.includes("Prices") ? { ...current, pricesSheet: "Prices" } : current));
  }, []);

  useEffect(() => {
    void command.run("Finding the election sheet…", refresh);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const updateSettings = (change: Partial<PaneSettings>) => {
    const next = { ...settings, ...change };
    setSettings(next);
    void savePaneSettings(next).catch(() => command.setStatus("The settings could not be saved in this workbook."));
  };

  const effectiveDate = parseIsoDate(settings.planEffectiveDate);
  const fyEnd = parseMonthDay(settings.fiscalYearEnd);

  const validate = () =>
    command.run("Validating elections…", async () => {
      if (!effectiveDate || !fyEnd) throw new Error("Fix the settings first: the plan effective date is YYYY-MM-DD and the fiscal year end is MM-DD.");
      // The source found when the pane opened (or on Refresh); if the workbook has changed since, find it again.
      let current = overview ?? (await readWorkbookOverview());
      const pricesFor = (o: WorkbookOverview) => (settings.pricesSheet && o.sheets.includes(settings.pricesSheet) ? settings.pricesSheet : undefined);
      let read;
      try {
        read = await readElections(current.source, pricesFor(current));
      } catch {
        current = await readWorkbookOverview();
        read = await readElections(current.source, pricesFor(current));
      }
      setOverview(current);
      let prices: PriceTable | undefined;
      let pricesNote: string | undefined;
      if (read.prices) {
        try {
          prices = priceTableFrom(read.prices);
        } catch (error) {
          if (!(error instanceof PlanError)) throw error;
          pricesNote = `The prices sheet was not used: ${error.message}. Option discounts (E11) are not checked.`;
        }
      }
      const result = validateElectionSheet(read.grid, { planEffectiveDate: effectiveDate, fiscalYearEnd: fyEnd, prices });
      const located = result.findings.map((f, i) => ({ ...f, sheet: result.sheet, address: result.addresses[i] }));
      setValidation({ result, located, pricesNote, reportExists: read.reportExists });
    });

  const groups: CellLinkGroup[] = useMemo(() => {
    if (!validation) return [];
    const byRow = new Map<number, CellLink[]>();
    validation.located.forEach((f, i) => {
      const links = byRow.get(f.row) ?? [];
      links.push({ key: String(i), sheet: f.sheet, address: f.address, severity: f.severity, title: `${f.rule} · ${f.column}`, message: f.message });
      byRow.set(f.row, links);
    });
    return [...byRow.entries()].map(([row, links]) => ({ key: String(row), heading: `Row ${row}`, links }));
  }, [validation]);

  const errors = validation?.located.filter((f) => f.severity === "error").length ?? 0;
  const warnings = (validation?.located.length ?? 0) - errors;
  const busy = command.busy !== undefined;

  return (
    <div className={styles.page}>
      <Text as="p" size={200}>
        {describeSource(overview)}
      </Text>
      <div className={styles.row}>
        <Button appearance="primary" onClick={validate} disabled={busy}>
          Validate
        </Button>
        <Button onClick={() => command.run("Looking for the election sheet…", refresh)} disabled={busy}>
          Refresh source
        </Button>
        <Button
          onClick={() =>
            command.run("Inserting the template…", async () => {
              const added = await insertTemplates([ELECTIONS_TEMPLATE, PRICES_TEMPLATE]);
              await refresh();
              updateSettings({ pricesSheet: added[1] });
              command.setStatus(`Inserted the sheets ${added.map((n) => `"${n}"`).join(" and ")} with sample rows. Select Validate to see the rules at work.`);
            })
          }
          disabled={busy}
        >
          Insert template
        </Button>
      </div>

      <Accordion collapsible>
        <AccordionItem value="settings">
          <AccordionHeader>Settings</AccordionHeader>
          <AccordionPanel>
            <div className={styles.fields}>
              <Field label="Plan effective date" validationMessage={effectiveDate ? undefined : "Enter a date as YYYY-MM-DD."} hint="The plan took effect on 2002-07-18 (§4.2(e)).">
                <Input value={settings.planEffectiveDate} onChange={(_, d) => updateSettings({ planEffectiveDate: d.value })} />
              </Field>
              <Field label="Fiscal year end (MM-DD)" validationMessage={fyEnd ? undefined : "Enter a month and day as MM-DD."} hint="Used when a bonus row has no Bonus Fiscal Year End.">
                <Input value={settings.fiscalYearEnd} onChange={(_, d) => updateSettings({ fiscalYearEnd: d.value })} />
              </Field>
              <SheetSelect
                label="Sheet with prices [date, close]"
                hint="For the §5.1 discount check (E11)."
                sheets={overview?.sheets ?? []}
                value={settings.pricesSheet}
                onChange={(pricesSheet) => updateSettings({ pricesSheet })}
              />
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>

      <CommandFeedback command={command} />

      {validation && (
        <>
          {validation.result.unusable && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>The sheet cannot be checked</MessageBarTitle>
                {validation.result.unusable}
              </MessageBarBody>
            </MessageBar>
          )}
          {validation.pricesNote && (
            <MessageBar intent="warning">
              <MessageBarBody>{validation.pricesNote}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.counts} role="status" aria-label="Validation summary">
            <Badge appearance="filled" color="danger">{plural(errors, "error")}</Badge>
            <Badge appearance="filled" color="warning">{plural(warnings, "warning")}</Badge>
            <Text size={200}>{`${plural(validation.result.rowsChecked, "row")} checked on "${validation.result.sheet}"`}</Text>
          </div>
          <div className={styles.row}>
            <Button
              onClick={() =>
                command.run("Writing the report…", async () => {
                  await writeValidationReport(validation.located, validation.reportExists);
                  setValidation({ ...validation, reportExists: true });
                  command.setStatus(`Wrote ${validation.located.length} findings to the sheet "DCP Validation".`);
                })
              }
              disabled={busy}
            >
              Write report
            </Button>
            <Button
              onClick={() =>
                command.run("Marking cells…", async () => {
                  const { marked, notes } = await markCells(
                    validation.located.map((f) => ({ sheet: f.sheet, address: f.address, severity: f.severity, note: `${f.rule} (§${f.section}): ${f.message}` })),
                  );
                  // Without notes (an Excel before ExcelApi 1.18, or too many cells), the messages go to the report sheet.
                  if (!notes && marked > 0) {
                    await writeValidationReport(validation.located, validation.reportExists);
                    setValidation({ ...validation, reportExists: true });
                  }
                  const where = notes || marked === 0 ? "" : ` Their messages are on the sheet "${VALIDATION_SHEET}".`;
                  command.setStatus(`Marked ${plural(marked, "cell")}.${where} Clear marks puts their formatting back.`);
                })
              }
              disabled={busy || validation.located.length === 0}
            >
              Mark cells
            </Button>
            <Button
              onClick={() =>
                command.run("Clearing marks…", async () => {
                  const cleared = await clearMarks();
                  command.setStatus(`Restored the formatting of ${plural(cleared, "cell")}.`);
                })
              }
              disabled={busy}
            >
              Clear marks
            </Button>
          </div>
          {groups.length === 0 && !validation.result.unusable ? (
            <Text>No findings: every election follows the plan's rules.</Text>
          ) : (
            <CellLinks
              label="Findings by row"
              groups={groups}
              onSelect={(link) => void command.run("Selecting the cell…", () => selectCell(link.sheet, link.address))}
            />
          )}
        </>
      )}
    </div>
  );
}
