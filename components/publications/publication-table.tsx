import type { ReactNode } from "react";
import { Link } from "@/i18n/navigation";
import { Table } from "@/components/ui/table";

/** A list of publications (an author's own, or the review queue), or a note when there are none. */
export function PublicationTable<T>({
  columns,
  rows,
  empty,
  children,
}: {
  columns: string[];
  rows: readonly T[];
  empty: string;
  children: (row: T) => ReactNode;
}) {
  if (rows.length === 0) {
    return <p className="rounded-lg bg-white p-6 text-center text-slate-600 shadow-sm">{empty}</p>;
  }
  return (
    <Table
      look="plain"
      columns={columns}
      rows={rows}
      className="w-full rounded-lg bg-white text-sm shadow-sm"
      thClassName="p-2"
    >
      {children}
    </Table>
  );
}

/** A publication's title linking to it, over its type, language and the like. */
export function PublicationTitleCell({ href, title, details }: { href: string; title: string; details: string[] }) {
  return (
    <td className="p-2">
      <Link href={href}>{title}</Link>
      <span className="block text-xs text-slate-500">{details.join(" · ")}</span>
    </td>
  );
}
