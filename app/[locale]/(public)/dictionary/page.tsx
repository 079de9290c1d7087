import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { lookupJson } from "@/lib/dictionary/api";
import { cachedLookup } from "@/lib/dictionary/cache";
import { isLocale, routing } from "@/i18n/routing";
import { parseLookupParams } from "@/lib/dictionary/schemas";
import { DictionarySearch } from "@/components/dictionary/search-client";
import { pageMetadata } from "@/lib/seo/metadata";

// Results for ?q=… are read from the database at request time (never during the build).
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/dictionary">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dictionary" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/dictionary", { title: t("title"), description: ts("dictionary") });
}

export default async function DictionaryPage({ params, searchParams }: PageProps<"/[locale]/dictionary">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("dictionary");
  const parsed = parseLookupParams(await searchParams);
  const value = parsed.ok ? parsed.value : { q: "", from: "auto" as const, to: undefined, limit: undefined };
  const initial = value.q.trim()
    ? await lookupJson(
        await cachedLookup({ q: value.q, from: value.from, to: value.to }),
        isLocale(locale) ? locale : routing.defaultLocale,
      )
    : null;
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <div className="min-w-0 space-y-4">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="mt-1 max-w-3xl text-slate-700">{t("lead")}</p>
        </div>
        {!parsed.ok && (
          <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {t(`api.errors.${parsed.error}`)}
          </p>
        )}
        <DictionarySearch
          initialQuery={value.q}
          initialFrom={value.from}
          initialTo={value.to === "ru" || value.to === "en" ? value.to : "all"}
          initialResult={initial}
        />
      </div>
      <aside className="space-y-4">
        <section className="rounded-lg border border-brand-100 bg-brand-50 p-4">
          <h2 className="font-semibold">{t("links.learnTitle")}</h2>
          <p className="mt-1 text-sm text-slate-700">{t("links.learnText")}</p>
          <ul className="mt-2 space-y-1 text-sm">
            <li>
              <Link href="/dictionary/learn" className="font-medium">
                {t("links.learn")}
              </Link>
            </li>
            <li>
              <Link href="/dictionary/learn/flashcards">{t("links.flashcards")}</Link>
            </li>
            <li>
              <Link href="/dictionary/learn/transliterate">{t("links.transliterate")}</Link>
            </li>
          </ul>
        </section>
        <section className="rounded-lg bg-white p-4 text-sm shadow-sm">
          <h2 className="font-semibold">{t("links.moreTitle")}</h2>
          <ul className="mt-2 space-y-1">
            <li>
              <Link href="/dictionary/api">{t("links.api")}</Link>
            </li>
            <li>
              <Link href="/admin/dictionary">{t("links.lexicographers")}</Link>
            </li>
          </ul>
          <p className="mt-3 text-xs text-slate-500">{t("links.sources")}</p>
        </section>
      </aside>
    </div>
  );
}
