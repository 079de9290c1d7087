import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { holds } from "@/lib/auth/scope";
import { listDashboards } from "@/lib/dashboards/dashboards";
import { formatDateTime } from "@/lib/format";
import { localName } from "@/lib/names";
import { PageHeader } from "@/components/admin/page-header";
import { StatusBadge } from "@/components/ui/status-badge";

export const dynamic = "force-dynamic";

/** Dashboards the administrator composed or that were shared with their role inside its territory. */
export default async function DashboardsPage({ params }: PageProps<"/[locale]/admin/dashboards">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("dashboards.read");
  const t = await getTranslations("dashboards");
  const dashboards = await listDashboards(viewer);
  const title = (d: { titleKk: string; titleRu: string; titleEn: string }) =>
    localName({ nameKk: d.titleKk, nameRu: d.titleRu, nameEn: d.titleEn }, locale);
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={t("description")}
        create={holds(viewer, "dashboards.compose") ? { href: "/admin/dashboards/new", label: t("new") } : undefined}
      />
      {dashboards.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-sm" data-testid="dashboards">
            <caption className="sr-only">{t("title")}</caption>
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("columns.title")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("columns.owner")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("columns.status")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("columns.updated")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {dashboards.map((d) => (
                <tr key={d.id}>
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <Link href={`/admin/dashboards/${d.id}`}>{title(d)}</Link>
                    {d.ownerId === viewer.userId && (
                      <>
                        {" · "}
                        <Link href={`/admin/dashboards/${d.id}/edit`} className="text-xs">
                          {t("edit")}
                        </Link>
                      </>
                    )}
                  </th>
                  <td className="px-3 py-2">{d.owner.displayName}</td>
                  <td className="px-3 py-2">
                    <StatusBadge
                      tone={d.publishedAt ? "success" : d.sharedWith.length ? "info" : "neutral"}
                      label={t(
                        d.publishedAt ? "status.published" : d.sharedWith.length ? "status.shared" : "status.private",
                      )}
                    />
                  </td>
                  <td className="px-3 py-2 tabular-nums">{formatDateTime(d.updatedAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
