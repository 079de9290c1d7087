import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { localName } from "@/lib/names";
import { almatyDate } from "@/lib/time";
import { dueLimit, ownRecord } from "@/lib/staff/staff";
import { ownAttestation } from "@/lib/staff/attestation";
import { formatDate } from "@/lib/format";
import { ApplyAttestationForm } from "@/components/staff/attestation";
import { CourseRecordView } from "@/components/staff/courses";
import { courseRecord } from "@/lib/staff/courses";
import { ownCourseApplications } from "@/lib/staff/applications";
import { OwnCourseApplications } from "@/components/staff/applications";

export const dynamic = "force-dynamic";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

/** A person's own staff record: appointments, the category and when it expires. Never shown to anyone else here. */
export default async function OwnStaffPage({ params }: PageProps<"/[locale]/account/staff">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await getViewer();
  if (!viewer)
    return redirect({ href: { pathname: "/sign-in", query: { callbackUrl: `/${locale}/account/staff` } }, locale });
  const t = await getTranslations("staff");
  const [record, attestation, courses] = await Promise.all([
    ownRecord(viewer),
    ownAttestation(viewer),
    ownCourseApplications(viewer),
  ]);
  const today = almatyDate(new Date());
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("own.title")}</h1>
      <p className="text-sm text-slate-600">{t("own.description")}</p>
      {!record ? (
        <p className="rounded-lg bg-white p-4 shadow-sm">{t("own.none")}</p>
      ) : (
        <>
          <section className="rounded-lg bg-white p-4 shadow-sm" data-testid="own-category">
            <p className="font-medium">{t(`categories.${record.category}`)}</p>
            <p className="text-sm">
              {record.categoryExpiresOn
                ? t("own.expires", { date: day(record.categoryExpiresOn) })
                : t("card.noExpiry")}
              {record.categoryExpiresOn && day(record.categoryExpiresOn) <= dueLimit() && (
                <span className="ml-2 rounded bg-amber-100 px-2 text-amber-900">{t("card.due")}</span>
              )}
            </p>
          </section>
          {attestation && (
            <section className="rounded-lg bg-white p-4 shadow-sm" data-testid="own-attestation">
              <h2 className="mb-2 font-semibold">{t("attestation.title")}</h2>
              {attestation.open ? (
                <p className="text-sm" data-testid="attestation-open">
                  {t("attestation.openLine", {
                    category: t(`categories.${attestation.open.category}`),
                    level: t(`attestation.levels.${attestation.open.level}`),
                    date: formatDate(attestation.open.submittedAt, locale),
                  })}
                </p>
              ) : !attestation.next ? (
                <p className="text-sm">{t("attestation.topReached")}</p>
              ) : attestation.canApply ? (
                <>
                  <p className="mb-2 text-sm">
                    {t("attestation.nextLine", {
                      category: t(`categories.${attestation.next}`),
                      level: t(`attestation.levels.${attestation.level!}`),
                    })}
                  </p>
                  <ApplyAttestationForm category={attestation.next} />
                </>
              ) : (
                <p className="text-sm">
                  {t("attestation.notYet", {
                    category: t(`categories.${attestation.next}`),
                    date: attestation.eligibleFrom ?? "—",
                  })}
                </p>
              )}
              {attestation.applications.some((a) => a.status !== "SUBMITTED") && (
                <ul className="mt-3 space-y-1 text-sm" data-testid="attestation-history">
                  {attestation.applications
                    .filter((a) => a.status !== "SUBMITTED")
                    .map((a) => (
                      <li key={a.id}>
                        {t(`categories.${a.category}`)}: {t(`attestation.statuses.${a.status}`)}
                        {a.decidedAt ? ` (${formatDate(a.decidedAt, locale)})` : ""}
                        {a.award
                          ? ` — ${t("card.decision")}: ${a.award.decisionNumber}`
                          : a.reason
                            ? ` — ${a.reason}`
                            : ""}
                      </li>
                    ))}
                </ul>
              )}
            </section>
          )}
          <section className="rounded-lg bg-white p-4 shadow-sm">
            <h2 className="mb-2 font-semibold">{t("courses.title2")}</h2>
            <CourseRecordView record={await courseRecord(record.id)} locale={locale} />
          </section>
          {courses && (
            <section className="rounded-lg bg-white p-4 shadow-sm" data-testid="own-courses">
              <h2 className="mb-2 font-semibold">{t("applications.title")}</h2>
              <OwnCourseApplications data={courses} locale={locale} />
            </section>
          )}
          <section className="rounded-lg bg-white p-4 shadow-sm">
            <h2 className="mb-2 font-semibold">{t("card.appointments")}</h2>
            <ul className="space-y-2 text-sm" data-testid="own-appointments">
              {record.appointments.map((a) => (
                <li key={a.id}>
                  <span className="font-medium">{localName(a.position, locale)}</span> —{" "}
                  {localName(a.organization, locale)}
                  <span className="block text-slate-600">
                    {t(`kinds.${a.kind}`)} · {t("columns.rate")} {Number(a.rate)} · {t("columns.hours")} {a.weeklyHours}
                    {a.subjects.length ? ` · ${a.subjects.map((s) => localName(s, locale)).join(", ")}` : ""}
                  </span>
                  <span className="block font-mono text-xs text-slate-600">
                    {day(a.startDate)} — {a.endDate ? day(a.endDate) : ""}
                    {!a.endDate || day(a.endDate) >= today ? ` (${t("card.current")})` : ""}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
