import { getTranslations } from "next-intl/server";
import { formatNumber } from "@/lib/format";
import { Link } from "@/i18n/navigation";
import { localName } from "@/lib/names";
import type { LocalizedText } from "@/lib/reporting/definition";
import type { Crumb, Figure, TerritoryPage } from "@/lib/databank/public";
import { SMALL_CELL } from "@/lib/diary/aggregates";
import { SUPPRESSED } from "@/lib/databank/suppression";
import { StatFigure, chartValue, cellText, type TableRow } from "./figure";
import { PassportFigures } from "./passport-figures";
import type { KeysOf, Messages } from "@/i18n/keys";

const nameOf = (text: LocalizedText, locale: string) =>
  localName({ nameKk: text.kk, nameRu: text.ru, nameEn: text.en }, locale);

export function territoryHref(crumb: Pick<Crumb, "code" | "level">): string {
  return crumb.level === "REPUBLIC" ? "/statistics" : `/statistics/${crumb.code}`;
}

export async function Breadcrumb({ items, current, locale }: { items: Crumb[]; current?: string; locale: string }) {
  const t = await getTranslations("statistics");
  return (
    <nav aria-label={t("breadcrumb")} className="text-sm" data-testid="breadcrumb">
      <ol className="flex flex-wrap gap-1">
        {items.map((c, i) => (
          <li key={c.code} className="after:ml-1 after:text-slate-400 after:content-['/'] last:after:content-none">
            {i === items.length - 1 && !current ? (
              <span aria-current="page">{nameOf(c.name, locale)}</span>
            ) : (
              <Link href={territoryHref(c)}>{nameOf(c.name, locale)}</Link>
            )}
          </li>
        ))}
        {current && (
          <li>
            <span aria-current="page">{current}</span>
          </li>
        )}
      </ol>
    </nav>
  );
}

/** Students by grade, girls and boys stacked; with the pupils in Kazakh-language classes when given. */
export async function GradeSexFigure({
  id,
  title,
  locale,
  csvName,
  rows,
}: {
  id: string;
  title: string;
  locale: string;
  csvName: string;
  rows: { grade: number; total: Figure; girls: Figure; boys: Figure; kazakh?: Figure }[];
}) {
  const t = await getTranslations("statistics");
  const td = await getTranslations("databank");
  const kazakh = rows.some((r) => r.kazakh !== undefined);
  const grade = (g: number) => td("gradeValue", { grade: g });
  return (
    <StatFigure
      id={id}
      title={title}
      locale={locale}
      csvName={csvName}
      chart={{
        kind: "bar",
        data: rows.map((r) => ({
          label: grade(r.grade),
          values: { girls: chartValue(r.girls), boys: chartValue(r.boys) },
        })),
        series: [
          { key: "girls", name: td("sex.F"), stack: "s" },
          { key: "boys", name: td("sex.M"), stack: "s" },
        ],
      }}
      columns={[
        { key: "grade", label: t("col.grade") },
        { key: "total", label: t("col.total"), numeric: true },
        { key: "girls", label: td("sex.F"), numeric: true },
        { key: "boys", label: td("sex.M"), numeric: true },
        ...(kazakh ? [{ key: "kazakh", label: t("col.kazakhClasses"), numeric: true }] : []),
      ]}
      rows={rows.map((r) => ({
        cells: {
          grade: grade(r.grade),
          total: r.total,
          girls: r.girls,
          boys: r.boys,
          ...(kazakh ? { kazakh: r.kazakh ?? null } : {}),
        },
      }))}
    />
  );
}

export async function YearSelector({
  years,
  year,
  provisional,
  base,
}: {
  years: number[];
  year: number | null;
  provisional: number[];
  base: string;
}) {
  const t = await getTranslations("statistics");
  if (!years.length) return null;
  return (
    <nav aria-label={t("yearLabel")} className="flex flex-wrap items-center gap-2 text-sm" data-testid="year-selector">
      <span className="font-medium">{t("yearLabel")}:</span>
      {years.map((y) => (
        <Link
          key={y}
          href={`${base}?year=${y}`}
          aria-current={y === year ? "true" : undefined}
          className={`rounded border px-2 py-1 no-underline ${y === year ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white hover:border-brand-600"}`}
        >
          {y}
          {provisional.includes(y) ? "*" : ""}
        </Link>
      ))}
      {provisional.length > 0 && <span className="text-slate-600">* {t("provisional")}</span>}
    </nav>
  );
}

function KeyFigure({
  label,
  value,
  locale,
  testId,
}: {
  label: string;
  value: Figure | number | null;
  locale: string;
  testId: string;
}) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm" data-testid={testId}>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{cellText(value, locale)}</dd>
    </div>
  );
}

/** Attendance and quality from the e-diary (current school year), or why they are not shown. */
async function DiaryFigures({ diary, locale }: { diary: TerritoryPage["diary"]; locale: string }) {
  const t = await getTranslations("statistics.diary");
  const percent = (v: number | null) =>
    v === null ? "—" : `${formatNumber(v, locale, { maximumFractionDigits: 1 })} %`;
  return (
    <section aria-labelledby="diary-figures" className="rounded-lg bg-white p-4 shadow-sm" data-testid="diary-figures">
      <h2 id="diary-figures" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-600">{t("lead", { min: SMALL_CELL })}</p>
      {diary ? (
        <dl className="mt-2 grid gap-3 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-slate-600">{t("attendance")}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid="diary-attendance">
              {percent(diary.attendanceRate)}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("quality")}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid="diary-quality">
              {percent(diary.quality)}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("students")}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{formatNumber(diary.students, locale)}</dd>
          </div>
        </dl>
      ) : (
        <p className="mt-2 text-sm text-slate-600">{t("none", { min: SMALL_CELL })}</p>
      )}
    </section>
  );
}

/** The page of the republic, a region or a district (see lib/databank/public.ts territoryPage). */
export async function TerritoryView({ data, locale }: { data: TerritoryPage; locale: string }) {
  const t = await getTranslations("statistics");
  const td = await getTranslations("databank");
  const name = nameOf(data.territory.name, locale);
  const base = territoryHref(data.territory);
  const childIsOrg = data.territory.level === "DISTRICT";
  const childHref = (code: string) => (childIsOrg ? `/statistics/organizations/${code}` : `/statistics/${code}`);
  const withYear = (href: string) => (data.year ? `${href}?year=${data.year}` : href);
  const slug = `${data.territory.code}-${data.year ?? ""}`;
  const childLabel = childIsOrg
    ? t("col.organization")
    : data.territory.level === "REPUBLIC"
      ? t("col.region")
      : t("col.district");
  const childRows = (
    pick: (c: TerritoryPage["children"][number]) => Record<string, Figure | number | string | null>,
  ): TableRow[] =>
    data.children.map((c) => ({
      href: withYear(childHref(c.code)),
      cells: { name: nameOf(c.name, locale), ...pick(c) },
    }));
  const childChart = (key: string, pick: (c: TerritoryPage["children"][number]) => Figure) =>
    data.children.map((c) => ({
      label: nameOf(c.name, locale),
      href: withYear(childHref(c.code)),
      values: { [key]: chartValue(pick(c)) },
    }));

  return (
    <div className="space-y-6">
      <Breadcrumb items={data.breadcrumb} locale={locale} />
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t("titleOf", { name })}</h1>
        <p className="text-slate-700">{t("lead")}</p>
        <YearSelector years={data.years} year={data.year} provisional={data.provisional} base={base} />
        {data.year !== null && data.provisional.includes(data.year) && (
          <p className="text-sm text-amber-800">{t("provisionalNote")}</p>
        )}
        <p className="flex flex-wrap gap-4 text-sm">
          <Link
            href={
              data.territory.level === "REGION"
                ? `/statistics/completeness?region=${data.territory.code}`
                : "/statistics/completeness"
            }
          >
            {t("completenessLink")}
          </Link>
          <Link href="/open-data">{t("openDataLink")}</Link>
          <Link href="/statistics/dashboards">{t("dashboardsLink")}</Link>
        </p>
      </div>

      <DiaryFigures diary={data.diary} locale={locale} />

      {data.totals === null ? (
        <p className="text-slate-600">{t("noData")}</p>
      ) : (
        <>
          <dl className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
            <KeyFigure label={t("col.students")} value={data.totals.students} locale={locale} testId="total-students" />
            <KeyFigure label={t("col.teachers")} value={data.totals.teachers} locale={locale} testId="total-teachers" />
            <KeyFigure label={t("col.classes")} value={data.totals.classes} locale={locale} testId="total-classes" />
            <KeyFigure
              label={t("col.reportingOrganizations")}
              value={data.totals.organizations}
              locale={locale}
              testId="total-organizations"
            />
            <KeyFigure
              label={t("col.avgClassSize")}
              value={data.totals.avgClassSize}
              locale={locale}
              testId="total-class-size"
            />
            <KeyFigure
              label={t("col.pupilsPerTeacher")}
              value={data.totals.pupilsPerTeacher}
              locale={locale}
              testId="total-pupils-per-teacher"
            />
          </dl>

          <StatFigure
            id="children"
            title={t(childIsOrg ? "figure.byOrganization" : "figure.byTerritory")}
            note={t("drillNote")}
            locale={locale}
            csvName={`students-${slug}`}
            chart={{
              kind: "bar",
              data: childChart("students", (c) => c.students),
              series: [{ key: "students", name: t("col.students") }],
            }}
            columns={[
              { key: "name", label: childLabel },
              { key: "students", label: t("col.students"), numeric: true },
              { key: "teachers", label: t("col.teachers"), numeric: true },
              { key: "classes", label: t("col.classes"), numeric: true },
              ...(childIsOrg ? [] : [{ key: "organizations", label: t("col.reportingOrganizations"), numeric: true }]),
            ]}
            rows={childRows((c) => ({
              students: c.students,
              teachers: c.teachers,
              classes: c.classes,
              organizations: c.organizations,
            }))}
          />

          <StatFigure
            id="years"
            title={t("figure.years")}
            locale={locale}
            csvName={`years-${data.territory.code}`}
            chart={{
              kind: "line",
              data: data.byYear.map((r) => ({
                label: data.provisional.includes(r.year) ? `${r.year}*` : String(r.year),
                values: { students: chartValue(r.students), teachers: chartValue(r.teachers) },
              })),
              series: [
                { key: "students", name: t("col.students") },
                { key: "teachers", name: t("col.teachers") },
              ],
            }}
            columns={[
              { key: "year", label: t("col.year") },
              { key: "students", label: t("col.students"), numeric: true },
              { key: "teachers", label: t("col.teachers"), numeric: true },
              { key: "classes", label: t("col.classes"), numeric: true },
            ]}
            rows={data.byYear.map((r) => ({
              href: `${base}?year=${r.year}`,
              cells: {
                year: data.provisional.includes(r.year) ? `${r.year}*` : String(r.year),
                students: r.students,
                teachers: r.teachers,
                classes: r.classes,
              },
            }))}
          />

          <GradeSexFigure
            id="grades"
            title={t("figure.grades")}
            locale={locale}
            csvName={`grades-${slug}`}
            rows={data.byGrade}
          />

          <div className="grid gap-6 lg:grid-cols-2">
            <StatFigure
              id="class-size"
              title={t("figure.classSize")}
              locale={locale}
              csvName={`class-size-${slug}`}
              chart={{
                kind: "bar",
                data: childChart("size", (c) => c.avgClassSize),
                series: [{ key: "size", name: t("col.avgClassSize") }],
              }}
              columns={[
                { key: "name", label: childLabel },
                { key: "size", label: t("col.avgClassSize"), numeric: true },
              ]}
              rows={childRows((c) => ({ size: c.avgClassSize }))}
            />
            <StatFigure
              id="pupils-per-teacher"
              title={t("figure.pupilsPerTeacher")}
              locale={locale}
              csvName={`pupils-per-teacher-${slug}`}
              chart={{
                kind: "bar",
                data: childChart("ratio", (c) => c.pupilsPerTeacher),
                series: [{ key: "ratio", name: t("col.pupilsPerTeacher") }],
              }}
              columns={[
                { key: "name", label: childLabel },
                { key: "ratio", label: t("col.pupilsPerTeacher"), numeric: true },
              ]}
              rows={childRows((c) => ({ ratio: c.pupilsPerTeacher }))}
            />
          </div>

          <div className="grid gap-6 lg:grid-cols-2">
            <StatFigure
              id="teachers"
              title={t("figure.teachers")}
              locale={locale}
              csvName={`teachers-${slug}`}
              chart={{
                kind: "donut",
                data: data.byQualification.map((r) => ({
                  label: td(`qualification.${r.qualification as KeysOf<Messages["databank"]["qualification"]>}`),
                  values: { teachers: chartValue(r.teachers) },
                })),
                series: [{ key: "teachers", name: t("col.teachers") }],
              }}
              columns={[
                { key: "qualification", label: t("col.qualification") },
                { key: "teachers", label: t("col.teachers"), numeric: true },
              ]}
              rows={data.byQualification
                .filter((r) => r.teachers.value !== null || r.teachers.hidden)
                .map((r) => ({
                  cells: {
                    qualification: td(
                      `qualification.${r.qualification as KeysOf<Messages["databank"]["qualification"]>}`,
                    ),
                    teachers: r.teachers,
                  },
                }))}
            />
            <StatFigure
              id="language"
              title={t("figure.language")}
              note={t("languageNote", {
                kazakh: cellText(data.kazakhShare.kazakh, locale),
                total: cellText(data.totals.students, locale),
              })}
              locale={locale}
              csvName={`language-${slug}`}
              chart={{
                kind: "donut",
                data: data.byLanguage.map((r) => ({
                  label: nameOf(r.name, locale),
                  values: { students: chartValue(r.students) },
                })),
                series: [{ key: "students", name: t("col.students") }],
              }}
              columns={[
                { key: "language", label: t("col.language") },
                { key: "students", label: t("col.students"), numeric: true },
                { key: "organizations", label: t("col.reportingOrganizations"), numeric: true },
              ]}
              rows={data.byLanguage.map((r) => ({
                cells: { language: nameOf(r.name, locale), students: r.students, organizations: r.organizations },
              }))}
            />
          </div>
        </>
      )}

      {data.passport && (
        <PassportFigures
          passport={data.passport}
          childLabel={childLabel}
          childHref={childHref}
          slug={data.territory.code}
          locale={locale}
        />
      )}

      <StatFigure
        id="kinds"
        title={t("figure.kinds")}
        note={t("kindsNote")}
        locale={locale}
        csvName={`organizations-${data.territory.code}`}
        chart={{
          kind: "donut",
          data: data.orgsByKind.map((r) => ({ label: nameOf(r.name, locale), values: { count: r.count } })),
          series: [{ key: "count", name: t("col.count") }],
        }}
        columns={[
          { key: "kind", label: t("col.kind") },
          { key: "count", label: t("col.count"), numeric: true },
        ]}
        rows={data.orgsByKind.map((r) => ({ cells: { kind: nameOf(r.name, locale), count: r.count } }))}
      />
      <p className="text-sm text-slate-600">{t("suppressionNote", { shown: SUPPRESSED })}</p>
    </div>
  );
}
