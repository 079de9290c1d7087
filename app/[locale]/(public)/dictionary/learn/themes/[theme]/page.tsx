import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { cachedThemeWords } from "@/lib/dictionary/cache";
import { isTheme } from "@/lib/dictionary/constants";
import { AddThemeButton } from "@/components/dictionary/flashcard-button-client";
import { runtimeKeys } from "@/i18n/keys";
import { pageMetadata } from "@/lib/seo/metadata";

export const dynamic = "force-dynamic";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/dictionary/learn/themes/[theme]">): Promise<Metadata> {
  const { locale, theme } = await params;
  const t = await getTranslations({ locale, namespace: "learn" });
  if (!isTheme(theme)) return { title: t("title"), robots: { index: false } };
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  const name = t(`themes.${theme}`);
  return pageMetadata(locale, `/dictionary/learn/themes/${theme}`, {
    title: name,
    description: ts("theme", { theme: name }),
  });
}

export default async function ThemePage({ params }: PageProps<"/[locale]/dictionary/learn/themes/[theme]">) {
  const { locale, theme } = await params;
  setRequestLocale(locale);
  if (!isTheme(theme)) notFound();
  const t = await getTranslations("learn");
  const tp = await getTranslations("dictionary.pos");
  const words = await cachedThemeWords(theme, 200);
  return (
    <div className="space-y-4">
      <nav className="text-sm">
        <Link href="/dictionary/learn">{t("title")}</Link>
      </nav>
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t(`themes.${theme}`)}</h1>
          <p className="text-sm text-slate-600">{t("wordCount", { count: words.length })}</p>
        </div>
        <div className="ml-auto">
          <AddThemeButton theme={theme} returnTo={`/${locale}/dictionary/learn/themes/${theme}`} />
        </div>
      </div>
      {words.length === 0 ? (
        <p className="text-slate-600">{t("emptyTheme")}</p>
      ) : (
        <table className="w-full overflow-hidden rounded-lg bg-white text-sm shadow-sm">
          <caption className="sr-only">{t(`themes.${theme}`)}</caption>
          <thead className="bg-slate-100 text-left">
            <tr>
              <th className="px-3 py-2">{t("columns.word")}</th>
              <th className="px-3 py-2">{t("columns.latin")}</th>
              <th className="px-3 py-2">{t("columns.pos")}</th>
              <th className="px-3 py-2">{t("columns.ru")}</th>
              <th className="px-3 py-2">{t("columns.en")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {words.map((w) => (
              <tr key={w.slug}>
                <td className="px-3 py-2">
                  <Link href={`/dictionary/${w.slug}`} lang="kk" className="font-medium">
                    {w.lemma}
                  </Link>
                </td>
                <td className="px-3 py-2 text-slate-600" lang="kk-Latn">
                  {w.lemmaLatin}
                </td>
                <td className="px-3 py-2 text-slate-600">
                  {w.partOfSpeech && runtimeKeys(tp).has(w.partOfSpeech) ? runtimeKeys(tp)(w.partOfSpeech) : ""}
                </td>
                <td className="px-3 py-2" lang="ru">
                  {w.ru.join("; ")}
                </td>
                <td className="px-3 py-2" lang="en">
                  {w.en.join("; ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
