/** "Payouts": a participant's Distributable Event, payments, withholding and payee (PAYOUT.md; §7.1–§7.6, §6.2, §9.2, §9.3, §10.2, §12.4). */
import { Badge, Button, Field, makeStyles, MessageBar, MessageBarBody, Select, Text, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { plural, quotedList } from "../engine/format";
import { PAYOUT_TEMPLATES } from "../sheets/payoutTemplates";
import { insertTemplates, readSheets, readWorkbookOverview, selectCell, writeReport } from "../workbook/excel";
import { payoutJson, payoutWorkflow, type PayoutGrids, type PayoutResult } from "../workflows/payout";
import { PAYMENTS_SHEET, paymentsReport } from "../workflows/reports";
import { CellLinks } from "./CellLinks";
import { CommandFeedback } from "./CommandFeedback";
import { fontsFromServer, loadDocuments } from "./documents";
import { saveFile } from "./download";
import { findingGroups } from "./statements";
import { SheetsAccordion } from "./SheetsAccordion";
import { Unusable } from "./Unusable";
import { chooseRoleSheets, insertedRoleSheets, type RoleSheets } from "./sheetChoice";
import { chooseParticipant, participantNames, PAYOUT_SHEETS, payoutView, resultSummary, type Line, type PayoutRole } from "./payoutView";
import { usePageStyles } from "./pageStyles";
import { useCommand } from "./useCommand";

const useStyles = makeStyles({
  table: {
    width: "100%",
    // Fixed columns that wrap their text: a long reason or name must not widen a 320 px pane.
    tableLayout: "fixed",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    fontVariantNumeric: "tabular-nums",
    "& td, & th": { textAlign: "right", padding: "2px 4px", verticalAlign: "top", overflowWrap: "anywhere" },
    "& td:first-child, & th:first-child": { textAlign: "left", paddingLeft: 0 },
  },
  rowHeader: { fontWeight: tokens.fontWeightRegular },
  lines: { display: "grid", gridTemplateColumns: "minmax(0, 3fr) minmax(0, 2fr)", columnGap: tokens.spacingHorizontalM, rowGap: "2px", margin: 0 },
  term: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  figure: { margin: 0, fontVariantNumeric: "tabular-nums", textAlign: "right", overflowWrap: "anywhere" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: "2px" },
});

const NO_SHEETS = chooseRoleSheets(PAYOUT_SHEETS, []);

/** The download "Save notices (PDF)" offers: one distribution notice a participant, named as `dcp payout --pdf` names them. */
const NOTICES_FILE = "DCP distribution notices.zip";

export function PayoutsPage() {
  const styles = useStyles();
  const layout = usePageStyles();
  const command = useCommand();
  const { run } = command;
  const [sheets, setSheets] = useState<string[]>([]);
  const [choice, setChoice] = useState<RoleSheets<PayoutRole>>(NO_SHEETS);
  const [participant, setParticipant] = useState("");
  const [result, setResult] = useState<PayoutResult>();

  const refresh = useCallback(async () => {
    const { sheets: names } = await readWorkbookOverview();
    setSheets(names);
    setChoice((current) => chooseRoleSheets(PAYOUT_SHEETS, names, current));
  }, []);

  useEffect(() => {
    void run("Looking at the workbook…", refresh);
  }, [run, refresh]);

  const busy = command.busy !== undefined;
  const json = useMemo(() => (result && !result.unusable ? payoutJson(result) : undefined), [result]);
  const view = useMemo(() => (json && participant ? payoutView(json, participant) : undefined), [json, participant]);
  const groups = useMemo(() => (result ? findingGroups(result.findings) : []), [result]);

  const show = () =>
    command.run("Computing the payouts…", async () => {
      const chosen = PAYOUT_SHEETS.filter(({ role }) => choice[role] !== "");
      const read = await readSheets([...new Set(chosen.map(({ role }) => choice[role]))]);
      const grids: PayoutGrids = {};
      for (const { role } of chosen) grids[role] = read.get(choice[role]);
      const next = payoutWorkflow(grids);
      setResult(next);
      if (!next.unusable) setParticipant((current) => chooseParticipant(payoutJson(next), current));
    });

  const insertTemplate = () =>
    command.run("Inserting the template…", async () => {
      const added = await insertTemplates(PAYOUT_TEMPLATES);
      const { sheets: names } = await readWorkbookOverview();
      setSheets(names);
      setChoice(
        insertedRoleSheets(
          PAYOUT_SHEETS,
          PAYOUT_TEMPLATES.map((t) => t.sheet),
          added,
        ),
      );
      command.setStatus(
        `Inserted the sheets ${quotedList(added)} with a worked example of each Distributable Event (§7.1), a beneficiary, a conservator, a participant not located and an early withdrawal. Select Show payouts.`,
      );
    });

  const write = (shown: PayoutResult) =>
    command.run("Writing the payout sheet…", async () => {
      await writeReport(paymentsReport(shown));
      command.setStatus(`Wrote every payment of ${plural(shown.payouts.length, "participant")} to the sheet "${PAYMENTS_SHEET}".`);
    });

  const saveNotices = (shown: PayoutResult) =>
    command.run("Printing the distribution notices…", async () => {
      const [{ renderNotices }, { default: JSZip }] = await Promise.all([loadDocuments(), import(/* webpackChunkName: "documents" */ "jszip")]);
      const notices = await renderNotices(payoutJson(shown), fontsFromServer);
      if (notices.length === 0) {
        command.setStatus("No distribution notice to save: no participant's payout could be computed (see the findings).");
        return;
      }
      const zip = new JSZip();
      for (const { name, pdf } of notices) zip.file(name, pdf);
      const bytes = await zip.generateAsync({ type: "uint8array" });
      const saved = saveFile(NOTICES_FILE, bytes, "application/zip");
      command.setStatus(
        saved
          ? `Saved ${plural(notices.length, "distribution notice")}, one PDF a participant, in "${NOTICES_FILE}".`
          : "This Excel cannot save files from an add-in (Excel on the Mac): run dcp payout --pdf DIR on the workbook instead.",
      );
    });

  const lines = (label: string, items: Line[]) => (
    <dl className={styles.lines} aria-label={label}>
      {items.map(({ term, value }) => (
        <div key={term} className={layout.pair}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.figure}>{value}</dd>
        </div>
      ))}
    </dl>
  );

  return (
    <div className={layout.page}>
      <div className={layout.row}>
        <Button appearance="primary" onClick={show} disabled={busy}>
          Show payouts
        </Button>
        <Button onClick={insertTemplate} disabled={busy}>
          Insert template
        </Button>
      </div>

      <SheetsAccordion roles={PAYOUT_SHEETS} sheets={sheets} choice={choice} onChange={setChoice} />

      <CommandFeedback command={command} />

      {result?.unusable && <Unusable title="The payouts cannot be computed" why={result.unusable} />}

      {result && json && (
        <>
          <div className={layout.counts} role="status" aria-label="Payout summary">
            <Badge appearance="filled" color={result.findings.length > 0 ? "danger" : "success"}>
              {plural(result.findings.length, "finding")}
            </Badge>
            <Text size={200}>{resultSummary(json)}</Text>
          </div>

          <Field label="Participant">
            <Select className={layout.control} value={participant} onChange={(_, d) => setParticipant(d.value)}>
              {participantNames(json).map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>

          {view && (
            <section aria-label="Payout" className={layout.section}>
              <Text as="h2" size={400} weight="semibold">
                {view.name}
              </Text>
              {view.error && (
                <MessageBar intent="error">
                  <MessageBarBody>{view.error}</MessageBarBody>
                </MessageBar>
              )}
              <Text size={200}>{view.event}</Text>
              {view.distribution && <Text size={200}>{view.distribution}</Text>}

              {view.excluded.length > 0 && (
                <table className={styles.table}>
                  <caption className={layout.caption}>Candidates left out (§7.1, §7.5, §7.6)</caption>
                  <thead>
                    <tr>
                      <th scope="col">Event · date</th>
                      <th scope="col">Why</th>
                    </tr>
                  </thead>
                  <tbody>
                    {view.excluded.map((x) => (
                      <tr key={x.key}>
                        <td>{`${x.kind} · ${x.date}`}</td>
                        <td>{x.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}

              {view.payments.map((payment) => (
                <section key={payment.key} aria-label={payment.heading} className={layout.section}>
                  <Text as="h3" size={300} weight="semibold">
                    {payment.heading}
                  </Text>
                  <Text size={200}>{payment.valuation}</Text>
                  <table className={styles.table}>
                    <caption className={layout.caption}>Paid from each Account</caption>
                    <tbody>
                      {payment.accounts.map((account) => (
                        <tr key={account.key}>
                          <th scope="row" className={styles.rowHeader}>
                            <abbr title={account.name}>{account.key}</abbr>
                          </th>
                          <td>{account.amount}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {lines("Shares and cash", payment.figures)}
                  <Text as="h4" size={200} weight="semibold">
                    Withholding (§10.2)
                  </Text>
                  {lines("Withholding", payment.withholding)}
                </section>
              ))}

              {view.perEmployer.length > 0 && (
                <table className={styles.table}>
                  <caption className={layout.caption}>By Participating Employer (§2.5)</caption>
                  <thead>
                    <tr>
                      <th scope="col">Employer</th>
                      <th scope="col">DCA</th>
                      <th scope="col">CMSA</th>
                      <th scope="col">CSA</th>
                      <th scope="col">IA</th>
                    </tr>
                  </thead>
                  <tbody>
                    {view.perEmployer.map(({ employer, amounts }) => (
                      <tr key={employer}>
                        <td>{employer}</td>
                        {amounts.map((amount, i) => (
                          <td key={i}>{amount}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}

              {view.payee.length > 0 && (
                <>
                  <Text as="h3" size={300} weight="semibold">
                    Payee
                  </Text>
                  {lines("Payee", view.payee)}
                </>
              )}

              {view.awaiting.length > 0 && (
                <section aria-label="Still awaited" className={layout.section}>
                  <Text as="h3" size={300} weight="semibold">
                    Still awaited
                  </Text>
                  <ul className={styles.list}>
                    {view.awaiting.map((line) => (
                      <li key={line}>
                        <Text size={200}>{line}</Text>
                      </li>
                    ))}
                  </ul>
                </section>
              )}

              {view.withdrawals.map((w) => (
                <section key={w.key} aria-label={w.heading} className={layout.section}>
                  <Text as="h3" size={300} weight="semibold">
                    {w.heading}
                  </Text>
                  {lines(w.heading, w.lines)}
                </section>
              ))}

              {view.notes.length > 0 && (
                <ul className={styles.list} aria-label="Notes on this payout">
                  {view.notes.map((note) => (
                    <li key={note.key}>
                      <Badge size="small" appearance="filled" color={note.severity === "error" ? "danger" : "warning"}>
                        {note.severity}
                      </Badge>{" "}
                      <Text size={200}>{`${note.message} (${note.section})`}</Text>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}

          <div className={layout.row}>
            <Button onClick={() => write(result)} disabled={busy}>
              Write payout sheet
            </Button>
            <Button onClick={() => saveNotices(result)} disabled={busy}>
              Save notices (PDF)
            </Button>
          </div>

          {groups.length === 0 ? (
            <Text>No findings: every row computes.</Text>
          ) : (
            <CellLinks
              label="Payout findings by row"
              groups={groups}
              onSelect={(link) => void command.run("Selecting the cell…", () => selectCell(link.sheet, link.cell))}
            />
          )}
        </>
      )}
    </div>
  );
}
