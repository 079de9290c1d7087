import { getTranslations, setRequestLocale } from "next-intl/server";
import { getViewer } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { localName } from "@/lib/names";
import { diaryAggregates, listWeights, SMALL_CELL, type AggregateRow } from "@/lib/diary/aggregates";
import { saveWeightsAction } from "@/lib/diary/actions";
import { PageHeader } from "@/components/admin/page-header";
import { Notice } from "@/components/ui/notice";
import { ActionForm } from "@/components/forms/action-form-client";
import { TextField } from "@/components/forms/fields-client";
import { Table } from "@/components/ui/table";
import { formatNumber } from "@/lib/format";

/** Authorities: attendance and quality by organisation and territory (aggregates only); ministry: weights. */
export default async function DiaryAggregatesPage({ params }: PageProps<"/[locale]/admin/diary/aggregates">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("diary.aggregates");
  const viewer = await getViewer();
  if (!viewer || !scopeOf(viewer, "diary.aggregates")) {
    return <Notice>{t("notAllowed")}</Notice>;
  }
  const [data, weights] = await Promise.all([
    diaryAggregates(viewer),
    scopeOf(viewer, "diary.weights") ? listWeights() : Promise.resolve(null),
  ]);
  const pct = (n: number | null) =>
    n === null ? "—" : `${formatNumber(n, locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;
  const table = (rows: AggregateRow[], caption: string, testId: string) => (
    <section className="relative overflow-x-auto rounded-lg bg-white p-4 shadow-sm">
      <h2 className="mb-2 font-semibold">{caption}</h2>
      {rows.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
        <Table
          look="plain"
          testId={testId}
          columns={[
            t("name"),
            { label: t("students"), numeric: true },
            { label: t("attendance"), numeric: true },
            { label: t("quality"), numeric: true },
          ]}
          rows={rows}
        >
          {(r) => (
            <tr key={r.id} className="border-t border-slate-100">
              <td className="py-1 pr-3">{localName(r.name, locale)}</td>
              {r.suppressed ? (
                <td colSpan={3} className="py-1 pr-3 text-right text-slate-500">
                  {t("suppressed", { min: SMALL_CELL })}
                </td>
              ) : (
                <>
                  <td className="py-1 pr-3 text-right tabular-nums">{r.students}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{pct(r.attendanceRate)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{pct(r.quality)}</td>
                </>
              )}
            </tr>
          )}
        </Table>
      )}
    </section>
  );
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description", { min: SMALL_CELL })} />
      {table(data.territories, t("byTerritory"), "aggregates-territories")}
      {table(data.organizations, t("byOrganization"), "aggregates-organizations")}
      {weights && (
        <section className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-1 font-semibold">{t("weightsTitle")}</h2>
          <p className="mb-2 text-sm text-slate-600">{t("weightsText")}</p>
          {weights.length > 0 && (
            <ul className="mb-3 text-sm">
              {weights.map((w) => (
                <li key={w.schoolYear}>{t("weightsRow", w)}</li>
              ))}
            </ul>
          )}
          <ActionForm
            action={saveWeightsAction}
            submitLabel={t("save")}
            className="grid max-w-2xl gap-3 md:grid-cols-4"
          >
            <TextField
              name="schoolYear"
              label={t("schoolYear")}
              defaultValue={weights[0]?.schoolYear ?? "2026/2027"}
              required
            />
            {(
              [
                ["formative", weights[0]?.formative ?? 25],
                ["sor", weights[0]?.sor ?? 25],
                ["soch", weights[0]?.soch ?? 50],
              ] as const
            ).map(([name, value]) => (
              <TextField
                key={name}
                name={name}
                label={t(name)}
                type="number"
                min={0}
                max={100}
                defaultValue={String(value)}
                required
              />
            ))}
          </ActionForm>
        </section>
      )}
    </div>
  );
}
