/** "Deadlines": the §12.3 claims docket as of a day, and the §1.1(e) Change in Control with the §13.4(b) Trust funding (PAYOUT.md §8, §9). */
import { Badge, Button, Field, Input, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { localDate } from "../engine/dates";
import { plural, quotedList } from "../engine/format";
import type { CellFinding } from "../sheets/findings";
import type { SheetGrid } from "../sheets/grid";
import { CLAIMS_TEMPLATE_AS_OF, DEADLINES_TEMPLATES } from "../sheets/claimsTemplates";
import { insertTemplates, readSheets, readWorkbookOverview, selectCell, writeReport } from "../workbook/excel";
import { cicWorkflow, type CicResult } from "../workflows/changeInControl";
import { CLAIMS_SHEET, claimsReport, claimsWorkflow, type ClaimsResult } from "../workflows/claims";
import { docketCalendar } from "../workflows/icalendar";
import { CellLinks } from "./CellLinks";
import { CommandFeedback } from "./CommandFeedback";
import { calendarFileName, cicView, DEADLINE_SHEETS, docketView, openDeadlineCount, readAsOf, type DeadlineRole, type DeadlineTone } from "./deadlinesView";
import { saveFile } from "./download";
import { SheetsAccordion } from "./SheetsAccordion";
import { Unusable } from "./Unusable";
import { chooseRoleSheets, insertedRoleSheets, type RoleSheets } from "./sheetChoice";
import { findingGroups } from "./statements";
import { usePageStyles } from "./pageStyles";
import { useCommand } from "./useCommand";

const useStyles = makeStyles({
  table: {
    width: "100%",
    // Fixed columns that wrap their text: a long label or reason must not widen a 320 px pane.
    tableLayout: "fixed",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: "tabular-nums",
    "& td, & th": { textAlign: "left", padding: "2px 4px", verticalAlign: "top", overflowWrap: "anywhere" },
  },
  dueColumn: { width: "8em" },
  clauseColumn: { width: "6.5em" },
  statusColumn: { width: "5.5em" },
  date: { display: "block", whiteSpace: "nowrap" },
  status: { whiteSpace: "nowrap" },
  group: { fontWeight: tokens.fontWeightSemibold, paddingTop: tokens.spacingVerticalS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  next: { display: "block", fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  soon: { backgroundColor: tokens.colorPaletteYellowBackground1, fontWeight: tokens.fontWeightSemibold },
  passed: { backgroundColor: tokens.colorPaletteRedBackground1, fontWeight: tokens.fontWeightSemibold },
  open: { fontWeight: tokens.fontWeightSemibold },
  reason: { color: tokens.colorNeutralForeground2, paddingBottom: tokens.spacingVerticalXS },
  figures: { textAlign: "right" },
  lines: { display: "grid", gridTemplateColumns: "minmax(0, 2fr) minmax(0, 3fr)", columnGap: tokens.spacingHorizontalM, rowGap: "2px", margin: 0 },
  term: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  figure: { margin: 0, fontVariantNumeric: "tabular-nums", overflowWrap: "anywhere" },
});

const TONE_BADGES: Record<DeadlineTone, "success" | "brand" | "warning" | "danger"> = { met: "success", open: "brand", soon: "warning", passed: "danger" };

const NO_SHEETS = chooseRoleSheets(DEADLINE_SHEETS, []);

/** A small table: a name a row, then its figures, right-aligned. */
function FigureTable({ caption, headers, rows }: { caption: string; headers: readonly string[]; rows: ReadonlyArray<readonly string[]> }) {
  const styles = useStyles();
  const layout = usePageStyles();
  return (
    <table className={styles.table}>
      <caption className={layout.caption}>{caption}</caption>
      <thead>
        <tr>
          {headers.map((header, i) => (
            <th key={header} scope="col" className={i > 0 ? styles.figures : undefined}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, ...figures]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            {figures.map((figure, i) => (
              <td key={i} className={styles.figures}>
                {figure}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DeadlinesPage() {
  const styles = useStyles();
  const layout = usePageStyles();
  const command = useCommand();
  const { run } = command;
  const [sheets, setSheets] = useState<string[]>([]);
  const [choice, setChoice] = useState<RoleSheets<DeadlineRole>>(NO_SHEETS);
  const [today] = useState(() => localDate(new Date()));
  const [asOfText, setAsOfText] = useState(today);
  const [claimsGrid, setClaimsGrid] = useState<{ claims?: SheetGrid }>();
  const [cic, setCic] = useState<{ result: CicResult; fundingSheets: boolean }>();

  const refresh = useCallback(async () => {
    const { sheets: names } = await readWorkbookOverview();
    setSheets(names);
    setChoice((current) => chooseRoleSheets(DEADLINE_SHEETS, names, current));
  }, []);

  useEffect(() => {
    void run("Looking at the workbook…", refresh);
  }, [run, refresh]);

  const busy = command.busy !== undefined;
  const asOf = readAsOf(asOfText, today);
  // The docket follows the as-of day as it is typed: the sheet was read once, by Show deadlines.
  const claims = useMemo(() => (claimsGrid && asOf.date ? claimsWorkflow(claimsGrid, asOf.date) : undefined), [claimsGrid, asOf.date]);
  const docket = useMemo(() => (claims && !claims.unusable ? docketView(claims) : undefined), [claims]);
  const tester = useMemo(() => (cic && !cic.result.unusable ? cicView(cic.result, cic.fundingSheets) : undefined), [cic]);

  const show = () =>
    command.run("Reading the claims and events…", async () => {
      const chosen = DEADLINE_SHEETS.filter(({ role }) => choice[role] !== "");
      const read = await readSheets([...new Set(chosen.map(({ role }) => choice[role]))]);
      const grid = (role: DeadlineRole) => (choice[role] === "" ? undefined : read.get(choice[role]));
      setClaimsGrid({ claims: grid("claims") });
      const grids = { events: grid("events"), trust: grid("trust"), holdings: grid("holdings"), prices: grid("prices") };
      setCic({ result: cicWorkflow(grids), fundingSheets: Boolean(grids.holdings && grids.prices) });
    });

  const insertTemplate = () =>
    command.run("Inserting the template…", async () => {
      const added = await insertTemplates(DEADLINES_TEMPLATES);
      const { sheets: names } = await readWorkbookOverview();
      setSheets(names);
      setChoice(
        insertedRoleSheets(
          DEADLINE_SHEETS,
          DEADLINES_TEMPLATES.map((t) => t.sheet),
          added,
        ),
      );
      setAsOfText(CLAIMS_TEMPLATE_AS_OF);
      command.setStatus(
        `Inserted the sheets ${quotedList(added)} with worked claims (a Disability claim extended and reviewed late, a claim filed after the one-year limit) and a Change in Control with its Trust funding. As of is set to ${CLAIMS_TEMPLATE_AS_OF}, the day the example is worked for. Select Show deadlines.`,
      );
    });

  const writeDocket = (shown: ClaimsResult) =>
    command.run("Writing the docket…", async () => {
      await writeReport(claimsReport(shown));
      command.setStatus(`Wrote the docket of ${plural(shown.claims.length, "claim")} to the sheet "${CLAIMS_SHEET}".`);
    });

  const saveCalendar = (shown: ClaimsResult) =>
    command.run("Saving the calendar…", async () => {
      const name = calendarFileName(shown.asOf);
      if (!saveFile(name, docketCalendar(shown), "text/calendar")) {
        throw new Error(
          `Excel here cannot save a file from the task pane: save the workbook and run "dcp claims FILE.xlsx --as-of ${shown.asOf} --ics ${name}".`,
        );
      }
      command.setStatus(
        `Saved ${plural(openDeadlineCount(shown), "open deadline")} as of ${shown.asOf} to ${name}, an iCalendar file for Outlook or any calendar. If no file arrived, this Excel does not save downloads.`,
      );
    });

  const findingLinks = (label: string, findings: readonly CellFinding[], none: string) =>
    findings.length === 0 ? (
      <Text size={200}>{none}</Text>
    ) : (
      <CellLinks
        label={label}
        groups={findingGroups(findings)}
        onSelect={(link) => void command.run("Selecting the cell…", () => selectCell(link.sheet, link.cell))}
      />
    );

  return (
    <div className={layout.page}>
      <Field label="As of (YYYY-MM-DD)" hint="Deadlines are open, passed or due within 30 days of this day." validationMessage={asOf.problem}>
        <Input className={layout.control} value={asOfText} placeholder="today" onChange={(_, d) => setAsOfText(d.value)} />
      </Field>
      <div className={layout.row}>
        <Button appearance="primary" onClick={show} disabled={busy}>
          Show deadlines
        </Button>
        <Button onClick={insertTemplate} disabled={busy}>
          Insert template
        </Button>
      </div>

      <SheetsAccordion roles={DEADLINE_SHEETS} sheets={sheets} choice={choice} onChange={setChoice} />

      <CommandFeedback command={command} />

      {claims?.unusable && <Unusable title="No claims docket" why={claims.unusable} />}

      {claims && docket && (
        <section aria-label="Claims docket" className={layout.section}>
          <Text as="h2" size={400} weight="semibold">
            Claims docket (§12.3)
          </Text>
          <Text size={200} role="status" aria-label="Docket summary">
            {docket.summary}
          </Text>
          <table className={styles.table}>
            <caption className={layout.caption}>Each claim's deadlines, the claims by next open deadline</caption>
            <colgroup>
              <col />
              <col className={styles.dueColumn} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Deadline</th>
                <th scope="col">Date, status</th>
              </tr>
            </thead>
            {docket.claims.map((claim) => (
              <tbody key={claim.key}>
                <tr>
                  <th scope="rowgroup" colSpan={2} className={styles.group}>
                    {claim.heading}
                    <span className={styles.next}>{claim.next}</span>
                  </th>
                </tr>
                {claim.error && (
                  <tr>
                    <td colSpan={2}>{claim.error}</td>
                  </tr>
                )}
                {claim.deadlines.map((d) => (
                  <tr key={d.key} className={d.tone === "met" ? undefined : styles[d.tone]}>
                    <td>{`${d.label} (${d.section})`}</td>
                    <td>
                      <span className={styles.date}>{d.date}</span>{" "}
                      <Badge size="small" appearance="filled" color={TONE_BADGES[d.tone]} className={styles.status}>
                        {d.status}
                      </Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
          <div className={layout.row}>
            <Button onClick={() => writeDocket(claims)} disabled={busy}>
              Write docket
            </Button>
            <Button onClick={() => saveCalendar(claims)} disabled={busy}>
              Save calendar
            </Button>
          </div>
          {findingLinks("Claims findings by row", claims.findings, "No findings: every claim computes and every step was taken in time.")}
        </section>
      )}

      {cic?.result.unusable && <Unusable title="No Change in Control test" why={cic.result.unusable} />}

      {cic && tester && (
        <section aria-label="Change in Control" className={layout.section}>
          <Text as="h2" size={400} weight="semibold">
            Change in Control (§1.1(e))
          </Text>
          <Text size={200} role="status" aria-label="Change in Control outcome">
            {tester.outcome}
          </Text>
          <table className={styles.table}>
            <caption className={layout.caption}>Each event's test</caption>
            <colgroup>
              <col />
              <col className={styles.clauseColumn} />
              <col className={styles.statusColumn} />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Clause</th>
                <th scope="col">Test</th>
              </tr>
            </thead>
            {tester.tests.map((t) => (
              <tbody key={t.key}>
                <tr>
                  <th scope="row">
                    {t.event}
                    <span className={styles.next}>{t.row}</span>
                  </th>
                  <td>{t.clause}</td>
                  <td>
                    <Badge size="small" appearance="filled" color={t.met ? "danger" : "success"} className={styles.status}>
                      {t.met ? "met" : "not met"}
                    </Badge>
                  </td>
                </tr>
                <tr>
                  <td colSpan={3} className={styles.reason}>
                    {t.reason}
                  </td>
                </tr>
              </tbody>
            ))}
          </table>

          {tester.fundingNote && <Text size={200}>{tester.fundingNote}</Text>}
          {tester.funding && (
            <section aria-label="Trust funding" className={layout.section}>
              <Text as="h3" size={300} weight="semibold">
                Trust funding (§13.4(b), §8.1(f))
              </Text>
              <dl className={styles.lines} aria-label="Funding">
                {tester.funding.lines.map(({ term, value }) => (
                  <div key={term} className={layout.pair}>
                    <dt className={styles.term}>{term}</dt>
                    <dd className={styles.figure}>{value}</dd>
                  </div>
                ))}
              </dl>
              <FigureTable
                caption="Each Participating Employer's contribution (P-R26)"
                headers={["Employer", "Account value", "Contribution"]}
                rows={tester.funding.employers.map((e) => [e.employer, e.accountValue, e.contribution])}
              />
              {tester.funding.unitsToTrust.length > 0 && (
                <FigureTable
                  caption="Units credited to accounts under the Trust (§8.1(f))"
                  headers={["Participant", "Units"]}
                  rows={tester.funding.unitsToTrust.map((u) => [u.participant, u.units])}
                />
              )}
            </section>
          )}

          {findingLinks("Change in Control findings by row", cic.result.findings, "No findings: every event reads.")}
        </section>
      )}
    </div>
  );
}
