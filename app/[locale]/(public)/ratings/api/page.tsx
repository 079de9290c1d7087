import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ApiDocPage, CODE_BLOCK, ParamsTable, ExampleLinks } from "@/components/ui/api-docs";
import { pageMetadata } from "@/lib/seo/metadata";

export async function generateMetadata({ params }: PageProps<"/[locale]/ratings/api">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "ratings" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/ratings/api", { title: t("api.title"), description: ts("ratingsApi") });
}

const EXAMPLE_RESPONSE = `{
  "method": "regions",
  "level": "REGION",
  "name": "Education rating of regions",
  "territory": { "code": "000000000", "name": "Republic of Kazakhstan" },
  "year": 2025,
  "version": { "number": 2, "aggregation": "arithmetic", "approvalOrder": "№ 245", "approvedOn": "2024-12-02",
               "indicators": [{ "code": "pupilsPerTeacher", "direction": "lower", "normalisation": "minmax", "missing": "exclude-entity", "weight": 25 }, …] },
  "sensitivity": { "draws": 1000, "spread": 0.2, "seed": 20260917, "robustWidth": 2 },
  "entities": [
    { "code": "110000000", "name": "Akmola Region", "rank": 3, "previousRank": 5, "score": 0.6412,
      "interval": { "p5": 2, "p95": 4, "min": 2, "max": 5 }, "robust": true,
      "inputs": { "pupilsPerTeacher": 12.96, … }, "normalised": { … }, "contributions": { … }, "imputed": {} },
    …
  ]
}`;

/** Documentation of the ratings API (static: no database). */
export default async function RatingsApiPage({ params }: PageProps<"/[locale]/ratings/api">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("ratings.api");
  const tr = await getTranslations("ratings");
  const examples: [string, string][] = [
    [t("exampleList"), `/api/v1/ratings?locale=${locale}`],
    [t("exampleRating"), `/api/v1/ratings?method=regions&year=2025&locale=${locale}`],
    [t("exampleCsv"), `/api/v1/ratings?method=regions&year=2025&format=csv&locale=${locale}`],
  ];
  return (
    <ApiDocPage back={{ href: "/ratings", label: tr("method.back") }} title={t("title")} lead={t("lead")}>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("endpoint")}</h2>
        <code className={CODE_BLOCK}>GET /api/v1/ratings?method=regions&amp;year=2025&amp;format=json</code>
        <p className="text-sm">
          {t("openapi")}{" "}
          <a href="/api/v1/ratings/openapi.json" className="font-mono">
            /api/v1/ratings/openapi.json
          </a>
        </p>
        <ParamsTable
          caption={t("paramsTitle")}
          paramLabel={t("param")}
          meaningLabel={t("meaning")}
          rows={(["method", "year", "format", "locale"] as const).map((p): [string, string] => [p, t(`params.${p}`)])}
        />
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("examplesTitle")}</h2>
        <ExampleLinks examples={examples} />
        <pre className={CODE_BLOCK}>{EXAMPLE_RESPONSE}</pre>
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("errorsTitle")}</h2>
        <p>{t("errors")}</p>
      </section>
    </ApiDocPage>
  );
}
