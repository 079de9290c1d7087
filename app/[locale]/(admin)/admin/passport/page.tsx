import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { passportOf } from "@/lib/passport/passport";
import { formatDateTime, formatNumber } from "@/lib/format";
import { localName } from "@/lib/names";
import { PageHeader } from "@/components/admin/page-header";
import { BuildingForm } from "@/components/passport/building-form";
import { ChangeStatusBadge, ConditionBadge, NoPassport, PassportTabs } from "@/components/passport/tabs";

export const dynamic = "force-dynamic";

/** The school admin's passport: buildings in force and pending, a form for each and for a new one, the history. */
export default async function PassportBuildingsPage({ params }: PageProps<"/[locale]/admin/passport">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("passport.manage");
  const t = await getTranslations("passport");
  const passport = await passportOf(viewer);
  if (!passport) return <NoPassport />;
  const numbers = [...new Set(passport.buildings.map((b) => b.number))];
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("title")}
        description={`${localName(passport.organization, locale)} · ${t("description")}`}
      />
      <PassportTabs current="buildings" />
      <p className="text-sm text-slate-600">{t("buildings.pendingNote")}</p>
      {numbers.length === 0 && (
        <p className="rounded-lg bg-white p-6 text-slate-600 shadow-sm">{t("buildings.empty")}</p>
      )}
      {numbers.map((number) => {
        const current = passport.buildings.find((b) => b.number === number && b.status === "CONFIRMED");
        const pending = passport.buildings.find((b) => b.number === number && b.status === "PENDING");
        const shown = pending ?? current!;
        return (
          <section
            key={number}
            aria-labelledby={`building-${number}-title`}
            className="space-y-3 rounded-lg bg-white p-4 shadow-sm"
            data-testid={`building-${number}`}
          >
            <div className="flex flex-wrap items-center gap-2">
              <h2 id={`building-${number}-title`} className="text-lg font-semibold">
                {t("buildings.building", { number })}
              </h2>
              {current && (
                <span className="text-sm text-slate-700" data-testid="in-force">
                  {t("buildings.inForce")}: {formatNumber(current.capacity, locale)} ·{" "}
                  <ConditionBadge condition={current.condition} label={t(`condition.${current.condition}`)} />
                </span>
              )}
              {pending && <ChangeStatusBadge status="PENDING" label={t("buildings.pending")} />}
            </div>
            <BuildingForm
              organizationId={passport.organization.id}
              building={shown}
              testId={`building-form-${number}`}
            />
          </section>
        );
      })}
      <details className="rounded-lg bg-white p-4 shadow-sm" open={numbers.length === 0}>
        <summary className="cursor-pointer font-semibold">{t("buildings.add")}</summary>
        <div className="mt-3">
          <BuildingForm organizationId={passport.organization.id} testId="building-form-new" />
        </div>
      </details>
      <section aria-labelledby="history-title" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="history-title" className="mb-2 text-lg font-semibold">
          {t("buildings.history")}
        </h2>
        <div className="overflow-x-auto" role="region" aria-labelledby="history-title" tabIndex={0}>
          <table className="w-full text-sm" data-testid="building-history">
            <thead className="border-b border-slate-200 text-left">
              <tr>
                <th className="p-2">№</th>
                <th className="p-2">{t("fields.capacity")}</th>
                <th className="p-2">{t("fields.condition")}</th>
                <th className="p-2">{t("fields.status")}</th>
                <th className="p-2">{t("fields.changedBy")}</th>
                <th className="p-2">{t("fields.changedAt")}</th>
                <th className="p-2">{t("fields.decidedBy")}</th>
                <th className="p-2">{t("fields.validFrom")}</th>
                <th className="p-2">{t("fields.validTo")}</th>
              </tr>
            </thead>
            <tbody>
              {passport.history.map((h) => (
                <tr key={h.id} className="border-b border-slate-100">
                  <td className="p-2">{h.number}</td>
                  <td className="p-2 tabular-nums">{formatNumber(h.capacity, locale)}</td>
                  <td className="p-2">{t(`condition.${h.condition}`)}</td>
                  <td className="p-2">
                    <ChangeStatusBadge status={h.status} label={t(`status.${h.status}`)} />
                  </td>
                  <td className="p-2">{h.createdBy.displayName}</td>
                  <td className="p-2 whitespace-nowrap">{formatDateTime(h.createdAt, locale)}</td>
                  <td className="p-2">{h.decidedBy?.displayName ?? ""}</td>
                  <td className="p-2 whitespace-nowrap">{h.validFrom ? formatDateTime(h.validFrom, locale) : ""}</td>
                  <td className="p-2 whitespace-nowrap">{h.validTo ? formatDateTime(h.validTo, locale) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
