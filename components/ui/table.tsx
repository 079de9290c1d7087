import type { ReactNode } from "react";
import { cx } from "./cx";

/**
 * A column heading: its label (or a label only screen readers hear) and whether its values are numbers; a
 * plain string is a label alone.
 */
export type TableColumn = {
  label: ReactNode;
  /** Right-aligned, for numbers. */
  numeric?: boolean;
  /** The label is read by screen readers only (an actions column). */
  hiddenLabel?: boolean;
  key?: string;
};

/**
 * How a table looks: `framed` stands alone in a bordered card with a shaded heading row, `compact` is a
 * lighter card, `plain` sits inside a card of its own. Each scrolls sideways in its own frame on a narrow screen.
 */
export type TableLook = "framed" | "compact" | "plain";

const looks: Record<TableLook, { frame?: string; table: string; head: string; th: string; empty: string }> = {
  framed: {
    frame: "relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm",
    table: "w-full text-left text-sm",
    head: "bg-slate-100 text-slate-700",
    th: "px-3 py-2 font-semibold",
    empty: "px-3 py-8 text-center text-slate-500",
  },
  compact: {
    frame: "relative overflow-x-auto rounded-lg bg-white shadow-sm",
    table: "min-w-full text-sm",
    head: "bg-slate-50 text-left",
    th: "p-2",
    empty: "p-4 text-center text-slate-500",
  },
  plain: {
    frame: "relative overflow-x-auto",
    table: "min-w-full text-sm",
    head: "text-left text-slate-600",
    th: "py-1 pr-3",
    empty: "py-4 text-center text-slate-500",
  },
};

/**
 * A data table with a caption and column headings (`scope="col"`); each row comes from `children(row, index)`,
 * which returns the `<tr>` with its key. With `empty`, no rows show one full-width row saying so.
 */
export function Table<T>({
  caption,
  columns,
  rows,
  children,
  empty,
  look = "framed",
  testId,
  frameClassName,
  className,
  headClassName,
  thClassName,
}: {
  /** Read by screen readers only; a visible heading belongs to the surrounding section. */
  caption?: string;
  columns: readonly (TableColumn | string)[];
  rows: readonly T[];
  children: (row: T, index: number) => ReactNode;
  empty?: ReactNode;
  look?: TableLook;
  testId?: string;
  /** Replaces the look's frame around the table (a scroll box, or none with ""). */
  frameClassName?: string;
  /** Replaces the look's classes of the table. */
  className?: string;
  /** Replaces the look's classes of the heading row group. */
  headClassName?: string;
  /** Replaces the look's padding of the headings. */
  thClassName?: string;
}) {
  const l = looks[look];
  const table = (
    <table className={className ?? l.table} data-testid={testId}>
      {caption && <caption className="sr-only">{caption}</caption>}
      <thead className={headClassName ?? l.head}>
        <tr>
          {columns.map((column, i) => {
            const c = typeof column === "string" ? { label: column } : column;
            return (
              <th key={c.key ?? i} scope="col" className={cx(thClassName ?? l.th, c.numeric && "text-right")}>
                {c.hiddenLabel ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && empty ? (
          <tr>
            <td colSpan={columns.length} className={l.empty}>
              {empty}
            </td>
          </tr>
        ) : (
          rows.map((row, index) => children(row, index))
        )}
      </tbody>
    </table>
  );
  const frame = frameClassName ?? l.frame;
  if (!frame) return table;
  // a frame that scrolls is a named region reachable with the keyboard, so its hidden columns can be scrolled to
  return /overflow/.test(frame) ? (
    <div className={frame} role="region" aria-label={caption} tabIndex={0}>
      {table}
    </div>
  ) : (
    <div className={frame}>{table}</div>
  );
}
