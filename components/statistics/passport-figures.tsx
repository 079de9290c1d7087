import { getTranslations } from "next-intl/server";
import { localName } from "@/lib/names";
import type { PassportFigures as Figures, PassportLine } from "@/lib/databank/public";
import { StatFigure, chartValue, type TableRow } from "./figure";

/**
 * The organisation passport's figures of a territory page (issue 25): capacity against enrolment, and the
 * overcrowded, three-shift and emergency schools, by region, district or school — each chart with the table
 * of the same numbers beside it (and the territory's total as the last line).
 */
export async function PassportFigures({
  passport,
  childLabel,
  childHref,
  slug,
  locale,
}: {
  passport: Figures;
  childLabel: string;
  childHref: (code: string) => string;
  slug: string;
  locale: string;
}) {
  const t = await getTranslations("statistics");
  const nameOf = (line: PassportLine) =>
    localName({ nameKk: line.name.kk, nameRu: line.name.ru, nameEn: line.name.en }, locale);
  const rows = (pick: (l: PassportLine) => TableRow["cells"]): TableRow[] => [
    ...passport.children.map((l) => ({ href: childHref(l.code), cells: { name: nameOf(l), ...pick(l) } })),
    { cells: { name: t("col.total"), ...pick(passport.total) } },
  ];
  const chartOf = (pick: (l: PassportLine) => Record<string, number | null>) =>
    passport.children.map((l) => ({ label: nameOf(l), href: childHref(l.code), values: pick(l) }));
  return (
    <section aria-labelledby="passport-figures" className="space-y-4" data-testid="passport-figures">
      <div>
        <h2 id="passport-figures" className="text-xl font-semibold">
          {t("passport.title", { year: passport.year })}
        </h2>
        <p className="text-sm text-slate-600">{t("passport.lead")}</p>
      </div>
      <StatFigure
        id="passport-capacity"
        title={t("passport.capacity")}
        locale={locale}
        csvName={`passport-capacity-${slug}`}
        chart={{
          kind: "bar",
          data: chartOf((l) => ({ capacity: l.capacity, enrolment: chartValue(l.enrolment) })),
          series: [
            { key: "capacity", name: t("passport.col.capacity") },
            { key: "enrolment", name: t("passport.col.enrolment") },
          ],
        }}
        columns={[
          { key: "name", label: childLabel },
          { key: "schools", label: t("passport.col.schools"), numeric: true },
          { key: "capacity", label: t("passport.col.capacity"), numeric: true },
          { key: "enrolment", label: t("passport.col.enrolment"), numeric: true },
          { key: "capacityUse", label: t("passport.col.capacityUse"), numeric: true },
          { key: "pupilsPerComputer", label: t("passport.col.pupilsPerComputer"), numeric: true },
        ]}
        rows={rows((l) => ({
          schools: l.schools,
          capacity: l.capacity,
          enrolment: l.enrolment,
          capacityUse: l.capacityUse,
          pupilsPerComputer: l.pupilsPerComputer,
        }))}
      />
      <StatFigure
        id="passport-schools"
        title={t("passport.schools")}
        locale={locale}
        csvName={`passport-schools-${slug}`}
        chart={{
          kind: "bar",
          data: chartOf((l) => ({ overcrowded: l.overcrowded, threeShift: l.threeShift, emergency: l.emergency })),
          series: [
            { key: "overcrowded", name: t("passport.col.overcrowded") },
            { key: "threeShift", name: t("passport.col.threeShift") },
            { key: "emergency", name: t("passport.col.emergency"), color: "#dc2626" },
          ],
        }}
        columns={[
          { key: "name", label: childLabel },
          { key: "schools", label: t("passport.col.schools"), numeric: true },
          { key: "overcrowded", label: t("passport.col.overcrowded"), numeric: true },
          { key: "threeShift", label: t("passport.col.threeShift"), numeric: true },
          { key: "emergency", label: t("passport.col.emergency"), numeric: true },
          { key: "internet", label: t("passport.col.internet"), numeric: true },
          { key: "gym", label: t("passport.col.gym"), numeric: true },
        ]}
        rows={rows((l) => ({
          schools: l.schools,
          overcrowded: l.overcrowded,
          threeShift: l.threeShift,
          emergency: l.emergency,
          internet: l.internet,
          gym: l.gym,
        }))}
      />
    </section>
  );
}
