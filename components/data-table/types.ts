import type { PagerLabels } from "@/components/ui/pager";

/**
 * A serialisable column description, so server pages can describe their tables without passing
 * functions to the client. `link` cells link to `hrefKey`'s value; `badge` cells show a short label; `lines`
 * cells show long text on several lines (wrapped, one item a line) instead of widening the table.
 */
export interface ColumnSpec {
  id: string;
  header: string;
  sortable?: boolean;
  kind?: "text" | "link" | "badge" | "date" | "mono" | "lines";
  hrefKey?: string;
  align?: "left" | "right";
}

export type TableRow = Record<string, string | number | null> & { id: string };

export interface TableLabels extends PagerLabels {
  empty: string;
  pageSize: string;
  sortAscending: string;
  sortDescending: string;
}
