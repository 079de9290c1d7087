import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { listPackages } from "@/lib/packages/packages";
import { localName } from "@/lib/names";
import { PageHeader } from "@/components/admin/page-header";
import { Pager } from "@/components/ui/pager";
import { pagerLabels } from "@/components/ui/pager-labels";
import { pageCount, parsePage } from "@/lib/data-table/params";

export default async function PackagesPage({ params, searchParams }: PageProps<"/[locale]/admin/packages">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("packages.manage");
  const sp = await searchParams;
  const page = parsePage(sp);
  const t = await getTranslations("packages");
  const { rows, total, size } = await listPackages(viewer, { page });
  const pages = pageCount(total, size);
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("list.title")}
        description={t("list.description")}
        actions={
          <Link href="/admin/packages/keys" className="text-sm">
            {t("keys.title")}
          </Link>
        }
      />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-left text-sm" data-testid="packages">
          <caption className="sr-only">{t("list.title")}</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t("list.receivedAt")}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t("list.sender")}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t("list.form")}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t("list.verdict")}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-semibold">
                {t("list.size")}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t("list.original")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-3 py-8 text-center text-slate-500">
                  {t("list.empty")}
                </td>
              </tr>
            ) : (
              rows.map((p) => (
                <tr key={p.id} className="border-t border-slate-100 hover:bg-brand-50" data-testid={`package-${p.id}`}>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <Link href={`/admin/packages/${p.id}`}>
                      {p.receivedAt.toISOString().replace("T", " ").slice(0, 19)}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    {localName(p.organization, locale)}{" "}
                    <span className="font-mono text-xs text-slate-500">{p.organization.bin}</span>
                  </td>
                  <td className="px-3 py-2 font-mono">
                    {p.formCode} · {p.periodLabel}
                  </td>
                  <td className="px-3 py-2">{t(`verdict.${p.verdict}`)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{p.size}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <a href={`/api/v1/packages/${p.id}/original`}>{t("list.download")}</a>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <Pager
        path="/admin/packages"
        page={page}
        pages={pages}
        total={total}
        showTotal
        hideWhenSingle={false}
        labels={await pagerLabels()}
      />
    </div>
  );
}
