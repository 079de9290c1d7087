import { getTranslations } from "next-intl/server";
import { formatNumber, formatPercent } from "@/lib/format";
import { COURSE_HOURS_POLICY } from "@/lib/staff/rules";
import { SUPPRESSED } from "@/lib/databank/suppression";
import { SUPPRESSION_THRESHOLD } from "@/lib/databank/catalogue";
import { localName } from "@/lib/names";
import type { HoursPolicyRow, staffAggregates } from "@/lib/staff/analytics";

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
          caption={t("analytics.bySex")}
          testId="staff-by-sex"
          rows={data.sexes.map((x) => [t(`analytics.sexes.${x.sex}`), n(x.count)])}
        />
        <Table
          caption={t("analytics.byEducation")}
          testId="staff-by-education"
          rows={data.education.map((x) => [t(`analytics.education.${x.key}`), n(x.count)])}
        />
        <Table
          caption={t("analytics.byWorkload")}
          testId="staff-by-workload"
          rows={data.workload.map((x) => [t(`analytics.workload.${x.band}`), n(x.count)])}
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

/** The hours policy per area: teachers, those meeting "N hours within M years", and their share. */
export async function HoursPolicyTable({ rows, locale }: { rows: HoursPolicyRow[]; locale: string }) {
  const t = await getTranslations("staff");
  if (!rows.length) return null;
  const total = rows.reduce((s, r) => ({ teachers: s.teachers + r.teachers, meeting: s.meeting + r.meeting }), {
    teachers: 0,
    meeting: 0,
  });
  const share = (m: number, of: number) => (of ? formatPercent((100 * m) / of, locale) : "—");
  const cell = "py-1 text-right tabular-nums";
  return (
    <section
      className="mb-6 overflow-x-auto rounded-lg bg-white p-4 shadow-sm"
      data-testid="staff-hours-policy"
      tabIndex={0}
      aria-label={t("analytics.hoursPolicy", { hours: COURSE_HOURS_POLICY.hours, years: COURSE_HOURS_POLICY.years })}
    >
      <table className="w-full text-sm">
        <caption className="mb-2 text-left font-semibold">
          {t("analytics.hoursPolicy", { hours: COURSE_HOURS_POLICY.hours, years: COURSE_HOURS_POLICY.years })}
        </caption>
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="py-1 text-left">
              {t("analytics.area")}
            </th>
            <th scope="col" className="py-1 text-right">
              {t("analytics.teachers")}
            </th>
            <th scope="col" className="py-1 text-right">
              {t("analytics.meeting")}
            </th>
            <th scope="col" className="py-1 text-right">
              {t("analytics.share")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-2 text-left font-normal">
                {localName(r, locale)}
              </th>
              <td className={cell}>{formatNumber(r.teachers, locale)}</td>
              <td className={cell}>{formatNumber(r.meeting, locale)}</td>
              <td className={cell}>{share(r.meeting, r.teachers)}</td>
            </tr>
          ))}
        </tbody>
        {rows.length > 1 && (
          <tfoot>
            <tr className="font-semibold">
              <th scope="row" className="py-1 text-left">
                {t("analytics.total")}
              </th>
              <td className={cell}>{formatNumber(total.teachers, locale)}</td>
              <td className={cell}>{formatNumber(total.meeting, locale)}</td>
              <td className={cell}>{share(total.meeting, total.teachers)}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </section>
  );
}

/**
 * Open vacancies per territory on the public statistics page: names and counts under the small-cell rule
 * (a hidden figure reads "<5"), with the total; nobody's data.
 */
export async function VacancyCountsTable({
  data,
  locale,
}: {
  data: {
    rows: { id: string; nameKk: string; nameRu: string; nameEn: string; count: number | null }[];
    total: number | null;
  };
  locale: string;
}) {
  const t = await getTranslations("staff");
  if (!data.rows.length) return null;
  const n = (v: number | null) => (v === null ? SUPPRESSED : formatNumber(v, locale));
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
          {data.rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100">
              <th scope="row" className="py-1 text-left font-normal">
                {localName(r, locale)}
              </th>
              <td className="py-1 text-right tabular-nums">{n(r.count)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-semibold">
            <th scope="row" className="py-1 text-left">
              {t("analytics.total")}
            </th>
            <td className="py-1 text-right tabular-nums" data-testid="public-vacancy-total">
              {n(data.total)}
            </td>
          </tr>
        </tfoot>
      </table>
      {data.rows.some((r) => r.count === null) && (
        <p className="mt-2 text-xs text-slate-600">{t("analytics.suppressed", { threshold: SUPPRESSION_THRESHOLD })}</p>
      )}
    </section>
  );
}
