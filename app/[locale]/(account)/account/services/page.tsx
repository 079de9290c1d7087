import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link, redirect } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { formatDate, formatDateTime } from "@/lib/time";
import { localName } from "@/lib/names";
import { myApplications } from "@/lib/services/applications";
import { eligibleStudents } from "@/lib/services/certificates";
import { answerInformationAction, answerOfferAction, requestCertificateAction } from "@/lib/services/actions";
import { LANGUAGES } from "@/lib/services/schemas";
import { ActionForm } from "@/components/forms/action-form-client";
import { SelectField, TextField } from "@/components/forms/fields-client";
import { StatusBadge } from "@/components/services/status-badge";

import { ServicesForbidden } from "@/components/services/application-parts";

export const dynamic = "force-dynamic";

/** The signed-in parent's (or student's) applications and documents, and the certificate request. */
export default async function MyServicesPage({ params }: PageProps<"/[locale]/account/services">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await getViewer();
  if (!viewer)
    return redirect({ href: { pathname: "/sign-in", query: { callbackUrl: `/${locale}/account/services` } }, locale });
  const t = await getTranslations("services");
  if (!scopeOf(viewer, "services.apply")) {
    return <ServicesForbidden />;
  }
  const [applications, students] = await Promise.all([myApplications(viewer), eligibleStudents(viewer)]);
  const appliesForChild = Boolean(scopeOf(viewer, "services.applyForChild"));
  return (
    <div className="max-w-4xl space-y-6">
      <div className="flex flex-wrap items-end gap-3">
        <h1 className="text-2xl font-bold">{t("my.title")}</h1>
        <Link href="/services" className="ml-auto text-sm">
          {t("title")}
        </Link>
      </div>

      <section id="certificate" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-3 text-lg font-semibold">{t("my.certificateTitle")}</h2>
        {students.length === 0 ? (
          <p className="text-slate-600">{t("my.noStudents")}</p>
        ) : (
          <ActionForm
            action={requestCertificateAction}
            submitLabel={t("my.request")}
            testId="certificate-form"
            className="grid items-end gap-3 sm:grid-cols-[1fr_12rem_auto]"
          >
            <SelectField
              name="studentId"
              label={t("my.student")}
              required
              options={students.map((s) => ({
                value: s.id,
                label: [s.lastName, s.firstName, s.middleName].filter(Boolean).join(" "),
              }))}
            />
            <SelectField
              name="language"
              label={t("my.language")}
              required
              defaultValue={LANGUAGES.includes(locale as "kk") ? locale : "kk"}
              options={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            />
          </ActionForm>
        )}
        {appliesForChild && (
          <p className="mt-4 flex flex-wrap gap-x-6 gap-y-2 text-sm">
            <Link href="/account/services/first-grade" data-testid="first-grade-link">
              {t("my.firstGradeLink")}
            </Link>
            <Link href="/account/services/transfer" data-testid="transfer-link">
              {t("my.transferLink")}
            </Link>
            <Link href="/account/services/preschool" data-testid="preschool-link">
              {t("my.preschoolLink")}
            </Link>
          </p>
        )}
      </section>

      <section>
        {applications.length === 0 ? (
          <p className="rounded-lg bg-white p-6 text-slate-600 shadow-sm">{t("my.empty")}</p>
        ) : (
          <ul className="space-y-3" data-testid="my-applications">
            {applications.map((a) => (
              <li key={a.id} data-status={a.status} data-kind={a.kind} className="rounded-lg bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-center gap-3">
                  <h3 className="font-semibold">{t(`catalogue.${a.kind}.name`)}</h3>
                  <StatusBadge status={a.status} label={t(`status.${a.status}`)} />
                  <span className="ml-auto text-xs text-slate-500">
                    {t("my.submitted", { date: formatDate(a.createdAt, locale) })}
                  </span>
                </div>
                <p className="mt-1 text-sm text-slate-700">
                  {t("my.forChild", {
                    name: [a.childLastName, a.childFirstName, a.childMiddleName].filter(Boolean).join(" "),
                  })}
                  {/* a preschool application is to the district's queue (shown below), not to its department */}
                  {a.kind === "PRESCHOOL" ? "" : ` · ${localName(a.organization, locale)}`}
                  {a.admissionYear ? ` · ${t("my.admissionYear", { year: a.admissionYear })}` : ""}
                  {a.kind === "TRANSFER" && a.targetOrganization
                    ? ` → ${localName(a.targetOrganization, locale)}${a.targetGrade ? ` · ${t("my.targetGrade", { grade: a.targetGrade })}` : ""}`
                    : ""}
                  {a.kind === "PRESCHOOL" && a.territory ? ` · ${localName(a.territory, locale)}` : ""}
                </p>
                {a.kind === "PRESCHOOL" && a.queuePosition !== null && (
                  <p className="mt-1 text-sm" data-testid="queue-position" data-position={a.queuePosition}>
                    <strong>{t("my.position", { position: a.queuePosition })}</strong>
                    {a.previousPosition !== null && a.previousPosition !== a.queuePosition && (
                      <span className="ml-2 text-slate-600" data-testid="queue-previous">
                        {t("my.positionWas", { position: a.previousPosition })}
                      </span>
                    )}
                  </p>
                )}
                {a.kind === "PRESCHOOL" && a.targetOrganization && (
                  <p className="mt-1 text-sm" data-testid="offered-kindergarten">
                    {t(a.status === "ISSUED" ? "my.placeIssued" : "my.placeOffered", {
                      kindergarten: localName(a.targetOrganization, locale),
                    })}
                    {a.status === "OFFERED" && a.offerExpiresAt
                      ? ` ${t("my.answerBy", { date: formatDateTime(a.offerExpiresAt, locale) })}`
                      : ""}
                  </p>
                )}
                {a.reason && <p className="mt-1 text-sm text-red-800">{t("my.reason", { reason: a.reason })}</p>}
                {a.certificate && (
                  <p className="mt-2 flex flex-wrap items-center gap-4 text-sm">
                    <span className="font-mono" data-testid="certificate-number">
                      {a.certificate.number}
                    </span>
                    <span data-testid="certificate-code">{t("my.code", { code: a.certificate.code })}</span>
                    <a
                      href={`/api/v1/services/certificates/${a.certificate.id}/pdf`}
                      data-testid="certificate-download"
                      className="rounded border border-slate-300 px-3 py-1 no-underline hover:bg-slate-100"
                    >
                      {t("my.download")}
                    </a>
                  </p>
                )}
                {!["APPROVED", "REFUSED", "ISSUED"].includes(a.status) &&
                  !(a.kind === "PRESCHOOL" && a.status !== "OFFERED") && (
                    <p className="mt-1 text-xs text-slate-500">{t("my.due", { date: formatDate(a.dueAt, locale) })}</p>
                  )}
                <details className="mt-2 text-sm">
                  <summary className="cursor-pointer text-slate-600">{t("my.timeline")}</summary>
                  <ol className="mt-2 space-y-1 border-l border-slate-200 pl-3">
                    {a.events.map((e, i) => (
                      <li key={i}>
                        <span className="font-mono text-xs text-slate-500">{formatDateTime(e.at, locale)}</span>{" "}
                        {t(`status.${e.status}`)}
                        {e.note ? ` — ${e.note}` : ""}
                      </li>
                    ))}
                  </ol>
                </details>
                {a.status === "OFFERED" && (
                  <div className="mt-3 flex flex-wrap gap-3" data-testid="offer-answer">
                    {(["yes", "no"] as const).map((answer) => (
                      <ActionForm
                        key={answer}
                        action={answerOfferAction}
                        submitLabel={t(answer === "yes" ? "my.acceptPlace" : "my.declinePlace")}
                        testId={`offer-${answer}`}
                      >
                        <input type="hidden" name="applicationId" value={a.id} />
                        <input type="hidden" name="version" value={a.version} />
                        <input type="hidden" name="accept" value={answer} />
                      </ActionForm>
                    ))}
                  </div>
                )}
                {a.status === "NEEDS_INFO" && (
                  <ActionForm action={answerInformationAction} submitLabel={t("my.answer")} className="mt-3 space-y-2">
                    <input type="hidden" name="applicationId" value={a.id} />
                    <input type="hidden" name="version" value={a.version} />
                    <TextField name="note" label={t("my.answerLabel")} required maxLength={1000} />
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
