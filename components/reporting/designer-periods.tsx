import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form-client";
import { FormErrors, TextField } from "@/components/forms/fields-client";
import { createPeriodAction, deletePeriodAction } from "@/lib/reporting/actions-design";
import { DeadlineNote } from "./entry-deadline";
import { formatDay } from "@/lib/format";

interface PeriodRow {
  id: string;
  label: string;
  startsOn: Date;
  endsOn: Date;
  dueDate: Date;
  deadlineAt: Date;
  closedAt: Date | null;
  _count: { submissions: number };
}

/** The reporting periods of a form with their deadlines, and the form to add one. */
export async function PeriodsPanel({
  formId,
  periods,
  locale,
}: {
  formId: string;
  periods: PeriodRow[];
  locale: string;
}) {
  const t = await getTranslations("reporting.periods");
  const tc = await getTranslations("common");
  const day = (d: Date) => formatDay(d.toISOString().slice(0, 10), locale);
  return (
    <div className="space-y-6">
      <div className="relative overflow-x-auto rounded-lg bg-white shadow-sm">
        <table className="min-w-full text-sm" data-testid="periods">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="bg-slate-50 text-left">
            <tr>
              <th scope="col" className="p-2">
                {t("label")}
              </th>
              <th scope="col" className="p-2">
                {t("span")}
              </th>
              <th scope="col" className="p-2">
                {t("dueDate")}
              </th>
              <th scope="col" className="p-2">
                {t("submissions")}
              </th>
              <th scope="col" className="p-2">
                <span className="sr-only">{tc("actions.delete")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {periods.length === 0 && (
              <tr>
                <td colSpan={5} className="p-4 text-center text-slate-500">
                  {t("empty")}
                </td>
              </tr>
            )}
            {periods.map((p) => (
              <tr key={p.id} className="border-t border-slate-100 align-top" data-period={p.label}>
                <td className="p-2 font-medium">{p.label}</td>
                <td className="p-2">{`${day(p.startsOn)} — ${day(p.endsOn)}`}</td>
                <td className="p-2">
                  <DeadlineNote dueDate={p.dueDate} locale={locale} />
                </td>
                <td className="p-2 tabular-nums">{p._count.submissions}</td>
                <td className="p-2">
                  {p._count.submissions === 0 && (
                    <ActionForm
                      action={deletePeriodAction}
                      submitLabel={tc("actions.delete")}
                      variant="secondary"
                      confirm={t("deleteConfirm", { label: p.label })}
                      className="space-y-1"
                    >
                      <input type="hidden" name="id" value={p.id} />
                      <FormErrors names={["id"]} />
                    </ActionForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section>
        <h3 className="mb-2 font-semibold">{t("new")}</h3>
        <ActionForm
          action={createPeriodAction}
          submitLabel={t("create")}
          pendingLabel={tc("state.saving")}
          testId="period-new"
          className="grid max-w-3xl gap-4 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2"
        >
          <input type="hidden" name="formId" value={formId} />
          <FormErrors names={["formId"]} />
          <TextField name="label" label={t("label")} required maxLength={60} hint={t("labelHint")} />
          <TextField name="dueDate" label={t("dueDate")} required type="date" hint={t("dueDateHint")} />
          <TextField name="startsOn" label={t("startsOn")} required type="date" />
          <TextField name="endsOn" label={t("endsOn")} required type="date" />
        </ActionForm>
      </section>
    </div>
  );
}
