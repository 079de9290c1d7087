import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { listClassifiers } from "@/lib/classifiers/classifiers";
import { localName } from "@/lib/names";
import { PageHeader } from "@/components/admin/page-header";
import { Table } from "@/components/ui/table";

export default async function ClassifiersPage({ params }: PageProps<"/[locale]/admin/classifiers">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("classifiers.manage");
  const t = await getTranslations("classifiers");
  const classifiers = await listClassifiers(viewer);
  return (
    <div>
      <PageHeader title={t("title")} description={t("description")} />
      <Table
        caption={t("title")}
        columns={[t("name"), t("code"), { label: t("itemCount"), numeric: true }]}
        rows={classifiers}
        empty={t("empty")}
      >
        {(c) => (
          <tr key={c.id} className="border-t border-slate-100 hover:bg-brand-50">
            <td className="px-3 py-2">
              <Link href={`/admin/classifiers/${c.code}`}>{localName(c, locale)}</Link>
            </td>
            <td className="px-3 py-2 font-mono">{c.code}</td>
            <td className="px-3 py-2 text-right tabular-nums">{c._count.items}</td>
          </tr>
        )}
      </Table>
    </div>
  );
}
