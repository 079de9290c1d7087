import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { localName } from "@/lib/names";
import { orNotFound } from "@/lib/databank/page-params";
import { yearsWithData } from "@/lib/databank/query";
import {
  AGGREGATIONS,
  DIRECTIONS,
  MISSING_POLICIES,
  NORMALISATIONS,
  RATING_CATALOGUE,
  RATING_INDICATORS,
} from "@/lib/ratings/catalogue";
import { getMethod, previewRating, type PreviewRow } from "@/lib/ratings/service";
import { publishRatingAction, saveVersionAction } from "@/lib/ratings/actions";
import { PageHeader } from "@/components/admin/page-header";
import { ActionForm } from "@/components/forms/action-form-client";
import { FormErrors, SelectField, TextField } from "@/components/forms/fields-client";
import { intervalText } from "@/components/ratings/parts";
import { runtimeKeys } from "@/i18n/keys";
import { fieldClass } from "@/components/ui/input";
import { Table } from "@/components/ui/table";
import { formatNumber } from "@/lib/format";

export const dynamic = "force-dynamic";

const control = fieldClass({ density: "sm", className: "text-sm" });

/** A cell of the indicators table holding one choice for the indicator of its row. */
function ChoiceCell({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  return (
    <td className="py-1 pr-3">
      <select name={name} aria-label={label} defaultValue={value} className={control}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </td>
  );
}

/** One method: its latest version's indicators and weights, a preview for a year (?preview=2025), publication. */
export default async function RatingMethodPage({ params, searchParams }: PageProps<"/[locale]/admin/ratings/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("ratings.manage");
  const t = await getTranslations("ratings");
  const te = await getTranslations("errors");
  const method = await orNotFound(() => getMethod(viewer, id), notFound);
  const { preview: previewParam } = await searchParams;
  const years = await yearsWithData();
  const version = method.versions[method.versions.length - 1]!;
  const byCode = new Map(version.indicators.map((i) => [i.code, i]));
  const directions = DIRECTIONS.map((d) => ({ value: d, label: t(`direction.${d}`) }));
  const normalisations = NORMALISATIONS.map((n) => ({ value: n, label: t(`normalisation.${n}`) }));
  const missingPolicies = MISSING_POLICIES.map((m) => ({ value: m, label: t(`missing.${m}`) }));
  const previewYear = typeof previewParam === "string" && /^\d{4}$/.test(previewParam) ? Number(previewParam) : null;
  let preview: PreviewRow[] | null = null;
  let previewError: string | null = null;
  if (previewYear !== null) {
    try {
      preview = await previewRating(viewer, { methodId: id, year: previewYear });
      preview.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const key = Object.values(error.fieldErrors)[0];
      const params =
        typeof error.params.indicator === "string"
          ? { ...error.params, indicator: runtimeKeys(t)(`indicator.${error.params.indicator}.name`) }
          : error.params;
      previewError = key
        ? runtimeKeys(te)(key, params)
        : te(error.code === "validation" ? "validation.summary" : error.code);
    }
  }
  const num = (v: number | null, d = 3) => (v === null ? "—" : formatNumber(v, locale, { maximumFractionDigits: d }));
  return (
    <div className="space-y-6">
      <PageHeader
        title={localName(method, locale)}
        description={`${method.code} · ${t(`level.${method.level}`)} · ${localName(method.territory, locale)} · ${t("admin.versionOf", { number: version.number, status: t(`admin.status.${version.status}`) })}`}
        actions={
          method.years.length ? <Link href={`/ratings?method=${method.code}`}>{t("admin.publicLink")}</Link> : undefined
        }
      />
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="text-lg font-semibold">{t("admin.editTitle")}</h2>
        <p className="mb-3 text-sm text-slate-600">{t("admin.editLead")}</p>
        <ActionForm action={saveVersionAction} submitLabel={t("admin.save")} testId="method-form">
          <input type="hidden" name="methodId" value={method.id} />
          <Table
            look="plain"
            columns={[t("col.indicator"), t("admin.use"), t("col.direction"), t("col.normalisation"), t("col.missing")]}
            rows={RATING_INDICATORS}
            frameClassName="relative overflow-x-auto"
          >
            {(code) => {
              const current = byCode.get(code);
              const name = t(`indicator.${code}.name`);
              return (
                <tr key={code} className="border-t border-slate-100">
                  <td className="py-1 pr-3">
                    <span className="block">{name}</span>
                    <span className="text-xs text-slate-500">{t(`indicator.${code}.source`)}</span>
                  </td>
                  <td className="py-1 pr-3">
                    <input
                      name={`w_${code}`}
                      aria-label={`${name}: ${t("admin.use")}`}
                      defaultValue={current ? String(current.weight) : ""}
                      inputMode="decimal"
                      className={`${control} w-20`}
                    />
                  </td>
                  <ChoiceCell
                    name={`d_${code}`}
                    label={`${name}: ${t("col.direction")}`}
                    value={current?.direction ?? RATING_CATALOGUE[code].direction}
                    options={directions}
                  />
                  <ChoiceCell
                    name={`n_${code}`}
                    label={`${name}: ${t("col.normalisation")}`}
                    value={current?.normalisation ?? "minmax"}
                    options={normalisations}
                  />
                  <ChoiceCell
                    name={`m_${code}`}
                    label={`${name}: ${t("col.missing")}`}
                    value={current?.missing ?? "exclude-entity"}
                    options={missingPolicies}
                  />
                </tr>
              );
            }}
          </Table>
          <div className="grid gap-3 sm:grid-cols-3">
            <SelectField
              name="aggregation"
              label={t("admin.aggregation")}
              defaultValue={version.aggregation}
              options={AGGREGATIONS.map((a) => ({ value: a, label: t(`aggregation.${a}`) }))}
            />
            <TextField
              name="approvalOrder"
              label={t("admin.approvalOrder")}
              defaultValue={version.approvalOrder ?? ""}
            />
            <TextField
              name="approvedOn"
              type="date"
              label={t("admin.approvedOn")}
              defaultValue={version.approvedOn ? version.approvedOn.toISOString().slice(0, 10) : ""}
            />
          </div>
        </ActionForm>
      </section>

      <section className="space-y-3 rounded-lg bg-white p-4 shadow-sm">
        <h2 className="text-lg font-semibold">{t("admin.previewTitle")}</h2>
        <form method="get" className="flex flex-wrap items-end gap-2" data-testid="preview-form">
          <label className="text-sm">
            <span className="block">{t("admin.year")}</span>
            <select
              name="preview"
              defaultValue={String(previewYear ?? years[years.length - 1] ?? "")}
              className={control}
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1 text-sm">
            {t("admin.preview")}
          </button>
        </form>
        {previewError && (
          <p
            role="alert"
            className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800"
            data-testid="preview-error"
          >
            {previewError}
          </p>
        )}
        {preview === null && !previewError && <p className="text-sm text-slate-600">{t("admin.previewEmpty")}</p>}
        {preview && previewYear !== null && (
          <>
            <Table
              look="plain"
              testId="preview"
              frameClassName="max-h-96 overflow-auto"
              columns={[
                { label: t("col.rank"), numeric: true },
                t("col.name"),
                { label: t("col.score"), numeric: true },
                ...version.indicators.map((i) => ({
                  key: i.code,
                  label: t(`indicator.${i.code}.name`),
                  numeric: true,
                })),
                { label: t("col.interval"), numeric: true },
              ]}
              rows={preview}
            >
              {(r) => (
                <tr key={r.entityId} className="border-t border-slate-100">
                  <td className="py-1 pr-3 text-right tabular-nums">{r.rank ?? "—"}</td>
                  <td className="py-1 pr-3">
                    {localName(r, locale)}
                    {r.rank === null && <span className="ml-2 text-xs text-slate-500">{t("excluded")}</span>}
                  </td>
                  <td className="py-1 pr-3 text-right tabular-nums">{num(r.score)}</td>
                  {version.indicators.map((i) => (
                    <td key={i.code} className="py-1 pr-3 text-right tabular-nums">
                      {num(r.inputs[i.code] ?? null, 2)}
                    </td>
                  ))}
                  <td className="py-1 pr-3 text-right tabular-nums">
                    {intervalText(r)}
                    {!r.robust && <span className="ml-1 text-xs text-amber-800">{t("notRobust")}</span>}
                  </td>
                </tr>
              )}
            </Table>
            <ActionForm
              action={publishRatingAction}
              submitLabel={t("admin.publish")}
              confirm={t("admin.publishConfirm")}
              testId="publish-form"
            >
              <input type="hidden" name="methodId" value={method.id} />
              <input type="hidden" name="year" value={previewYear} />
              <FormErrors names={["year", "indicators", "weights"]} />
            </ActionForm>
          </>
        )}
      </section>
    </div>
  );
}
