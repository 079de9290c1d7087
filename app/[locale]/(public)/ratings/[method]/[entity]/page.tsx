import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { localName } from "@/lib/names";
import { orNotFound, yearParam } from "@/lib/databank/page-params";
import { cachedEntityCard } from "@/lib/ratings/cache";
import { normaliseWeights } from "@/lib/ratings/compute";
import { methodOf } from "@/lib/ratings/runner";
import { StatChart } from "@/components/statistics/chart";
import { intervalText } from "@/components/ratings/parts";
import { Table } from "@/components/ui/table";
import { pageMetadata } from "@/lib/seo/metadata";
import { formatNumber } from "@/lib/format";
import { viewParams } from "@/lib/http/view-params";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/ratings/[method]/[entity]">): Promise<Metadata> {
  const { locale, method, entity } = await params;
  try {
    const card = await cachedEntityCard(method, entity, null);
    const ts = await getTranslations({ locale, namespace: "seo.description" });
    const name = localName(card.entry, locale);
    return pageMetadata(locale, `/ratings/${method}/${entity}`, {
      title: name,
      description: ts("ratingEntity", { name, method: localName(card.rating.method, locale) }),
    });
  } catch {
    return {};
  }
}

/** An entity's card: its indicators (raw, normalised, weight, contribution) and its rank over the years. */
export default async function EntityPage({ params, searchParams }: PageProps<"/[locale]/ratings/[method]/[entity]">) {
  const { locale, method, entity } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("ratings");
  const { year: yearValue } = await viewParams({ params, searchParams });
  const year = await orNotFound(async () => yearParam(yearValue), notFound);
  const card = await orNotFound(() => cachedEntityCard(method, entity, year), notFound);
  const { rating, entry, history } = card;
  const weights = normaliseWeights(methodOf(rating.version.aggregation, rating.version.indicators)).indicators;
  const num = (v: number | null | undefined, digits = 3) =>
    v == null ? "—" : formatNumber(v, locale, { maximumFractionDigits: digits });
  const of = rating.rows.filter((r) => r.rank !== null).length;
  return (
    <div className="space-y-6">
      <nav className="text-sm">
        <Link href={`/ratings?method=${method}&year=${rating.year}`}>{t("card.back")}</Link>
      </nav>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold" data-testid="entity-title">
          {localName(entry, locale)}
        </h1>
        <p className="text-slate-700">{localName(rating.method, locale)}</p>
        {entry.rank === null ? (
          <p className="text-slate-700">{t("excluded")}</p>
        ) : (
          <p className="text-lg" data-testid="entity-rank">
            {t("card.rankOf", { rank: entry.rank, of, year: rating.year })} ·{" "}
            {t("card.scoreOf", { score: num(entry.score) })} · {t("col.interval")}: {intervalText(entry)}
            {!entry.robust && (
              <span className="ml-2 rounded bg-amber-100 px-1 text-sm text-amber-900">{t("notRobust")}</span>
            )}
          </p>
        )}
      </header>

      <section
        className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        aria-labelledby="breakdown-title"
      >
        <h2 id="breakdown-title" className="mb-2 text-lg font-semibold">
          {t("card.breakdown")}
        </h2>
        <Table
          look="plain"
          testId="breakdown"
          columns={[
            t("col.indicator"),
            t("col.direction"),
            { label: t("col.raw"), numeric: true },
            { label: t("col.normalised"), numeric: true },
            { label: t("col.weight"), numeric: true },
            { label: t("col.contribution"), numeric: true },
          ]}
          rows={rating.version.indicators}
        >
          {(i, index) => {
            const b = entry.breakdown.find((x) => x.code === i.code);
            return (
              <tr key={i.code} className="border-t border-slate-100">
                <td className="py-1 pr-3">
                  {t(`indicator.${i.code}.name`)}
                  {b?.imputed && <span className="ml-2 text-xs text-slate-500">{t(`card.imputed.${b.imputed}`)}</span>}
                </td>
                <td className="py-1 pr-3">{t(`direction.${i.direction}`)}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{num(entry.inputs[i.code], 2)}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{num(b?.normalised)}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{num(weights[index]!.weight * 100, 1)} %</td>
                <td className="py-1 pr-3 text-right tabular-nums">{num(b?.contribution, 4)}</td>
              </tr>
            );
          }}
        </Table>
        <p className="mt-2 text-sm text-slate-600">{t("card.contributionNote")}</p>
      </section>

      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="history-title">
        <h2 id="history-title" className="mb-2 text-lg font-semibold">
          {t("card.history")}
        </h2>
        <StatChart
          kind="line"
          reverseY
          label={t("card.history")}
          locale={locale}
          series={[{ key: "rank", name: t("col.rank") }]}
          data={history.map((h) => ({ label: String(h.year), values: { rank: h.rank } }))}
        />
        <Table
          look="plain"
          testId="history"
          columns={[
            t("col.year"),
            { label: t("col.rank"), numeric: true },
            { label: t("col.score"), numeric: true },
            { label: t("col.interval"), numeric: true },
          ]}
          rows={history}
          className="mt-2 text-sm"
          thClassName="py-1 pr-4"
        >
          {(h) => (
            <tr key={h.year} className="border-t border-slate-100">
              <td className="py-1 pr-4">
                <Link href={`/ratings/${method}/${entity}?year=${h.year}`}>{h.year}</Link>
              </td>
              <td className="py-1 pr-4 text-right tabular-nums">{h.rank === null ? "—" : `${h.rank} / ${h.of}`}</td>
              <td className="py-1 pr-4 text-right tabular-nums">{num(h.score)}</td>
              <td className="py-1 pr-4 text-right tabular-nums">{intervalText(h)}</td>
            </tr>
          )}
        </Table>
      </section>
    </div>
  );
}
