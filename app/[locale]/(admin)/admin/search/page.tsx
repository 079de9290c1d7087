import { getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { ActionForm } from "@/components/forms/action-form-client";
import { formatDateTime } from "@/lib/time";
import { authorize } from "@/lib/auth/viewer";
import { reindexAction } from "@/lib/search/actions";
import { searchStatus } from "@/lib/search/status";
import { DOCUMENT_TYPES } from "@/lib/search/types";

export const dynamic = "force-dynamic";

/** Search index status and a full reindex (ministry administrators). */
export default async function SearchAdminPage({ params }: PageProps<"/[locale]/admin/search">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("search.manage");
  const t = await getTranslations("search");
  const status = await searchStatus(viewer);
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <div className="flex gap-4 border-b border-slate-100 py-2">
      <dt className="w-64 text-slate-600">{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
  return (
    <div className="max-w-3xl">
      <PageHeader title={t("admin.title")} description={t("admin.lead")} />
      <dl className="rounded-lg bg-white p-4 text-sm shadow-sm">
        {row(t("admin.engine"), status.health.engine, "search-engine")}
        {row(t("admin.version"), status.health.version ?? t("admin.unknown"), "search-version")}
        {row(t("admin.health"), status.health.ok ? t("admin.ok") : `${t("admin.down")}: ${status.health.error ?? ""}`)}
        {row(t("admin.documents"), status.health.documents, "search-documents")}
        {DOCUMENT_TYPES.filter((type) => status.health.byType[type]).map((type) => (
          <div key={type}>{row(`— ${t(`types.${type}`)}`, status.health.byType[type])}</div>
        ))}
        {row(t("admin.expected"), status.expected, "search-expected")}
        {row(t("admin.backlog"), status.backlog, "search-backlog")}
        {row(t("admin.lag"), t("admin.lagSeconds", { seconds: status.lagSeconds }), "search-lag")}
        {row(t("admin.failing"), status.failing)}
        {row(t("admin.lastError"), status.lastError ?? t("admin.none"))}
        {row(
          t("admin.reindexedAt"),
          status.reindexedAt ? formatDateTime(status.reindexedAt, locale) : t("admin.never"),
        )}
      </dl>
      <ActionForm
        action={reindexAction}
        submitLabel={t("admin.reindex")}
        pendingLabel={t("admin.reindexing")}
        className="mt-4"
        testId="search-reindex"
      />
    </div>
  );
}
