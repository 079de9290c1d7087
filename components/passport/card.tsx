import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { PassportCard } from "@/lib/passport/public";
import { formatNumber, formatPercent } from "@/lib/format";
import { StatFigure, cellText } from "@/components/statistics/figure";
import { ConditionBadge } from "./tabs";

/**
 * The passport on the public school card: capacity against enrolment with the overcrowding percentage,
 * shifts, buildings with their condition and age, facilities, computers per pupil, connectivity, transport,
 * and spending per pupil against the district and region averages (with a chart). Figures about fewer than
 * five persons come hidden from the read.
 */
export async function PassportCardSection({ card, locale, bin }: { card: PassportCard; locale: string; bin: string }) {
  const t = await getTranslations("passport");
  const dl = "grid grid-cols-[minmax(10rem,auto)_1fr] gap-x-4 gap-y-1 text-sm";
  const num = (v: number | null) => (v === null ? "—" : formatNumber(v, locale));
  const yesNo = (v: boolean) => t(v ? "yes" : "no");
  const facilities = (b: PassportCard["buildings"][number]) =>
    [
      b.gym && t("fields.gym"),
      b.assemblyHall && t("fields.assemblyHall"),
      b.library && t("fields.library"),
      b.canteenSeats > 0 && `${t("fields.canteenSeats")}: ${num(b.canteenSeats)}`,
      b.scienceRooms > 0 && `${t("fields.scienceRooms")}: ${num(b.scienceRooms)}`,
      b.computerRooms > 0 && `${t("fields.computerRooms")}: ${num(b.computerRooms)}`,
      b.boardingPlaces > 0 && `${t("fields.boardingPlaces")}: ${num(b.boardingPlaces)}`,
      b.accessible && t("fields.accessible"),
    ]
      .filter(Boolean)
      .join(" · ");
  const key: [string, ReactNode, string][] = [
    [t("card.capacity"), num(card.capacity), "card-capacity"],
    [t("card.enrolment"), cellText(card.enrolment, locale), "card-enrolment"],
    [
      t("card.overcrowding"),
      card.overcrowding === null
        ? "—"
        : card.overcrowding > 0
          ? formatPercent(card.overcrowding, locale)
          : t("card.withinCapacity"),
      "card-overcrowding",
    ],
    [
      t("card.condition"),
      card.condition ? <ConditionBadge condition={card.condition} label={t(`condition.${card.condition}`)} /> : "—",
      "card-condition",
    ],
    [t("card.shifts"), card.shifts ? String(card.shifts.count) : "—", "card-shifts"],
    ...(card.budget
      ? ([
          [
            `${t("card.perPupil")} (${card.budget.year})`,
            `${num(card.budget.perPupil)} ${t("card.tenge")}`,
            "card-per-pupil",
          ],
        ] as [string, ReactNode, string][])
      : []),
  ];
  /** The plain number of a figure for tests and scripts. */
  const valueOf: Record<string, number | null | undefined> = {
    "card-overcrowding": card.overcrowding,
    "card-per-pupil": card.budget?.perPupil,
  };
  const budget = card.budget;
  return (
    <section aria-labelledby="school-passport-title" className="space-y-4" data-testid="school-passport">
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="school-passport-title" className="mb-1 text-lg font-semibold">
          {t("card.title")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t("card.note")}</p>
        <div className="grid gap-6 lg:grid-cols-2">
          <dl className={dl}>
            {key.map(([k, v, id]) => (
              <div key={id} className="contents">
                <dt className="text-slate-600">{k}</dt>
                <dd className="tabular-nums" data-testid={id} data-value={valueOf[id] ?? undefined}>
                  {v}
                </dd>
              </div>
            ))}
          </dl>
          <dl className={dl}>
            {card.equipment && (
              <>
                <dt className="text-slate-600">{t("card.computersPerPupil")}</dt>
                <dd className="tabular-nums" data-testid="card-computers">
                  {card.equipment.computersPerPupil === null
                    ? "—"
                    : formatNumber(card.equipment.computersPerPupil, locale, { maximumFractionDigits: 2 })}{" "}
                  ({num(card.equipment.computers)})
                </dd>
                <dt className="text-slate-600">{t("fields.computersAge")}</dt>
                <dd className="tabular-nums">{num(card.equipment.computersAge)}</dd>
                <dt className="text-slate-600">{t("fields.boards")}</dt>
                <dd className="tabular-nums">{num(card.equipment.boards)}</dd>
              </>
            )}
            {card.connectivity && (
              <>
                <dt className="text-slate-600">{t("fields.internet")}</dt>
                <dd data-testid="card-internet">
                  {t(`internet.${card.connectivity.internet as "NONE"}`)}
                  {card.connectivity.mbps > 0 && `, ${t("card.mbps", { mbps: card.connectivity.mbps })}`}
                </dd>
                <dt className="text-slate-600">{t("fields.wifiClassrooms")}</dt>
                <dd>{yesNo(card.connectivity.wifi)}</dd>
              </>
            )}
            {card.transport && card.transport.buses > 0 && (
              <>
                <dt className="text-slate-600">{t("fields.buses")}</dt>
                <dd className="tabular-nums">{num(card.transport.buses)}</dd>
                <dt className="text-slate-600">{t("fields.pupilsCarried")}</dt>
                <dd className="tabular-nums">{cellText(card.transport.pupilsCarried, locale)}</dd>
              </>
            )}
          </dl>
        </div>
      </div>
      {card.buildings.length > 0 && (
        <StatFigure
          id="buildings"
          title={t("card.buildings")}
          locale={locale}
          csvName={`buildings-${bin}`}
          columns={[
            { key: "number", label: "№" },
            { key: "yearBuilt", label: t("fields.yearBuilt"), numeric: true },
            { key: "age", label: t("card.age"), numeric: true },
            { key: "floors", label: t("fields.floors"), numeric: true },
            { key: "capacity", label: t("fields.capacity"), numeric: true },
            { key: "condition", label: t("fields.condition") },
            { key: "facilities", label: t("card.facilities") },
          ]}
          rows={card.buildings.map((b) => ({
            cells: {
              number: String(b.number),
              yearBuilt: String(b.yearBuilt),
              age: b.age,
              floors: b.floors,
              capacity: b.capacity,
              condition: t(`condition.${b.condition}`),
              facilities: facilities(b) || "—",
            },
          }))}
        />
      )}
      {card.shifts && card.shifts.count > 1 && (
        <StatFigure
          id="shifts"
          title={t("card.shifts")}
          locale={locale}
          csvName={`shifts-${bin}`}
          columns={[
            { key: "shift", label: t("card.shifts") },
            { key: "pupils", label: t("card.pupils"), numeric: true },
            { key: "classes", label: t("card.classes"), numeric: true },
          ]}
          rows={card.shifts.pupils.map((p, i) => ({
            cells: { shift: t("card.shift", { n: i + 1 }), pupils: p, classes: card.shifts!.classes[i] ?? null },
          }))}
        />
      )}
      {budget && (
        <StatFigure
          id="budget"
          title={t("card.budget", { year: budget.year })}
          note={`${t("card.perPupil")}: ${num(budget.perPupil)} ${t("card.tenge")}`}
          locale={locale}
          csvName={`budget-${bin}-${budget.year}`}
          chart={{
            kind: "bar",
            data: [
              { label: t("card.school"), values: { perPupil: budget.perPupil } },
              { label: t("card.districtAverage"), values: { perPupil: budget.district } },
              { label: t("card.regionAverage"), values: { perPupil: budget.region } },
            ],
            series: [{ key: "perPupil", name: t("card.perPupil") }],
          }}
          columns={[
            { key: "what", label: t("card.perPupil") },
            { key: "value", label: t("card.tenge"), numeric: true },
          ]}
          rows={[
            { cells: { what: t("card.school"), value: budget.perPupil } },
            { cells: { what: t("card.districtAverage"), value: budget.district } },
            { cells: { what: t("card.regionAverage"), value: budget.region } },
          ]}
        />
      )}
      {budget && (
        <StatFigure
          id="budget-lines"
          title={t("card.byExpense")}
          locale={locale}
          csvName={`budget-lines-${bin}-${budget.year}`}
          columns={[
            { key: "expense", label: t("fields.expense") },
            { key: "planned", label: t("fields.planned"), numeric: true },
            { key: "spent", label: t("fields.spent"), numeric: true },
          ]}
          rows={budget.byExpense.map((l) => ({
            cells: { expense: t(`expense.${l.expense as "OTHER"}`), planned: l.planned, spent: l.spent },
          }))}
        />
      )}
    </section>
  );
}
