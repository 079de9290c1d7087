import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { authorize } from "@/lib/auth/viewer";
import { localName } from "@/lib/names";
import { AREAS, DIMENSIONS, GRADES, INDICATORS, MEASURES, QUALIFICATIONS } from "@/lib/databank/catalogue";
import { DatabankParamError, parsePivotParams, type ParsedPivotParams } from "@/lib/databank/params";
import { buildPivot, type PivotTable } from "@/lib/databank/pivot";
import { pivotAttributes, pivotFilterOptions, preliminaryYears, yearsWithData } from "@/lib/databank/query";
import { SUPPRESSED } from "@/lib/databank/suppression";
import { SUPPRESSION_THRESHOLD } from "@/lib/databank/catalogue";
import { getView, myViews } from "@/lib/databank/views";
import { saveViewAction } from "@/lib/databank/actions";
import { translatorFor } from "@/lib/databank/api";
import { PageHeader } from "@/components/admin/page-header";
import { ActionForm } from "@/components/forms/action-form-client";
import { TextField } from "@/components/forms/fields-client";
import { StatChart } from "@/components/statistics/chart";
import { Button } from "@/components/ui/button";
import { fieldClass } from "@/components/ui/input";
import { formatNumber } from "@/lib/format";

export const dynamic = "force-dynamic";

const control = fieldClass({ density: "sm", className: "text-sm" });

/**
 * The pivot of the data bank (R33) for staff within their scope: indicators, rows and columns, measure
 * and filters all live in the URL (a plain GET form), so every pivot has a link; cells drill down.
 */
export default async function PivotPage({ params, searchParams }: PageProps<"/[locale]/admin/databank/pivot">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer, scope } = await authorize("databank.pivot");
  const t = await getTranslations("databank");
  const raw = await searchParams;
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(raw))
    for (const value of Array.isArray(v) ? v : v === undefined ? [] : [v]) search.append(k, value);
  const viewId = search.get("view");
  const view = viewId ? await getView(viewId) : null;
  if (![...search.keys()].some((k) => k !== "view")) {
    for (const [k, v] of new URLSearchParams(
      view?.query ?? `indicator=students&rows=${scope.all ? "region" : "district"}&cols=sex`,
    ))
      search.append(k, v);
  }

  let parsed: ParsedPivotParams | null = null;
  let table: PivotTable | null = null;
  let problem: string | null = null;
  try {
    parsed = parsePivotParams(search);
    table = await buildPivot(scope, parsed, locale as Locale);
  } catch (error) {
    if (!(error instanceof DatabankParamError)) throw error;
    problem = translatorFor(locale as Locale, "databank.errors")(error.reason, error.params);
  }

  const [years, { territories, kinds, languages }, views, attributes] = await Promise.all([
    yearsWithData(),
    pivotFilterOptions(scope),
    myViews(viewer),
    pivotAttributes(),
  ]);
  const openYears = await preliminaryYears(years);
  const q = parsed?.query;
  const filter = (name: string) => search.getAll(name).flatMap((v) => v.split(","));
  const selected = (name: string, value: string) => filter(name).includes(value);
  const rows = parsed?.rows ?? [];
  const columns = parsed?.columns ?? [];
  const currentSearch = search.toString();
  const exportHref = (format: string) => {
    const sp = new URLSearchParams(search);
    sp.delete("view");
    sp.set("format", format);
    sp.set("locale", locale);
    return `/api/v1/databank/pivot?${sp.toString()}`;
  };
  const fmt = (v: number | null, hidden = false) =>
    hidden ? SUPPRESSED : v === null ? "—" : formatNumber(v, locale, { maximumFractionDigits: 2 });
  const dimSelect = (name: string, value: string | undefined, label: string, id: string) => (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={control}>
        <option value="">{t("pivot.none")}</option>
        {DIMENSIONS.map((d) => (
          <option key={d} value={d}>
            {t(`dimension.${d}`)}
          </option>
        ))}
      </select>
    </div>
  );
  const filterSelect = (name: string, label: string, options: { value: string; label: string }[]) => (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={`pivot-${name}`} className="font-medium">
        {label}
      </label>
      <select id={`pivot-${name}`} name={name} defaultValue={filter(name)[0] ?? ""} className={control}>
        <option value="">{t("pivot.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="space-y-4">
      <PageHeader
        title={view ? t("pivot.viewTitle", { name: view.name }) : t("pivot.title")}
        description={t("pivot.description")}
      />
      <form
        method="get"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        data-testid="pivot-form"
      >
        <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
          <legend className="mb-1 text-sm font-medium">{t("pivot.indicators")}</legend>
          {INDICATORS.map((i) => (
            <label key={i} className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                name="indicator"
                value={i}
                defaultChecked={q ? q.indicators.includes(i) : selected("indicator", i)}
              />
              {t(`indicator.${i}`)}
            </label>
          ))}
        </fieldset>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
          {dimSelect("rows", rows[0], t("pivot.rows"), "pivot-rows-1")}
          {dimSelect("rows", rows[1], t("pivot.rows2"), "pivot-rows-2")}
          {dimSelect("cols", columns[0], t("pivot.columns"), "pivot-cols")}
          {attributes.length > 0 && (
            <div className="flex flex-col gap-1 text-sm">
              <label htmlFor="pivot-attribute" className="font-medium">
                {t("pivot.attribute")}
              </label>
              <select
                id="pivot-attribute"
                name="attribute"
                defaultValue={search.get("attribute") ?? ""}
                className={control}
              >
                <option value="">{t("pivot.none")}</option>
                {attributes.map((a) => (
                  <option key={a.code} value={a.code}>
                    {localName(a, locale)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="flex flex-col gap-1 text-sm">
            <label htmlFor="pivot-measure" className="font-medium">
              {t("pivot.measure")}
            </label>
            <select id="pivot-measure" name="measure" defaultValue={q?.measure ?? "sum"} className={control}>
              {MEASURES.map((m) => (
                <option key={m} value={m}>
                  {t(`measure.${m}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1 text-sm">
            <label htmlFor="pivot-chart" className="font-medium">
              {t("pivot.chart")}
            </label>
            <select id="pivot-chart" name="chart" defaultValue={parsed?.chart ?? "bar"} className={control}>
              {(["bar", "line", "none"] as const).map((c) => (
                <option key={c} value={c}>
                  {t(`pivot.chartKind.${c}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className="flex flex-wrap gap-x-4 gap-y-1">
          <legend className="mb-1 text-sm font-medium">{t("dimension.year")}</legend>
          {years.map((y) => (
            <label key={y} className="flex items-center gap-1 text-sm">
              <input type="checkbox" name="year" value={y} defaultChecked={selected("year", String(y))} />
              {y}
              {openYears.includes(y) ? ` (${t("preliminary")})` : ""}
            </label>
          ))}
        </fieldset>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {filterSelect(
            "territory",
            t("pivot.territory"),
            territories.map((x) => ({
              value: x.code,
              label: `${x.level === "DISTRICT" ? "— " : ""}${localName(x, locale)}`,
            })),
          )}
          {filterSelect(
            "orgKind",
            t("dimension.orgKind"),
            kinds.map((k) => ({ value: k.code, label: localName(k, locale) })),
          )}
          {filterSelect(
            "language",
            t("dimension.language"),
            languages.map((l) => ({ value: l.code, label: localName(l, locale) })),
          )}
          {filterSelect(
            "area",
            t("dimension.area"),
            AREAS.map((a) => ({ value: a, label: t(`area.${a}`) })),
          )}
          {filterSelect(
            "sex",
            t("dimension.sex"),
            (["F", "M"] as const).map((s) => ({ value: s, label: t(`sex.${s}`) })),
          )}
          {filterSelect(
            "grade",
            t("dimension.grade"),
            GRADES.map((g) => ({ value: String(g), label: t("gradeValue", { grade: g }) })),
          )}
          {filterSelect(
            "qualification",
            t("dimension.qualification"),
            QUALIFICATIONS.map((x) => ({ value: x, label: t(`qualification.${x}`) })),
          )}
        </div>
        <div className="flex flex-wrap gap-3">
          <Button
            type="submit"

            data-testid="pivot-apply"
          >
            {t("pivot.apply")}
          </Button>
          <Link href="/admin/databank/pivot" className="self-center text-sm">
            {t("pivot.reset")}
          </Link>
        </div>
      </form>

      {problem && (
        <p
          role="alert"
          className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800"
          data-testid="pivot-error"
        >
          {problem}
        </p>
      )}

      {table && parsed && (
        <section
          className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
          aria-labelledby="pivot-result"
        >
          <div className="flex flex-wrap items-baseline gap-3">
            <h2 id="pivot-result" className="text-lg font-semibold">
              {parsed.query.indicators.map((i) => t(`indicator.${i}`)).join(", ")} —{" "}
              {t(`measure.${parsed.query.measure}`)} · {table.years.join(", ")}
            </h2>
            <a href={exportHref("csv")} className="text-sm" data-testid="export-csv">
              {t("pivot.exportCsv")}
            </a>
            <a href={exportHref("xlsx")} className="text-sm" data-testid="export-xlsx">
              {t("pivot.exportXlsx")}
            </a>
          </div>
          <p className="text-sm text-slate-600">{t("pivot.drillHint")}</p>
          {table.truncated && <p className="text-sm text-amber-800">{t("pivot.truncated")}</p>}
          {table.preliminary.length > 0 && (
            <p className="text-sm text-amber-800" data-testid="pivot-preliminary">
              {t("preliminaryYears", { years: table.preliminary.join(", ") })}
            </p>
          )}
          {table.suppressed && (
            <p className="text-sm text-slate-600" data-testid="pivot-suppressed-note">
              {t("pivot.attributeSuppressed", { threshold: SUPPRESSION_THRESHOLD })}
            </p>
          )}
          {table.stockTotalsOmitted && (
            <p className="text-sm text-slate-600" data-testid="pivot-stock-note">
              {t("stockNoTotal")}
            </p>
          )}
          <div className="max-h-[32rem] overflow-auto">
            <table className="w-full text-sm" data-testid="pivot-table">
              <caption className="sr-only">{t("pivot.title")}</caption>
              <thead className="sticky top-0 bg-slate-100 text-left">
                <tr>
                  {rows.map((d) => (
                    <th key={d} scope="col" className="px-2 py-1">
                      {t(`dimension.${d}`)}
                    </th>
                  ))}
                  {columns.length > 0 &&
                    table.columnLabels.map((l, i) => (
                      <th key={i} scope="col" className="px-2 py-1 text-right">
                        {l.join(" · ")}
                      </th>
                    ))}
                  <th scope="col" className="px-2 py-1 text-right">
                    {columns.length ? t("pivot.total") : t(`measure.${parsed.query.measure}`)}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {table.lines.map((line, i) => (
                  <tr
                    key={i}
                    className={line.kind === "subtotal" ? "bg-slate-50 font-semibold" : ""}
                    data-kind={line.kind}
                  >
                    {line.kind === "subtotal" ? (
                      <th scope="row" colSpan={Math.max(rows.length, 1)} className="px-2 py-1 text-left">
                        {t("pivot.subtotal", { name: line.labels[0]! })}
                      </th>
                    ) : (
                      (rows.length ? line.labels : [t("pivot.total")]).map((l, j) => (
                        <th key={j} scope="row" className="px-2 py-1 text-left font-normal">
                          {l}
                        </th>
                      ))
                    )}
                    {columns.length > 0 &&
                      line.values.map((v, j) => (
                        <td key={j} className="px-2 py-1 text-right tabular-nums">
                          {line.drill[j] && v !== null && !line.hidden[j] ? (
                            <Link href={`/admin/databank/pivot?${line.drill[j]}`} data-testid="pivot-cell">
                              {fmt(v)}
                            </Link>
                          ) : (
                            fmt(v, line.hidden[j])
                          )}
                        </td>
                      ))}
                    <td className="px-2 py-1 text-right font-medium tabular-nums">
                      {line.drill.at(-1) && line.total !== null && line.kind === "row" && !line.hidden.at(-1) ? (
                        <Link href={`/admin/databank/pivot?${line.drill.at(-1)}`} data-testid="pivot-cell">
                          {fmt(line.total)}
                        </Link>
                      ) : (
                        fmt(line.total, line.hidden.at(-1))
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
              {rows.length > 0 && (
                <tfoot className="border-t-2 border-slate-300 font-semibold">
                  <tr data-kind="total">
                    <th scope="row" colSpan={rows.length} className="px-2 py-1 text-left">
                      {t("pivot.total")}
                    </th>
                    {columns.length > 0 &&
                      table.columnTotals.map((v, j) => (
                        <td key={j} className="px-2 py-1 text-right tabular-nums">
                          {fmt(v, table.totalsHidden[j])}
                        </td>
                      ))}
                    <td className="px-2 py-1 text-right tabular-nums" data-testid="pivot-grand-total">
                      {fmt(table.grandTotal, table.totalsHidden.at(-1))}
                    </td>
                  </tr>
                </tfoot>
              )}
            </table>
          </div>
          {parsed.chart !== "none" && table.chart.length > 0 && (
            <StatChart
              kind={parsed.chart === "line" ? "line" : "bar"}
              data={table.chart}
              series={table.series}
              label={t("pivot.title")}
              locale={locale}
            />
          )}
        </section>
      )}

      <div className="grid gap-4 lg:grid-cols-2">
        <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="save-view">
          <h2 id="save-view" className="mb-2 text-lg font-semibold">
            {t("pivot.saveTitle")}
          </h2>
          <ActionForm action={saveViewAction} submitLabel={t("pivot.save")} testId="save-view">
            <input type="hidden" name="query" value={currentSearch} />
            <TextField name="name" label={t("pivot.viewName")} required defaultValue={view?.name ?? ""} />
          </ActionForm>
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="my-views">
          <h2 id="my-views" className="mb-2 text-lg font-semibold">
            {t("pivot.views")}
          </h2>
          {views.length === 0 ? (
            <p className="text-sm text-slate-600">{t("pivot.noViews")}</p>
          ) : (
            <ul className="space-y-1 text-sm" data-testid="views">
              {views.map((v) => (
                <li key={v.id}>
                  <Link href={`/admin/databank/views/${v.id}`}>{v.name}</Link>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-xs text-slate-600">{t("pivot.shareHint")}</p>
        </section>
      </div>
    </div>
  );
}
