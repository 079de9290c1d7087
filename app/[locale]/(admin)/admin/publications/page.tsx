import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { PUBLICATION_STATUSES } from "@/lib/publications/constants";
import { reviewQueue } from "@/lib/publications/workflow";
import { PageHeader } from "@/components/admin/page-header";
import { PublicationTable } from "@/components/publications/publication-table";
import { formatDateTime } from "@/lib/format";

export const dynamic = "force-dynamic";

/** The editors' queue: submissions waiting for a decision (or any state). */
export default async function ReviewQueuePage({ params, searchParams }: PageProps<"/[locale]/admin/publications">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("publications.review");
  const t = await getTranslations("publications");
  const raw = (await searchParams).status;
  const status = typeof raw === "string" && (PUBLICATION_STATUSES as readonly string[]).includes(raw) ? raw : null;
  const rows = await reviewQueue(viewer, status);
  return (
    <div>
      <PageHeader title={t("review.title")} description={t("review.lead")} />
      <form method="get" className="mb-4 flex items-end gap-2 text-sm">
        <label>
          <span className="mb-1 block font-medium">{t("review.all")}</span>
          <select
            name="status"
            defaultValue={status ?? ""}
            className="rounded border border-slate-300 bg-white px-2 py-1.5"
          >
            <option value="">{t("review.waiting")}</option>
            {PUBLICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-white">
          {t("filters.apply")}
        </button>
      </form>
      <PublicationTable
        columns={[t("review.author"), t("work.status"), t("work.updated")]}
        rows={rows}
        rowTestId="queue-row"
        href={(r) => `/admin/publications/${r.id}`}
        detail={(r) => t("read.version", { version: r.revision })}
        empty={t("review.empty")}
      >
        {(r) => (
          <>
            <td className="p-2">{r.author}</td>
            <td className="p-2">{t(`statuses.${r.status}`)}</td>
            <td className="p-2 text-slate-600">{formatDateTime(r.updatedAt, locale)}</td>
          </>
        )}
      </PublicationTable>
    </div>
  );
}
