import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { ImportRun } from "@/components/import/import-run-client";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { runById } from "@/lib/import/runs";

export const dynamic = "force-dynamic";

/** One import run: progress (it survives a reload: the state is the server's), counts, report, rollback. */
export default async function ImportRunPage({ params }: PageProps<"/[locale]/admin/import/runs/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("import.use");
  const t = await getTranslations("import");
  const run = await runById(viewer, id).catch((e: unknown) => {
    if (e instanceof AppError && (e.code === "notFound" || e.code === "forbidden")) notFound();
    throw e;
  });
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return (
    <div className="space-y-6">
      <PageHeader
        title={`${t("runTitle")}: ${run.sourceName}`}
        description={t(`targets.${run.target as "organizations"}`)}
      />
      <ImportRun
        initial={{
          id: run.id,
          status: run.status,
          rowsDone: run.rowsDone,
          counts: {
            new: run.countNew,
            update: run.countUpdate,
            unchanged: run.countSame,
            duplicate: run.countDup,
            invalid: run.countInvalid,
          },
          startedAt: iso(run.startedAt),
          heartbeatAt: iso(run.heartbeatAt),
          finishedAt: iso(run.finishedAt),
          error: run.error,
        }}
      />
      <Link href="/admin/import" className="text-sky-800 underline">
        {t("back")}
      </Link>
    </div>
  );
}
