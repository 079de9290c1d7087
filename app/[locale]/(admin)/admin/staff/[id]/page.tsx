import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { organizationsWith } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import { localName } from "@/lib/names";
import { almatyDate } from "@/lib/time";
import { classifierItems, dueLimit, employeeCard } from "@/lib/staff/staff";
import { PageHeader } from "@/components/admin/page-header";
import { attributeChoices, listAttributeDefinitions } from "@/lib/registry/attributes";
import type { AttributeValues } from "@/lib/registry/attribute-schemas";
import { attributeText } from "@/lib/registry/attribute-text";
import { AwardForm, EndForm, TransferForm } from "@/components/staff/forms";
import { CompletionForm, CourseRecordView } from "@/components/staff/courses";
import { catalogue, courseRecord } from "@/lib/staff/courses";

export const dynamic = "force-dynamic";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "—");

/** An employee's card: person, category and its history, the career history; the school admin's actions. */
export default async function EmployeePage({ params }: PageProps<"/[locale]/admin/staff/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { viewer, scope } = await authorize("staff.read");
  const t = await getTranslations("staff");
  const ta = await getTranslations("organizations.attributes");
  const attributeDefs = await listAttributeDefinitions(undefined, "APPOINTMENT");
  const attributeItems = await attributeChoices(attributeDefs);
  const employee = await employeeCard(scope, id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "notFound") notFound();
    throw e;
  });
  const own = organizationsWith(viewer, "staff.manage");
  const today = almatyDate(new Date());
  const current = employee.appointments.filter(
    (a) => (!a.endDate || day(a.endDate) >= today) && own.includes(a.organizationId),
  );
  const [positions, subjects] = current.length
    ? await Promise.all([classifierItems("POSITION"), classifierItems("SUBJECT")])
    : [[], []];
  const canComplete = current.length > 0 && organizationsWith(viewer, "courses.complete").length > 0;
  const [courses, providers] = await Promise.all([courseRecord(employee.id), canComplete ? catalogue() : []]);
  const offered = providers.flatMap((p) => p.courses.map((c) => ({ ...c, provider: p })));
  const p = employee.person;
  const due = employee.categoryExpiresOn !== null && day(employee.categoryExpiresOn) <= dueLimit();
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title={[p.lastName, p.firstName, p.middleName].filter(Boolean).join(" ")}
        link={{ href: "/admin/staff", label: t("card.back") }}
      />
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <dl
          className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]"
          data-testid="employee-card"
        >
          <dt className="text-slate-600">{t("card.iin")}</dt>
          <dd className="font-mono">{p.iin}</dd>
          <dt className="text-slate-600">{t("card.birthDate")}</dt>
          <dd>{day(p.birthDate)}</dd>
          <dt className="text-slate-600">{t("columns.category")}</dt>
          <dd data-testid="employee-category">{t(`categories.${employee.category}`)}</dd>
          <dt className="text-slate-600">{t("columns.expiry")}</dt>
          <dd>
            {employee.categoryExpiresOn ? day(employee.categoryExpiresOn) : t("card.noExpiry")}
            {due && <span className="ml-2 rounded bg-amber-100 px-2 text-amber-900">{t("card.due")}</span>}
          </dd>
          {employee.categoryDecision && (
            <>
              <dt className="text-slate-600">{t("card.decision")}</dt>
              <dd>{employee.categoryDecision}</dd>
            </>
          )}
          {employee.institution && (
            <>
              <dt className="text-slate-600">{t("card.education")}</dt>
              <dd>{[employee.institution, employee.specialty, employee.diplomaYear].filter(Boolean).join(", ")}</dd>
            </>
          )}
        </dl>
      </section>
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-semibold">{t("card.appointments")}</h2>
        <div className="overflow-x-auto" role="region" aria-label={t("card.appointments")} tabIndex={0}>
          <table className="w-full text-sm" data-testid="appointments">
            <thead className="border-b border-slate-200 text-left">
              <tr>
                <th className="p-2">{t("columns.organization")}</th>
                <th className="p-2">{t("columns.position")}</th>
                <th className="p-2">{t("columns.kind")}</th>
                <th className="p-2">{t("columns.rate")}</th>
                <th className="p-2">{t("columns.hours")}</th>
                <th className="p-2">{t("columns.subjects")}</th>
                <th className="p-2">{t("columns.startDate")}</th>
                <th className="p-2">{t("columns.endDate")}</th>
                {attributeDefs.length > 0 && <th className="p-2">{ta("legend")}</th>}
              </tr>
            </thead>
            <tbody>
              {employee.appointments.map((a) => (
                <tr key={a.id} className="border-b border-slate-100">
                  <td className="p-2">{localName(a.organization, locale)}</td>
                  <td className="p-2">{localName(a.position, locale)}</td>
                  <td className="p-2">{t(`kinds.${a.kind}`)}</td>
                  <td className="p-2">{Number(a.rate)}</td>
                  <td className="p-2">{a.weeklyHours}</td>
                  <td className="p-2">{a.subjects.map((s) => localName(s, locale)).join(", ")}</td>
                  <td className="p-2 font-mono text-xs whitespace-nowrap">{day(a.startDate)}</td>
                  <td className="p-2 text-xs">
                    {a.endDate ? (
                      <>
                        <span className="font-mono whitespace-nowrap">{day(a.endDate)}</span>
                        {a.endReason && <span className="block">{t(`endReasons.${a.endReason}`)}</span>}
                      </>
                    ) : (
                      t("card.current")
                    )}
                  </td>
                  {attributeDefs.length > 0 && (
                    <td className="p-2 text-xs" data-testid="appointment-attributes">
                      {attributeDefs
                        .filter((d) => (a.attributes as AttributeValues)[d.code] !== undefined)
                        .map(
                          (d) =>
                            `${localName(d, locale)}: ${attributeText(d, (a.attributes as AttributeValues)[d.code], attributeItems, locale, { yes: ta("yes"), no: ta("no") })}`,
                        )
                        .join("; ") || "—"}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-semibold">{t("card.awards")}</h2>
        {employee.awards.length === 0 ? (
          <p className="text-sm text-slate-600">{t("card.noAwards")}</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="awards">
            {employee.awards.map((a) => (
              <li key={a.id}>
                {t(`categories.${a.category}`)} — {day(a.awardedOn)}
                {a.expiresOn ? ` … ${day(a.expiresOn)}` : ""} ({t("card.decision")}: {a.decisionNumber})
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-semibold">{t("courses.title2")}</h2>
        <CourseRecordView record={courses} locale={locale} />
        {canComplete && (
          <div className="mt-4 border-t border-slate-100 pt-4">
            {offered.length ? (
              <CompletionForm employeeId={employee.id} courses={offered} locale={locale} today={today} />
            ) : (
              <p className="text-sm text-slate-600">{t("courses.noCourses")}</p>
            )}
          </div>
        )}
      </section>
      {current.map((a) => (
        <div key={a.id} className="grid gap-6 md:grid-cols-2">
          <section className="rounded-lg bg-white p-4 shadow-sm">
            <h2 className="mb-2 font-semibold">
              {t("end.title")}: {localName(a.position, locale)}
            </h2>
            <EndForm id={a.id} version={a.version} />
          </section>
          <section className="rounded-lg bg-white p-4 shadow-sm">
            <h2 className="mb-2 font-semibold">{t("transfer.title")}</h2>
            <TransferForm
              id={a.id}
              version={a.version}
              organizationId={a.organizationId}
              locale={locale}
              positions={positions}
              subjects={subjects}
            />
          </section>
        </div>
      ))}
      {current.length > 0 && (
        <section className="max-w-2xl rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-2 font-semibold">{t("award.title")}</h2>
          <AwardForm employeeId={employee.id} />
        </section>
      )}
    </div>
  );
}
