/** Excel's rules for sheet and table names, as both writers (Office.js and ExcelJS) apply them. */
import { SHEET_NAME_LENGTH, uniqueTableName, worksheetName } from "../../src/workbook/names";

describe("worksheetName", () => {
  it("keeps a name Excel accepts", () => {
    expect(worksheetName("Ann Lee", [])).toBe("Ann Lee");
    expect(worksheetName("José Núñez-Østergaard", [])).toBe("José Núñez-Østergaard");
  });

  it("turns what Excel refuses ([ ] : * ? / \\) into a dash, and drops apostrophes and spaces at either end", () => {
    expect(worksheetName("Q1: Lee/Ann [old]*?", [])).toBe("Q1- Lee-Ann -old-");
    expect(worksheetName("'Ann Lee' ", [])).toBe("Ann Lee");
    expect(worksheetName("Ann\tLee", [])).toBe("Ann Lee");
  });

  it("cuts a long name to Excel's 31 characters, counting accented letters once", () => {
    const name = worksheetName("Ma. Josefina Núñez-Østergaard de la Cruz y Villanueva", []);
    expect(name).toBe("Ma. Josefina Núñez-Østergaard d");
    expect([...name]).toHaveLength(SHEET_NAME_LENGTH);
  });

  it("numbers a name already taken, ignoring case as Excel does, and never takes History", () => {
    expect(worksheetName("Summary", ["SUMMARY"])).toBe("Summary (2)");
    expect(worksheetName("Summary", ["summary", "Summary (2)"])).toBe("Summary (3)");
    expect(worksheetName("history", [])).toBe("history (2)");
    const long = "A".repeat(40);
    expect(worksheetName(long, ["A".repeat(31)])).toBe(`${"A".repeat(27)} (2)`);
  });

  it("names a sheet whose name has nothing left", () => {
    expect(worksheetName("///", [])).toBe("-");
    expect(worksheetName("''", [])).toBe("Sheet");
  });
});

describe("uniqueTableName", () => {
  it("numbers a table name a table or defined name already has, ignoring case", () => {
    expect(uniqueTableName("DCPAccounts", [])).toBe("DCPAccounts");
    expect(uniqueTableName("DCPAccounts", ["dcpaccounts", "DCPAccounts2"])).toBe("DCPAccounts3");
  });
});
