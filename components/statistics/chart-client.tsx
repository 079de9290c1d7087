"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useRouter } from "@/i18n/navigation";
import { formatNumber } from "@/lib/format";

/** One point of a chart: its label, an optional drill-down link, and a value per series (null: hidden). */
export interface ChartDatum {
  label: string;
  href?: string;
  values: Record<string, number | null>;
}

export interface ChartSeries {
  key: string;
  name: string;
  /** Series with the same stack id are stacked (bars). */
  stack?: string;
  /** A colour that carries meaning (e.g. green for on time, red for missing); the palette's otherwise. */
  color?: string;
}

const COLORS = ["#0b6bcb", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#14b8a6", "#64748b", "#ec4899"];

/**
 * A figure's chart: bars (by territory, by grade), lines (over years) or a donut (shares). Clicking a bar
 * with a link drills down. The table beside the chart carries the same numbers for screen readers.
 */
export function StatChart({
  kind,
  data,
  series,
  label,
  locale,
  reverseY = false,
}: {
  kind: "bar" | "line" | "donut";
  data: ChartDatum[];
  series: ChartSeries[];
  label: string;
  locale: string;
  /** Lines: smaller values on top (ranks). */ reverseY?: boolean;
}) {
  const router = useRouter();
  const rows = data.map((d) => ({ label: d.label, href: d.href, ...d.values }));
  const color = (s: ChartSeries, i: number) => s.color ?? COLORS[i % COLORS.length];
  // Many bars (schools, districts) lie on their side, one a row, so every name can be read in full; the
  // height follows the number of rows and is known before the chart draws, so the page does not shift.
  const horizontal = kind === "bar" && rows.length > 6;
  const height = horizontal ? Math.max(288, rows.length * 28 + 64) : 288;
  const format = (v: unknown) =>
    typeof v === "number" ? formatNumber(v, locale, { maximumFractionDigits: 3 }) : String(v ?? "");
  if (!data.length) return null;
  return (
    <figure className="w-full" style={{ height }} aria-label={label} role="img">
      <ResponsiveContainer width="100%" height="100%">
        {kind === "donut" ? (
          <PieChart>
            <Pie
              data={rows.filter((r) => typeof r[series[0]!.key as keyof typeof r] === "number")}
              dataKey={series[0]!.key}
              nameKey="label"
              innerRadius="50%"
              outerRadius="80%"
              paddingAngle={1}
              isAnimationActive={false}
            >
              {rows.map((r, i) => (
                <Cell key={r.label} fill={COLORS[i % COLORS.length]} />
              ))}
            </Pie>
            <Tooltip formatter={format} />
            <Legend />
          </PieChart>
        ) : kind === "line" ? (
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="label" />
            <YAxis
              tickFormatter={format}
              width={70}
              reversed={reverseY}
              allowDecimals={!reverseY}
              domain={reverseY ? [1, "auto"] : undefined}
            />
            <Tooltip formatter={format} />
            <Legend />
            {series.map((s, i) => (
              <Line
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.name}
                stroke={color(s, i)}
                strokeWidth={2}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        ) : (
          <BarChart
            data={rows}
            layout={horizontal ? "vertical" : "horizontal"}
            margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
          >
            <CartesianGrid strokeDasharray="3 3" />
            {horizontal ? (
              <>
                <XAxis type="number" tickFormatter={format} />
                <YAxis type="category" dataKey="label" width={170} interval={0} tick={{ fontSize: 11 }} />
              </>
            ) : (
              <>
                <XAxis dataKey="label" interval={0} tick={{ fontSize: 11 }} />
                <YAxis tickFormatter={format} width={70} />
              </>
            )}
            <Tooltip formatter={format} />
            {series.length > 1 && <Legend verticalAlign="top" height={32} />}
            {series.map((s, i) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                stackId={s.stack}
                fill={color(s, i)}
                isAnimationActive={false}
                cursor={rows.some((r) => r.href) ? "pointer" : undefined}
                onClick={(entry: { payload?: { href?: string } }) => {
                  if (entry?.payload?.href) router.push(entry.payload.href);
                }}
              />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </figure>
  );
}
