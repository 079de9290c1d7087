import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { authorize } from "@/lib/auth/viewer";
import { dashboardFor } from "@/lib/dashboards/dashboards";
import { readWidgets } from "@/lib/dashboards/widgets";
import { localName } from "@/lib/names";
import { PageHeader } from "@/components/admin/page-header";
import { DashboardView } from "@/components/dashboards/dashboard-view";
import { PrintButton } from "@/components/ui/print-button-client";
import { Link } from "@/i18n/navigation";

export const dynamic = "force-dynamic";

/** A dashboard as the signed-in administrator sees it: every widget within their own scope. */
export default async function DashboardPage({ params }: PageProps<"/[locale]/admin/dashboards/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { viewer, scope } = await authorize("dashboards.read");
  const dashboard = await dashboardFor(viewer, id);
  if (!dashboard) notFound();
  const t = await getTranslations("dashboards");
  const widgets = await readWidgets(dashboard.widgets, scope, locale as Locale, { suppressSmall: false });
  const title = localName({ nameKk: dashboard.titleKk, nameRu: dashboard.titleRu, nameEn: dashboard.titleEn }, locale);
  return (
    <div className="space-y-4">
      <PageHeader
        title={title}
        description={`${t("viewer.territory", { name: localName(dashboard.territory, locale) })} · ${t("viewer.owner", { name: dashboard.owner.displayName })}`}
        actions={
          <>
            <PrintButton label={t("viewer.print")} />
            {dashboard.ownerId === viewer.userId && (
              <Link href={`/admin/dashboards/${dashboard.id}/edit`} className="self-center text-sm print:hidden">
                {t("edit")}
              </Link>
            )}
          </>
        }
      />
      <p className="text-sm text-slate-600">{t("viewer.scopeNote")}</p>
      <DashboardView widgets={widgets} locale={locale} />
    </div>
  );
}
