import type { ReactNode } from "react";
import { FilterBar } from "./filter-bar";
import { PageHeader } from "./page-header";

/**
 * An admin list page: the heading with an optional "new" link, the search and filter bar over the URL
 * (keeping the sort; each select shows the list's current filter of its name), and the table passed as children.
 */
export function ListPage({
  title,
  description,
  create,
  list,
  searchLabel,
  selects,
  children,
}: {
  title: string;
  description?: string;
  create?: { href: string; label: string };
  list: { q: string; sort: string; dir: string; filters: Record<string, string> };
  searchLabel: string;
  selects: { name: string; label: string; options: { value: string; label: string }[] }[];
  children: ReactNode;
}) {
  return (
    <div>
      <PageHeader title={title} description={description} create={create} />
      <FilterBar
        q={list.q}
        searchLabel={searchLabel}
        keep={{ sort: list.sort, dir: list.dir }}
        selects={selects.map((s) => ({ ...s, value: list.filters[s.name] ?? "" }))}
      />
      {children}
    </div>
  );
}
