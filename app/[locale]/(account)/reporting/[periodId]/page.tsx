import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link, redirect } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { localName } from "@/lib/names";
import { classifierOptions } from "@/lib/classifiers/queries";
import { valueSlots, type Scalar } from "@/lib/reporting/definition";
import { loadEntry, submittingOrganizations, type EntryContext } from "@/lib/reporting/entry";
import { mappingsFor } from "@/lib/reporting/prefill";
import { readPrefillRecord } from "@/lib/reporting/prefill-rules";
import { EntryForm } from "@/components/reporting/entry-client";
import { DeadlineNote } from "@/components/reporting/entry-deadline";
import { runtimeKeys } from "@/i18n/keys";
import { formatDateTime } from "@/lib/format";

/** The organisation's report for one period: fill in (autosave), upload a template, submit; read-only after. */
export default async function ReportEntryPage({ params, searchParams }: PageProps<"/[locale]/reporting/[periodId]">) {
  const { locale, periodId } = await params;
  setRequestLocale(locale);
  const viewer = await getViewer();
  if (!viewer)
    return redirect({
      href: { pathname: "/sign-in", query: { callbackUrl: `/${locale}/reporting/${periodId}` } },
      locale,
    });
  const t = await getTranslations("reporting.entry");
  const te = await getTranslations("errors");
  const ts = await getTranslations("reporting.status");
  const query = await searchParams;
  const organizations = submittingOrganizations(viewer);
  const organizationId = organizations.find((o) => o === query.org) ?? organizations[0];
  let entry: EntryContext;
  try {
    if (!organizationId) throw new AppError("forbidden", { organizationId: "reporting.notYourOrganization" });
    entry = await loadEntry(viewer, periodId, organizationId);
  } catch (error) {
    if (error instanceof AppError && error.code === "notFound") notFound();
    if (error instanceof AppError) {
      return (
        <div role="alert" className="mx-auto max-w-xl rounded-lg bg-white p-6 shadow-sm" data-testid="entry-refused">
          <h1 className="text-xl font-bold">
            {error.code === "validation" ? te("validation.summary") : te(error.code)}
          </h1>
          {Object.values(error.fieldErrors).map((k) => (
            <p key={k} className="mt-2 text-slate-700">
              {runtimeKeys(te)(k)}
            </p>
          ))}
          <Link href="/reporting" className="mt-3 inline-block">
            {t("back")}
          </Link>
        </div>
      );
    }
    throw error;
  }
  const { period, submission, version } = entry;
  const form = period.form;
  const classifiers = [
    ...new Set(
      valueSlots(version.definition).flatMap((s) => (s.type === "choice" && s.classifier ? [s.classifier] : [])),
    ),
  ];
  const choices = Object.fromEntries(
    await Promise.all(
      classifiers.map(
        async (code) =>
          [code, (await classifierOptions(code, locale)).map((o) => ({ code: o.code, label: o.label }))] as const,
      ),
    ),
  );
  const prefillAvailable = entry.editable && (await mappingsFor(form.code, version.definition)).length > 0;
  const orgQuery = organizations.length > 1 ? `&org=${organizationId}` : "";
  const template = (fmt: string) =>
    `/api/v1/reporting/template?period=${period.id}&org=${organizationId}&format=${fmt}&locale=${locale}`;
  return (
    <div className="space-y-4">
      <div>
        <Link href={`/reporting?year=${form.formList.year}${orgQuery}`} className="text-sm">
          {t("back")}
        </Link>
        <h1 className="mt-1 text-2xl font-bold">
          <span className="font-mono">{form.code}</span> — {localName(form, locale)}
        </h1>
        <p className="text-sm text-slate-600">
          {t("periodOf", { label: period.label, organization: localName(entry.organization, locale) })} ·{" "}
          {t("versionN", { number: version.number })}
        </p>
      </div>
      <dl className="grid gap-3 rounded-lg bg-white p-4 text-sm shadow-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-600">{t("deadline")}</dt>
          <dd className="font-medium">
            <DeadlineNote dueDate={period.dueDate} locale={locale} />
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("status")}</dt>
          <dd className="font-medium" data-testid="entry-status" data-status={submission?.status ?? "NONE"}>
            {ts(submission?.status ?? "NONE")}
            {submission && submission.revision > 1 && (
              <span className="ml-1 text-xs text-slate-500">{t("revision", { revision: submission.revision })}</span>
            )}
          </dd>
        </div>
        {submission?.submittedAt && (
          <div>
            <dt className="text-slate-600">{t("submittedLabel")}</dt>
            <dd className="font-medium" data-testid="submitted-on">
              {t("submittedOn", {
                date: formatDateTime(submission.submittedAt, locale),
              })}
              {submission.late && (
                <span
                  className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800"
                  data-testid="late-badge"
                >
                  {t("late")}
                </span>
              )}
            </dd>
          </div>
        )}
      </dl>
      {submission?.status === "RETURNED" && submission.returnReason && (
        <div
          role="alert"
          className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
          data-testid="return-reason"
        >
          <span className="font-medium">{t("returned")}</span> {submission.returnReason}
        </div>
      )}
      {submission?.corrected && submission.correctionReason && (
        <p className="rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
          <span className="font-medium">{t("correction")}</span> {submission.correctionReason}
        </p>
      )}
      {!entry.editable && (
        <p className="text-sm text-slate-600" data-testid="read-only-note">
          {period.closedAt && !submission ? t("periodClosed") : t("readOnly")}
        </p>
      )}
      <EntryForm
        // Not keyed by the draft's version: autosaves refresh the page and must not reset what is being typed.
        key={`${version.number}:${submission?.revision ?? 1}:${submission?.status ?? "DRAFT"}`}
        mode={entry.editable ? "edit" : "readonly"}
        definition={version.definition}
        choices={choices}
        initialValues={(submission?.values ?? {}) as Record<string, Scalar>}
        initialComments={(submission?.comments ?? {}) as Record<string, string>}
        periodId={period.id}
        organizationId={entry.organization.id}
        version={submission?.version ?? 0}
        templates={{ csv: template("csv"), xlsx: template("xlsx") }}
        prefill={{ available: prefillAvailable, record: readPrefillRecord(submission?.prefill) }}
      />
    </div>
  );
}
