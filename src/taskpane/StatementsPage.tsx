/** "Statements": each participant's four Accounts and options replayed from the plan records (STATEMENT.md; §1.1(a), §4.5, Art. V, Art. VIII). */
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
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { dec } from "../engine/decimal";
import { formatDollars, plural } from "../engine/format";
import { RECORDS_TEMPLATES, WORKED_PERIOD } from "../sheets/recordsTemplates";
import { participantSheet, summarySheet } from "../sheets/statementSheets";
import { insertTemplates, readSheets, readWorkbookOverview, selectCell, statementSheetName, STATEMENTS_SHEET, writeStatementSheet } from "../workbook/excel";
import { statementWorkflow, type StatementGrids, type StatementResult } from "../workflows/statement";
import { CellLinks } from "./CellLinks";
import { CommandFeedback } from "./CommandFeedback";
import { DateChart } from "./DateChart";
import { SheetsAccordion } from "./SheetsAccordion";
import { Unusable } from "./Unusable";
import { chooseSheets, insertedChoice, participantOf, readPeriod, RECORD_SHEETS, statementView, writtenSentence, type SheetChoice } from "./statements";
import { usePageStyles } from "./pageStyles";
import { useCommand } from "./useCommand";

const useStyles = makeStyles({
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: "tabular-nums",
    "& td, & th": { textAlign: "right", padding: "2px 4px", verticalAlign: "top" },
    "& td:first-child, & th:first-child": { textAlign: "left", paddingLeft: 0 },
    "& tfoot td, & tfoot th": { fontWeight: tokens.fontWeightSemibold, borderTop: `1px solid ${tokens.colorNeutralStroke1}` },
  },
  muted: { color: tokens.colorNeutralForeground2 },
  movements: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: "2px",
    margin: `0 0 ${tokens.spacingVerticalS} 0`,
  },
  figure: { margin: 0, fontVariantNumeric: "tabular-nums", textAlign: "right" },
  rowHeader: { fontWeight: tokens.fontWeightRegular },
});

const ALL = "";

export function StatementsPage() {
  const styles = useStyles();
  const layout = usePageStyles();
  const command = useCommand();
  const [sheets, setSheets] = useState<string[]>([]);
  const [choice, setChoice] = useState<SheetChoice>(() => chooseSheets([]));
  const [period, setPeriod] = useState({ from: "", to: "" });
  const [participant, setParticipant] = useState(ALL);
  const [result, setResult] = useState<StatementResult>();

  const refresh = useCallback(async () => {
    const { sheets: names } = await readWorkbookOverview();
    setSheets(names);
    setChoice((current) => chooseSheets(names, current));
  }, []);

  const { run } = command;
  useEffect(() => {
    void run("Looking at the workbook…", refresh);
  }, [run, refresh]);

  const typed = readPeriod(period.from, period.to);
  const busy = command.busy !== undefined;

  const show = () =>
    command.run("Replaying the records…", async () => {
      const problem = typed.problems.from ?? typed.problems.to;
      if (problem) throw new Error(problem);
      const chosen = RECORD_SHEETS.filter(({ role }) => choice[role] !== "");
      const read = await readSheets([...new Set(chosen.map(({ role }) => choice[role]))]);
      const grids: StatementGrids = {};
      for (const { role } of chosen) grids[role] = read.get(choice[role]);
      const next = statementWorkflow(grids, { from: typed.from, to: typed.to, series: true });
      setResult(next);
      // Keep the participant shown when the new result still has them.
      setParticipant((current) => participantOf(next, current)?.statement.participant ?? ALL);
    });

  const insertTemplate = () =>
    command.run("Inserting the template…", async () => {
      const added = await insertTemplates(RECORDS_TEMPLATES);
      const { sheets: names } = await readWorkbookOverview();
      setSheets(names);
      setChoice(
        insertedChoice(
          RECORDS_TEMPLATES.map((t) => t.sheet),
          added,
        ),
      );
      setPeriod({ ...WORKED_PERIOD });
      command.setStatus(
        `Inserted the sheets ${added.map((n) => `"${n}"`).join(", ")} with the worked example: two participants' 2003, every kind of Activity row, a dividend each quarter, a 2-for-1 split and one allocation larger than the Investment Account, and the lifecycle sheets (a withdrawal and a suspension in 2004). The period is set to 2003: select Show statements.`,
      );
    });

  const view = useMemo(() => (result && !result.unusable ? statementView(result, participant) : undefined), [result, participant]);

  const write = (shown: StatementResult) =>
    command.run("Writing the statement…", async () => {
      const one = participantOf(shown, participant);
      const laid = one ? participantSheet(one, statementSheetName(one.statement.participant)) : summarySheet(shown, STATEMENTS_SHEET);
      await writeStatementSheet(laid);
      command.setStatus(writtenSentence(shown, participant, laid.name));
    });

  return (
    <div className={layout.page}>
      <div className={layout.fields}>
        <Field label="From (YYYY-MM-DD)" validationMessage={typed.problems.from ? "Enter YYYY-MM-DD." : undefined}>
          <Input className={layout.control} value={period.from} placeholder="first record" onChange={(_, d) => setPeriod({ ...period, from: d.value })} />
        </Field>
        <Field label="To (YYYY-MM-DD)" validationMessage={typed.problems.to ? "Enter YYYY-MM-DD." : undefined}>
          <Input className={layout.control} value={period.to} placeholder="last record" onChange={(_, d) => setPeriod({ ...period, to: d.value })} />
        </Field>
      </div>
      <div className={layout.row}>
        <Button appearance="primary" onClick={show} disabled={busy}>
          Show statements
        </Button>
        <Button onClick={insertTemplate} disabled={busy}>
          Insert template
        </Button>
      </div>

      <SheetsAccordion roles={RECORD_SHEETS} sheets={sheets} choice={choice} onChange={setChoice} />

      <CommandFeedback command={command} />

      {result?.unusable && <Unusable title="The records cannot be stated" why={result.unusable} />}

      {result && view && (
        <>
          <Field label="Participant">
            <Select className={layout.control} value={participant} onChange={(_, d) => setParticipant(d.value)}>
              <option value={ALL}>{`All participants (${result.participants.length})`}</option>
              {result.participants.map(({ statement }) => (
                <option key={statement.participant} value={statement.participant}>
                  {statement.participant}
                </option>
              ))}
            </Select>
          </Field>

          <section aria-label="Statement summary" className={layout.section}>
            <Text as="h2" size={400} weight="semibold">
              {view.heading}
            </Text>
            <Text size={200}>{`Statement period: ${view.period}.`}</Text>
            {view.valuation && (
              <Text size={200} className={styles.muted}>
                {view.valuation}
              </Text>
            )}
            <table className={styles.table}>
              <caption className={layout.caption}>Accounts at the end of the period (§1.1(a), §4.5)</caption>
              <thead>
                <tr>
                  <th scope="col">Account</th>
                  <th scope="col">Closing</th>
                  <th scope="col">Value</th>
                </tr>
              </thead>
              <tbody>
                {view.accounts.map((account) => (
                  <tr key={account.key}>
                    <th scope="row" className={styles.rowHeader}>
                      <abbr title={account.name}>{account.key}</abbr>
                    </th>
                    <td>{account.closing}</td>
                    <td>{account.value}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row" className={styles.rowHeader}>
                    Options
                  </th>
                  <td>{`${view.optionsLine.shares} shares`}</td>
                  <td>{view.optionsLine.value}</td>
                </tr>
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total value</th>
                  <td />
                  <td>{view.totalValue}</td>
                </tr>
              </tfoot>
            </table>
          </section>

          <Accordion collapsible multiple>
            <AccordionItem value="movements">
              <AccordionHeader>Movements over the period</AccordionHeader>
              <AccordionPanel>
                {view.accounts.map((account) => (
                  <div key={account.key}>
                    <Text as="h3" size={300} weight="semibold">
                      {`${account.name} (${account.key}${account.key === "IA" ? ", dollars" : ", units"})`}
                    </Text>
                    <dl className={styles.movements}>
                      {account.movements.map((m) => (
                        <div key={m.label} className={layout.pair}>
                          <dt className={styles.muted}>{m.label}</dt>
                          <dd className={styles.figure}>{m.text}</dd>
                        </div>
                      ))}
                    </dl>
                  </div>
                ))}
              </AccordionPanel>
            </AccordionItem>
          </Accordion>

          {view.options.length > 0 && (
            <table className={styles.table}>
              <caption className={layout.caption}>{`Options granted (§5.4), as adjusted through ${result.to}`}</caption>
              <thead>
                <tr>
                  <th scope="col">Granted · exercisable</th>
                  <th scope="col">Shares</th>
                  <th scope="col">Price</th>
                  <th scope="col">Value</th>
                </tr>
              </thead>
              <tbody>
                {view.options.map((o, i) => (
                  <tr key={`${o.grantDate}-${i}`}>
                    <td>
                      {o.grantDate}
                      <br />
                      <span className={styles.muted}>{o.exercisableDate}</span>
                    </td>
                    <td>{o.shares}</td>
                    <td>{o.exercisePrice}</td>
                    <td>{o.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          {view.participants.length > 0 && (
            <table className={styles.table}>
              <caption className={layout.caption}>Each participant's total value</caption>
              <thead>
                <tr>
                  <th scope="col">Participant</th>
                  <th scope="col">Total value</th>
                </tr>
              </thead>
              <tbody>
                {view.participants.map((p) => (
                  <tr key={p.name}>
                    <td>{p.name}</td>
                    <td>{p.totalValue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <DateChart shape="line" points={view.series} label={view.chartLabel} formatValue={(value) => formatDollars(dec(value))} />

          <div className={layout.row}>
            <Button onClick={() => write(result)} disabled={busy}>
              Write statement
            </Button>
          </div>

          <div className={layout.counts} role="status" aria-label="Statement findings">
            <Badge appearance="filled" color={view.findingCount > 0 ? "danger" : "success"}>
              {plural(view.findingCount, "finding")}
            </Badge>
            <Text size={200}>{`${plural(result.rowsRead.activity, "Activity row")} read`}</Text>
          </div>
          {view.findingCount === 0 ? (
            <Text>No findings: every row replays.</Text>
          ) : (
            <CellLinks
              label="Statement findings by row"
              groups={view.findings}
              onSelect={(link) => void command.run("Selecting the cell…", () => selectCell(link.sheet, link.cell))}
            />
          )}
        </>
      )}
    </div>
  );
}
