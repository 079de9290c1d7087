import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { formatDateTime } from "@/lib/time";
import { localName } from "@/lib/names";
import { districtQueue } from "@/lib/services/preschool";
import { PageHeader } from "@/components/admin/page-header";
import { StatusBadge } from "@/components/services/status-badge";

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
      {rows.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-slate-600 shadow-sm">{t("districtQueue.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
          <table className="w-full text-sm" data-testid="district-queue">
            <thead className="border-b border-slate-200 text-left">
              <tr>
                <th className="p-2">{t("districtQueue.position")}</th>
                <th className="p-2">{t("preschool.district")}</th>
                <th className="p-2">{t("queue.child")}</th>
                <th className="p-2">{t("review.birthDate")}</th>
                <th className="p-2">{t("preschool.priority")}</th>
                <th className="p-2">{t("queue.submitted")}</th>
                <th className="p-2">{t("queue.filterStatus")}</th>
                <th className="p-2" />
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr
                  key={a.id}
                  data-id={a.id}
                  data-position={a.queuePosition ?? ""}
                  className="border-b border-slate-100"
                >
                  <td className="p-2 font-mono">{a.queuePosition}</td>
                  <td className="p-2">{a.territory ? localName(a.territory, locale) : ""}</td>
                  <td className="p-2">{[a.childLastName, a.childFirstName].join(" ")}</td>
                  <td className="p-2 font-mono text-xs">{a.childBirthDate.toISOString().slice(0, 10)}</td>
                  <td className="p-2">{t(`preschool.priorities.${a.priority === 1 ? 1 : 0}`)}</td>
                  <td className="p-2 font-mono text-xs">{formatDateTime(a.createdAt)}</td>
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
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
