import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { localName } from "@/lib/names";
import { orNotFound } from "@/lib/databank/page-params";
import { cachedMethodView } from "@/lib/ratings/cache";
import { normaliseWeights } from "@/lib/ratings/compute";
import { methodOf } from "@/lib/ratings/runner";
import { Table } from "@/components/ui/table";
import { pageMetadata } from "@/lib/seo/metadata";
import { formatDay, formatNumber } from "@/lib/format";
import { viewParams } from "@/lib/http/view-params";

export async function generateMetadata({ params }: PageProps<"/[locale]/ratings/methods/[code]">): Promise<Metadata> {
  const { locale, code } = await params;
  const t = await getTranslations({ locale, namespace: "ratings" });
  try {
    const view = await cachedMethodView(code, null);
    const ts = await getTranslations({ locale, namespace: "seo.description" });
    const name = localName(view.method, locale);
    return pageMetadata(locale, `/ratings/methods/${code}`, {
      title: t("method.title", { name }),
      description: ts("ratingMethod", { name }),
    });
  } catch {
    return {};
  }
}

/** The published method of a rating, versioned: older versions stay readable (?version=N). */
export default async function MethodPage({ params, searchParams }: PageProps<"/[locale]/ratings/methods/[code]">) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("ratings");
  const { version } = await viewParams({ params, searchParams });
  if (version !== undefined && (typeof version !== "string" || !/^\d{1,4}$/.test(version))) notFound();
  const view = await orNotFound(() => cachedMethodView(code, version === undefined ? null : Number(version)), notFound);
  const current = view.current;
  const weights = normaliseWeights(methodOf(current.aggregation, current.indicators)).indicators;
  return (
    <article className="max-w-5xl space-y-6">
      <nav className="text-sm">
        <Link href={`/ratings?method=${code}`}>{t("method.back")}</Link>
      </nav>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold" data-testid="method-title">
          {t("method.title", { name: localName(view.method, locale) })}
        </h1>
        <p className="text-lg" data-testid="method-version">
          {t("method.version", { number: current.number })}
        </p>
        <p className="text-slate-700">
          {current.approvalOrder && current.approvedOn
            ? t("method.approved", {
                order: current.approvalOrder,
                date: formatDay(current.approvedOn, locale),
              })
            : t("method.notApproved")}
        </p>
        {current.years.length > 0 && (
          <p className="text-sm text-slate-600">{t("method.yearsRated", { years: current.years.join(", ") })}</p>
        )}
      </header>

      {view.versions.length > 1 && (
        <nav
          aria-label={t("method.versions")}
          className="flex flex-wrap items-center gap-2 text-sm"
          data-testid="versions"
        >
          <span className="font-medium">{t("method.versions")}:</span>
          {view.versions.map((v) => (
            <Link
              key={v.number}
              href={`/ratings/methods/${code}?version=${v.number}`}
              aria-current={v.number === current.number ? "true" : undefined}
              className={`rounded border px-2 py-1 no-underline ${v.number === current.number ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white"}`}
            >
              {t("method.version", { number: v.number })}
            </Link>
          ))}
        </nav>
      )}

      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("method.indicators")}</h2>
        <Table
          look="compact"
          testId="method-indicators"
          columns={[
            ...(["indicator", "definition", "source", "direction", "normalisation", "missing"] as const).map((c) =>
              t(`col.${c}`),
            ),
            { label: t("col.weight"), numeric: true },
          ]}
          rows={current.indicators}
          thClassName="px-2 py-2"
          frameClassName="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
        >
          {(i, index) => (
            <tr key={i.code} className="border-t border-slate-100 align-top">
              <td className="px-2 py-1 font-medium">{t(`indicator.${i.code}.name`)}</td>
              <td className="px-2 py-1">{t(`indicator.${i.code}.definition`)}</td>
              <td className="px-2 py-1">{t(`indicator.${i.code}.source`)}</td>
              <td className="px-2 py-1">{t(`direction.${i.direction}`)}</td>
              <td className="px-2 py-1 font-mono text-xs">{t(`normalisation.${i.normalisation}`)}</td>
              <td className="px-2 py-1">{t(`missing.${i.missing}`)}</td>
              <td className="px-2 py-1 text-right tabular-nums">
                {formatNumber(weights[index]!.weight * 100, locale, { maximumFractionDigits: 1 })} %
              </td>
            </tr>
          )}
        </Table>
      </section>
      <section className="space-y-1">
        <h2 className="text-xl font-semibold">{t("method.aggregationTitle")}</h2>
        <p data-testid="method-aggregation">
          {t(`aggregation.${current.aggregation === "geometric" ? "geometric" : "arithmetic"}`)}
        </p>
      </section>
      <section className="space-y-1">
        <h2 className="text-xl font-semibold">{t("method.rankingTitle")}</h2>
        <p>{t("method.ranking")}</p>
      </section>
      <section className="space-y-1">
        <h2 className="text-xl font-semibold">{t("method.sensitivityTitle")}</h2>
        <p>{t("method.sensitivity")}</p>
      </section>
      <section className="space-y-1">
        <h2 className="text-xl font-semibold">{t("method.reproduceTitle")}</h2>
        <p>{t("method.reproduce")}</p>
      </section>
    </article>
  );
}
