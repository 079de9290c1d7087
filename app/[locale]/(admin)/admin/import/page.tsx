import { getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { ImportWizard } from "@/components/import/import-wizard-client";
import { Table } from "@/components/ui/table";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { importTargets, visibleRuns } from "@/lib/import/runs";
import { formatDateTime } from "@/lib/time";

export const dynamic = "force-dynamic";

/** Import from other systems: the wizard, and the runs the viewer may see with links to their progress and rollback. */
export default async function ImportPage({ params }: PageProps<"/[locale]/admin/import">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("import.use");
  const t = await getTranslations("import");
  const targets = importTargets(viewer);
  const runs = await visibleRuns(viewer);
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("lead")} />
      <ImportWizard targets={targets} databases={!!scopeOf(viewer, "import.database")} />
      <section aria-labelledby="import-history" className="space-y-2">
        <h2 id="import-history" className="text-lg font-semibold">
          {t("history")}
        </h2>
        <Table
          caption={t("history")}
          testId="import-runs"
          columns={[
            t("started"),
            t("target"),
            t("source"),
            t("status"),
            { label: t("rows"), numeric: true },
            t("open"),
          ]}
          rows={runs}
          empty={t("noRuns")}
        >
          {(r) => (
            <tr key={r.id} className="border-t border-slate-100" data-run={r.id}>
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(r.createdAt, locale)}</td>
              <td className="px-3 py-2">{t(`targets.${r.target as "organizations"}`)}</td>
              <td className="px-3 py-2 break-all">{r.sourceName}</td>
              <td className="px-3 py-2">{t(`statuses.${r.status}`)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{r.rowsDone}</td>
              <td className="px-3 py-2">
                <Link href={`/admin/import/runs/${r.id}`} className="text-sky-800 underline">
                  {t("open")}
                </Link>
              </td>
            </tr>
          )}
        </Table>
      </section>
    </div>
  );
}
