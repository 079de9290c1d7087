import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { MAX_LIMIT, MAX_QUERY_LENGTH, DEFAULT_LIMIT } from "@/lib/dictionary/constants";
import { ApiDocPage, CODE_BLOCK, ParamsTable } from "@/components/ui/api-docs";
import { pageMetadata } from "@/lib/seo/metadata";

export async function generateMetadata({ params }: PageProps<"/[locale]/dictionary/api">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dictionary.api" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/dictionary/api", { title: t("title"), description: ts("dictionaryApi") });
}

const EXAMPLE_RESPONSE = `{
  "query": "mektepterde",
  "from": "kk",
  "detected": true,
  "to": "ru",
  "hint": null,
  "count": 1,
  "results": [
    {
      "slug": "mektep",
      "url": "/kk/dictionary/mektep",
      "lemma": "мектеп",
      "latin": "mektep",
      "partsOfSpeech": ["n"],
      "translations": { "ru": ["школа"], "en": [] },
      "match": "lemma",
      "via": "мектептерде",
      "checked": true
    }
  ]
}`;

const EXAMPLE_ERROR = `{ "error": { "code": "badRequest", "message": "…" } }`;

/** Documentation of the public dictionary API. Static: no database. */
export default async function DictionaryApiPage({ params }: PageProps<"/[locale]/dictionary/api">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("dictionary.api");
  const rows: [string, string][] = [
    ["q", t("params.q", { max: MAX_QUERY_LENGTH })],
    ["from", t("params.from")],
    ["to", t("params.to")],
    ["limit", t("params.limit", { default: DEFAULT_LIMIT, max: MAX_LIMIT })],
    ["locale", t("params.locale")],
  ];
  return (
    <ApiDocPage back={{ href: "/dictionary", label: t("back") }} title={t("title")} lead={t("lead")}>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("lookupTitle")}</h2>
        <code className={CODE_BLOCK}>GET /api/v1/dictionary?q=mektepterde&amp;from=kk&amp;to=ru</code>
        <ParamsTable caption={t("paramsTitle")} paramLabel={t("param")} meaningLabel={t("meaning")} rows={rows} />
        <p className="text-sm">{t("order")}</p>
        <h3 className="font-semibold">{t("responseTitle")}</h3>
        <pre className={CODE_BLOCK}>{EXAMPLE_RESPONSE}</pre>
        <p className="text-sm">{t("matchKinds")}</p>
        <p className="text-sm">{t("hints")}</p>
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("entryTitle")}</h2>
        <code className={CODE_BLOCK}>GET /api/v1/dictionary/entries/mektep</code>
        <p className="text-sm">{t("entryText")}</p>
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("wordTitle")}</h2>
        <code className={CODE_BLOCK}>GET /api/v1/dictionary/word-of-the-day</code>
        <p className="text-sm">{t("wordText")}</p>
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("errorsTitle")}</h2>
        <pre className={CODE_BLOCK}>{EXAMPLE_ERROR}</pre>
        <p className="text-sm">{t("errorsText")}</p>
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{t("cachingTitle")}</h2>
        <p className="text-sm">{t("cachingText")}</p>
      </section>
    </ApiDocPage>
  );
}
