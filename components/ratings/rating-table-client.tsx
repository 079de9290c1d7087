"use client";

import { useMemo, useState } from "react";
import { Link } from "@/i18n/navigation";
import { formatNumber } from "@/lib/format";

/** One line of the public rating table; every text is prepared on the server (no messages in the browser). */
export interface RatingTableRow {
  key: string;
  name: string;
  href: string;
  rank: number | null;
  score: number | null;
  /** Normalised value (0..1) by indicator code. */
  sub: Record<string, number | null>;
  /** Positions gained since last year (positive = up), null when not rated last year. */
  change: number | null;
  changeLabel: string;
  interval: string;
  robust: boolean;
}

export interface RatingTableLabels {
  rank: string;
  name: string;
  score: string;
  change: string;
  interval: string;
  sortBy: string;
  notRobust: string;
  notRobustHint: string;
  excluded: string;
}

type SortKey = "rank" | "name" | "score" | "change" | `sub:${string}`;

/** The sortable table of a published rating (sorting happens in the browser; the order of ranks stays the default). */
export function RatingTable({
  rows,
  indicators,
  labels,
  locale,
}: {
  rows: RatingTableRow[];
  indicators: { code: string; name: string }[];
  labels: RatingTableLabels;
  locale: string;
}) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "rank", desc: false });
  const number = useMemo(
    () => ({ format: (v: number) => formatNumber(v, locale, { minimumFractionDigits: 3 }) }),
    [locale],
  );
  const sorted = useMemo(() => {
    const value = (r: RatingTableRow): number | string | null =>
      sort.key === "rank"
        ? r.rank
        : sort.key === "name"
          ? r.name
          : sort.key === "score"
            ? r.score
            : sort.key === "change"
              ? r.change
              : (r.sub[sort.key.slice(4)] ?? null);
    return [...rows].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x === null && y === null) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      const c = typeof x === "string" ? x.localeCompare(y as string, locale) : x - (y as number);
      return sort.desc ? -c : c;
    });
  }, [rows, sort, locale]);
  const header = (key: SortKey, label: string, numeric = true) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        className={`px-2 py-2 ${numeric ? "text-right" : "text-left"}`}
        aria-sort={active ? (sort.desc ? "descending" : "ascending") : "none"}
      >
        <button
          type="button"
          className="font-semibold hover:underline"
          title={labels.sortBy.replace("{column}", label)}
          data-testid={`sort-${key}`}
          onClick={() =>
            setSort({ key, desc: active ? !sort.desc : key === "score" || key.startsWith("sub:") || key === "change" })
          }
        >
          {label}
          {active ? (sort.desc ? " ↓" : " ↑") : ""}
        </button>
      </th>
    );
  };
  return (
    <div
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
      role="region"
      aria-label={labels.score}
      tabIndex={0}
    >
      <table className="min-w-full text-sm" data-testid="rating-table">
        <thead className="bg-slate-50">
          <tr>
            {header("rank", labels.rank)}
            {header("name", labels.name, false)}
            {header("score", labels.score)}
            {indicators.map((i) => header(`sub:${i.code}`, i.name))}
            {header("change", labels.change)}
            <th scope="col" className="px-2 py-2 text-right">
              {labels.interval}
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.key} className="border-t border-slate-100" data-testid="rating-row">
              <td className="px-2 py-1 text-right font-semibold tabular-nums" data-testid="rank">
                {r.rank ?? "—"}
              </td>
              <td className="px-2 py-1">
                <Link href={r.href} data-testid="entity-link">
                  {r.name}
                </Link>
                {r.rank === null && <span className="ml-2 text-xs text-slate-500">{labels.excluded}</span>}
              </td>
              <td className="px-2 py-1 text-right tabular-nums" data-testid="score">
                {r.score === null ? "—" : number.format(r.score)}
              </td>
              {indicators.map((i) => (
                <td key={i.code} className="px-2 py-1 text-right tabular-nums">
                  {r.sub[i.code] == null ? "—" : number.format(r.sub[i.code]!)}
                </td>
              ))}
              <td className="px-2 py-1 text-right" title={r.changeLabel}>
                <span
                  aria-hidden
                  className={
                    r.change === null
                      ? "text-slate-400"
                      : r.change > 0
                        ? "text-green-700"
                        : r.change < 0
                          ? "text-red-700"
                          : "text-slate-500"
                  }
                >
                  {r.change === null ? "•" : r.change > 0 ? `▲ ${r.change}` : r.change < 0 ? `▼ ${-r.change}` : "—"}
                </span>
                <span className="sr-only">{r.changeLabel}</span>
              </td>
              <td className="px-2 py-1 text-right tabular-nums whitespace-nowrap">
                {r.interval}
                {!r.robust && (
                  <span
                    className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-900"
                    title={labels.notRobustHint}
                    data-testid="not-robust"
                  >
                    {labels.notRobust}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
