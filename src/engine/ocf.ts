/**
 * The reserve ledger as Open Cap Format (OCF) 1.2.0 objects, the open standard
 * cap-table systems read: the plan as a STOCK_PLAN, unit credits as RSU
 * issuances (deferred stock units), option grants as OPTION_NSO issuances, a
 * split as TX_STOCK_CLASS_SPLIT followed by the post-split pool size.
 */
import { PLAN_EFFECTIVE_DATE } from "./constants";
import type { IsoDate } from "./dates";
import { Decimal } from "./decimal";
import { invalidValue } from "./errors";
import type { LedgerLine, ReserveReconciliation } from "./reserve";

export const OCF_VERSION = "1.2.0";

export interface OcfOptions {
  planName?: string;
  /** The plan's board approval date; by default the date the plan takes effect, July 18, 2002. */
  boardApprovalDate?: IsoDate;
  /** Id of the stock class the units and options settle in (defined in the issuer's own OCF files). */
  stockClassId?: string;
  currency?: string;
}

type OcfObject = Record<string, unknown>;

export interface OcfExport {
  ocf_version: string;
  stock_plans: OcfObject[];
  stakeholders: OcfObject[];
  transactions: OcfObject[];
}

/** OCF Numeric: a decimal string with at most ten places. */
function numeric(value: Decimal): string {
  return value.toDecimalPlaces(10).toFixed();
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "x";
}

const PLAN_ID = "hecla-kedcp-2002";
const UNNAMED = "plan-participants";

export function toOcf(reconciliation: ReserveReconciliation, options: OcfOptions = {}): OcfExport {
  const stockClassId = options.stockClassId ?? "COMMON";
  const currency = options.currency ?? "USD";
  const stakeholders = new Map<string, OcfObject>();
  const stakeholderFor = (line: LedgerLine): string => {
    const name = line.participant ?? "Plan participants (not named in the ledger)";
    const id = line.participant ? `participant-${slug(line.participant)}` : UNNAMED;
    if (!stakeholders.has(id)) {
      stakeholders.set(id, { object_type: "STAKEHOLDER", id, name: { legal_name: name }, stakeholder_type: "INDIVIDUAL" });
    }
    return id;
  };

  const transactions: OcfObject[] = [];
  reconciliation.lines.forEach((line, i) => {
    const id = `row-${line.rowNumber}-${i + 1}`;
    const comments = line.reference ? [line.reference] : [];
    if (line.kind === "units" || line.kind === "option") {
      const option = line.kind === "option";
      if (option && line.exercisePrice === undefined) {
        throw invalidValue(`row ${line.rowNumber}: an option grant needs its Exercise Price for the Open Cap Format export`);
      }
      transactions.push({
        object_type: "TX_EQUITY_COMPENSATION_ISSUANCE",
        id: `tx-${id}`,
        date: line.date,
        security_id: `${option ? "option" : "dsu"}-${id}`,
        custom_id: `${option ? "OPT" : "DSU"}-${line.rowNumber}`,
        stakeholder_id: stakeholderFor(line),
        stock_plan_id: PLAN_ID,
        stock_class_id: stockClassId,
        compensation_type: option ? "OPTION_NSO" : "RSU",
        quantity: numeric(line.quantity),
        ...(option ? { exercise_price: { amount: numeric(line.exercisePrice!), currency } } : {}),
        expiration_date: null,
        termination_exercise_windows: [],
        security_law_exemptions: [],
        comments: option
          ? [`Discounted stock option granted under Art. V of the plan; counted against the §13.8 reserve`, ...comments]
          : [`Deferred stock units credited under §8.1 of the plan (one unit is one share, settled in stock on distribution); counted against the §13.8 reserve`, ...comments],
      });
    } else if (line.kind === "split") {
      const [numerator, denominator] = line.quantity.toFraction();
      transactions.push({
        object_type: "TX_STOCK_CLASS_SPLIT",
        id: `tx-${id}`,
        date: line.date,
        stock_class_id: stockClassId,
        split_ratio: { numerator: numeric(numerator), denominator: numeric(denominator) },
        comments,
      });
      transactions.push({
        object_type: "TX_STOCK_PLAN_POOL_ADJUSTMENT",
        id: `tx-${id}-pool`,
        date: line.date,
        stock_plan_id: PLAN_ID,
        shares_reserved: numeric(line.reserve),
        comments: [`The §13.8 reserve after the split of ${line.quantity.toString()} new shares per old share`, ...comments],
      });
    } else {
      transactions.push({
        object_type: "TX_STOCK_PLAN_POOL_ADJUSTMENT",
        id: `tx-${id}`,
        date: line.date,
        stock_plan_id: PLAN_ID,
        shares_reserved: numeric(line.reserve),
        comments: [`A change of ${line.quantity.toString()} shares to the authorised reserve`, ...comments],
      });
    }
  });

  return {
    ocf_version: OCF_VERSION,
    stock_plans: [
      {
        object_type: "STOCK_PLAN",
        id: PLAN_ID,
        plan_name: options.planName ?? "Hecla Mining Company Key Employee Deferred Compensation Plan",
        board_approval_date: options.boardApprovalDate ?? PLAN_EFFECTIVE_DATE,
        initial_shares_reserved: numeric(reconciliation.initialReserve),
        stock_class_ids: [stockClassId],
        comments: ["Shares reserved under §13.8 of the plan, adjusted for splits"],
      },
    ],
    stakeholders: [...stakeholders.values()],
    transactions,
  };
}
