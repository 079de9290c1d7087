import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { holds } from "@/lib/auth/scope";
import { composerViews, ownDashboard, shareableRoles } from "@/lib/dashboards/dashboards";
import {
  deleteDashboardAction,
  publishDashboardAction,
  saveDashboardAction,
  shareDashboardAction,
} from "@/lib/dashboards/actions";
import { localName } from "@/lib/names";
import { Link } from "@/i18n/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { DashboardComposer } from "@/components/dashboards/composer-client";
import { ActionForm } from "@/components/forms/action-form-client";
import { composerProps } from "../../composer-labels";

export const dynamic = "force-dynamic";

/** The owner's composer with sharing, publication (ministry and region) and deletion (after a confirmation). */
export default async function EditDashboardPage({ params }: PageProps<"/[locale]/admin/dashboards/[id]/edit">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("dashboards.compose");
  const dashboard = await ownDashboard(viewer, id);
  if (!dashboard) notFound();
  const t = await getTranslations("dashboards");
  const ta = await getTranslations("admin.roles");
  const [views, props] = await Promise.all([composerViews(viewer), composerProps()]);
  const title = localName({ nameKk: dashboard.titleKk, nameRu: dashboard.titleRu, nameEn: dashboard.titleEn }, locale);
  const territory = localName(dashboard.territory, locale);
  const card = "rounded-lg border border-slate-200 bg-white p-4 shadow-sm";
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("composer.titleEdit", { title })}
        link={{ href: `/admin/dashboards/${dashboard.id}`, label: t("open") }}
      />
      <section className={card}>
        <DashboardComposer
          action={saveDashboardAction}
          views={views}
          {...props}
          initial={{
            id: dashboard.id,
            version: dashboard.version,
            titleKk: dashboard.titleKk,
            titleRu: dashboard.titleRu,
            titleEn: dashboard.titleEn,
            widgets: dashboard.widgets,
          }}
        />
      </section>
      <div className="grid gap-4 lg:grid-cols-3">
        <section className={card} aria-labelledby="dashboard-share">
          <h2 id="dashboard-share" className="mb-2 text-lg font-semibold">
            {t("share.heading")}
          </h2>
          <ActionForm action={shareDashboardAction} submitLabel={t("share.submit")} testId="dashboard-share-form">
            <input type="hidden" name="id" value={dashboard.id} />
            <input type="hidden" name="version" value={dashboard.version} />
            <p className="text-sm text-slate-600">{t("share.hint", { territory })}</p>
            <fieldset className="space-y-1">
              <legend className="sr-only">{t("share.heading")}</legend>
              {shareableRoles(viewer).map((r) => (
                <label key={r} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name={r} defaultChecked={dashboard.sharedWith.includes(r)} />
                  {ta(r)}
                </label>
              ))}
            </fieldset>
          </ActionForm>
        </section>
        {holds(viewer, "dashboards.publish") && (
          <section className={card} aria-labelledby="dashboard-publish">
            <h2 id="dashboard-publish" className="mb-2 text-lg font-semibold">
              {t("publish.heading")}
            </h2>
            <p className="mb-2 text-sm text-slate-600" data-testid="dashboard-publication">
              {dashboard.publishedAt ? t("publish.isPublished") : t("publish.notPublished")}
            </p>
            {dashboard.publishedAt && (
              <p className="mb-2 text-sm">
                <Link href={`/statistics/dashboards/${dashboard.id}`}>{t("publish.publicLink")}</Link>
              </p>
            )}
            <ActionForm
              action={publishDashboardAction}
              submitLabel={dashboard.publishedAt ? t("publish.unpublish") : t("publish.publish")}
              confirm={dashboard.publishedAt ? undefined : t("publish.confirm")}
              variant={dashboard.publishedAt ? "secondary" : "primary"}
              testId="dashboard-publish-form"
            >
              <input type="hidden" name="id" value={dashboard.id} />
              <input type="hidden" name="version" value={dashboard.version} />
              <input type="hidden" name="publish" value={dashboard.publishedAt ? "0" : "1"} />
            </ActionForm>
          </section>
        )}
        <section className={card} aria-labelledby="dashboard-delete">
          <h2 id="dashboard-delete" className="mb-2 text-lg font-semibold">
            {t("delete.heading")}
          </h2>
          <ActionForm
            action={deleteDashboardAction}
            submitLabel={t("delete.submit")}
            confirm={t("delete.confirm")}
            variant="danger"
            testId="dashboard-delete-form"
          >
            <input type="hidden" name="id" value={dashboard.id} />
          </ActionForm>
        </section>
      </div>
    </div>
  );
}
