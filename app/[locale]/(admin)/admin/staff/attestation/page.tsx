import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { localName } from "@/lib/names";
import { almatyDate } from "@/lib/time";
import { formatDate } from "@/lib/format";
import { commissionLevels, commissionQueue } from "@/lib/staff/attestation";
import { attestationQuery } from "@/lib/staff/schemas";
import { PageHeader } from "@/components/admin/page-header";
import { Pager } from "@/components/ui/pager";
import { pagerLabels } from "@/components/ui/pager-labels";
import { AwardDecisionForm, RefuseDecisionForm } from "@/components/staff/attestation";

export const dynamic = "force-dynamic";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");

/**
 * The attestation commission's queue: the open applications of the viewer's level and territory, oldest first,
 * each with the award (decision number and date) and refusal (reason) forms; the decided ones on a second tab.
 */
export default async function AttestationQueuePage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/staff/attestation">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("staff.attest");
  const raw = await searchParams;
  const query = attestationQuery.parse({
    status: typeof raw.status === "string" ? raw.status : undefined,
    page: typeof raw.page === "string" ? raw.page : undefined,
  });
  const t = await getTranslations("staff");
  const [queue, labels] = await Promise.all([commissionQueue(viewer, query), pagerLabels()]);
  const today = almatyDate(new Date());
  const levels = commissionLevels(viewer);
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title={t("attestation.queueTitle")}
        description={t("attestation.queueDescription", {
          levels: levels.map((l) => t(`attestation.levels.${l}`)).join(", "),
        })}
      />
      <nav aria-label={t("attestation.tabs")} className="flex gap-4 text-sm">
        {(["open", "decided"] as const).map((s) => (
          <Link
            key={s}
            href={{ pathname: "/admin/staff/attestation", query: { status: s } }}
            aria-current={query.status === s ? "page" : undefined}
            className={query.status === s ? "font-semibold underline" : "underline"}
          >
            {t(`attestation.tab.${s}`)}
          </Link>
        ))}
      </nav>
      {queue.rows.length === 0 ? (
        <p className="rounded-lg bg-white p-4 text-sm text-slate-600 shadow-sm">{t("attestation.empty")}</p>
      ) : (
        <ul className="space-y-4" data-testid="attestation-queue">
          {queue.rows.map((a) => {
            const p = a.employee.person;
            const name = [p.lastName, p.firstName, p.middleName].filter(Boolean).join(" ");
            return (
              <li key={a.id} className="rounded-lg bg-white p-4 shadow-sm" data-status={a.status}>
                <h2 className="font-semibold">
                  <Link href={`/admin/staff/${a.employee.id}`}>{name}</Link>
                </h2>
                <p className="text-sm text-slate-700">
                  {localName(a.organization, locale)} · {t(`categories.${a.fromCategory}`)} →{" "}
                  <strong>{t(`categories.${a.category}`)}</strong> · {t(`attestation.levels.${a.level}`)}
                </p>
                <p className="text-xs text-slate-600">
                  {t("attestation.submitted", { date: formatDate(a.submittedAt, locale) })}
                  {a.employee.categoryAwardedOn &&
                    ` · ${t("attestation.currentSince", { date: day(a.employee.categoryAwardedOn) })}`}
                </p>
                {a.status === "SUBMITTED" ? (
                  <div className="mt-3 grid gap-4 md:grid-cols-2">
                    <AwardDecisionForm id={a.id} today={today} />
                    <RefuseDecisionForm id={a.id} />
                  </div>
                ) : (
                  <p className="mt-2 text-sm">
                    <span className="rounded bg-slate-100 px-2">{t(`attestation.statuses.${a.status}`)}</span>{" "}
                    {a.award
                      ? `${t("card.decision")}: ${a.award.decisionNumber} (${day(a.award.awardedOn)})`
                      : a.reason}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Pager
        path="/admin/staff/attestation"
        query={{ status: query.status }}
        page={queue.page}
        pages={Math.ceil(queue.total / queue.pageSize)}
        total={queue.total}
        labels={labels}
        showTotal
      />
    </div>
  );
}
