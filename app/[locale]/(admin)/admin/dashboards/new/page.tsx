import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { composerViews } from "@/lib/dashboards/dashboards";
import { saveDashboardAction } from "@/lib/dashboards/actions";
import { PageHeader } from "@/components/admin/page-header";
import { DashboardComposer } from "@/components/dashboards/composer-client";
import { composerProps } from "../composer-labels";

export const dynamic = "force-dynamic";

/** A new dashboard: the composer with no widgets; the first save creates it. */
export default async function NewDashboardPage({ params }: PageProps<"/[locale]/admin/dashboards/new">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("dashboards.compose");
  const t = await getTranslations("dashboards");
  const [views, props] = await Promise.all([composerViews(viewer), composerProps()]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("composer.titleNew")} link={{ href: "/admin/dashboards", label: t("composer.back") }} />
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <DashboardComposer
          action={saveDashboardAction}
          views={views}
          {...props}
          initial={{ version: 0, titleKk: "", titleRu: "", titleEn: "", widgets: [] }}
        />
      </section>
    </div>
  );
}
