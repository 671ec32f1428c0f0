/** "Share reserve": units and options against the 6,000,000-share reserve through splits (§13.8, §15.2). */
import { Button, Field, Input, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { parseIsoDate } from "../engine/dates";
import { toNumber, type Decimal } from "../engine/decimal";
import { formatShares } from "../engine/format";
import type { OcfPackage } from "../engine/ocf";
import { projectExhaustion, reconcileReserve, reserveStatus, type LedgerLine, type ReserveProjection, type ReserveReconciliation, type ReserveStatus } from "../engine/reserve";
import { locatedFindings, readReserveSheets, type CreditSummary, type LedgerRead } from "../sheets/reserve";
import { ISSUER_SHEET, ocfPackageFrom } from "../sheets/issuer";
import { ISSUER_TEMPLATE, LEDGER_TEMPLATE } from "../sheets/templates";
import { hostCannotDownload, insertTemplates, OCF_SHEET, readWorkbookOverview, readSheets, selectCell, writeOcfSheet, writeReserveReport } from "../workbook/excel";
import { generatedAtOf, packageFiles, packageLines, packageZip } from "../workbook/ocf-package";
import { CommandFeedback } from "./CommandFeedback";
import { SheetSelect } from "./SheetSelect";
import { CellLinks, type CellLinkGroup } from "./CellLinks";
import { RemainingChart } from "./RemainingChart";
import { useCommand } from "./useCommand";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  fields: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalS },
  control: { minWidth: 0, width: "100%" },
  summary: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalM, rowGap: "2px", margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontVariantNumeric: "tabular-nums", textAlign: "right" },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, "& td, & th": { textAlign: "right", padding: "2px 4px" }, "& td:first-child, & th:first-child": { textAlign: "left" } },
});

const shares = (value: Decimal | number) => formatShares(value, 2);
const pick = (sheets: string[], name: string) => sheets.find((s) => s.toLowerCase() === name.toLowerCase()) ?? "";
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const OCF_ZIP = "dcp-reserve-ocf.zip";

/** Saves bytes as a download; false where the host cannot. */
function download(bytes: Uint8Array, name: string): boolean {
  if (hostCannotDownload() || typeof URL.createObjectURL !== "function") return false;
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: "application/zip" }));
  Object.assign(window.document.createElement("a"), { href: url, download: name }).click();
  // Revoked later, not at once: a host may start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}

interface Reconciled {
  read: LedgerRead;
  credits: CreditSummary[];
  reconciliation: ReserveReconciliation;
  status: ReserveStatus;
  asOf?: string;
  projection?: ReserveProjection;
}

export function ReservePage() {
  const styles = useStyles();
  const command = useCommand();
  const [sheets, setSheets] = useState<string[]>([]);
  const [choice, setChoice] = useState({ ledger: "", credits: "", prices: "" });
  const [asOf, setAsOf] = useState("");
  const [result, setResult] = useState<Reconciled>();

  const refresh = async () => {
    const { sheets: names } = await readWorkbookOverview();
    setSheets(names);
    setChoice((c) => ({
      ledger: names.includes(c.ledger) ? c.ledger : pick(names, "Ledger"),
      credits: names.includes(c.credits) ? c.credits : pick(names, "Credits"),
      prices: names.includes(c.prices) ? c.prices : pick(names, "Prices"),
    }));
  };

  useEffect(() => {
    void command.run("Looking at the workbook…", refresh);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const asOfDate = asOf.trim() === "" ? undefined : parseIsoDate(asOf);
  const busy = command.busy !== undefined;

  const reconcile = () =>
    command.run("Reconciling the reserve…", async () => {
      if (asOf.trim() !== "" && !asOfDate) throw new Error("Enter the as-of date as YYYY-MM-DD, or leave it blank for the last row.");
      const names = [choice.ledger, choice.credits, choice.credits ? choice.prices : ""].filter((n) => n !== "");
      if (names.length === 0) throw new Error("Choose a Ledger or a Credits sheet, or insert the template.");
      const grids = await readSheets([...new Set(names)]);
      const { read, credits } = readReserveSheets({
        ledger: choice.ledger ? grids.get(choice.ledger) : undefined,
        credits: choice.credits ? grids.get(choice.credits) : undefined,
        prices: choice.credits && choice.prices ? grids.get(choice.prices) : undefined,
      });
      if (read.unusable) throw new Error(read.unusable.charAt(0).toUpperCase() + read.unusable.slice(1) + ".");
      const reconciliation = reconcileReserve(read.entries);
      const summaryDate = asOfDate ?? reconciliation.lines.at(-1)?.date;
      const projection = summaryDate && !reconciliation.exhaustionDate ? projectExhaustion(reconciliation, summaryDate) : undefined;
      setResult({ read, credits, reconciliation, status: reserveStatus(reconciliation, summaryDate), asOf: summaryDate, projection });
    });

  /** The package for `reconciled`, the issuer from the Issuer sheet. */
  const ocfPackage = async (reconciled: Reconciled): Promise<OcfPackage> => {
    const sheet = pick((await readWorkbookOverview()).sheets, ISSUER_SHEET);
    const result = ocfPackageFrom({
      reconciliation: reconciled.reconciliation,
      issuerSheet: sheet ? (await readSheets([sheet])).get(sheet) : undefined,
      generatedAt: generatedAtOf(new Date()),
      asOf: reconciled.asOf,
    });
    if ("pkg" in result) return result.pkg;
    const hint = result.fields.length ? ` Give ${result.fields.length === 1 ? "it" : "them"} in an "${ISSUER_SHEET}" sheet, column A the field and column B the value (Insert template adds one).` : "";
    throw new Error(`${sentence(result.problem)}.${hint}`);
  };

  const groups: CellLinkGroup[] = useMemo(() => {
    if (!result) return [];
    const where = (line: LedgerLine) => result.read.sources.get(line.entry) ?? { sheet: choice.ledger, address: "A1" };
    const out: CellLinkGroup[] = [];
    const { violations, divergences } = result.reconciliation;
    if (violations.length) {
      out.push({
        key: "violations",
        heading: `Beyond the reserve (${violations.length})`,
        links: violations.map((v, i) => ({ key: `v${i}`, ...where(v.line), severity: "error", title: `Row ${v.line.rowNumber} · ${v.line.kind}`, message: v.message })),
      });
    }
    if (divergences.length) {
      out.push({
        key: "divergences",
        heading: `Reported remaining differs (${divergences.length}; first on ${result.reconciliation.firstDivergenceDate})`,
        links: divergences.map((d, i) => ({
          key: `d${i}`,
          ...where(d.line),
          severity: "warning",
          title: `Row ${d.line.rowNumber} · ${d.line.date}`,
          message: `Reported ${shares(d.reported)}, computed ${shares(d.computed)}: a difference of ${shares(d.difference)} shares.`,
        })),
      });
    }
    const findings = locatedFindings(result.read);
    if (findings.length) {
      out.push({
        key: "findings",
        heading: `Rows left out (${findings.length})`,
        links: findings.map((f, i) => ({ key: `f${i}`, sheet: f.sheet, address: f.address, severity: f.severity, title: `Row ${f.row} · ${f.column}`, message: f.message })),
      });
    }
    return out;
  }, [result, choice.ledger]);

  const sheetSelect = (label: string, key: keyof typeof choice) => (
    <SheetSelect label={label} className={styles.control} sheets={sheets} value={choice[key]} onChange={(sheet) => setChoice({ ...choice, [key]: sheet })} />
  );

  const usedShare = result && !result.status.reserve.isZero() ? result.status.used.dividedBy(result.status.reserve).times(100).toFixed(1) : undefined;

  return (
    <div className={styles.page}>
      <div className={styles.fields}>
        {sheetSelect("Ledger sheet", "ledger")}
        {sheetSelect("Credits sheet", "credits")}
        {sheetSelect("Prices sheet", "prices")}
        <Field label="As of (YYYY-MM-DD)" validationMessage={asOf.trim() === "" || asOfDate ? undefined : "Enter YYYY-MM-DD."}>
          <Input className={styles.control} value={asOf} placeholder="last row" onChange={(_, d) => setAsOf(d.value)} />
        </Field>
      </div>
      <div className={styles.row}>
        <Button appearance="primary" onClick={reconcile} disabled={busy}>
          Reconcile
        </Button>
        <Button
          onClick={() =>
            command.run("Inserting the template…", async () => {
              const [ledger, issuer] = await insertTemplates([LEDGER_TEMPLATE, ISSUER_TEMPLATE]);
              await refresh();
              setChoice((c) => ({ ...c, ledger }));
              command.setStatus(`Inserted the sheet "${ledger}" with a sample ledger that includes a 2-for-1 split, and the sheet "${issuer}" that Export OCF names as the issuer. Select Reconcile.`);
            })
          }
          disabled={busy}
        >
          Insert template
        </Button>
      </div>

      <CommandFeedback command={command} />

      {result && (
        <>
          <section aria-label="Reserve summary">
            <Text as="h2" size={400} weight="semibold">
              {`Reserve as of ${result.asOf ?? "(no rows)"}`}
            </Text>
            <dl className={styles.summary}>
              <dt className={styles.term}>Reserve</dt>
              <dd className={styles.value}>{shares(result.status.reserve)}</dd>
              <dt className={styles.term}>Used</dt>
              <dd className={styles.value}>{`${shares(result.status.used)}${usedShare ? ` (${usedShare}%)` : ""}`}</dd>
              <dt className={styles.term}>Remaining</dt>
              <dd className={styles.value}>{shares(result.status.remaining)}</dd>
              <dt className={styles.term}>{result.reconciliation.exhaustionDate ? "Used up on" : "Projected"}</dt>
              <dd className={styles.value}>
                {result.reconciliation.exhaustionDate ?? result.projection?.projectedDate ?? "not at the last four quarters' pace"}
              </dd>
            </dl>
            <Text as="p" size={200}>
              {result.reconciliation.exhaustionDate
                ? "From that date §15.2 stops all deferrals and §5.4(c) all option grants."
                : result.projection
                  ? `At the pace of ${result.projection.windowStart} to ${result.projection.windowEnd} (${shares(result.projection.sharesPerDay)} shares a day).`
                  : ""}
            </Text>
          </section>
          <RemainingChart reserve={toNumber(result.reconciliation.initialReserve)} points={result.reconciliation.lines.map((l) => ({ date: l.date, remaining: toNumber(l.remaining) }))} />
          <div className={styles.row}>
            <Button
              onClick={() =>
                command.run("Writing the report…", async () => {
                  await writeReserveReport(
                    result.reconciliation.lines.map((l) => {
                      const source = result.read.sources.get(l.entry);
                      return {
                        date: l.date,
                        remaining: toNumber(l.remaining),
                        used: toNumber(l.used),
                        reserve: toNumber(l.reserve),
                        kind: l.kind,
                        quantity: toNumber(l.quantity),
                        participant: l.participant ?? "",
                        reference: l.reference ?? "",
                        source: source ? `${source.sheet}!${source.address}` : "",
                        reported: l.reportedRemaining === undefined ? "" : toNumber(l.reportedRemaining),
                      };
                    }),
                  );
                  command.setStatus(`Wrote the running ledger and a chart to the sheet "DCP Reserve".`);
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
                  if (download(await packageZip(pkg), OCF_ZIP)) {
                    command.setStatus(`Exported the ledger as an Open Cap Format 1.2.0 package (${OCF_ZIP}). If no file arrived, select "OCF to a sheet".`);
                  } else {
                    await writeOcfSheet(packageLines(packageFiles(pkg)));
                    command.setStatus(`Excel here cannot save a download, so the Open Cap Format package's files are written, line by line, to the sheet "${OCF_SHEET}".`);
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
          {groups.length === 0 ? <Text>The ledger reconciles: no credit or grant beyond the reserve, no divergence.</Text> : <CellLinks label="Reserve problems" groups={groups} onSelect={(link) => void command.run("Selecting the cell…", () => selectCell(link.sheet, link.address))} />}
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
