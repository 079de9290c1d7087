import { arc, line, pie } from "d3-shape";
import { scaleLinear, scalePoint } from "d3-scale";
import { Link } from "@/i18n/navigation";
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

const COLORS = ["#0b6bcb", "#b45309", "#047857", "#dc2626", "#7c3aed", "#0f766e", "#475569", "#be185d"];
const HEIGHT = 288;

type Props = {
  kind: "bar" | "line" | "donut";
  data: ChartDatum[];
  series: ChartSeries[];
  label: string;
  locale: string;
  /** Lines: smaller values on top (ranks). */
  reverseY?: boolean;
};

/**
 * A figure's chart, drawn on the server as HTML and SVG: bars (by territory, by grade), lines (over years) or a
 * donut (shares). No chart script is sent to the browser and the chart's size is known from the first byte,
 * so the page neither waits nor shifts. Bars with a link drill down on click. The chart is hidden from
 * assistive technology: the table beside it carries the same numbers, with the same links.
 */
export function StatChart({ kind, data, series, label, locale, reverseY = false }: Props) {
  if (!data.length || !series.length) return null;
  const colored = series.map((s, i) => ({ ...s, color: s.color ?? COLORS[i % COLORS.length]! }));
  const format = (v: number) => formatNumber(v, locale, { maximumFractionDigits: 3 });
  return (
    <figure className="w-full text-xs text-slate-700" aria-hidden="true" data-chart={kind} title={label}>
      {kind === "donut" ? (
        <Donut data={data} series={colored[0]!} format={format} />
      ) : kind === "line" ? (
        <Lines data={data} series={colored} format={format} reverseY={reverseY} />
      ) : (
        <Bars data={data} series={colored} format={format} />
      )}
      {kind !== "donut" && colored.length > 1 && <Legend series={colored} />}
    </figure>
  );
}

type Colored = ChartSeries & { color: string };

function Legend({ series }: { series: { name: string; color: string }[] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
      {series.map((s) => (
        <li key={s.name} className="flex items-center gap-1">
          <span className="inline-block size-3 rounded-sm" style={{ background: s.color }} />
          {s.name}
        </li>
      ))}
    </ul>
  );
}

/** Ticks of a value axis from zero (or from the smallest value when it is below zero). */
function valueScale(values: number[], reverse = false) {
  const min = Math.min(0, ...values);
  const max = Math.max(...values, min + 1);
  const scale = scaleLinear().domain(reverse ? [max, Math.min(1, min)] : [min, max]);
  return reverse ? scale : scale.nice(5);
}

/**
 * Bars lie on their side, one row per label, so every name can be read in full on a phone; series with the same
 * stack id are stacked, others stand side by side. Each bar's value is written at its end.
 */
function Bars({ data, series, format }: { data: ChartDatum[]; series: Colored[]; format: (v: number) => string }) {
  const groups = new Map<string, Colored[]>();
  for (const s of series) {
    const key = s.stack ?? `own:${s.key}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const totals = data.flatMap((d) =>
    [...groups.values()].map((g) => g.reduce((sum, s) => sum + Math.max(0, d.values[s.key] ?? 0), 0)),
  );
  const scale = valueScale(totals);
  const [, top] = scale.domain() as [number, number];
  const share = (v: number) => `${(Math.max(0, v) / (top || 1)) * 100}%`;
  return (
    <ol className="space-y-1.5">
      {data.map((d) => {
        const bars = [...groups.values()].map((g, gi) => {
          const parts = g.filter((s) => typeof d.values[s.key] === "number" && d.values[s.key]! > 0);
          const total = parts.reduce((sum, s) => sum + d.values[s.key]!, 0);
          const allHidden = g.every((s) => d.values[s.key] === null || d.values[s.key] === undefined);
          return (
            <div key={gi} className="flex h-4 items-center gap-1">
              <div className="h-full min-w-0 flex-1">
                <div className="flex h-full" style={{ width: share(total) }}>
                  {parts.map((s) => (
                    <div key={s.key} className="h-full" style={{ background: s.color, flexGrow: d.values[s.key]! }} />
                  ))}
                </div>
              </div>
              <span className="min-w-12 shrink-0 tabular-nums">{allHidden ? "—" : format(total)}</span>
            </div>
          );
        });
        const name = <span className="block truncate">{d.label}</span>;
        return (
          <li key={d.label} className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] items-center gap-2">
            {d.href ? (
              <Link href={d.href} tabIndex={-1} className="truncate text-slate-800 no-underline hover:underline">
                {name}
              </Link>
            ) : (
              name
            )}
            <div className="min-w-0 space-y-0.5">{bars}</div>
          </li>
        );
      })}
    </ol>
  );
}

/** Lines over the labels (years), with the value axis on the left; a missing value breaks the line. */
function Lines({
  data,
  series,
  format,
  reverseY,
}: {
  data: ChartDatum[];
  series: Colored[];
  format: (v: number) => string;
  reverseY: boolean;
}) {
  const values = data.flatMap((d) =>
    series.map((s) => d.values[s.key]).filter((v): v is number => typeof v === "number"),
  );
  if (!values.length) return null;
  // the plot is drawn in a 100 × 100 box stretched to the figure; strokes keep their width
  const y = valueScale(values, reverseY).range([100, 0]);
  const x = scalePoint<string>()
    .domain(data.map((d) => d.label))
    .range([0, 100])
    .padding(0.5);
  const ticks = y
    .ticks(reverseY ? Math.min(5, Math.max(...values)) : 5)
    .filter((t) => !reverseY || Number.isInteger(t));
  const path = (s: Colored) =>
    line<ChartDatum>()
      .defined((d) => typeof d.values[s.key] === "number")
      .x((d) => x(d.label)!)
      .y((d) => y(d.values[s.key]!))(data) ?? "";
  return (
    <div
      className="grid grid-cols-[auto_minmax(0,1fr)] grid-rows-[minmax(0,1fr)_auto] gap-x-2 pt-2"
      style={{ height: HEIGHT }}
    >
      <div className="relative w-12">
        {ticks.map((t) => (
          <span key={t} className="absolute right-0 -translate-y-1/2 tabular-nums" style={{ top: `${y(t)}%` }}>
            {format(t)}
          </span>
        ))}
      </div>
      <div className="relative border-b border-l border-slate-300">
        <svg className="absolute inset-0 size-full overflow-visible" viewBox="0 0 100 100" preserveAspectRatio="none">
          {ticks.map((t) => (
            <line
              key={t}
              x1={0}
              x2={100}
              y1={y(t)}
              y2={y(t)}
              stroke="#e2e8f0"
              strokeDasharray="3 3"
              vectorEffect="non-scaling-stroke"
            />
          ))}
          {series.map((s) => (
            <path
              key={s.key}
              d={path(s)}
              fill="none"
              stroke={s.color}
              strokeWidth={2}
              vectorEffect="non-scaling-stroke"
            />
          ))}
        </svg>
        {/* the points as round marks, placed in HTML so that they stay round however the plot is stretched */}
        {series.flatMap((s) =>
          data
            .filter((d) => typeof d.values[s.key] === "number")
            .map((d) => (
              <span
                key={`${s.key}-${d.label}`}
                className="absolute size-2 -translate-x-1/2 -translate-y-1/2 rounded-full"
                style={{ left: `${x(d.label)}%`, top: `${y(d.values[s.key]!)}%`, background: s.color }}
                title={`${d.label}: ${format(d.values[s.key]!)}`}
              />
            )),
        )}
      </div>
      <span />
      <div className="relative h-5">
        {data.map((d) => (
          <span
            key={d.label}
            className="absolute top-1 -translate-x-1/2 whitespace-nowrap"
            style={{ left: `${x(d.label)}%` }}
          >
            {d.label}
          </span>
        ))}
      </div>
    </div>
  );
}

/** Shares of one series as a ring, with the legend and each share's value beside it. */
function Donut({ data, series, format }: { data: ChartDatum[]; series: Colored; format: (v: number) => string }) {
  const slices = data.filter((d) => typeof d.values[series.key] === "number" && d.values[series.key]! > 0);
  const arcs = pie<ChartDatum>()
    .sort(null)
    .value((d) => d.values[series.key]!)
    .padAngle(0.01)(slices);
  const ring = arc<(typeof arcs)[number]>().innerRadius(50).outerRadius(80);
  return (
    <div className="flex flex-wrap items-center gap-4">
      <svg viewBox="-80 -80 160 160" className="size-40 shrink-0">
        {arcs.map((a, i) => (
          <path key={a.data.label} d={ring(a) ?? ""} fill={COLORS[i % COLORS.length]}>
            <title>{`${a.data.label}: ${format(a.value)}`}</title>
          </path>
        ))}
      </svg>
      <ul className="space-y-1">
        {arcs.map((a, i) => (
          <li key={a.data.label} className="flex items-center gap-1">
            <span className="inline-block size-3 rounded-sm" style={{ background: COLORS[i % COLORS.length] }} />
            {a.data.label}: <span className="tabular-nums">{format(a.value)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
