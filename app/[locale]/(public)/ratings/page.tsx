import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { localName } from "@/lib/names";
import { orNotFound, yearParam } from "@/lib/databank/page-params";
import { cachedPublishedMethods, cachedRatingView } from "@/lib/ratings/cache";
import { LEVELS, type Level } from "@/lib/ratings/catalogue";
import { RatingTable, type RatingTableRow } from "@/components/ratings/rating-table-client";
import { StatChart } from "@/components/statistics/chart";
import { Choice, intervalText } from "@/components/ratings/parts";
import { pageMetadata } from "@/lib/seo/metadata";
import { formatDate } from "@/lib/format";
import { viewParams } from "@/lib/http/view-params";

export async function generateMetadata({ params }: PageProps<"/[locale]/ratings">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "ratings" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/ratings", { title: t("title"), description: ts("ratings") });
}

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/** Public ratings: level → territory → rating and year; the sortable table, the chart of scores. */
export default async function RatingsPage({ params, searchParams }: PageProps<"/[locale]/ratings">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await viewParams({ params, searchParams });
  const t = await getTranslations("ratings");
  const methods = await cachedPublishedMethods();
  const year = await orNotFound(async () => yearParam(query.year), notFound);
  if (!methods.length) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("none")}</p>
      </div>
    );
  }
  const byCode = methods.find((m) => m.code === one(query.method));
  const levels = LEVELS.filter((l) => methods.some((m) => m.level === l));
  const requestedLevel = one(query.level);
  const level: Level =
    byCode?.level ?? (levels.includes(requestedLevel as Level) ? (requestedLevel as Level) : levels[0]!);
  const ofLevel = methods.filter((m) => m.level === level);
  const method = byCode ?? ofLevel.find((m) => m.territory.code === one(query.territory)) ?? ofLevel[0]!;
  if (year !== null && !method.years.includes(year)) notFound();
  const view = await orNotFound(() => cachedRatingView(method.code, year), notFound);
  const territories = [...new Map(ofLevel.map((m) => [m.territory.code, m])).values()];
  const sameTerritory = ofLevel.filter((m) => m.territory.code === method.territory.code);
  const indicators = view.version.indicators.map((i) => ({ code: i.code, name: t(`indicator.${i.code}.name`) }));
  const cardHref = (code: string) => `/ratings/${method.code}/${code}?year=${view.year}`;
  const rows: RatingTableRow[] = view.rows.map((r) => {
    const change = r.rank !== null && r.previousRank !== null ? r.previousRank - r.rank : null;
    return {
      key: r.entityId,
      name: localName(r, locale),
      href: cardHref(r.code),
      rank: r.rank,
      score: r.score,
      sub: Object.fromEntries(r.breakdown.map((b) => [b.code, b.normalised])),
      change,
      changeLabel:
        change === null
          ? t("change.new")
          : change > 0
            ? t("change.up", { n: change })
            : change < 0
              ? t("change.down", { n: -change })
              : t("change.same"),
      interval: intervalText(r),
      robust: r.robust,
    };
  });
  const ranked = view.rows.filter((r) => r.rank !== null);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("lead")}</p>
      </header>
      <div className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
        <Choice
          label={t("levelLabel")}
          testId="level-selector"
          items={levels.map((l) => ({
            key: l,
            label: t(`level.${l}`),
            href: `/ratings?level=${l}`,
            current: l === level,
          }))}
        />
        {territories.length > 1 && (
          <Choice
            label={t("territoryLabel")}
            testId="territory-selector"
            items={territories.map((m) => ({
              key: m.territory.code,
              label: localName(m.territory, locale),
              href: `/ratings?level=${level}&territory=${m.territory.code}`,
              current: m.territory.code === method.territory.code,
            }))}
          />
        )}
        {sameTerritory.length > 1 && (
          <Choice
            label={t("ratingLabel")}
            testId="method-selector"
            items={sameTerritory.map((m) => ({
              key: m.code,
              label: localName(m, locale),
              href: `/ratings?method=${m.code}`,
              current: m.code === method.code,
            }))}
          />
        )}
        <Choice
          label={t("yearLabel")}
          testId="year-selector"
          items={method.years.map((y) => ({
            key: String(y),
            label: String(y),
            href: `/ratings?method=${method.code}&year=${y}`,
            current: y === view.year,
          }))}
        />
      </div>

      <section className="space-y-3" aria-labelledby="rating-title">
        <h2 id="rating-title" className="text-xl font-semibold" data-testid="rating-title">
          {localName(method, locale)}, {view.year}
        </h2>
        <p className="text-sm text-slate-600">
          {t("publishedOn", {
            date: formatDate(new Date(view.publishedAt), locale),
            version: view.version.number,
          })}
        </p>
        <p className="flex flex-wrap gap-4 text-sm">
          <Link href={`/ratings/methods/${method.code}?version=${view.version.number}`} data-testid="method-link">
            {t("methodLink", { version: view.version.number })}
          </Link>
          <a
            href={`/api/v1/ratings?method=${method.code}&year=${view.year}&format=csv&locale=${locale}`}
            data-testid="csv-link"
          >
            {t("csv")}
          </a>
          <a
            href={`/api/v1/ratings?method=${method.code}&year=${view.year}&format=xlsx&locale=${locale}`}
            data-testid="xlsx-link"
          >
            {t("xlsx")}
          </a>
          <Link href="/ratings/api">{t("apiLink")}</Link>
        </p>
        <RatingTable
          rows={rows}
          indicators={indicators}
          locale={locale}
          labels={{
            rank: t("col.rank"),
            name: t("col.name"),
            score: t("col.score"),
            change: t("col.change"),
            interval: t("col.interval"),
            sortBy: t.raw("sortBy") as string,
            notRobust: t("notRobust"),
            notRobustHint: t("notRobustHint", { width: view.sensitivity.robustWidth }),
            excluded: t("excluded"),
          }}
        />
        <p className="text-sm text-slate-600">
          {t("sensitivityNote", {
            spread: Math.round(view.sensitivity.spread * 100),
            draws: view.sensitivity.draws,
            seed: view.sensitivity.seed,
            width: view.sensitivity.robustWidth,
          })}
        </p>
      </section>

      {ranked.length > 0 && (
        <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="chart-title">
          <h2 id="chart-title" className="mb-2 text-lg font-semibold">
            {t("chartTitle")}
          </h2>
          <StatChart
            kind="bar"
            label={t("chartTitle")}
            locale={locale}
            series={[{ key: "score", name: t("col.score") }]}
            data={ranked.map((r) => ({
              label: localName(r, locale),
              href: cardHref(r.code),
              values: { score: r.score },
            }))}
          />
        </section>
      )}
    </div>
  );
}
