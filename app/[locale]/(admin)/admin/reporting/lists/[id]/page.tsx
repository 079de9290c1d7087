import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { getFormList } from "@/lib/reporting/forms";
import { publishFormListAction, updateFormListAction } from "@/lib/reporting/actions-design";
import { classifierOptions } from "@/lib/classifiers/queries";
import { localName } from "@/lib/names";
import { PageHeader } from "@/components/admin/page-header";
import { ActionForm } from "@/components/forms/action-form-client";
import { FormErrors } from "@/components/forms/fields-client";
import { FormListForm } from "@/components/reporting/designer-list-form";
import { linkButtonClass } from "@/components/ui/button";
import { Table } from "@/components/ui/table";
import { formatDate, formatDateTime } from "@/lib/format";

/** One year's list of forms: its order, its forms, and publishing it. */
export default async function FormListPage({ params }: PageProps<"/[locale]/admin/reporting/lists/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await authorize("reporting.design");
  const list = await getFormList(id);
  if (!list) notFound();
  const t = await getTranslations("reporting.lists");
  const tf = await getTranslations("reporting.forms");
  const kinds = new Map((await classifierOptions("ORG_KIND", locale)).map((k) => [k.code, k.label]));
  const published = list.status === "PUBLISHED";
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("listTitle", { year: list.year })}
        description={t("orderText", {
          number: list.orderNumber,
          date: formatDate(list.orderDate, locale),
        })}
        link={{ href: "/admin/reporting/lists", label: t("back") }}
      />
      <p className="text-sm" data-testid="list-status">
        <span
          className={`rounded px-2 py-0.5 text-xs font-medium ${published ? "bg-green-100 text-green-800" : "bg-slate-100 text-slate-700"}`}
        >
          {t(`statuses.${list.status}`)}
        </span>{" "}
        {published && list.publishedAt && t("publishedAt", { date: formatDateTime(list.publishedAt, locale) })}
      </p>

      <section>
        <div className="mb-2 flex items-end gap-3">
          <h2 className="text-lg font-semibold">{t("forms")}</h2>
          <Link
            href={`/admin/reporting/forms/new?list=${list.id}`}
            className={linkButtonClass({ size: "sm", className: "ml-auto" })}
          >
            {tf("new")}
          </Link>
        </div>
        <Table
          look="compact"
          caption={t("forms")}
          testId="list-forms"
          columns={[tf("code"), tf("name"), tf("orgKinds"), tf("periodicity"), tf("versions"), tf("periods")]}
          rows={list.forms}
          empty={tf("empty")}
        >
          {(f) => (
            <tr key={f.id} className="border-t border-slate-100">
              <td className="p-2 font-mono font-medium">
                <Link href={`/admin/reporting/forms/${f.id}`}>{f.code}</Link>
              </td>
              <td className="p-2">{localName(f, locale)}</td>
              <td className="p-2">
                {f.adHoc ? (
                  <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">
                    {tf("adHocBadge", { count: f._count.addressees })}
                  </span>
                ) : (
                  f.orgKinds.map((k) => kinds.get(k) ?? k).join(", ")
                )}
              </td>
              <td className="p-2">{tf(`periodicities.${f.periodicity}`)}</td>
              <td className="p-2 tabular-nums">{f._count.versions}</td>
              <td className="p-2 tabular-nums">{f._count.periods}</td>
            </tr>
          )}
        </Table>
      </section>

      {!published && (
        <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 className="mb-1 text-lg font-semibold">{t("publish")}</h2>
          <p className="mb-3 text-sm text-slate-600">{t("publishHint")}</p>
          <ActionForm
            action={publishFormListAction}
            submitLabel={t("publish")}
            confirm={t("publishConfirm")}
            testId="publish-list"
          >
            <input type="hidden" name="id" value={list.id} />
            <input type="hidden" name="version" value={list.version} />
            <FormErrors names={["id", "version"]} />
          </ActionForm>
        </section>
      )}

      <section>
        <h2 className="mb-2 text-lg font-semibold">{t("editOrder")}</h2>
        <FormListForm action={updateFormListAction} values={list} />
      </section>
    </div>
  );
}
