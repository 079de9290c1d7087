"use client";

import { useMemo, useTransition } from "react";
import { useSearchParams } from "next/navigation";
import {
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { Link, usePathname, useRouter } from "@/i18n/navigation";
import { PAGE_SIZES, pageCount } from "@/lib/data-table/params";
import { Pager } from "@/components/ui/pager";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ColumnSpec, TableLabels, TableRow } from "./types";

const features = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof features, TableRow>();

function apply<T>(updater: Updater<T>, previous: T): T {
  return typeof updater === "function" ? (updater as (old: T) => T)(previous) : updater;
}

/**
 * A server-paginated, server-sorted table: sorting and paging live in the URL, the server page reads them,
 * queries one page and renders this component with it. Works with the keyboard; headers announce sort.
 */
export function DataTable({
  columns,
  rows,
  total,
  page,
  pageSize,
  sort,
  dir,
  labels,
  caption,
}: {
  columns: ColumnSpec[];
  rows: TableRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: string;
  dir: "asc" | "desc";
  labels: TableLabels;
  caption?: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [pending, startTransition] = useTransition();

  const navigate = (changes: Record<string, string | number>) => {
    const next = new URLSearchParams(search.toString());
    for (const [k, v] of Object.entries(changes)) next.set(k, String(v));
    startTransition(() => router.push(`${pathname}?${next.toString()}`));
  };

  const tableColumns = useMemo(
    () =>
      helper.columns(
        columns.map((c) =>
          helper.accessor((row) => row[c.id], {
            id: c.id,
            header: c.header,
            enableSorting: Boolean(c.sortable),
            cell: (ctx) => renderCell(c, ctx.row.original),
          }),
        ),
      ),
    [columns],
  );

  const sorting: SortingState = [{ id: sort, desc: dir === "desc" }];
  const pages = pageCount(total, pageSize);

  const table = useTable({
    features,
    columns: tableColumns,
    data: rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting },
    onSortingChange: (updater) => {
      const [first] = apply(updater, sorting);
      if (first) navigate({ sort: first.id, dir: first.desc ? "desc" : "asc", page: 1 });
    },
  });

  return (
    <div className="space-y-3" aria-busy={pending}>
      <div
        className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
        role="region"
        aria-label={caption}
        tabIndex={0}
      >
        <table className={`w-full text-left text-sm ${pending ? "opacity-60" : ""}`}>
          {caption && <caption className="sr-only">{caption}</caption>}
          <thead className="bg-slate-100 text-slate-700">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const spec = columns.find((c) => c.id === header.column.id);
                  const sorted = sort === header.column.id ? dir : null;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className={`px-3 py-2 font-semibold ${spec?.align === "right" ? "text-right" : ""}`}
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={() =>
                            navigate({ sort: header.column.id, dir: sorted === "asc" ? "desc" : "asc", page: 1 })
                          }
                          className="inline-flex items-center gap-1 hover:text-brand-700"
                          title={sorted === "asc" ? labels.sortDescending : labels.sortAscending}
                        >
                          <table.FlexRender header={header} />
                          <span aria-hidden>{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-3 py-8 text-center text-slate-500">
                  {labels.empty}
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-100 hover:bg-brand-50">
                  {row.getAllCells().map((cell) => {
                    const spec = columns.find((c) => c.id === cell.column.id);
                    return (
                      <td
                        key={cell.id}
                        className={`px-3 py-2 align-top ${spec?.align === "right" ? "text-right tabular-nums" : ""}`}
                      >
                        <table.FlexRender cell={cell} />
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pager
        path={pathname}
        query={Object.fromEntries([...search.entries()].filter(([k]) => k !== "page"))}
        page={page}
        pages={pages}
        total={total}
        labels={labels}
        showTotal
        hideWhenSingle={false}
      >
        <label className="flex items-center gap-1">
          <span>{labels.pageSize}</span>
          <select
            value={pageSize}
            onChange={(e) => navigate({ pageSize: e.target.value, page: 1 })}
            className="rounded border border-slate-300 px-1 py-1"
          >
            {PAGE_SIZES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </Pager>
    </div>
  );
}

function renderCell(spec: ColumnSpec, row: TableRow) {
  const value = row[spec.id];
  if (value === null || value === undefined || value === "") return <span className="text-slate-400">—</span>;
  switch (spec.kind) {
    case "link": {
      const href = spec.hrefKey ? row[spec.hrefKey] : null;
      return typeof href === "string" ? <Link href={href}>{String(value)}</Link> : String(value);
    }
    case "badge":
      return <StatusBadge tone="neutral" label={String(value)} />;
    case "mono":
      return <span className="font-mono">{String(value)}</span>;
    case "lines":
      return <span className="block max-w-xl min-w-48 break-words whitespace-pre-line">{String(value)}</span>;
    default:
      return String(value);
  }
}
