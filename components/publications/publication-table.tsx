import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { PublicationTypeName } from "@/lib/publications/constants";
import { Table } from "@/components/ui/table";

type Listed = { id: string; title: string; type: PublicationTypeName; language: string };

/**
 * A list of publications (an author's own, or the review queue), or a note when there are none. The first
 * column is the title, linking to `href(row)`, over its type and language (and `detail(row)`); `children`
 * gives each row's other cells.
 */
export function PublicationTable<T extends Listed>({
  columns,
  rows,
  empty,
  rowTestId,
  href,
  detail,
  children,
}: {
  columns: string[];
  rows: readonly T[];
  empty: string;
  rowTestId: string;
  href: (row: T) => string;
  detail?: (row: T) => string;
  children: (row: T) => ReactNode;
}) {
  const t = useTranslations("publications");
  if (rows.length === 0) {
    return <p className="rounded-lg bg-white p-6 text-center text-slate-600 shadow-sm">{empty}</p>;
  }
  return (
    <Table
      look="plain"
      caption={t("form.title")}
      frameClassName="relative overflow-x-auto rounded-lg"
      columns={[t("form.title"), ...columns]}
      rows={rows}
      className="w-full rounded-lg bg-white text-sm shadow-sm"
      thClassName="p-2"
    >
      {(r) => (
        <tr key={r.id} className="border-t" data-testid={rowTestId}>
          <td className="p-2">
            <Link href={href(r)}>{r.title}</Link>
            <span className="block text-xs text-slate-500">
              {[t(`types.${r.type}`), t(`languages.${r.language as "kk"}`), detail?.(r)].filter(Boolean).join(" · ")}
            </span>
          </td>
          {children(r)}
        </tr>
      )}
    </Table>
  );
}
