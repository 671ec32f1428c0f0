/** Shares remaining in the reserve over time, as a step chart from the reserve's size. */
import { DateChart } from "./DateChart";

export interface ChartPoint {
  date: string;
  remaining: number;
}

export function RemainingChart({ points, reserve }: { points: ChartPoint[]; reserve: number }) {
  const last = points[points.length - 1];
  if (!last) return null;
  const summary = `Shares remaining fall from ${reserve.toLocaleString("en-US")} to ${last.remaining.toLocaleString("en-US")} between ${points[0].date} and ${last.date}.`;
  return <DateChart shape="step" start={reserve} points={points.map((p) => ({ date: p.date, value: p.remaining }))} label={summary} />;
}
