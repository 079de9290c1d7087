import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import {
  createCourseAction,
  createOwnCourseAction,
  createProviderAction,
  recordCompletionAction,
} from "@/lib/staff/actions";
import { COURSE_FORMATS } from "@/lib/staff/rules";
import { localName } from "@/lib/names";
import { publicUrl } from "@/lib/env";
import { ActionForm } from "@/components/forms/action-form-client";
import { FormErrors, SelectField, TextField } from "@/components/forms/fields-client";

type Named = { id: string; nameKk: string; nameRu: string; nameEn: string };

/** A provider of the catalogue: names in three languages and, optionally, its organisation (by id). */
export async function ProviderForm() {
  const t = await getTranslations("staff");
  return (
    <ActionForm action={createProviderAction} submitLabel={t("courses.addProvider")} testId="provider-form">
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="nameKk" label={t("courses.nameKk")} required maxLength={200} />
        <TextField name="nameRu" label={t("courses.nameRu")} required maxLength={200} />
        <TextField name="nameEn" label={t("courses.nameEn")} required maxLength={200} />
      </div>
      <TextField
        name="organizationId"
        label={t("courses.organizationId")}
        maxLength={60}
        hint={t("courses.organizationHint")}
      />
    </ActionForm>
  );
}

/**
 * A course of a provider: the ministry's catalogue form (`createCourseAction`) or the provider's own
 * (`createOwnCourseAction`); a run with dates and places takes applications, for one position or for every
 * pedagogue.
 */
export async function CourseForm({
  providers,
  positions,
  locale,
  own = false,
}: {
  providers: Named[];
  positions: { id: string; code: string; label: string }[];
  locale: string;
  own?: boolean;
}) {
  const t = await getTranslations("staff");
  return (
    <ActionForm
      action={own ? createOwnCourseAction : createCourseAction}
      submitLabel={t("courses.addCourse")}
      testId="course-form"
    >
      <SelectField
        name="providerId"
        label={t("courses.provider")}
        required
        options={providers.map((p) => ({ value: p.id, label: localName(p, locale) }))}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="nameKk" label={t("courses.nameKk")} required maxLength={200} />
        <TextField name="nameRu" label={t("courses.nameRu")} required maxLength={200} />
        <TextField name="nameEn" label={t("courses.nameEn")} required maxLength={200} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="hours" label={t("courses.hours")} required inputMode="numeric" defaultValue="72" />
        <SelectField
          name="format"
          label={t("courses.format")}
          required
          defaultValue="IN_PERSON"
          options={COURSE_FORMATS.map((f) => ({ value: f, label: t(`courses.formats.${f}`) }))}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="startsOn" label={t("courses.startsOn")} type="date" />
        <TextField name="endsOn" label={t("courses.endsOn")} type="date" />
        <TextField name="seats" label={t("courses.seats")} inputMode="numeric" hint={t("courses.seatsHint")} />
      </div>
      <SelectField
        name="audienceId"
        label={t("courses.audience")}
        options={[
          { value: "", label: t("courses.audienceAll") },
          ...positions.map((p) => ({ value: p.id, label: p.label })),
        ]}
      />
    </ActionForm>
  );
}

/** Records that the employee completed a course (the certificate is issued at once). */
export async function CompletionForm({
  employeeId,
  courses,
  locale,
  today,
}: {
  employeeId: string;
  courses: (Named & { hours: number; provider: Named })[];
  locale: string;
  today: string;
}) {
  const t = await getTranslations("staff");
  return (
    <ActionForm action={recordCompletionAction} submitLabel={t("courses.complete")} testId="completion-form">
      <input type="hidden" name="employeeId" value={employeeId} />
      <FormErrors names={["employeeId"]} />
      <SelectField
        name="courseId"
        label={t("courses.course")}
        required
        options={courses.map((c) => ({
          value: c.id,
          label: `${localName(c, locale)} — ${localName(c.provider, locale)} (${t("courses.hoursShort", { hours: c.hours })})`,
        }))}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="completedOn" label={t("courses.completedOn")} required type="date" defaultValue={today} />
        <TextField name="hours" label={t("courses.hours")} required inputMode="numeric" />
      </div>
    </ActionForm>
  );
}

/** An employee's course hours against the policy, and each certificate with its code and QR code. */
export async function CourseRecordView({
  record,
  locale,
}: {
  record: {
    hours: number;
    required: number;
    years: number;
    below: boolean;
    completions: {
      id: string;
      number: string;
      code: string;
      completedOn: Date;
      hours: number;
      course: Named & { provider: Named };
    }[];
  };
  locale: string;
}) {
  const t = await getTranslations("staff");
  const qrs = await Promise.all(
    record.completions.map((c) =>
      QRCode.toDataURL(publicUrl(`/${locale}/verify/certificate?code=${encodeURIComponent(c.code)}`), {
        margin: 1,
        width: 96,
      }),
    ),
  );
  return (
    <div className="space-y-2 text-sm">
      <p data-testid="course-hours">
        {t("courses.hoursLine", { hours: record.hours, years: record.years })}
        {record.below && (
          <span className="ml-2 rounded bg-amber-100 px-2 text-amber-900" data-testid="course-hours-below">
            {t("courses.below", { required: record.required })}
          </span>
        )}
      </p>
      {record.completions.length > 0 && (
        <ul className="space-y-3" data-testid="course-certificates">
          {record.completions.map((c, i) => (
            <li key={c.id} className="flex flex-wrap items-start gap-3">
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={qrs[i]} alt={t("courses.qr", { number: c.number })} width={96} height={96} />
              <span>
                <span className="font-medium">{localName(c.course, locale)}</span> —{" "}
                {localName(c.course.provider, locale)}
                <span className="block text-slate-600">
                  {c.completedOn.toISOString().slice(0, 10)} · {t("courses.hoursShort", { hours: c.hours })}
                </span>
                <span className="block font-mono text-xs">
                  {c.number} · {t("courses.code")}: <span data-testid="certificate-code">{c.code}</span>
                </span>
                <a
                  href={`/api/v1/staff/certificates/${c.id}/pdf?locale=${locale}`}
                  className="text-xs"
                  data-testid="certificate-pdf"
                  download
                >
                  {t("courses.pdf")}
                </a>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
