import { Link } from "@/i18n/navigation";
import { pageNumbers } from "@/lib/data-table/params";
import { cx } from "./cx";

/** The pager's text in the page's locale; `page` and `total` keep their `{page}`, `{pages}`, `{total}`. */
export interface PagerLabels {
  /** The name of the navigation landmark. */
  label: string;
  previous: string;
  next: string;
  page: string;
  total: string;
}

const fill = (template: string, values: Record<string, number>) =>
  template.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));

/**
 * The one pager of every paginated list: links (so paging works without JavaScript and can be opened in a
 * new tab) to the previous and next pages and to nearby page numbers, in a navigation landmark; the current
 * page is marked with `aria-current`. `query` holds the list's other parameters (filters, sort), kept on
 * every link. `children` adds controls (a page size select) at the end.
 */
export function Pager({
  path,
  query = {},
  page,
  pages,
  total,
  labels,
  showTotal = false,
  hideWhenSingle = true,
  className,
  children,
}: {
  path: string;
  query?: Record<string, string>;
  page: number;
  pages: number;
  total?: number;
  labels: PagerLabels;
  showTotal?: boolean;
  hideWhenSingle?: boolean;
  className?: string;
  children?: React.ReactNode;
}) {
  const count = Math.max(1, pages);
  if (hideWhenSingle && count <= 1 && !children) return null;
  const current = Math.min(Math.max(1, page), count);
  const href = (p: number) => ({ pathname: path, query: { ...query, page: String(p) } });
  return (
    <nav aria-label={labels.label} className={cx("flex flex-wrap items-center gap-x-3 gap-y-2 text-sm", className)}>
      {showTotal && total !== undefined && <span className="text-slate-600">{fill(labels.total, { total })}</span>}
      <span className={cx("text-slate-600", showTotal && "sm:ml-auto")}>
        {fill(labels.page, { page: current, pages: count })}
      </span>
      {count > 1 && (
        <ul className="flex flex-wrap items-center gap-1">
          {current > 1 && (
            <li>
              <Link href={href(current - 1)} rel="prev" className="inline-block rounded px-2 py-1 hover:bg-slate-100">
                {labels.previous}
              </Link>
            </li>
          )}
          {pageNumbers(current, count).map((p, i) =>
            p === null ? (
              <li key={`gap-${i}`} aria-hidden className="px-1 text-slate-400">
                …
              </li>
            ) : (
              <li key={p}>
                <Link
                  href={href(p)}
                  aria-current={p === current ? "page" : undefined}
                  className={cx(
                    "inline-block min-w-8 rounded px-2 py-1 text-center",
                    p === current ? "bg-brand-700 text-white hover:no-underline" : "hover:bg-slate-100",
                  )}
                >
                  {p}
                </Link>
              </li>
            ),
          )}
          {current < count && (
            <li>
              <Link href={href(current + 1)} rel="next" className="inline-block rounded px-2 py-1 hover:bg-slate-100">
                {labels.next}
              </Link>
            </li>
          )}
        </ul>
      )}
      {children}
    </nav>
  );
}
