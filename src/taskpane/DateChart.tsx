/** Values over time as a small SVG chart that fits a narrow task pane: a step line (a running count) or a line (a value sampled on dates). */
import { makeStyles, tokens } from "@fluentui/react-components";

export interface DatedValue {
  date: string;
  value: number;
}

const useStyles = makeStyles({
  svg: { width: "100%", height: "auto", display: "block" },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  zero: { stroke: tokens.colorPaletteRedBorder2, strokeWidth: 1, strokeDasharray: "3 3" },
  line: { fill: "none", stroke: tokens.colorBrandForeground1, strokeWidth: 2 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: "10px" },
});

const WIDTH = 280;
const HEIGHT = 140;
const PAD = { left: 8, right: 8, top: 14, bottom: 18 };

export interface DateChartProps {
  points: readonly DatedValue[];
  /** "step": each value holds until the next date, from `start`; "line": straight between the dates. */
  shape: "step" | "line";
  /** The value before the first point, where a step chart begins. */
  start?: number;
  /** What the chart shows, in a sentence: its accessible name. */
  label: string;
  /** When given, the highest value is written at the top left in this form. */
  formatValue?: (value: number) => string;
}

export function DateChart({ points, shape, start, label, formatValue }: DateChartProps) {
  const styles = useStyles();
  if (points.length === 0) return null;
  const times = points.map((p) => Date.parse(p.date));
  // A loop, not Math.min(...times): a ledger of a few hundred thousand rows would overflow the call stack.
  let [t0, t1, top, bottom] = [Infinity, -Infinity, Math.max(start ?? 0, 0), Math.min(start ?? 0, 0)];
  points.forEach((p, i) => {
    [t0, t1] = [Math.min(t0, times[i]), Math.max(t1, times[i])];
    [top, bottom] = [Math.max(top, p.value), Math.min(bottom, p.value)];
  });
  t1 = Math.max(t1, t0 + 86_400_000);
  const x = (t: number) => PAD.left + ((t - t0) / (t1 - t0)) * (WIDTH - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + ((top - v) / (top - bottom || 1)) * (HEIGHT - PAD.top - PAD.bottom);
  let path: string;
  if (shape === "step") {
    path = `M ${x(t0)} ${y(start ?? points[0].value)}`;
    points.forEach((p, i) => (path += ` H ${x(times[i])} V ${y(p.value)}`));
  } else {
    path = points.map((p, i) => `${i === 0 ? "M" : "L"} ${x(times[i])} ${y(p.value)}`).join(" ");
  }
  return (
    <svg className={styles.svg} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <line className={styles.axis} x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} />
      {bottom < 0 && <line className={styles.zero} x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} />}
      <path className={styles.line} d={path} />
      {formatValue && (
        <text className={styles.label} x={PAD.left} y={10}>
          {formatValue(top)}
        </text>
      )}
      <text className={styles.label} x={PAD.left} y={HEIGHT - 4}>
        {points[0].date}
      </text>
      <text className={styles.label} x={WIDTH - PAD.right} y={HEIGHT - 4} textAnchor="end">
        {points[points.length - 1].date}
      </text>
    </svg>
  );
}
