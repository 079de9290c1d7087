import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { GRADES, METHODICAL_TYPES, CONTENT_LANGUAGES, SORTS } from "@/lib/publications/constants";
import { cachedFilterOptions, cachedList } from "@/lib/publications/cache";
import { listQueryFrom } from "@/lib/publications/query";
import { PublicationCard } from "@/components/publications/publication-card";
import { Pager } from "@/components/ui/pager";
import { pagerLabels } from "@/components/ui/pager-labels";
import { PageHeading } from "@/components/ui/page-heading";
import { pageMetadata } from "@/lib/seo/metadata";
import { viewParams } from "@/lib/http/view-params";

export async function generateMetadata({ params }: PageProps<"/[locale]/publications">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "publications" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/publications", {
    title: t("title"),
    description: ts("publications"),
    feeds: { "application/rss+xml": `/${locale}/publications/rss.xml` },
  });
}

/** Published methodological materials with filters, sorting and pages. */
export default async function PublicationsPage({ params, searchParams }: PageProps<"/[locale]/publications">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("publications");
  const { query, raw } = listQueryFrom(await viewParams({ params, searchParams }), "methodical");
  const [list, options] = await Promise.all([cachedList(query, locale), cachedFilterOptions(locale)]);
  const subjects = new Map(options.subjects.map((s) => [s.code, s.name]));
  const select = (
    name: string,
    label: string,
    values: { value: string; label: string }[],
    current: string | undefined,
    any = true,
  ) => (
    <label className="text-sm">
      <span className="mb-1 block font-medium">{label}</span>
      <select
        name={name}
        defaultValue={current ?? ""}
        className="w-full rounded border border-slate-300 bg-white px-2 py-1.5"
      >
        {any && <option value="">{t("filters.any")}</option>}
        {values.map((v) => (
          <option key={v.value} value={v.value}>
            {v.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="space-y-4">
      <PageHeading title={t("title")} lead={t("lead")}>
        <p className="flex gap-3 text-sm">
          <Link href="/news">{t("newsLink")}</Link>
          <a href={`/${locale}/publications/rss.xml`} data-testid="publications-rss">
            {t("news.rss")}
          </a>
          <Link href="/account/publications" data-testid="write-publication">
            {t("write")}
          </Link>
        </p>
      </PageHeading>
      <form
        method="get"
        className="grid gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-7"
        aria-label={t("filters.label")}
        data-testid="publication-filters"
      >
        {select(
          "subject",
          t("filters.subject"),
          options.subjects.map((s) => ({ value: s.code, label: s.name })),
          query.subject,
        )}
        {select(
          "grade",
          t("filters.grade"),
          GRADES.map((g) => ({ value: String(g), label: g === 0 ? t("preschool") : t("gradeN", { grade: g }) })),
          query.grade?.toString(),
        )}
        {select(
          "type",
          t("filters.type"),
          METHODICAL_TYPES.map((x) => ({ value: x, label: t(`types.${x}`) })),
          query.type,
        )}
        {select(
          "language",
          t("filters.language"),
          CONTENT_LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) })),
          query.language,
        )}
        {select(
          "region",
          t("filters.region"),
          options.regions.map((r) => ({ value: r.code, label: r.name })),
          query.region,
        )}
        {select(
          "sort",
          t("filters.sort"),
          SORTS.map((s) => ({ value: s, label: t(`sorts.${s}`) })),
          query.sort,
          false,
        )}
        <div className="flex items-end gap-2">
          <button
            type="submit"
            className="rounded bg-brand-700 px-3 py-1.5 text-sm text-white"
            data-testid="apply-filters"
          >
            {t("filters.apply")}
          </button>
          <Link href="/publications" className="text-sm">
            {t("filters.reset")}
          </Link>
        </div>
      </form>
      <p className="text-sm text-slate-600" data-testid="publications-found">
        {t("found", { count: list.total })}
      </p>
      {list.items.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-center text-slate-600 shadow-sm" data-testid="publications-empty">
          {t("empty")}
        </p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {list.items.map((item) => (
            <PublicationCard key={item.id} item={item} subjects={subjects} />
          ))}
        </ul>
      )}
      <Pager path="/publications" query={raw} page={list.page} pages={list.pages} labels={await pagerLabels()} />
    </div>
  );
}
