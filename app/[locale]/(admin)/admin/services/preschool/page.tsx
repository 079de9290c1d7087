import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { formatDateTime } from "@/lib/time";
import { localName } from "@/lib/names";
import { districtQueue } from "@/lib/services/preschool";
import { PageHeader } from "@/components/admin/page-header";
import { StatusBadge } from "@/components/services/status-badge";
import { QueueTable } from "@/components/services/queue-table";

export const dynamic = "force-dynamic";

/** The preschool queue of the districts in the viewer's scope, in queue order, with the places offered. */
export default async function PreschoolQueuePage({ params }: PageProps<"/[locale]/admin/services/preschool">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("services.process");
  const t = await getTranslations("services");
  const rows = await districtQueue(viewer);
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/admin/services">{t("review.back")}</Link>
      </p>
      <PageHeader title={t("districtQueue.title")} description={t("districtQueue.intro")} />
      <QueueTable
        empty={t("districtQueue.empty")}
        testId="district-queue"
        columns={[
          t("districtQueue.position"),
          t("preschool.district"),
          t("queue.child"),
          t("review.birthDate"),
          t("preschool.priority"),
          t("queue.submitted"),
          t("queue.filterStatus"),
          "",
        ]}
        rows={rows}
      >
        {(a) => (
          <tr key={a.id} data-id={a.id} data-position={a.queuePosition ?? ""} className="border-b border-slate-100">
            <td className="p-2 font-mono">{a.queuePosition}</td>
            <td className="p-2">{a.territory ? localName(a.territory, locale) : ""}</td>
            <td className="p-2">{[a.childLastName, a.childFirstName].join(" ")}</td>
            <td className="p-2 font-mono text-xs">{a.childBirthDate.toISOString().slice(0, 10)}</td>
            <td className="p-2">{t(`preschool.priorities.${a.priority === 1 ? 1 : 0}`)}</td>
            <td className="p-2 font-mono text-xs">{formatDateTime(a.createdAt, locale)}</td>
            <td className="p-2">
              <StatusBadge status={a.status} label={t(`status.${a.status}`)} />
              {a.status === "OFFERED" && a.targetOrganization && (
                <span className="ml-2 text-xs text-slate-600">{localName(a.targetOrganization, locale)}</span>
              )}
            </td>
            <td className="p-2">
              <Link href={`/admin/services/${a.id}`} data-testid="open-application">
                {t("queue.view")}
              </Link>
            </td>
          </tr>
        )}
      </QueueTable>
    </div>
  );
}
