import {
  acquisitionTest,
  boardTest,
  changeInControl,
  combinationTest,
  type AcquisitionEvent,
  type CicEvent,
  type CombinationEvent,
} from "../../src/engine/changeInControl";
import { Decimal } from "../../src/engine/decimal";

const d = (text: string) => new Decimal(text);
const acquisition = (fields: Partial<AcquisitionEvent>): AcquisitionEvent => ({ type: "acquisition", date: "2004-05-03", ...fields });

describe("§1.1(e)(i): a Person at 20% or more of either", () => {
  it("is a Change in Control at 20% of the common stock, not at 19.99%", () => {
    expect(acquisitionTest(acquisition({ pctCommon: d("0.20") })).met).toBe(true);
    expect(acquisitionTest(acquisition({ pctCommon: d("0.1999") })).met).toBe(false);
  });

  it("counts the voting power alone ('either … or')", () => {
    expect(acquisitionTest(acquisition({ pctCommon: d("0.05"), pctVoting: d("0.20") })).met).toBe(true);
  });

  it.each(["underwriter", "company", "benefit-plan", "compliant-combination"] as const)("exempts an acquisition by %s at any percentage", (exemption) => {
    expect(acquisitionTest(acquisition({ pctCommon: d("0.55"), exemption })).met).toBe(false);
  });

  it("exempts a direct or approved acquisition leaving the Person at exactly 40% of both", () => {
    expect(acquisitionTest(acquisition({ pctCommon: d("0.40"), pctVoting: d("0.40"), exemption: "direct-approved" })).met).toBe(false);
  });

  it("does not exempt one leaving 40.01% of the common stock", () => {
    expect(acquisitionTest(acquisition({ pctCommon: d("0.4001"), pctVoting: d("0.30"), exemption: "direct-approved" })).met).toBe(true);
  });

  it("needs both at no more than 40% for the exemption (P-R22; rejected: either, which would exempt 45% common with 35% voting)", () => {
    const test = acquisitionTest(acquisition({ pctCommon: d("0.45"), pctVoting: d("0.35"), exemption: "direct-approved" }));
    expect(test.met).toBe(true);
    expect(test.reason).toMatch(/P-R22/);
  });
});

describe("the buyback proviso (§1.1(e), last paragraph; P-R23)", () => {
  it("is no Change in Control when a buyback lifts a holder to 25%", () => {
    expect(acquisitionTest(acquisition({ pctCommon: d("0.25"), buyback: true })).met).toBe(false);
  });

  it("covers a buyback to exactly 20% (rejected: 'more than 20%' literally, which would make it one)", () => {
    expect(acquisitionTest(acquisition({ pctCommon: d("0.20"), buyback: true })).met).toBe(false);
  });

  it("makes the holder's later acquisition that increases its percentage the Change in Control, on that day", () => {
    const events: CicEvent[] = [
      acquisition({ date: "2004-02-02", pctCommon: d("0.22"), buyback: true }),
      acquisition({ date: "2004-06-01", pctCommon: d("0.23") }),
    ];
    expect(changeInControl(events)).toMatchObject({ date: "2004-06-01", clauses: ["§1.1(e)(i)"] });
  });
});

describe("§1.1(e)(ii): the Incumbent Board ceases to be a majority", () => {
  it("is a Change in Control at exactly half the seats: half is no majority (rejected: half as 'at least a majority')", () => {
    expect(boardTest({ type: "board", date: "2004-05-03", incumbentDirectors: 5, boardSize: 10 }).met).toBe(true);
  });

  it("is none while incumbents hold more than half", () => {
    expect(boardTest({ type: "board", date: "2004-05-03", incumbentDirectors: 6, boardSize: 10 }).met).toBe(false);
    expect(boardTest({ type: "board", date: "2004-05-03", incumbentDirectors: 5, boardSize: 9 }).met).toBe(false);
  });
});

describe("§1.1(e)(iii): a consummated Business Combination unless (a), (b) and (c)", () => {
  const excepted: CombinationEvent = {
    type: "combination",
    date: "2004-05-03",
    continuityCommon: d("0.6001"),
    continuityVoting: d("0.6001"),
    sameProportion: true,
    holderCommon: d("0"),
    holderVoting: d("0"),
    incumbentBoardPct: d("0.5001"),
  };

  it("is excepted with more than 60% continuity, no 20% holder and an incumbent majority", () => {
    expect(combinationTest(excepted).met).toBe(false);
  });

  it("is a Change in Control at exactly 60% continuity: 'more than 60%'", () => {
    expect(combinationTest({ ...excepted, continuityVoting: d("0.60") }).met).toBe(true);
  });

  it("needs the holders in substantially the same proportion", () => {
    expect(combinationTest({ ...excepted, sameProportion: false }).met).toBe(true);
  });

  it("takes a holder at 20% of common but 19.99% of voting as no bar (P-R24 'and'; rejected: either, which would bar it)", () => {
    expect(combinationTest({ ...excepted, holderCommon: d("0.20"), holderVoting: d("0.1999") }).met).toBe(false);
  });

  it("is barred by a holder at 20% of both, unless the excepted acquisition leaves it at no more than 40%", () => {
    expect(combinationTest({ ...excepted, holderCommon: d("0.20"), holderVoting: d("0.20") }).met).toBe(true);
    expect(combinationTest({ ...excepted, holderCommon: d("0.40"), holderVoting: d("0.40"), holderException: true }).met).toBe(false);
    expect(combinationTest({ ...excepted, holderCommon: d("0.4001"), holderVoting: d("0.40"), holderException: true }).met).toBe(true);
  });

  it("needs more than half the new board to be Incumbent Directors: exactly half is a Change in Control", () => {
    expect(combinationTest({ ...excepted, incumbentBoardPct: d("0.50") }).met).toBe(true);
  });
});

describe("the Change in Control: the first date any test is met (§1.1(e))", () => {
  it("skips the rows that meet no test and lists every clause met that day", () => {
    const events: CicEvent[] = [
      { type: "liquidation", date: "2005-01-10" },
      acquisition({ date: "2004-03-01", pctCommon: d("0.15") }),
      { type: "board", date: "2004-09-30", incumbentDirectors: 4, boardSize: 9 },
      acquisition({ date: "2004-09-30", pctVoting: d("0.31") }),
    ];
    const cic = changeInControl(events);
    expect(cic).toMatchObject({ date: "2004-09-30", clauses: ["§1.1(e)(i)", "§1.1(e)(ii)"] });
    expect(cic?.events).toHaveLength(2);
  });

  it("is undefined when no row meets a test", () => {
    expect(changeInControl([acquisition({ pctCommon: d("0.1999") })])).toBeUndefined();
  });
});
