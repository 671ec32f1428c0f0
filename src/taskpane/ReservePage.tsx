/** "Share reserve": units and options against the 6,000,000-share reserve through splits (§13.8, §15.2). */
import { Button, Field, Input, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { parseIsoDate } from "../engine/dates";
import { toNumber } from "../engine/decimal";
import type { OcfPackage } from "../formats/ocf";
import { ISSUER_SHEET } from "../sheets/issuer";
import { ocfPackageFrom } from "../workflows/ocf";
import { ISSUER_TEMPLATE, LEDGER_TEMPLATE } from "../sheets/templates";
import { insertTemplates, OCF_SHEET, readWorkbookOverview, readSheets, selectCell, writeOcfSheet, writeReport } from "../workbook/excel";
import { generatedAtOf, packageFiles, packageLines, packageZip } from "../formats/ocfPackage";
import { reconcileWorkflow, type ReconcileResult } from "../workflows/reconcile";
import { RESERVE_SHEET, reserveReport } from "../workflows/reports";
import { capitalize } from "../engine/format";
import { CommandFeedback } from "./CommandFeedback";
import { saveFile } from "./download";
import { SheetSelect } from "./SheetSelect";
import { CellLinks } from "./CellLinks";
import { RemainingChart } from "./RemainingChart";
import { usePageStyles } from "./pageStyles";
import { useCommand } from "./useCommand";
import {
  chooseSheets,
  recordsSummary,
  reserveProblems,
  reserveSummary,
  shares,
  sheetCalled,
  sheetsToRead,
  type ReserveChoice,
  type SummaryLine,
} from "./reserveView";

const useStyles = makeStyles({
  summary: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM, rowGap: "2px", margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontVariantNumeric: "tabular-nums", textAlign: "right" },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& td, & th": { textAlign: "right", padding: "2px 4px" },
    "& td:first-child, & th:first-child": { textAlign: "left" },
  },
});

const OCF_ZIP = "dcp-reserve-ocf.zip";
const NO_CHOICE: ReserveChoice = { ledger: "", credits: "", prices: "", activity: "" };

export function ReservePage() {
  const styles = useStyles();
  const layout = usePageStyles();
  const command = useCommand();
  const { run } = command;
  const [sheets, setSheets] = useState<string[]>([]);
  const [choice, setChoice] = useState<ReserveChoice>(NO_CHOICE);
  const [asOf, setAsOf] = useState("");
  const [result, setResult] = useState<ReconcileResult>();

  const refresh = useCallback(async () => {
    const { sheets: names } = await readWorkbookOverview();
    setSheets(names);
    setChoice((current) => chooseSheets(names, current));
  }, []);

  useEffect(() => {
    void run("Looking at the workbook…", refresh);
  }, [run, refresh]);

  const asOfDate = asOf.trim() === "" ? undefined : parseIsoDate(asOf);
  const busy = command.busy !== undefined;

  const reconcile = () =>
    command.run("Reconciling the reserve…", async () => {
      if (asOf.trim() !== "" && !asOfDate) throw new Error("Enter the as-of date as YYYY-MM-DD, or leave it blank for the last row.");
      if (!choice.ledger && !choice.credits && !choice.activity) throw new Error("Choose a Ledger, Credits or Activity sheet, or insert the template.");
      const wanted = sheetsToRead(sheets, choice);
      const grids = await readSheets([...new Set(Object.values(wanted).filter((name) => name !== ""))]);
      const gridOf = (name: string) => (name ? grids.get(name) : undefined);
      const reconciled = reconcileWorkflow(
        {
          ledger: gridOf(wanted.ledger),
          credits: gridOf(wanted.credits),
          prices: gridOf(wanted.prices),
          activity: gridOf(wanted.activity),
          dividends: gridOf(wanted.dividends),
          splits: gridOf(wanted.splits),
          primeRates: gridOf(wanted.primeRates),
        },
        { asOf: asOfDate },
      );
      if (reconciled.unusable) throw new Error(`${capitalize(reconciled.unusable)}.`);
      setResult(reconciled);
    });

  /** The package for `reconciled`, the issuer from the Issuer sheet. */
  const ocfPackage = async (reconciled: ReconcileResult): Promise<OcfPackage> => {
    const sheet = sheetCalled((await readWorkbookOverview()).sheets, ISSUER_SHEET);
    const built = ocfPackageFrom({
      reconciliation: reconciled.reconciliation,
      issuerSheet: sheet ? (await readSheets([sheet])).get(sheet) : undefined,
      generatedAt: generatedAtOf(new Date()),
      asOf: reconciled.asOf,
    });
    if ("pkg" in built) return built.pkg;
    const hint = built.fields.length
      ? ` Give ${built.fields.length === 1 ? "it" : "them"} in an "${ISSUER_SHEET}" sheet, column A the field and column B the value (Insert template adds one).`
      : "";
    throw new Error(`${capitalize(built.problem)}.${hint}`);
  };

  const groups = useMemo(() => (result ? reserveProblems(result) : []), [result]);
  const summary = result && reserveSummary(result);
  const records = result && recordsSummary(result);

  const sheetSelect = (label: string, key: keyof ReserveChoice) => (
    <SheetSelect label={label} className={layout.control} sheets={sheets} value={choice[key]} onChange={(sheet) => setChoice({ ...choice, [key]: sheet })} />
  );

  const summaryList = (lines: SummaryLine[]) => (
    <dl className={styles.summary}>
      {lines.map(({ term, value }) => [
        <dt key={`${term}-term`} className={styles.term}>
          {term}
        </dt>,
        <dd key={`${term}-value`} className={styles.value}>
          {value}
        </dd>,
      ])}
    </dl>
  );

  return (
    <div className={layout.page}>
      <div className={layout.fields}>
        {sheetSelect("Ledger sheet", "ledger")}
        {sheetSelect("Credits sheet", "credits")}
        {sheetSelect("Prices sheet", "prices")}
        {sheetSelect("Activity sheet", "activity")}
        <Field label="As of (YYYY-MM-DD)" validationMessage={asOf.trim() === "" || asOfDate ? undefined : "Enter YYYY-MM-DD."}>
          <Input className={layout.control} value={asOf} placeholder="last row" onChange={(_, d) => setAsOf(d.value)} />
        </Field>
      </div>
      <div className={layout.row}>
        <Button appearance="primary" onClick={reconcile} disabled={busy}>
          Reconcile
        </Button>
        <Button
          onClick={() =>
            command.run("Inserting the template…", async () => {
              const [ledger, issuer] = await insertTemplates([LEDGER_TEMPLATE, ISSUER_TEMPLATE]);
              await refresh();
              setChoice((c) => ({ ...c, ledger }));
              command.setStatus(
                `Inserted the sheet "${ledger}" with a sample ledger that includes a 2-for-1 split, and the sheet "${issuer}" that Export OCF names as the issuer. Select Reconcile.`,
              );
            })
          }
          disabled={busy}
        >
          Insert template
        </Button>
      </div>

      <CommandFeedback command={command} />

      {result && summary && (
        <>
          <section aria-label="Reserve summary">
            <Text as="h2" size={400} weight="semibold">
              {summary.heading}
            </Text>
            {summaryList(summary.lines)}
            <Text as="p" size={200}>
              {summary.note}
            </Text>
          </section>
          <RemainingChart
            reserve={toNumber(result.reconciliation.initialReserve)}
            points={result.reconciliation.lines.map((l) => ({ date: l.date, remaining: toNumber(l.remaining) }))}
          />
          <div className={layout.row}>
            <Button
              onClick={() =>
                command.run("Writing the report…", async () => {
                  await writeReport(reserveReport(result));
                  command.setStatus(`Wrote the running ledger and a chart to the sheet "${RESERVE_SHEET}".`);
                })
              }
              disabled={busy}
            >
              Write report
            </Button>
            <Button
              onClick={() =>
                command.run("Exporting Open Cap Format…", async () => {
                  const pkg = await ocfPackage(result);
                  if (saveFile(OCF_ZIP, await packageZip(pkg), "application/zip")) {
                    command.setStatus(`Exported the ledger as an Open Cap Format 1.2.0 package (${OCF_ZIP}). If no file arrived, select "OCF to a sheet".`);
                  } else {
                    await writeOcfSheet(packageLines(packageFiles(pkg)));
                    command.setStatus(
                      `Excel here cannot save a download, so the Open Cap Format package's files are written, line by line, to the sheet "${OCF_SHEET}".`,
                    );
                  }
                })
              }
              disabled={busy}
            >
              Export OCF
            </Button>
            <Button
              onClick={() =>
                command.run("Writing Open Cap Format to a sheet…", async () => {
                  await writeOcfSheet(packageLines(packageFiles(await ocfPackage(result))));
                  command.setStatus(`Wrote the Open Cap Format package's files, line by line, to the sheet "${OCF_SHEET}".`);
                })
              }
              disabled={busy}
            >
              OCF to a sheet
            </Button>
          </div>
          {groups.length === 0 ? (
            <Text>The ledger reconciles: no credit or grant beyond the reserve, no divergence.</Text>
          ) : (
            <CellLinks
              label="Reserve problems"
              groups={groups}
              onSelect={(link) => void command.run("Selecting the cell…", () => selectCell(link.sheet, link.cell))}
            />
          )}
          {records && (
            <section aria-label="Plan records">
              <Text as="h2" size={400} weight="semibold">
                {records.heading}
              </Text>
              {summaryList(records.lines)}
            </section>
          )}
          {result.credits.length > 0 && (
            <section aria-label="Units credited by quarter and participant">
              <Text as="h2" size={400} weight="semibold">
                Units credited (§8.1(a),(c))
              </Text>
              <table className={styles.table}>
                <thead>
                  <tr>
                    <th scope="col">Quarter · participant</th>
                    <th scope="col">Deferral</th>
                    <th scope="col">Match</th>
                  </tr>
                </thead>
                <tbody>
                  {result.credits.map((c) => (
                    <tr key={`${c.quarter}-${c.participant}`}>
                      <td>{`${c.quarter} · ${c.participant}`}</td>
                      <td>{shares(c.deferralUnits)}</td>
                      <td>{shares(c.matchUnits)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </>
      )}
    </div>
  );
}
