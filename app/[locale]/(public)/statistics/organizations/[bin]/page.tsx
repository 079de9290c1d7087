import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Breadcrumb, GradeSexFigure, YearSelector } from "@/components/statistics/territory-view";
import { StatFigure, cellText, chartValue } from "@/components/statistics/figure";
import { cachedOrganizationReport } from "@/lib/databank/cache";
import { orNotFound, yearParam } from "@/lib/databank/page-params";
import { SUPPRESSED } from "@/lib/databank/suppression";
import { localName } from "@/lib/names";
import type { LocalizedText } from "@/lib/reporting/definition";
import type { KeysOf, Messages } from "@/i18n/keys";
import { pageMetadata } from "@/lib/seo/metadata";
import { formatDate, formatDay } from "@/lib/format";
import { cachedPassportCard } from "@/lib/passport/public";
import { PassportCardSection } from "@/components/passport/card";
import { viewParams } from "@/lib/http/view-params";
import { cachedPublicAttributes } from "@/lib/registry/attributes";

const nameOf = (text: LocalizedText, locale: string) =>
  localName({ nameKk: text.kk, nameRu: text.ru, nameEn: text.en }, locale);

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/statistics/organizations/[bin]">): Promise<Metadata> {
  const { locale, bin } = await params;
  const t = await getTranslations({ locale, namespace: "statistics" });
  const name = await cachedOrganizationReport(bin, null).then(
    (data) => data.organization.name,
    () => null,
  );
  if (!name) return { title: t("title") };
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, `/statistics/organizations/${bin}`, {
    title: nameOf(name, locale),
    description: ts("organization", { name: nameOf(name, locale) }),
  });
}

/** An organisation's open report (R13): passport, contingent, staff and its record of handing reports over. */
export default async function OrganizationReportPage({
  params,
  searchParams,
}: PageProps<"/[locale]/statistics/organizations/[bin]">) {
  const { locale, bin } = await params;
  setRequestLocale(locale);
  if (!/^\d{12}$/.test(bin)) notFound();
  const { year } = await viewParams({ params, searchParams });
  const [data, card, attributes] = await Promise.all([
    orNotFound(() => cachedOrganizationReport(bin, yearParam(year)), notFound),
    cachedPassportCard(bin),
    cachedPublicAttributes(bin),
  ]);
  const t = await getTranslations("statistics");
  const td = await getTranslations("databank");
  const o = data.organization;
  const name = nameOf(o.name, locale);
  const dl = "grid grid-cols-[minmax(10rem,auto)_1fr] gap-x-4 gap-y-1 text-sm";
  const passport: [string, string][] = [
    [t("org.bin"), o.bin],
    [t("org.kind"), nameOf(o.kind, locale)],
    [t("org.language"), o.language ? nameOf(o.language, locale) : "—"],
    [t("org.area"), td(o.isUrban ? "area.urban" : "area.rural")],
    [t("org.reportsTo"), o.reportsTo ? nameOf(o.reportsTo, locale) : "—"],
    ...(o.address ? ([[t("org.address"), o.address]] as [string, string][]) : []),
    ...(data.passport.founded !== null
      ? ([[t("org.founded"), String(data.passport.founded)]] as [string, string][])
      : []),
    ...(data.passport.capacity !== null
      ? ([[t("org.capacity"), cellText(data.passport.capacity, locale)]] as [string, string][])
      : []),
    ...(data.passport.computers !== null
      ? ([[t("org.computers"), cellText(data.passport.computers, locale)]] as [string, string][])
      : []),
    // the ministry's public custom attributes (issue 27)
    ...attributes.map((a): [string, string] => [
      nameOf(a.name, locale),
      a.item
        ? nameOf(a.item, locale)
        : typeof a.value === "boolean"
          ? t(a.value ? "org.yes" : "org.no")
          : String(a.value),
    ]),
  ];
  const summary: [string, string][] = [
    [t("col.students"), cellText(data.summary.students, locale)],
    [t("col.classes"), cellText(data.summary.classes, locale)],
    [t("col.avgClassSize"), cellText(data.summary.avgClassSize, locale)],
    [t("col.teachers"), cellText(data.summary.teachers, locale)],
    [t("col.pupilsPerTeacher"), cellText(data.summary.pupilsPerTeacher, locale)],
    [t("org.higherEducation"), cellText(data.staffExtra.higherEducation, locale)],
    [t("org.vacancies"), cellText(data.staffExtra.vacancies, locale)],
  ];
  const slug = `${o.bin}-${data.year ?? ""}`;
  return (
    <div className="space-y-6">
      <Breadcrumb items={data.breadcrumb} current={name} locale={locale} />
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{name}</h1>
        <p className="text-slate-700">{t("org.lead")}</p>
        <YearSelector
          years={data.years}
          year={data.year}
          provisional={data.provisional}
          base={`/statistics/organizations/${o.bin}`}
        />
        {data.year !== null && data.provisional.includes(data.year) && (
          <p className="text-sm text-amber-800">{t("provisionalNote")}</p>
        )}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <section
          aria-labelledby="passport-title"
          className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
          data-testid="passport"
        >
          <h2 id="passport-title" className="mb-2 text-lg font-semibold">
            {t("org.passport")}
          </h2>
          <dl className={dl}>
            {passport.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-600">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section
          aria-labelledby="summary-title"
          className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
          data-testid="org-summary"
        >
          <h2 id="summary-title" className="mb-2 text-lg font-semibold">
            {t("org.summary", { year: data.year ?? "—" })}
          </h2>
          <dl className={dl}>
            {summary.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-600">{k}</dt>
                <dd className="tabular-nums">{v}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
      {card && <PassportCardSection card={card} locale={locale} bin={o.bin} />}
      <GradeSexFigure
        id="contingent"
        title={t("org.contingent")}
        locale={locale}
        csvName={`contingent-${slug}`}
        rows={data.contingent}
      />
      <StatFigure
        id="staff"
        title={t("org.staff")}
        locale={locale}
        csvName={`staff-${slug}`}
        chart={{
          kind: "donut",
          data: data.staff.map((r) => ({
            label: td(`qualification.${r.qualification as KeysOf<Messages["databank"]["qualification"]>}`),
            values: { teachers: chartValue(r.teachers) },
          })),
          series: [{ key: "teachers", name: t("col.teachers") }],
        }}
        columns={[
          { key: "qualification", label: t("col.qualification") },
          { key: "teachers", label: t("col.teachers"), numeric: true },
        ]}
        rows={data.staff.map((r) => ({
          cells: {
            qualification: td(`qualification.${r.qualification as KeysOf<Messages["databank"]["qualification"]>}`),
            teachers: r.teachers,
          },
        }))}
      />
      <StatFigure
        id="timeliness"
        title={t("org.timeliness")}
        note={t("org.timelinessNote", {
          onTime: data.timeliness.filter((r) => r.state === "onTime").length,
          late: data.timeliness.filter((r) => r.state === "late").length,
          notYet: data.timeliness.filter((r) => r.state === "notYet").length,
        })}
        locale={locale}
        csvName={`timeliness-${o.bin}`}
        columns={[
          { key: "period", label: t("col.period") },
          { key: "form", label: t("col.form") },
          { key: "due", label: t("col.dueDate") },
          { key: "submitted", label: t("col.submittedAt") },
          { key: "state", label: t("col.state") },
        ]}
        rows={data.timeliness.map((r) => ({
          cells: {
            period: `${r.form.code} · ${r.label}`,
            form: nameOf(r.form.name, locale),
            due: formatDay(r.dueDate, locale),
            submitted: r.submittedAt ? formatDate(new Date(r.submittedAt), locale) : "—",
            state: t(`state.${r.state}`) + (r.accepted ? ` · ${t("state.accepted")}` : ""),
          },
        }))}
      />
      <p className="text-sm text-slate-600">{t("suppressionNote", { shown: SUPPRESSED })}</p>
    </div>
  );
}
