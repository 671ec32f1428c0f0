import { claimDeadlines, docket, nextDeadline, type Claim } from "../../src/engine/claims";
import { PlanError } from "../../src/engine/errors";

const base: Claim = { filed: "2003-03-01", knew: "2003-01-15" };

describe("the filing limit: one year after the knowledge date (§12.3(f), (i))", () => {
  it("takes the Participant's knowledge when it is earlier: it is imputed to a beneficiary (§12.3(i))", () => {
    const result = claimDeadlines({ ...base, knew: "2003-06-01", participantKnew: "2003-02-01" });
    expect(result.knowledgeDate).toBe("2003-02-01");
    expect(result.claimDeadline).toBe("2004-02-01");
  });

  it("keeps the claimant's own when the Participant's is later", () => {
    expect(claimDeadlines({ ...base, knew: "2003-01-15", participantKnew: "2003-02-01" }).knowledgeDate).toBe("2003-01-15");
  });

  it("is timely filed on the anniversary and late the day after", () => {
    expect(claimDeadlines({ filed: "2004-03-10", knew: "2003-03-10" })).toMatchObject({ claimDeadline: "2004-03-10", claimTimely: true });
    expect(claimDeadlines({ filed: "2004-03-11", knew: "2003-03-10" }).claimTimely).toBe(false);
  });

  it("clamps a February 29 knowledge date to February 28 a year on (P-R1)", () => {
    expect(claimDeadlines({ filed: "2005-02-28", knew: "2004-02-29" })).toMatchObject({ claimDeadline: "2005-02-28", claimTimely: true });
    expect(claimDeadlines({ filed: "2005-03-01", knew: "2004-02-29" }).claimTimely).toBe(false);
  });
});

describe("the decision on the claim (§12.3(a)(ii), (d))", () => {
  it("is due 90 calendar days after filing", () => {
    expect(claimDeadlines(base).decisionDue).toBe("2003-05-30");
  });

  it("is due on day 45 for a Disability claim filed on or after 2002-01-01", () => {
    expect(claimDeadlines({ ...base, disability: true }).decisionDue).toBe("2003-04-15");
    expect(claimDeadlines({ filed: "2002-01-01", knew: "2001-12-01", disability: true }).decisionDue).toBe("2002-02-15");
  });

  it("keeps 90 days for a Disability claim filed before 2002", () => {
    expect(claimDeadlines({ filed: "2001-12-31", knew: "2001-12-01", disability: true }).decisionDue).toBe("2002-03-31");
  });

  it("extends to day 75 by a first notice on day 45, not on day 46", () => {
    expect(claimDeadlines({ ...base, disability: true, extension1Notice: "2003-04-15" }).decisionDue).toBe("2003-05-15");
    expect(claimDeadlines({ ...base, disability: true, extension1Notice: "2003-04-16" }).decisionDue).toBe("2003-04-15");
  });

  it("extends to day 105 by a second notice on day 75, not on day 76", () => {
    const first = { ...base, disability: true, extension1Notice: "2003-04-10" };
    expect(claimDeadlines({ ...first, extension2Notice: "2003-05-15" }).decisionDue).toBe("2003-06-14");
    expect(claimDeadlines({ ...first, extension2Notice: "2003-05-16" }).decisionDue).toBe("2003-05-15");
  });

  it("gives a second notice no force without a timely first", () => {
    expect(claimDeadlines({ ...base, disability: true, extension2Notice: "2003-04-01" }).decisionDue).toBe("2003-04-15");
  });

  it("ignores extension notices on a claim that is not for Disability", () => {
    expect(claimDeadlines({ ...base, extension1Notice: "2003-04-01" }).decisionDue).toBe("2003-05-30");
  });
});

describe("the request for review: 60 days after the denial is received (§12.3(b))", () => {
  const denied = { ...base, denialReceived: "2003-05-20" };

  it("is timely on day 60 and late on day 61", () => {
    expect(claimDeadlines({ ...denied, reviewRequested: "2003-07-19" })).toMatchObject({ reviewRequestDeadline: "2003-07-19", reviewTimely: true });
    expect(claimDeadlines({ ...denied, reviewRequested: "2003-07-20" }).reviewTimely).toBe(false);
  });

  it("gives a Disability claimant the same 60 days, not 45 (P-R19)", () => {
    const result = claimDeadlines({ ...denied, disability: true, reviewRequested: "2003-07-19" });
    expect(result.reviewRequestDeadline).toBe("2003-07-19");
    expect(result.reviewTimely).toBe(true);
  });

  it("has no review dates before a denial", () => {
    expect(claimDeadlines(base).reviewRequestDeadline).toBeUndefined();
    expect(claimDeadlines(denied).reviewDecisionDue).toBeUndefined();
  });
});

describe("the decision on review (§12.3(c), (d))", () => {
  const requested = { ...base, denialReceived: "2003-05-20", reviewRequested: "2003-07-01" };

  it("is due 60 days after the request", () => {
    expect(claimDeadlines(requested).reviewDecisionDue).toBe("2003-08-30");
  });

  it("is due on day 45 for Disability, day 90 with a notice by day 45, not one on day 46", () => {
    expect(claimDeadlines({ ...requested, disability: true }).reviewDecisionDue).toBe("2003-08-15");
    expect(claimDeadlines({ ...requested, disability: true, reviewExtensionNotice: "2003-08-15" }).reviewDecisionDue).toBe("2003-09-29");
    expect(claimDeadlines({ ...requested, disability: true, reviewExtensionNotice: "2003-08-16" }).reviewDecisionDue).toBe("2003-08-15");
  });

  it("exhausts the procedure on the decision's day when it comes on the due day", () => {
    expect(claimDeadlines({ ...requested, reviewDecision: "2003-08-30" })).toMatchObject({ deemedDenied: false, exhausted: "2003-08-30" });
  });

  it("deems the claim denied when the period ends, and exhausted the next day (P-R20)", () => {
    expect(claimDeadlines({ ...requested, reviewDecision: "2003-08-31" })).toMatchObject({ deemedDenied: true, exhausted: "2003-08-31" });
    expect(claimDeadlines(requested)).toMatchObject({ deemedDenied: true, exhausted: "2003-08-31" });
  });
});

describe("the window for legal action (§12.3(g), (h))", () => {
  const requested = { filed: "2003-03-01", denialReceived: "2003-05-20", reviewRequested: "2003-07-01" };

  it("ends the day before exhaustion + 6 months (2003-08-30 + 6 months is 2004-02-29, P-R1) when that is earlier (P-R21: 'before' excludes the day)", () => {
    const result = claimDeadlines({ ...requested, knew: "2003-01-15", reviewDecision: "2003-08-30" });
    expect(result).toMatchObject({ suitFrom: "2003-08-30", suitLastDay: "2004-02-28", suitWindowOpen: true });
  });

  it("ends the day before knowledge + 30 months when that is earlier", () => {
    const result = claimDeadlines({ ...requested, knew: "2001-01-10", reviewDecision: "2003-07-02" });
    expect(result.suitLastDay).toBe("2003-07-09");
  });

  it("is open when its last day is exhaustion day itself, and never opens a day later", () => {
    const open = claimDeadlines({
      filed: "2001-03-01",
      knew: "2001-01-10",
      denialReceived: "2003-05-01",
      reviewRequested: "2003-06-01",
      reviewDecision: "2003-07-09",
    });
    expect(open).toMatchObject({ exhausted: "2003-07-09", suitLastDay: "2003-07-09", suitWindowOpen: true });
    const closed = claimDeadlines({
      filed: "2001-03-01",
      knew: "2001-01-10",
      denialReceived: "2003-05-01",
      reviewRequested: "2003-06-01",
      reviewDecision: "2003-07-10",
    });
    expect(closed).toMatchObject({ exhausted: "2003-07-10", suitLastDay: "2003-07-09", suitWindowOpen: false });
  });
});

describe("dates out of order are an error, never a deadline (PAYOUT.md §11)", () => {
  it.each([
    [{ ...base, denialReceived: "2003-02-01" }, /denialReceived 2003-02-01 is before filed/],
    [{ ...base, denialReceived: "2003-05-01", reviewRequested: "2003-04-01" }, /reviewRequested 2003-04-01 is before denialReceived/],
    [{ ...base, reviewRequested: "2003-04-01" }, /denialReceived is blank/],
    [{ ...base, denialReceived: "2003-05-01", reviewDecision: "2003-06-01" }, /reviewRequested is blank/],
  ])("%o", (claim, message) => {
    expect(() => claimDeadlines(claim)).toThrow(PlanError);
    expect(() => claimDeadlines(claim)).toThrow(message);
  });
});

describe("the docket as of a day", () => {
  const claim: Claim = { ...base, denialReceived: "2003-05-20" };
  const deadlines = claimDeadlines(claim);

  it("marks a step taken as met, an awaited one open through its day and passed after", () => {
    expect(docket(claim, deadlines, "2003-07-19")).toEqual([
      { name: "claimDeadline", date: "2004-01-15", status: "met", dueSoon: false },
      { name: "decisionDue", date: "2003-05-30", status: "met", dueSoon: false },
      { name: "reviewRequestDeadline", date: "2003-07-19", status: "open", dueSoon: true },
    ]);
    expect(docket(claim, deadlines, "2003-07-20")[2].status).toBe("passed");
  });

  it("is due soon within 30 days, the 30th day included", () => {
    expect(docket(claim, deadlines, "2003-06-19")[2].dueSoon).toBe(true);
    expect(docket(claim, deadlines, "2003-06-18")[2].dueSoon).toBe(false);
  });

  it("names the earliest open deadline as the next", () => {
    expect(nextDeadline(docket(claim, deadlines, "2003-06-01"))?.date).toBe("2003-07-19");
    expect(nextDeadline(docket(claim, deadlines, "2003-08-01"))).toBeUndefined();
  });
});
