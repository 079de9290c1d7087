import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { cachedThemeCounts, cachedWordOfTheDay } from "@/lib/dictionary/cache";
import { THEMES } from "@/lib/dictionary/constants";
import { almatyDate } from "@/lib/time";
import { WordOfTheDayCard } from "@/components/dictionary/word-of-the-day-client";
import { pageMetadata } from "@/lib/seo/metadata";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/dictionary/learn">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "learn" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/dictionary/learn", { title: t("title"), description: ts("learn") });
}

export default async function LearnPage({ params }: PageProps<"/[locale]/dictionary/learn">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("learn");
  const [counts, word] = await Promise.all([cachedThemeCounts(), cachedWordOfTheDay(almatyDate())]);
  return (
    <div className="space-y-8">
      <nav className="text-sm">
        <Link href="/dictionary">{t("backToDictionary")}</Link>
      </nav>
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-slate-700">{t("lead")}</p>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <div className="md:col-span-1">
          {word ? (
            <WordOfTheDayCard
              word={word}
              title={t("wordOfTheDay.title")}
              more={t("wordOfTheDay.more")}
              learn={t("wordOfTheDay.learn")}
            />
          ) : (
            <p className="rounded-lg bg-white p-5 text-sm text-slate-600 shadow-sm">{t("wordOfTheDay.none")}</p>
          )}
        </div>
        <Link
          href="/dictionary/learn/flashcards"
          className="block rounded-lg bg-white p-5 no-underline shadow-sm hover:ring-2 hover:ring-brand-600 hover:no-underline"
        >
          <span className="block font-semibold text-brand-700">{t("flashcards.title")}</span>
          <span className="mt-1 block text-sm text-slate-600">{t("flashcards.lead")}</span>
        </Link>
        <Link
          href="/dictionary/learn/transliterate"
          className="block rounded-lg bg-white p-5 no-underline shadow-sm hover:ring-2 hover:ring-brand-600 hover:no-underline"
        >
          <span className="block font-semibold text-brand-700">{t("transliterate.title")}</span>
          <span className="mt-1 block text-sm text-slate-600">{t("transliterate.lead")}</span>
        </Link>
      </div>
      <section aria-labelledby="themes-heading">
        <h2 id="themes-heading" className="mb-3 text-xl font-semibold">
          {t("themesTitle")}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {THEMES.map((theme) => (
            <li key={theme}>
              <Link
                href={`/dictionary/learn/themes/${theme}`}
                className="block rounded-lg border border-slate-200 bg-white p-4 no-underline hover:border-brand-600 hover:no-underline"
              >
                <span className="block font-semibold text-brand-700">{t(`themes.${theme}`)}</span>
                <span className="text-sm text-slate-600">{t("wordCount", { count: counts[theme] })}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
