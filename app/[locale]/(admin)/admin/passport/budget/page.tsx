import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { passportOf } from "@/lib/passport/passport";
import { saveBudgetLineAction } from "@/lib/passport/actions";
import { BUDGET_SOURCES, budgetYears, EXPENSE_LINES, QUARTERS } from "@/lib/passport/rules";
import { formatNumber } from "@/lib/format";
import { localName } from "@/lib/names";
import { PageHeader } from "@/components/admin/page-header";
import { NoPassport, PassportTabs } from "@/components/passport/tabs";
import { BudgetHistory } from "@/components/passport/budget-history";
import { ActionForm } from "@/components/forms/action-form-client";
import { FormErrors, SelectField, TextField } from "@/components/forms/fields-client";

export const dynamic = "force-dynamic";

/** Open finance: a year's lines (planned and spent per quarter) and the form to enter or correct one. */
export default async function PassportBudgetPage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/passport/budget">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("passport.manage");
  const t = await getTranslations("passport");
  const years = budgetYears();
  const requested = Number((await searchParams).year);
  const year = years.includes(requested) ? requested : years[1]!;
  const passport = await passportOf(viewer, year);
  if (!passport) return <NoPassport />;
  const total = passport.budget.reduce((s, l) => ({ planned: s.planned + l.planned, spent: s.spent + l.spent }), {
    planned: 0,
    spent: 0,
  });
  const money = (v: number) => formatNumber(v, locale);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} description={localName(passport.organization, locale)} />
      <PassportTabs current="budget" />
      <nav className="flex flex-wrap gap-2 text-sm" aria-label={t("fields.year")}>
        {years.map((y) => (
          <Link
            key={y}
            href={{ pathname: "/admin/passport/budget", query: { year: y } }}
            aria-current={y === year ? "page" : undefined}
            className={`rounded border px-3 py-1 no-underline ${y === year ? "border-brand-700 bg-brand-50 font-semibold" : "border-slate-300 bg-white"}`}
          >
            {y}
          </Link>
        ))}
      </nav>
      <section aria-labelledby="budget-title" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="budget-title" className="mb-2 text-lg font-semibold">
          {t("budget.yearTitle", { year })}
        </h2>
        {passport.budget.length === 0 ? (
          <p className="text-slate-600">{t("budget.empty")}</p>
        ) : (
          <div className="overflow-x-auto" role="region" aria-labelledby="budget-title" tabIndex={0}>
            <table className="w-full text-sm" data-testid="budget-lines">
              <thead className="border-b border-slate-200 text-left">
                <tr>
                  <th className="p-2">{t("fields.source")}</th>
                  <th className="p-2">{t("fields.expense")}</th>
                  <th className="p-2">{t("fields.quarter")}</th>
                  <th className="p-2 text-right">{t("fields.planned")}</th>
                  <th className="p-2 text-right">{t("fields.spent")}</th>
                  <th className="p-2">{t("fields.comment")}</th>
                  <th className="p-2">{t("budget.status")}</th>
                </tr>
              </thead>
              <tbody>
                {passport.budget.map((l) => (
                  <tr key={l.id} className="border-b border-slate-100">
                    <td className="p-2">{t(`source.${l.source}`)}</td>
                    <td className="p-2">{t(`expense.${l.expense}`)}</td>
                    <td className="p-2">{l.quarter}</td>
                    <td className="p-2 text-right tabular-nums">{money(l.planned)}</td>
                    <td className="p-2 text-right tabular-nums">{money(l.spent)}</td>
                    <td className="p-2">{l.comment ?? ""}</td>
                    <td className="p-2" data-testid="budget-status" data-status={l.status}>
                      {t(`budgetStatus.${l.status}`)}
                      {l.status === "REJECTED" && l.decisionNote ? ` · ${l.decisionNote}` : ""}
                      <BudgetHistory line={l} locale={locale} />
                    </td>
                  </tr>
                ))}
                <tr className="font-semibold">
                  <td className="p-2" colSpan={3}>
                    {t("budget.total")}
                  </td>
                  <td className="p-2 text-right tabular-nums">{money(total.planned)}</td>
                  <td className="p-2 text-right tabular-nums">{money(total.spent)}</td>
                  <td />
                  <td />
                </tr>
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="budget-enter" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="budget-enter" className="text-lg font-semibold">
          {t("budget.enter")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t("budget.hint")}</p>
        <ActionForm action={saveBudgetLineAction} submitLabel={t("budget.submit")} testId="budget-form">
          <input type="hidden" name="organizationId" value={passport.organization.id} />
          <div className="grid gap-4 sm:grid-cols-4">
            <SelectField
              name="year"
              label={t("fields.year")}
              required
              defaultValue={year}
              options={years.map((y) => ({ value: String(y), label: String(y) }))}
            />
            <SelectField
              name="source"
              label={t("fields.source")}
              required
              options={BUDGET_SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))}
            />
            <SelectField
              name="expense"
              label={t("fields.expense")}
              required
              options={EXPENSE_LINES.map((e) => ({ value: e, label: t(`expense.${e}`) }))}
            />
            <SelectField
              name="quarter"
              label={t("fields.quarter")}
              required
              options={QUARTERS.map((q) => ({ value: String(q), label: String(q) }))}
            />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="planned" label={t("fields.planned")} required inputMode="decimal" />
            <TextField name="spent" label={t("fields.spent")} inputMode="decimal" defaultValue={0} />
          </div>
          <TextField name="comment" label={t("fields.comment")} maxLength={500} />
          <FormErrors names={["organizationId", "_form"]} />
        </ActionForm>
      </section>
    </div>
  );
}
