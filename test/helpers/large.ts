/**
 * Workbooks of any size, written a row at a time (ExcelJS's streaming
 * writer) so that making a million-row file costs the test or bench little:
 * a ledger, an election sheet and plan records, every row of which reads.
 */
import ExcelJS from "exceljs";
import { sessionPrices } from "./prices";

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function streamed(file: string, fill: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => void): Promise<string> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  fill(workbook);
  await workbook.commit();
  return file;
}

function sheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, header: string[], rows: Iterable<unknown[]>): void {
  const worksheet = workbook.addWorksheet(name);
  worksheet.addRow(header).commit();
  for (const row of rows) worksheet.addRow(row).commit();
  worksheet.commit();
}

/** A day from 2002-07-18 onward, `i` days on, within the supported dates (a 20-year cycle). */
function day(i: number): Date {
  return new Date(Date.UTC(2002, 6, 18) + (i % 7300) * 86_400_000);
}

/**
 * A Ledger of `rows` rows in date order: units a day for 500 participants, an
 * option every fourth row; each row 1 share, so the reserve never runs out.
 */
export function ledgerWorkbook(file: string, rows: number): Promise<string> {
  function* ledgerRows() {
    for (let i = 0; i < rows; i++) {
      const option = i % 4 === 3;
      yield [day(Math.floor((i * 7300) / rows)), option ? "option" : "units", 1, `Participant ${i % 500}`, `row ${i + 2}`, null, option ? 1.25 : null];
    }
  }
  return streamed(file, (workbook) =>
    sheet(workbook, "Ledger", ["Date", "Kind", "Quantity", "Participant", "Reference", "Reported Remaining", "Exercise Price"], ledgerRows()),
  );
}

/** An election sheet of `rows` salary deferrals for 2004, all filed in time and approved. */
export function electionsWorkbook(file: string, rows: number): Promise<string> {
  function* electionRows() {
    for (let i = 0; i < rows; i++) yield [`Participant ${i}`, "Salary deferral", utc("2003-12-01"), 2004, 0.25, "Y"];
  }
  return streamed(file, (workbook) =>
    sheet(workbook, "Elections", ["Participant", "Election Type", "Election Date", "Plan Year", "Percent", "Committee Approved"], electionRows()),
  );
}

const PARTICIPANTS = 1000;

/**
 * Plan records of `rows` Activity rows for 1,000 participants: deferrals and
 * Investment Account deferrals on business days 2003–2019, with the Prices
 * and Prime Rates they need.
 */
export function recordsWorkbook(file: string, rows: number): Promise<string> {
  const prices = sessionPrices("2002-12-01", "2020-01-31", (i) => 5 + (i % 300) / 100);
  const payDays = prices.map(([date]) => date).filter((date) => date >= "2003-01-01" && date <= "2019-12-31");
  const perParticipant = Math.ceil(rows / PARTICIPANTS);
  function* activityRows() {
    for (let i = 0; i < rows; i++) {
      const participant = i % PARTICIPANTS;
      const n = Math.floor(i / PARTICIPANTS);
      const date = payDays[Math.floor((n * payDays.length) / perParticipant)];
      yield [
        `Participant ${String(participant).padStart(4, "0")}`,
        utc(date),
        n % 2 === 0 ? "deferral" : "investment deferral",
        100 + (i % 50),
        null,
        null,
        null,
        null,
      ];
    }
  }
  return streamed(file, (workbook) => {
    sheet(workbook, "Activity", ["Participant", "Date", "Kind", "Amount", "Match Rate", "Discount", "Discount Type", "Reference"], activityRows());
    sheet(
      workbook,
      "Prices",
      ["Date", "Close"],
      prices.map(([date, close]) => [utc(date), close]),
    );
    sheet(workbook, "Prime Rates", ["Date", "Annual Rate"], [[utc("2002-11-07"), 0.0425]]);
  });
}
