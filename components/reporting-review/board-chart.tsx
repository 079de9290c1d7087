export interface BoardChartRow {
  name: string;
  accepted: number;
  inReview: number;
  returned: number;
  missing: number;
}

const SERIES = [
  { key: "accepted", colour: "bg-green-700" },
  { key: "inReview", colour: "bg-indigo-600" },
  { key: "returned", colour: "bg-amber-500" },
  { key: "missing", colour: "bg-slate-300" },
] as const;

/**
 * Stacked bars of the board's counts per territory, drawn with plain boxes (prints, and needs no script).
 * Decorative: the table below it carries the same numbers for assistive technology.
 */
export function BoardChart({
  rows,
  labels,
}: {
  rows: BoardChartRow[];
  labels: Record<(typeof SERIES)[number]["key"], string>;
}) {
  const max = Math.max(1, ...rows.map((r) => r.accepted + r.inReview + r.returned + r.missing));
  return (
    <div aria-hidden className="space-y-1">
      <div className="mb-2 flex flex-wrap gap-3 text-xs text-slate-600">
        {SERIES.map((s) => (
          <span key={s.key} className="inline-flex items-center gap-1">
            <span className={`inline-block h-3 w-3 rounded-sm ${s.colour}`} />
            {labels[s.key]}
          </span>
        ))}
      </div>
      {rows.map((r) => (
        <div key={r.name} className="flex items-center gap-2 text-xs">
          <span className="w-48 shrink-0 truncate text-right text-slate-700" title={r.name}>
            {r.name}
          </span>
          <div className="flex h-4 flex-1 overflow-hidden rounded bg-slate-50">
            {SERIES.map((s) =>
              r[s.key] > 0 ? (
                <span
                  key={s.key}
                  className={`${s.colour} h-full`}
                  style={{ width: `${(r[s.key] / max) * 100}%` }}
                  title={`${labels[s.key]}: ${r[s.key]}`}
                />
              ) : null,
            )}
          </div>
        </div>
      ))}
    </div>
  );
}
