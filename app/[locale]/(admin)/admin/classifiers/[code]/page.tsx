import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { getClassifier } from "@/lib/classifiers/classifiers";
import { createClassifierItemAction } from "@/lib/classifiers/actions";
import { localName } from "@/lib/names";
import { PageHeader } from "@/components/admin/page-header";
import { ClassifierItemForm } from "@/components/classifiers/classifier-item-form";
import { Table } from "@/components/ui/table";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");

export default async function ClassifierPage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/classifiers/[code]">) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("classifiers.manage");
  const classifier = await getClassifier(viewer, code);
  if (!classifier) notFound();
  const t = await getTranslations("classifiers");
  const tc = await getTranslations("common");
  const { added } = await searchParams;
  return (
    <div className="space-y-6">
      <PageHeader
        title={localName(classifier, locale)}
        description={`${t("code")}: ${classifier.code}`}
        link={{ href: "/admin/classifiers", label: tc("actions.back") }}
      />
      {typeof added === "string" && (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-2 text-sm text-green-800">
          {t("added", { code: added })}
        </p>
      )}
      <Table
        caption={t("items")}
        testId="classifier-items"
        columns={[
          t("code"),
          t("nameKk"),
          t("nameRu"),
          t("nameEn"),
          { label: t("sortOrder"), numeric: true },
          t("validFrom"),
          t("validTo"),
          { label: tc("actions.edit"), hiddenLabel: true },
        ]}
        rows={classifier.items}
        empty={t("noItems")}
      >
        {(item) => (
          <tr key={item.id} className="border-t border-slate-100 hover:bg-brand-50" data-testid={`item-${item.code}`}>
            <td className="px-3 py-2 font-mono">{item.code}</td>
            <td className="px-3 py-2" lang="kk">
              {item.nameKk}
            </td>
            <td className="px-3 py-2" lang="ru">
              {item.nameRu}
            </td>
            <td className="px-3 py-2" lang="en">
              {item.nameEn}
            </td>
            <td className="px-3 py-2 text-right tabular-nums">{item.sortOrder}</td>
            <td className="px-3 py-2 whitespace-nowrap">{day(item.validFrom)}</td>
            <td className="px-3 py-2 whitespace-nowrap">{day(item.validTo)}</td>
            <td className="px-3 py-2">
              <Link
                href={`/admin/classifiers/${classifier.code}/items/${item.id}`}
                aria-label={t("editItem", { code: item.code })}
              >
                {tc("actions.edit")}
              </Link>
            </td>
          </tr>
        )}
      </Table>
      <section aria-labelledby="new-item">
        <h2 id="new-item" className="mb-2 text-lg font-semibold">
          {t("addItem")}
        </h2>
        <ClassifierItemForm action={createClassifierItemAction} classifier={classifier.code} />
      </section>
    </div>
  );
}
