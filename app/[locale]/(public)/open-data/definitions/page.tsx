import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { cached, TAGS } from "@/lib/cache";
import { documentedForms, documentedRatingMethods } from "@/lib/configuration/docs";
import type { LocalizedText } from "@/lib/reporting/definition";
import { pageMetadata } from "@/lib/seo/metadata";
import { FormsDocumentation } from "@/components/configuration/forms-documentation";
import { IndicatorCatalogue } from "@/components/configuration/indicator-catalogue";
import { Table } from "@/components/ui/table";
import { viewParams } from "@/lib/http/view-params";
import { DocumentLinks } from "@/components/configuration/document-links";

export async function generateMetadata({ params }: PageProps<"/[locale]/open-data/definitions">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "open-data.definitions" });
  return pageMetadata(locale, "/open-data/definitions", { title: t("title"), description: t("description") });
}

/** The public part of the configuration: the newest published list of forms and the published rating methods. */
const publicDefinitions = cached(
  async () => {
    const [years, methods] = await Promise.all([documentedForms(), documentedRatingMethods()]);
    return {
      year: years.find((y) => y.status === "PUBLISHED") ?? null,
      methods: methods.filter((m) => m.published !== null),
    };
  },
  ["open-data:definitions:1"],
  { tags: [TAGS.databank, TAGS.ratings], revalidate: 300 },
);

/**
 * Definitions of the open data (R13, issue 27), generated from the configuration so that they are always the
 * ones the figures are computed with: the indicator catalogue, the report forms of the current year with their
 * rules in words, and the published rating methods. Nothing personal.
 */
export default async function DefinitionsPage({ params, searchParams }: PageProps<"/[locale]/open-data/definitions">) {
  const { locale } = await params;
  setRequestLocale(locale);
  // never rendered during the build: the cached twin renders on its first request (lib/http/cached-views.ts)
  await viewParams({ params, searchParams });
  const t = await getTranslations("open-data");
  const { year, methods } = await publicDefinitions();
  const l = (x: LocalizedText) => x[locale as keyof LocalizedText] ?? x.kk;
  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm">
          <Link href="/open-data">← {t("title")}</Link>
        </p>
        <h1 className="text-2xl font-bold">{t("definitions.title")}</h1>
        <p className="mt-1 max-w-3xl text-slate-700">{t("definitions.description")}</p>
        <div className="mt-2">
          <DocumentLinks href="/api/v1/open-data/definitions/document" locale={locale} testId="definitions-download" />
        </div>
      </div>
      <section aria-labelledby="indicators-h">
        <h2 id="indicators-h" className="mb-2 text-xl font-semibold">
          {t("definitions.indicators")}
        </h2>
        <IndicatorCatalogue testId="definitions-indicators" />
      </section>
      <section aria-labelledby="forms-h" data-testid="definitions-forms">
        <h2 id="forms-h" className="mb-2 text-xl font-semibold">
          {year ? t("definitions.forms", { year: year.year }) : t("definitions.title")}
        </h2>
        {year ? <FormsDocumentation years={[year]} locale={locale} /> : <p>{t("definitions.noForms")}</p>}
      </section>
      <section aria-labelledby="ratings-h">
        <h2 id="ratings-h" className="mb-2 text-xl font-semibold">
          {t("definitions.ratings")}
        </h2>
        <Table
          look="compact"
          caption={t("definitions.ratings")}
          testId="definitions-ratings"
          columns={[t("definitions.method"), { label: t("definitions.version"), numeric: true }]}
          rows={methods}
          empty={t("definitions.noRatings")}
        >
          {(m) => (
            <tr key={m.code} className="border-t border-slate-100">
              <td className="p-2">
                <Link href={`/ratings/methods/${m.code}`}>{l(m.name)}</Link> · {l(m.territory)}
              </td>
              <td className="p-2 text-right tabular-nums">{m.published}</td>
            </tr>
          )}
        </Table>
      </section>
    </div>
  );
}
