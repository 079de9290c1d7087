import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { MAX_QUERY_LENGTH } from "@/lib/search/query";
import {
  parseSearchParams,
  regionNames,
  searchPortal,
  type PortalSearch,
  type SearchParams,
} from "@/lib/search/service";
import { DOCUMENT_TYPES, LANGUAGES } from "@/lib/search/types";
import { Marked } from "@/components/search/marked";
import { pageCount } from "@/lib/data-table/params";
import { Pager } from "@/components/ui/pager";
import { pagerLabels } from "@/components/ui/pager-labels";
import { Input } from "@/components/ui/input";
import { pageMetadata } from "@/lib/seo/metadata";

export const dynamic = "force-dynamic";

const KNOWN = ["q", "type", "language", "region", "subject", "page"] as const;

/** The page's parameters; unknown names are dropped and invalid filters fall back to the words alone. */
function pageParams(raw: Record<string, string | string[] | undefined>): SearchParams {
  const picked = Object.fromEntries(KNOWN.map((k) => [k, raw[k]]));
  try {
    return parseSearchParams(picked);
  } catch {
    const q = Array.isArray(raw.q) ? raw.q[0] : raw.q;
    return { q: typeof q === "string" ? q.slice(0, 10_000) : "", page: 1 };
  }
}

export async function generateMetadata({ params, searchParams }: PageProps<"/[locale]/search">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "search" });
  const q = pageParams(await searchParams)
    .q.trim()
    .slice(0, 80);
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/search", {
    title: q ? t("titleOf", { q }) : t("title"),
    description: ts("search"),
    noindex: true,
  });
}

export default async function SearchPage({ params, searchParams }: PageProps<"/[locale]/search">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("search");
  const p = pageParams(await searchParams);
  let found: PortalSearch | null = null;
  try {
    found = await searchPortal(await getViewer(), p);
  } catch (error) {
    console.error(`search: ${(error as Error).message}`);
  }
  const regions = found?.result.total ? await regionNames(locale) : {};

  const href = (change: Partial<SearchParams>) => {
    const next = { ...p, page: 1, ...change };
    const query: Record<string, string> = {};
    for (const k of KNOWN) {
      const v = next[k];
      if (v !== undefined && v !== "" && !(k === "page" && v === 1)) query[k] = String(v);
    }
    return { pathname: "/search" as const, query };
  };
  const facetLink = (
    label: string,
    count: number | null,
    active: boolean,
    change: Partial<SearchParams>,
    key = "all",
  ) => (
    <li key={key}>
      <Link
        href={href(change)}
        aria-current={active ? "true" : undefined}
        className={`flex justify-between gap-2 rounded px-2 py-1 text-sm no-underline hover:bg-slate-100 ${active ? "bg-brand-50 font-semibold" : ""}`}
      >
        <span>{label}</span>
        {count !== null && <span className="text-slate-500">{count}</span>}
      </Link>
    </li>
  );
  const result = found?.result;
  const pages = result ? Math.min(50, pageCount(result.total, found!.pageSize)) : 1;

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-slate-700">{t("lead")}</p>
      </div>
      <form method="get" role="search" className="flex max-w-2xl gap-2" aria-label={t("label")}>
        <Input
          type="search"
          name="q"
          defaultValue={found?.query ?? p.q.slice(0, MAX_QUERY_LENGTH)}
          aria-label={t("label")}
          placeholder={t("placeholder")}
          maxLength={1000}
          className="flex-1"
        />
        {p.type && <input type="hidden" name="type" value={p.type} />}
        {p.language && <input type="hidden" name="language" value={p.language} />}
        {p.region && <input type="hidden" name="region" value={p.region} />}
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">
          {t("submit")}
        </button>
      </form>
      {!found && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t("unavailable")}
        </p>
      )}
      {found?.truncated && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("truncated", { max: MAX_QUERY_LENGTH })}
        </p>
      )}
      {found?.hint === "empty" && <p className="text-slate-700">{t("hintEmpty")}</p>}
      {found && found.hint !== "empty" && result && (
        <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
          <aside className="space-y-4" aria-label={t("filters.type")} data-testid="search-facets">
            <section>
              <h2 className="mb-1 text-sm font-semibold uppercase text-slate-600">{t("filters.type")}</h2>
              <ul>
                {facetLink(t("filters.all"), null, !p.type, { type: undefined })}
                {DOCUMENT_TYPES.filter((type) => result.facets.type[type]).map((type) =>
                  facetLink(
                    t(`types.${type}`),
                    result.facets.type[type]!,
                    p.type === type,
                    { type: p.type === type ? undefined : type },
                    type,
                  ),
                )}
              </ul>
            </section>
            <section>
              <h2 className="mb-1 text-sm font-semibold uppercase text-slate-600">{t("filters.language")}</h2>
              <ul>
                {facetLink(t("filters.all"), null, !p.language, { language: undefined })}
                {LANGUAGES.filter((l) => result.facets.language[l]).map((l) =>
                  facetLink(
                    t(`languages.${l}`),
                    result.facets.language[l]!,
                    p.language === l,
                    { language: p.language === l ? undefined : l },
                    l,
                  ),
                )}
              </ul>
            </section>
            {Object.keys(result.facets.region).length > 0 && (
              <section>
                <h2 className="mb-1 text-sm font-semibold uppercase text-slate-600">{t("filters.region")}</h2>
                <ul>
                  {facetLink(t("filters.all"), null, !p.region, { region: undefined })}
                  {Object.entries(result.facets.region)
                    .sort((a, b) => b[1] - a[1])
                    .map(([code, n]) =>
                      facetLink(
                        regions[code] ?? code,
                        n,
                        p.region === code,
                        { region: p.region === code ? undefined : code },
                        code,
                      ),
                    )}
                </ul>
              </section>
            )}
          </aside>
          <section aria-live="polite" className="min-w-0">
            <p className="mb-2 text-sm text-slate-600" data-testid="search-count">
              {result.estimated ? t("countMore", { count: result.total }) : t("count", { count: result.total })}
            </p>
            {found.hint === "noResults" && <p className="text-slate-700">{t("noResults")}</p>}
            <ol className="space-y-4" data-testid="search-results">
              {result.hits.map((hit) => (
                <li key={hit.id} className="rounded border border-slate-200 p-3">
                  <a
                    href={hit.url === "/" ? `/${locale}` : `/${locale}${hit.url}`}
                    className="text-lg font-semibold"
                    lang={hit.language}
                  >
                    <Marked text={hit.title} />
                  </a>
                  <p className="mt-0.5 text-xs text-slate-500">
                    {t(`types.${hit.type}`)} · {t(`languages.${hit.language}`)}
                    {hit.region && regions[hit.region] ? ` · ${regions[hit.region]}` : ""}
                  </p>
                  {hit.snippet && (
                    <p className="mt-1 text-sm text-slate-700" lang={hit.language}>
                      <Marked text={hit.snippet} />
                    </p>
                  )}
                </li>
              ))}
            </ol>
            <Pager
              path="/search"
              query={href({}).query}
              page={p.page}
              pages={pages}
              labels={await pagerLabels()}
              className="mt-4"
            />
          </section>
        </div>
      )}
    </div>
  );
}
