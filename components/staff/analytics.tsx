import { getTranslations } from "next-intl/server";
import { formatNumber } from "@/lib/format";
import { localName } from "@/lib/names";
import type { staffAggregates } from "@/lib/staff/analytics";

type Aggregates = Awaited<ReturnType<typeof staffAggregates>>;

function Table({ caption, rows, testId }: { caption: string; rows: [string, string][]; testId: string }) {
  return (
    <table className="w-full text-sm" data-testid={testId}>
      <caption className="mb-1 text-left font-semibold">{caption}</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label} className="border-b border-slate-100">
            <th scope="row" className="py-1 pr-2 text-left font-normal">
              {label}
            </th>
            <td className="py-1 text-right tabular-nums">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The authorities' staff figures for their territory: categories, age bands, expiring categories, vacancies. */
export async function StaffAnalytics({ data, locale }: { data: Aggregates; locale: string }) {
  const t = await getTranslations("staff");
  const n = (v: number) => formatNumber(v, locale);
  return (
    <section className="mb-6 rounded-lg bg-white p-4 shadow-sm" data-testid="staff-analytics">
      <h2 className="mb-3 font-semibold">{t("analytics.title")}</h2>
      <p className="mb-3 text-sm" data-testid="staff-expiring">
        {t("analytics.expiring", { count: data.expiring })}
      </p>
      <div className="grid gap-6 md:grid-cols-3">
        <Table
          caption={t("analytics.byCategory")}
          testId="staff-by-category"
          rows={data.categories.map((c) => [t(`categories.${c.category}`), n(c.count)])}
        />
        <Table
          caption={t("analytics.byAge")}
          testId="staff-by-age"
          rows={data.ages.map((a) => [t(`analytics.ages.${a.band}`), n(a.count)])}
        />
        <Table
          caption={t("analytics.vacancies")}
          testId="staff-vacancies"
          rows={
            data.vacancies.length
              ? data.vacancies.map((v) => [
                  v.subject ? localName(v.subject, locale) : t("analytics.noSubject"),
                  n(v.count),
                ])
              : [[t("analytics.none"), n(0)]]
          }
        />
      </div>
    </section>
  );
}

/** Open vacancies per territory on the public statistics page: names and counts, nobody's data. */
export async function VacancyCountsTable({
  rows,
  locale,
}: {
  rows: { id: string; nameKk: string; nameRu: string; nameEn: string; count: number }[];
  locale: string;
}) {
  const t = await getTranslations("staff");
  if (!rows.length) return null;
  return (
    <section className="mx-auto mt-6 max-w-5xl rounded-lg bg-white p-4 shadow-sm" data-testid="public-vacancy-counts">
      <table className="w-full text-sm">
        <caption className="mb-2 text-left font-semibold">{t("analytics.publicVacancies")}</caption>
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-1 text-left">
              {t("analytics.territory")}
            </th>
            <th scope="col" className="py-1 text-right">
              {t("analytics.openVacancies")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100">
              <th scope="row" className="py-1 text-left font-normal">
                {localName(r, locale)}
              </th>
              <td className="py-1 text-right tabular-nums">{formatNumber(r.count, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
