import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { listFormLists } from "@/lib/reporting/forms";
import { createFormListAction } from "@/lib/reporting/actions-design";
import { PageHeader } from "@/components/admin/page-header";
import { FormListForm } from "@/components/reporting/designer-list-form";

/** The annual lists of forms (R3): one per year, approved by an order, published when ready. */
export default async function FormListsPage({ params }: PageProps<"/[locale]/admin/reporting/lists">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await authorize("reporting.design");
  const t = await getTranslations("reporting.lists");
  const format = await getFormatter();
  const lists = await listFormLists();
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
        <table className="min-w-full text-sm" data-testid="form-lists">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="bg-slate-50 text-left">
            <tr>
              <th scope="col" className="p-2">
                {t("year")}
              </th>
              <th scope="col" className="p-2">
                {t("order")}
              </th>
              <th scope="col" className="p-2">
                {t("forms")}
              </th>
              <th scope="col" className="p-2">
                {t("status")}
              </th>
            </tr>
          </thead>
          <tbody>
            {lists.length === 0 && (
              <tr>
                <td colSpan={4} className="p-4 text-center text-slate-500">
                  {t("empty")}
                </td>
              </tr>
            )}
            {lists.map((l) => (
              <tr key={l.id} className="border-t border-slate-100">
                <td className="p-2 font-medium">
                  <Link href={`/admin/reporting/lists/${l.id}`}>{l.year}</Link>
                </td>
                <td className="p-2">
                  {t("orderText", {
                    number: l.orderNumber,
                    date: format.dateTime(l.orderDate, { dateStyle: "medium" }),
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
            ))}
          </tbody>
        </table>
      </div>
      <section>
        <h2 className="mb-2 text-lg font-semibold">{t("new")}</h2>
        <FormListForm action={createFormListAction} />
      </section>
    </div>
  );
}
