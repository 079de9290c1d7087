import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { listClassifiers } from "@/lib/classifiers/classifiers";
import { localName } from "@/lib/names";
import { PageHeader } from "@/components/admin/page-header";

export default async function ClassifiersPage({ params }: PageProps<"/[locale]/admin/classifiers">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("classifiers.manage");
  const t = await getTranslations("classifiers");
  const classifiers = await listClassifiers(viewer);
  return (
    <div>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t("name")}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t("code")}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-semibold">
                {t("itemCount")}
              </th>
            </tr>
          </thead>
          <tbody>
            {classifiers.length === 0 ? (
              <tr>
                <td colSpan={3} className="px-3 py-8 text-center text-slate-500">
                  {t("empty")}
                </td>
              </tr>
            ) : (
              classifiers.map((c) => (
                <tr key={c.id} className="border-t border-slate-100 hover:bg-brand-50">
                  <td className="px-3 py-2">
                    <Link href={`/admin/classifiers/${c.code}`}>{localName(c, locale)}</Link>
                  </td>
                  <td className="px-3 py-2 font-mono">{c.code}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{c._count.items}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
