import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { listFormLists } from "@/lib/reporting/forms";
import { createFormListAction } from "@/lib/reporting/actions-design";
import { PageHeader } from "@/components/admin/page-header";
import { FormListForm } from "@/components/reporting/designer-list-form";
import { Table } from "@/components/ui/table";
import { formatDate } from "@/lib/format";

/** The annual lists of forms (R3): one per year, approved by an order, published when ready. */
export default async function FormListsPage({ params }: PageProps<"/[locale]/admin/reporting/lists">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await authorize("reporting.design");
  const t = await getTranslations("reporting.lists");
  const lists = await listFormLists();
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Table
        look="compact"
        caption={t("title")}
        testId="form-lists"
        columns={[t("year"), t("order"), t("forms"), t("status")]}
        rows={lists}
        empty={t("empty")}
      >
        {(l) => (
          <tr key={l.id} className="border-t border-slate-100">
            <td className="p-2 font-medium">
              <Link href={`/admin/reporting/lists/${l.id}`}>{l.year}</Link>
            </td>
            <td className="p-2">
              {t("orderText", {
                number: l.orderNumber,
                date: formatDate(l.orderDate, locale),
              })}
            </td>
            <td className="p-2 tabular-nums">{l._count.forms}</td>
            <td className="p-2">
              <span
                className={`rounded px-2 py-0.5 text-xs font-medium ${l.status === "PUBLISHED" ? "bg-green-100 text-green-800" : "bg-slate-100 text-slate-700"}`}
              >
                {t(`statuses.${l.status}`)}
              </span>
            </td>
          </tr>
        )}
      </Table>
      <section>
        <h2 className="mb-2 text-lg font-semibold">{t("new")}</h2>
        <FormListForm action={createFormListAction} />
      </section>
    </div>
  );
}
