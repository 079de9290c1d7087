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
  const format = (v: unknown) =>
    typeof v === "number" ? formatNumber(v, locale, { maximumFractionDigits: 3 }) : String(v ?? "");
  if (!data.length) return null;
  return (
    <figure className="h-72 w-full" aria-label={label} role="img">
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
                stroke={COLORS[i % COLORS.length]}
                strokeWidth={2}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        ) : (
          <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="label"
              interval={0}
              angle={rows.length > 6 ? -35 : 0}
              textAnchor={rows.length > 6 ? "end" : "middle"}
              height={rows.length > 6 ? 90 : 30}
              tick={{ fontSize: 11 }}
            />
            <YAxis tickFormatter={format} width={70} />
            <Tooltip formatter={format} />
            {series.length > 1 && <Legend />}
            {series.map((s, i) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.name}
                stackId={s.stack}
                fill={COLORS[i % COLORS.length]}
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
