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
import { quotedList } from "../engine/format";
import { rulesOf } from "../engine/rules";
import { ELECTIONS_TEMPLATE, FUNCTION_TABLE_TEMPLATES } from "../sheets/templates";
import {
  clearMarks,
  insertTemplates,
  loadPaneSettings,
  readWorkbookOverview,
  markCells,
  readElections,
  savePaneSettings,
  selectCell,
  writeReport,
  type PaneSettings,
  type WorkbookOverview,
} from "../workbook/excel";
import { validationReport } from "../workflows/reports";
import { validateWorkflow, type ValidationResult } from "../workflows/validate";
import { CommandFeedback } from "./CommandFeedback";
import { SheetSelect } from "./SheetSelect";
import { CellLinks } from "./CellLinks";
import { usePageStyles } from "./pageStyles";
import { useCommand } from "./useCommand";
import {
  DEFAULT_PANE_SETTINGS,
  describeSource,
  findingsByRow,
  marksCleared,
  marksWritten,
  markRequests,
  pricesNote,
  readSettings,
  reportWritten,
  summaryTexts,
} from "./validateView";

const useStyles = makeStyles({
  rules: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

interface Validation {
  result: ValidationResult;
  reportExists: boolean;
}

export function ValidatePage() {
  const styles = useStyles();
  const layout = usePageStyles();
  const command = useCommand();
  const { run } = command;
  const [overview, setOverview] = useState<WorkbookOverview>();
  const [settings, setSettings] = useState<PaneSettings>(() => loadPaneSettings(DEFAULT_PANE_SETTINGS));
  const [validation, setValidation] = useState<Validation>();

  const refresh = useCallback(async () => {
    const found = await readWorkbookOverview();
    setOverview(found);
    setSettings((current) => (current.pricesSheet === "" && found.sheets.includes("Prices") ? { ...current, pricesSheet: "Prices" } : current));
  }, []);

  useEffect(() => {
    void run("Finding the election sheet…", refresh);
  }, [run, refresh]);

  const updateSettings = (change: Partial<PaneSettings>) => {
    const next = { ...settings, ...change };
    setSettings(next);
    void savePaneSettings(next).catch(() => command.setStatus("The settings could not be saved in this workbook."));
  };

  const { planEffectiveDate, fiscalYearEnd } = readSettings(settings);

  const validate = () =>
    command.run("Validating elections…", async () => {
      if (!planEffectiveDate || !fiscalYearEnd)
        throw new Error("Fix the settings first: the plan effective date is YYYY-MM-DD and the fiscal year end is MM-DD.");
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
      const result = validateWorkflow({ elections: read.grid, prices: read.prices }, { planEffectiveDate, fiscalYearEnd });
      setValidation({ result, reportExists: read.reportExists });
    });

  const groups = useMemo(() => (validation ? findingsByRow(validation.result.findings) : []), [validation]);
  const summary = validation && summaryTexts(validation.result);
  const note = validation && pricesNote(validation.result);
  const busy = command.busy !== undefined;

  return (
    <div className={layout.page}>
      <Text as="p" size={200}>
        {describeSource(overview)}
      </Text>
      <div className={layout.row}>
        <Button appearance="primary" onClick={validate} disabled={busy}>
          Validate
        </Button>
        <Button onClick={() => command.run("Looking for the election sheet…", refresh)} disabled={busy}>
          Refresh source
        </Button>
        <Button
          onClick={() =>
            command.run("Inserting the template…", async () => {
              // The function tables (Prices, Flows, Prime Rates) come along, so a new analyst's formulas have tables to name.
              const added = await insertTemplates([ELECTIONS_TEMPLATE, ...FUNCTION_TABLE_TEMPLATES]);
              await refresh();
              updateSettings({ pricesSheet: added[1] });
              command.setStatus(`Inserted the sheets ${quotedList(added)} with sample rows. Select Validate to see the rules at work.`);
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
            <div className={layout.stack}>
              <Field
                label="Plan effective date"
                validationMessage={planEffectiveDate ? undefined : "Enter a date as YYYY-MM-DD."}
                hint={`The plan took effect on ${PLAN_EFFECTIVE_DATE} (§4.2(e)).`}
              >
                <Input value={settings.planEffectiveDate} onChange={(_, d) => updateSettings({ planEffectiveDate: d.value })} />
              </Field>
              <Field
                label="Fiscal year end (MM-DD)"
                validationMessage={fiscalYearEnd ? undefined : "Enter a month and day as MM-DD."}
                hint="Used when a bonus row has no Bonus Fiscal Year End."
              >
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
        <AccordionItem value="rules">
          <AccordionHeader>Rules checked</AccordionHeader>
          <AccordionPanel>
            <ul aria-label="Rules checked" className={styles.rules}>
              {rulesOf("E").map((rule) => (
                <li key={rule.id}>
                  <Text size={200}>
                    <b>{rule.id}</b> {rule.section === "—" ? "" : `§${rule.section} `}
                    {rule.severity === "warning" ? "(warning) " : ""}
                    {rule.checks}
                  </Text>
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>

      <CommandFeedback command={command} />

      {validation && summary && (
        <>
          {validation.result.unusable && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>The sheet cannot be checked</MessageBarTitle>
                {validation.result.unusable}
              </MessageBarBody>
            </MessageBar>
          )}
          {note && (
            <MessageBar intent="warning">
              <MessageBarBody>{note}</MessageBarBody>
            </MessageBar>
          )}
          <div className={layout.counts} role="status" aria-label="Validation summary">
            <Badge appearance="filled" color="danger">
              {summary.errors}
            </Badge>
            <Badge appearance="filled" color="warning">
              {summary.warnings}
            </Badge>
            <Text size={200}>{summary.checked}</Text>
          </div>
          <div className={layout.row}>
            <Button
              onClick={() =>
                command.run("Writing the report…", async () => {
                  await writeReport(validationReport(validation.result), validation.reportExists);
                  setValidation({ ...validation, reportExists: true });
                  command.setStatus(reportWritten(validation.result.findings.length));
                })
              }
              disabled={busy}
            >
              Write report
            </Button>
            <Button
              onClick={() =>
                command.run("Marking cells…", async () => {
                  const marks = await markCells(markRequests(validation.result.findings));
                  // Without notes (an Excel before ExcelApi 1.18, or too many cells), the messages go to the report sheet.
                  if (!marks.notes && marks.marked > 0) {
                    await writeReport(validationReport(validation.result), validation.reportExists);
                    setValidation({ ...validation, reportExists: true });
                  }
                  command.setStatus(marksWritten(marks));
                })
              }
              disabled={busy || validation.result.findings.length === 0}
            >
              Mark cells
            </Button>
            <Button
              onClick={() =>
                command.run("Clearing marks…", async () => {
                  const cleared = await clearMarks();
                  command.setStatus(marksCleared(cleared));
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
              onSelect={(link) => void command.run("Selecting the cell…", () => selectCell(link.sheet, link.cell))}
            />
          )}
        </>
      )}
    </div>
  );
}
