import { getTranslations } from "next-intl/server";
import { attributeFormData } from "@/lib/registry/attributes";
import { AttributeFields } from "@/components/registry/attribute-fields";
import {
  awardCategoryAction,
  endAppointmentAction,
  hireAction,
  publishVacancyAction,
  transferAction,
  withdrawVacancyAction,
} from "@/lib/staff/actions";
import { EMPLOYMENT_KINDS, END_REASONS, QUALIFICATION_CATEGORIES } from "@/lib/staff/rules";
import { localName } from "@/lib/names";
import { ActionForm } from "@/components/forms/action-form-client";
import { CheckboxField, FormErrors, SelectField, TextAreaField, TextField } from "@/components/forms/fields-client";

type Named = { id: string; nameKk: string; nameRu: string; nameEn: string };

/** Position, kind, rate, hours and subjects: the terms shared by a hire and a transfer. */
async function TermsFields({
  locale,
  positions,
  subjects,
  defaults,
}: {
  locale: string;
  positions: Named[];
  subjects: Named[];
  defaults?: { positionId?: string; weeklyHours?: number; subjectIds?: string[] };
}) {
  const t = await getTranslations("staff");
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="positionId"
          label={t("columns.position")}
          required
          defaultValue={defaults?.positionId}
          options={positions.map((p) => ({ value: p.id, label: localName(p, locale) }))}
        />
        <SelectField
          name="kind"
          label={t("columns.kind")}
          required
          defaultValue="MAIN"
          options={EMPLOYMENT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="rate"
          label={t("columns.rate")}
          required
          inputMode="decimal"
          defaultValue="1"
          hint={t("hire.rateHint")}
        />
        <TextField
          name="weeklyHours"
          label={t("columns.hours")}
          required
          inputMode="numeric"
          defaultValue={String(defaults?.weeklyHours ?? 16)}
          hint={t("hire.hoursHint")}
        />
      </div>
      <fieldset className="rounded border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">{t("columns.subjects")}</legend>
        <div className="grid gap-1 sm:grid-cols-3">
          {subjects.map((s) => (
            <CheckboxField
              key={s.id}
              name={`subject:${s.id}`}
              label={localName(s, locale)}
              defaultChecked={defaults?.subjectIds?.includes(s.id)}
            />
          ))}
        </div>
        <FormErrors names={["subjects"]} />
      </fieldset>
    </>
  );
}

/** Hires a person by IIN into the school; a vacancy given is filled (and closed) by the appointment. */
export async function HireForm({
  organizationId,
  locale,
  positions,
  subjects,
  vacancies,
  vacancyId,
}: {
  organizationId: string;
  locale: string;
  positions: Named[];
  subjects: Named[];
  vacancies: { id: string; label: string; positionId: string; subjectId: string | null; weeklyHours: number }[];
  vacancyId?: string;
}) {
  const t = await getTranslations("staff");
  const chosen = vacancies.find((v) => v.id === vacancyId);
  // the custom attributes of appointments that apply to this school's kind
  const attributes = await attributeFormData("APPOINTMENT", organizationId);
  return (
    <ActionForm action={hireAction} submitLabel={t("hire.submit")} testId="hire-form">
      <input type="hidden" name="organizationId" value={organizationId} />
      <FormErrors names={["organizationId"]} />
      <TextField name="iin" label={t("hire.iin")} required inputMode="numeric" maxLength={12} autoComplete="off" />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="lastName" label={t("hire.lastName")} maxLength={100} hint={t("hire.namesHint")} />
        <TextField name="firstName" label={t("hire.firstName")} maxLength={100} />
        <TextField name="middleName" label={t("hire.middleName")} maxLength={100} />
      </div>
      <TermsFields
        locale={locale}
        positions={positions}
        subjects={subjects}
        defaults={
          chosen
            ? {
                positionId: chosen.positionId,
                weeklyHours: chosen.weeklyHours,
                subjectIds: chosen.subjectId ? [chosen.subjectId] : [],
              }
            : undefined
        }
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="startDate" label={t("columns.startDate")} required type="date" />
        <TextField name="endDate" label={t("columns.endDate")} type="date" />
      </div>
      {vacancies.length > 0 && (
        <SelectField
          name="vacancyId"
          label={t("hire.vacancy")}
          defaultValue={chosen?.id ?? ""}
          placeholder={t("hire.noVacancy")}
          options={vacancies.map((v) => ({ value: v.id, label: v.label }))}
        />
      )}
      <AttributeFields
        defs={attributes.defs}
        choices={attributes.choices}
        values={{}}
        kindNames={new Map()}
        locale={locale}
      />
    </ActionForm>
  );
}

export async function EndForm({ id, version }: { id: string; version: number }) {
  const t = await getTranslations("staff");
  return (
    <ActionForm
      action={endAppointmentAction}
      submitLabel={t("end.submit")}
      confirm={t("end.confirm")}
      testId="end-form"
      variant="secondary"
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <FormErrors names={["id", "version"]} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="endDate" label={t("columns.endDate")} required type="date" />
        <SelectField
          name="endReason"
          label={t("columns.endReason")}
          required
          options={END_REASONS.map((r) => ({ value: r, label: t(`endReasons.${r}`) }))}
        />
      </div>
    </ActionForm>
  );
}

export async function TransferForm({
  id,
  version,
  organizationId,
  locale,
  positions,
  subjects,
}: {
  id: string;
  version: number;
  organizationId: string;
  locale: string;
  positions: Named[];
  subjects: Named[];
}) {
  const t = await getTranslations("staff");
  return (
    <ActionForm action={transferAction} submitLabel={t("transfer.submit")} testId="transfer-form" variant="secondary">
      <p className="text-sm text-slate-600">{t("transfer.hint")}</p>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="organizationId" value={organizationId} />
      <FormErrors names={["id", "version", "organizationId"]} />
      <TermsFields locale={locale} positions={positions} subjects={subjects} />
      <TextField name="startDate" label={t("columns.startDate")} required type="date" />
    </ActionForm>
  );
}

export async function AwardForm({ employeeId }: { employeeId: string }) {
  const t = await getTranslations("staff");
  return (
    <ActionForm action={awardCategoryAction} submitLabel={t("award.submit")} testId="award-form" variant="secondary">
      <p className="text-sm text-slate-600">{t("award.hint")}</p>
      <input type="hidden" name="employeeId" value={employeeId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="category"
          label={t("columns.category")}
          required
          options={QUALIFICATION_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
        />
        <TextField name="decisionNumber" label={t("card.decision")} required maxLength={60} />
        <TextField name="awardedOn" label={t("card.awardedOn")} required type="date" />
        <TextField name="expiresOn" label={t("columns.expiry")} type="date" />
      </div>
    </ActionForm>
  );
}

export async function VacancyForm({
  organizationId,
  locale,
  positions,
  subjects,
  languages,
}: {
  organizationId: string;
  locale: string;
  positions: Named[];
  subjects: Named[];
  languages: Named[];
}) {
  const t = await getTranslations("staff");
  return (
    <ActionForm action={publishVacancyAction} submitLabel={t("vacancies.publish")} testId="vacancy-form">
      <input type="hidden" name="organizationId" value={organizationId} />
      <FormErrors names={["organizationId"]} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          name="positionId"
          label={t("columns.position")}
          required
          options={positions.map((p) => ({ value: p.id, label: localName(p, locale) }))}
        />
        <SelectField
          name="subjectId"
          label={t("vacancies.subject")}
          placeholder={t("vacancies.any")}
          options={subjects.map((p) => ({ value: p.id, label: localName(p, locale) }))}
        />
        <SelectField
          name="languageId"
          label={t("vacancies.language")}
          placeholder={t("vacancies.any")}
          options={languages.map((p) => ({ value: p.id, label: localName(p, locale) }))}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="weeklyHours" label={t("columns.hours")} required inputMode="numeric" defaultValue="16" />
        <TextField name="startDate" label={t("columns.startDate")} required type="date" />
      </div>
      <TextAreaField
        name="description"
        label={t("vacancies.text")}
        required
        maxLength={2000}
        hint={t("vacancies.textHint")}
      />
    </ActionForm>
  );
}

export async function WithdrawVacancyForm({ id }: { id: string }) {
  const t = await getTranslations("staff");
  return (
    <ActionForm
      action={withdrawVacancyAction}
      submitLabel={t("vacancies.withdraw")}
      variant="secondary"
      className="inline"
    >
      <input type="hidden" name="id" value={id} />
    </ActionForm>
  );
}
