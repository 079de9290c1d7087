import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link, redirect } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { myPublications } from "@/lib/publications/workflow";
import { Notice } from "@/components/ui/notice";
import { PublicationTable } from "@/components/publications/publication-table";
import { PageHeading } from "@/components/ui/page-heading";
import { formatDateTime } from "@/lib/format";

/** The author's workspace: drafts, submissions, the editors' last remark on each. */
export default async function MyPublicationsPage({ params }: PageProps<"/[locale]/account/publications">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await getViewer();
  if (!viewer)
    return redirect({
      href: { pathname: "/sign-in", query: { callbackUrl: `/${locale}/account/publications` } },
      locale,
    });
  const t = await getTranslations("publications");
  const tc = await getTranslations("errors");
  if (!scopeOf(viewer, "publications.write")) return <Notice>{tc("forbidden")}</Notice>;
  const rows = await myPublications(viewer);
  return (
    <div className="max-w-5xl space-y-4">
      <PageHeading title={t("work.title")} lead={t("work.lead")}>
        <Link
          href="/account/publications/new"
          className="rounded bg-brand-700 px-3 py-2 text-sm text-white no-underline hover:no-underline"
          data-testid="new-publication"
        >
          {t("work.new")}
        </Link>
      </PageHeading>
      <PublicationTable
        columns={[t("work.status"), t("work.lastRemark"), t("work.updated")]}
        rows={rows}
        rowTestId="my-publication"
        href={(r) => `/account/publications/${r.id}`}
        empty={t("work.empty")}
      >
        {(r) => (
          <>
            <td className="p-2" data-testid="my-publication-status">
              {t(`statuses.${r.status}`)}
            </td>
            <td className="p-2 text-slate-700">{r.lastRemark?.text || "—"}</td>
            <td className="p-2 text-slate-600">{formatDateTime(r.updatedAt, locale)}</td>
          </>
        )}
      </PublicationTable>
    </div>
  );
}
