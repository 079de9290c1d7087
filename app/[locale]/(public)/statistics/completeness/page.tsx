import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { StatFigure } from "@/components/statistics/figure";
import { cachedCompletenessBoard } from "@/lib/databank/cache";
import { orNotFound } from "@/lib/databank/page-params";
import { localName } from "@/lib/names";
import { formatDay } from "@/lib/format";
import type { LocalizedText } from "@/lib/reporting/definition";
import { pageMetadata } from "@/lib/seo/metadata";
import { viewParams } from "@/lib/http/view-params";

const nameOf = (text: LocalizedText, locale: string) =>
  localName({ nameKk: text.kk, nameRu: text.ru, nameEn: text.en }, locale);
const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : null);

export async function generateMetadata({ params }: PageProps<"/[locale]/statistics/completeness">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "statistics.completeness" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/statistics/completeness", { title: t("title"), description: ts("completeness") });
}

/** Public completeness board: per period and form, which regions and districts handed over on time, late or not yet. */
export default async function CompletenessPage({
  params,
  searchParams,
}: PageProps<"/[locale]/statistics/completeness">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await viewParams({ params, searchParams });
  const period = one(sp.period);
  const region = one(sp.region);
  if ((period && !/^[A-Za-z0-9_-]{1,60}$/.test(period)) || (region && !/^\d{9}$/.test(region))) notFound();
  const board = await orNotFound(() => cachedCompletenessBoard(period, region), notFound);
  const t = await getTranslations("statistics.completeness");
  const ts = await getTranslations("statistics");
  const pct = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)} %` : "—");
  const query = (p: string | null, r: string | null) => {
    const q = new URLSearchParams();
    if (p) q.set("period", p);
    if (r) q.set("region", r);
    const s = q.toString();
    return `/statistics/completeness${s ? `?${s}` : ""}`;
  };
  const current = board.period;
  return (
    <div className="space-y-6">
      <nav className="text-sm" aria-label={ts("breadcrumb")}>
        <Link href="/statistics">{ts("title")}</Link>
        {board.territory && (
          <>
            {" / "}
            <Link href={query(current?.id ?? null, null)}>{t("allRegions")}</Link>
          </>
        )}
      </nav>
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">
          {board.territory ? t("titleOf", { name: nameOf(board.territory.name, locale) }) : t("title")}
        </h1>
        <p className="text-slate-700">{t("lead")}</p>
      </div>
      <nav aria-label={t("periods")} className="flex flex-wrap gap-2 text-sm" data-testid="periods">
        {board.periods.map((p) => (
          <Link
            key={p.id}
            href={query(p.id, board.territory?.code ?? null)}
            aria-current={p.id === current?.id ? "true" : undefined}
            className={`rounded border px-2 py-1 no-underline ${p.id === current?.id ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white hover:border-brand-600"}`}
          >
            {p.form.code} · {p.label}
          </Link>
        ))}
      </nav>
      {current === null ? (
        <p className="text-slate-600">{ts("noData")}</p>
      ) : (
        <>
          <p className="text-sm" data-testid="period-info">
            {t("periodInfo", {
              form: `${current.form.code} ${nameOf(current.form.name, locale)}`,
              due: formatDay(current.dueDate, locale),
            })}{" "}
            {!current.deadlinePassed && <span className="text-amber-800">{t("deadlineAhead")}</span>}
          </p>
          <StatFigure
            id="completeness"
            title={board.territory ? t("byDistrict") : t("byRegion")}
            locale={locale}
            csvName={`completeness-${current.form.code}-${current.label}${board.territory ? `-${board.territory.code}` : ""}`}
            chart={{
              kind: "bar",
              data: board.lines.map((l) => ({
                label: nameOf(l.name!, locale),
                href: board.territory ? undefined : query(current.id, l.code),
                values: { onTime: l.onTime, late: l.late, notYet: l.notYet },
              })),
              series: [
                { key: "onTime", name: t("onTime"), stack: "s", color: "#15803d" },
                { key: "late", name: t("late"), stack: "s", color: "#d97706" },
                { key: "notYet", name: t("notYet"), stack: "s", color: "#b91c1c" },
              ],
            }}
            columns={[
              { key: "name", label: board.territory ? ts("col.district") : ts("col.region") },
              { key: "obliged", label: t("obliged"), numeric: true },
              { key: "onTime", label: t("onTime"), numeric: true },
              { key: "late", label: t("late"), numeric: true },
              { key: "notYet", label: t("notYet"), numeric: true },
              { key: "handed", label: t("handedOver"), numeric: true },
            ]}
            rows={[
              ...board.lines.map((l) => ({
                href: board.territory ? undefined : query(current.id, l.code),
                cells: {
                  name: nameOf(l.name!, locale),
                  obliged: l.obliged,
                  onTime: l.onTime,
                  late: l.late,
                  notYet: l.notYet,
                  handed: pct(l.onTime + l.late, l.obliged),
                },
              })),
              {
                cells: {
                  name: t("total"),
                  obliged: board.total.obliged,
                  onTime: board.total.onTime,
                  late: board.total.late,
                  notYet: board.total.notYet,
                  handed: pct(board.total.onTime + board.total.late, board.total.obliged),
                },
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
