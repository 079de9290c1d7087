import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AREAS, OPEN_DIMENSIONS, INDICATORS, MAX_LIMIT, MEASURES, QUALIFICATIONS } from "@/lib/databank/catalogue";
import { DEFAULT_LIMIT, FILTERS, MAX_DIMENSIONS } from "@/lib/databank/params";
import { SUPPRESSED } from "@/lib/databank/suppression";
import { ApiDocPage, CODE_BLOCK, ParamsTable, ExampleLinks } from "@/components/ui/api-docs";
import { pageMetadata } from "@/lib/seo/metadata";
import { Link } from "@/i18n/navigation";
import { OPENAPI_DOCUMENTS } from "@/lib/openapi";

export async function generateMetadata({ params }: PageProps<"/[locale]/open-data">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "open-data" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/open-data", { title: t("title"), description: ts("openData") });
}

const EXAMPLE_RESPONSE = `{
  "indicators": ["students"],
  "dimensions": ["region"],
  "measure": "sum",
  "years": [2025],
  "count": 20,
  "truncated": false,
  "suppression": { "threshold": "<5", "note": "…" },
  "cells": [
    { "region": "110000000", "regionName": "Akmola Region", "value": 5320, "suppressed": false, "organizations": 12 },
    …
  ]
}`;

const EXAMPLE_ERROR = `HTTP/1.1 400 Bad Request
{ "error": { "code": "badRequest", "message": "Unknown dimension: \\"colour\\" (by). Allowed: region, district, …" } }`;

/** Documentation of the open data API (static: no database). */
export default async function OpenDataPage({ params }: PageProps<"/[locale]/open-data">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("open-data");
  const td = await getTranslations("databank");
  const rows: [string, string][] = [
    ["indicator", t("params.indicator")],
    ["by", t("params.by", { max: MAX_DIMENSIONS })],
    ["measure", t("params.measure")],
    ...FILTERS.map((f): [string, string] => [f, t(`params.${f}`)]),
    ["format", t("params.format")],
    ["limit", t("params.limit", { default: DEFAULT_LIMIT, max: MAX_LIMIT })],
    ["locale", t("params.locale")],
  ];
  const examples: [string, string][] = [
    [t("example.regions"), `/api/v1/stats?indicator=students&by=region&year=2025&locale=${locale}`],
    [
      t("example.csv"),
      `/api/v1/stats?indicator=students&by=district,sex&territory=110000000&year=2025&format=csv&locale=${locale}`,
    ],
    [t("example.trend"), `/api/v1/stats?indicator=teachers,students&by=year&locale=${locale}`],
    [t("example.qualification"), `/api/v1/stats?indicator=teachers&by=qualification,area&year=2025&locale=${locale}`],
    [t("example.average"), `/api/v1/stats?indicator=students&by=orgKind&measure=avg&year=2025&locale=${locale}`],
  ];
  return (
    <ApiDocPage back={{ href: "/statistics", label: t("back") }} title={t("title")} lead={t("lead")}>
      <p>
        <Link href="/open-data/definitions" data-testid="definitions-link">
          {t("definitions.link")}
        </Link>
      </p>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("endpoint")}</h2>
        <code className={CODE_BLOCK}>
          GET /api/v1/stats?indicator=students&amp;by=region,sex&amp;year=2025&amp;format=json
        </code>
        <p className="text-sm">
          {t("openapi")}{" "}
          <a href="/api/v1/stats/openapi.json" className="font-mono">
            /api/v1/stats/openapi.json
          </a>
        </p>
        <ParamsTable caption={t("paramsTitle")} paramLabel={t("param")} meaningLabel={t("meaning")} rows={rows} />
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("valuesTitle")}</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="font-medium">indicator</dt>
          <dd>{INDICATORS.map((i) => `${i} (${td(`indicator.${i}`)})`).join("; ")}</dd>
          <dt className="font-medium">by</dt>
          <dd>{OPEN_DIMENSIONS.map((d) => `${d} (${td(`dimension.${d}`)})`).join("; ")}</dd>
          <dt className="font-medium">measure</dt>
          <dd>{MEASURES.map((m) => `${m} (${td(`measure.${m}`)})`).join("; ")}</dd>
          <dt className="font-medium">area</dt>
          <dd>{AREAS.join(", ")}</dd>
          <dt className="font-medium">sex</dt>
          <dd>F, M</dd>
          <dt className="font-medium">qualification</dt>
          <dd>{QUALIFICATIONS.join(", ")}</dd>
        </dl>
        <p className="text-sm">{t("applicability")}</p>
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("examplesTitle")}</h2>
        <ExampleLinks examples={examples} />
        <h3 className="font-semibold">{t("responseTitle")}</h3>
        <pre className={CODE_BLOCK}>{EXAMPLE_RESPONSE}</pre>
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("suppressionTitle")}</h2>
        <p>{t("suppressionText", { shown: SUPPRESSED })}</p>
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("errorsTitle")}</h2>
        <p>{t("errorsText", { max: MAX_LIMIT })}</p>
        <pre className={CODE_BLOCK}>{EXAMPLE_ERROR}</pre>
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("cacheTitle")}</h2>
        <p>{t("cacheText")}</p>
      </section>
      <section className="space-y-2" data-testid="openapi-documents">
        <h2 className="text-xl font-semibold">{t("documentsTitle")}</h2>
        <p>{t("documentsLead")}</p>
        <ul className="list-disc space-y-1 pl-6">
          {OPENAPI_DOCUMENTS.map((d) => (
            <li key={d.key}>
              {t(`documents.${d.key}`)}:{" "}
              <a href={d.path} className="font-mono break-all">
                {d.path}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </ApiDocPage>
  );
}
