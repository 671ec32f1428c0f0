/** The argument layer itself: one table read per call however many rows, and the shapes `lift` accepts. */
import { lift, numberArg, tableArg } from "../../src/functions/args";
import { ERROR_CODES, shown, ShimError } from "../helpers/bundle";

beforeAll(() => {
  Object.assign(globalThis, { CustomFunctions: { Error: ShimError, ErrorCode: ERROR_CODES } });
});

function countingTable() {
  let reads = 0;
  const table = tableArg(() => {
    reads++;
    return 2;
  });
  return { table, reads: () => reads };
}

describe("a table argument", () => {
  it("is read once per call, for one row or ten thousand", () => {
    const single = countingTable();
    expect(lift({ amount: 10 }, (x) => numberArg("amount", x.amount).toNumber() / single.table())).toEqual([[5]]);
    expect(single.reads()).toBe(1);
    const column = countingTable();
    const amounts = Array.from({ length: 10_000 }, (_, i) => [i * 2]);
    const result = lift({ amount: amounts }, (x) => numberArg("amount", x.amount).toNumber() / column.table());
    expect(result[9_999]).toEqual([9_999]);
    expect(column.reads()).toBe(1);
  });

  it("is not read for a call whose rows all fail before they need it", () => {
    const { table, reads } = countingTable();
    const result = lift({ amount: [["a"], ["b"]] }, (x) => numberArg("amount", x.amount).toNumber() / table());
    expect(result.map((row) => row.map(shown))).toEqual([
      [{ code: "#VALUE!", message: 'amount "a" is not a number' }],
      [{ code: "#VALUE!", message: 'amount "b" is not a number' }],
    ]);
    expect(reads()).toBe(0);
  });
});

describe("lift", () => {
  it("passes each element with the single values beside it, and never hands NaN or Infinity to a cell", () => {
    expect(lift({ a: [[1], [2]], b: 10 }, (x) => `${String(x.a)}+${String(x.b)}`)).toEqual([["1+10"], ["2+10"]]);
    expect(lift({ a: [[1, 0]] }, (x) => 1 / Number(x.a)).map((row) => row.map(shown))).toEqual([
      [1, { code: "#VALUE!", message: "the result is not a finite number" }],
    ]);
  });

  it("throws, for the whole formula, what a single cell would show", () => {
    expect(() => lift({ a: "x" }, (x) => numberArg("a", x.a))).toThrow(ShimError);
  });
});
