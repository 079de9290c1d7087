import type { ReactNode } from "react";
import { FilterBar } from "./filter-bar";
import { PageHeader } from "./page-header";

/**
 * An admin list page: the heading with an optional "new" link, the search and filter bar over the URL
 * (keeping the sort), and the table passed as children.
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
  list: { q: string; sort: string; dir: string };
  searchLabel: string;
  selects: Parameters<typeof FilterBar>[0]["selects"];
  children: ReactNode;
}) {
  return (
    <div>
      <PageHeader title={title} description={description} create={create} />
      <FilterBar q={list.q} searchLabel={searchLabel} keep={{ sort: list.sort, dir: list.dir }} selects={selects} />
      {children}
    </div>
  );
}
