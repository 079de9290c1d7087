import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { pendingBudgetLines, pendingChanges } from "@/lib/passport/passport";
import { BudgetHistory } from "@/components/passport/budget-history";
import { decideChangeAction } from "@/lib/passport/actions";
import { formatDateTime, formatNumber } from "@/lib/format";
import { localName } from "@/lib/names";
import { PageHeader } from "@/components/admin/page-header";
import { ConditionBadge } from "@/components/passport/tabs";
import { ActionForm } from "@/components/forms/action-form-client";
import { TextField } from "@/components/forms/fields-client";

export const dynamic = "force-dynamic";

/** The district admin's queue: pending changes of capacity or condition, each beside the version in force. */
/** Confirm, or reject with a note, one pending change (`kind` "budget" for a budget line). */
function Decision({
  id,
  kind,
  testId,
  labels,
}: {
  id: string;
  kind?: "budget";
  testId: string;
  labels: { confirm: string; reject: string; note: string };
}) {
  const hidden = (decision: "CONFIRMED" | "REJECTED") => (
    <>
      <input type="hidden" name="id" value={id} />
      {kind && <input type="hidden" name="kind" value={kind} />}
      <input type="hidden" name="decision" value={decision} />
    </>
  );
  return (
    <div className="flex flex-wrap items-end gap-4">
      <ActionForm
        action={decideChangeAction}
        submitLabel={labels.confirm}
        testId={`confirm-${testId}`}
        className="flex items-end gap-2"
      >
        {hidden("CONFIRMED")}
      </ActionForm>
      <ActionForm
        action={decideChangeAction}
        submitLabel={labels.reject}
        variant="secondary"
        testId={`reject-${testId}`}
        className="flex flex-wrap items-end gap-2"
      >
        {hidden("REJECTED")}
        <TextField name="note" label={labels.note} maxLength={500} />
      </ActionForm>
    </div>
  );
}

export default async function PassportQueuePage({ params }: PageProps<"/[locale]/admin/passport/queue">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("passport.confirm");
  const t = await getTranslations("passport");
  const [queue, budget] = await Promise.all([pendingChanges(viewer), pendingBudgetLines(viewer)]);
  const money = (v: number) => formatNumber(v, locale);
  const labels = { confirm: t("queue.confirm"), reject: t("queue.reject"), note: t("queue.note") };
  return (
    <div className="space-y-4">
      <PageHeader title={t("queue.title")} description={t("queue.description")} />
      {queue.length === 0 && <p className="rounded-lg bg-white p-6 text-slate-600 shadow-sm">{t("queue.empty")}</p>}
      {queue.map((c) => (
        <section
          key={c.id}
          aria-labelledby={`change-${c.id}`}
          className="space-y-3 rounded-lg bg-white p-4 shadow-sm"
          data-testid="pending-change"
          data-bin={c.organization.bin}
        >
          <h2 id={`change-${c.id}`} className="font-semibold">
            {localName(c.organization, locale)} · {t("buildings.building", { number: c.number })}
            {!c.current && ` · ${t("queue.newBuilding")}`}
          </h2>
          <p className="text-sm text-slate-600">
            {c.createdBy.displayName} · {formatDateTime(c.createdAt, locale)} · {c.address}
          </p>
          <div className="overflow-x-auto" role="region" aria-labelledby={`change-${c.id}`} tabIndex={0}>
            <table className="text-sm">
              <thead className="text-left">
                <tr>
                  <th className="p-2" />
                  <th className="p-2">{t("queue.current")}</th>
                  <th className="p-2">{t("queue.proposed")}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row" className="p-2 text-left font-normal text-slate-600">
                    {t("fields.capacity")}
                  </th>
                  <td className="p-2 tabular-nums">{c.current ? formatNumber(c.current.capacity, locale) : "—"}</td>
                  <td className="p-2 font-semibold tabular-nums" data-testid="proposed-capacity">
                    {formatNumber(c.capacity, locale)}
                  </td>
                </tr>
                <tr>
                  <th scope="row" className="p-2 text-left font-normal text-slate-600">
                    {t("fields.condition")}
                  </th>
                  <td className="p-2">
                    {c.current ? (
                      <ConditionBadge condition={c.current.condition} label={t(`condition.${c.current.condition}`)} />
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="p-2">
                    <ConditionBadge condition={c.condition} label={t(`condition.${c.condition}`)} />
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
          <Decision id={c.id} testId="change" labels={labels} />
        </section>
      ))}
      <section aria-labelledby="budget-queue" className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <h2 id="budget-queue" className="text-lg font-semibold">
          {t("queue.budgetTitle")}
        </h2>
        {budget.length === 0 ? (
          <p className="text-slate-600">{t("queue.budgetEmpty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {budget.map((l) => (
              <li key={l.id} className="space-y-2 py-3" data-testid="pending-budget-line" data-bin={l.organization.bin}>
                <p className="font-medium">
                  {localName(l.organization, locale)} · {t("queue.budgetLine", { year: l.year, quarter: l.quarter })}
                </p>
                <p className="text-sm text-slate-700">
                  {t(`source.${l.source}`)} · {t(`expense.${l.expense}`)} · {t("fields.planned")}:{" "}
                  <span className="tabular-nums">{money(l.planned)}</span> · {t("fields.spent")}:{" "}
                  <span className="tabular-nums" data-testid="pending-spent">
                    {money(l.spent)}
                  </span>
                  {l.comment ? ` · ${l.comment}` : ""}
                </p>
                <p className="text-xs text-slate-600">
                  {l.updatedBy.displayName} · {formatDateTime(l.updatedAt, locale)}
                </p>
                <BudgetHistory line={l} locale={locale} />
                <Decision id={l.id} kind="budget" testId="budget-line" labels={labels} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
