import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { cachedEntryBySlug } from "@/lib/dictionary/cache";
import { AddFlashcardButton } from "@/components/dictionary/flashcard-button-client";
import { PermanentLink } from "@/components/dictionary/permanent-link-client";
import { runtimeKeys } from "@/i18n/keys";
import { pageMetadata } from "@/lib/seo/metadata";
import { formatDate } from "@/lib/format";

// The same for every reader: rendered on the first request for an entry, then kept like a static page and
// expired with the dictionary's tag when an entry is edited or imported.
export const revalidate = 3600;

export function generateStaticParams() {
  return [];
}

/** Slugs may arrive percent-encoded (Latin letters such as ä, ş). */
function decodeSlug(raw: string): string {
  try {
    return decodeURIComponent(raw).normalize("NFC");
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: PageProps<"/[locale]/dictionary/[slug]">): Promise<Metadata> {
  const { locale, slug } = await params;
  const entry = await cachedEntryBySlug(decodeSlug(slug));
  const t = await getTranslations({ locale, namespace: "dictionary" });
  if (!entry) return { title: t("entry.notFound"), robots: { index: false } };
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  const translations = entry.senses.flatMap((s) => (locale === "en" ? s.en : s.ru)).slice(0, 5);
  const words = { lemma: entry.lemma, latin: entry.lemmaLatin };
  return pageMetadata(locale, `/dictionary/${encodeURIComponent(entry.slug)}`, {
    title: `${entry.lemma} (${entry.lemmaLatin})`,
    description: translations.length
      ? ts("entry", { ...words, translations: translations.join("; ") })
      : ts("entryPlain", words),
    article: { section: t("title") },
  });
}

export default async function EntryPage({ params }: PageProps<"/[locale]/dictionary/[slug]">) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const entry = await cachedEntryBySlug(decodeSlug(slug));
  if (!entry) notFound();
  const t = await getTranslations("dictionary");
  const tt = await getTranslations("learn.themes");
  const path = `/${locale}/dictionary/${entry.slug}`;
  const languages = locale === "en" ? (["en", "ru"] as const) : (["ru", "en"] as const);
  return (
    <article className="max-w-4xl space-y-6">
      <nav aria-label={t("entry.breadcrumb")} className="text-sm">
        <Link href="/dictionary">{t("title")}</Link>
      </nav>
      <header className="space-y-2">
        <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <h1 className="text-4xl font-bold" lang="kk">
            {entry.lemma}
          </h1>
          <p className="text-2xl text-slate-600" lang="kk-Latn" data-testid="entry-latin">
            <span className="sr-only">{t("entry.latin")}: </span>
            {entry.lemmaLatin}
          </p>
          {entry.checked && (
            <span
              className="rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-800"
              title={
                entry.checkedAt
                  ? t("entry.checkedAt", { date: formatDate(new Date(entry.checkedAt), locale) })
                  : undefined
              }
            >
              ✓ {t("entry.checked")}
            </span>
          )}
        </div>
        {entry.themes.length > 0 && (
          <p className="flex flex-wrap gap-2 text-sm">
            {entry.themes.map((theme) => (
              <Link
                key={theme}
                href={`/dictionary/learn/themes/${theme}`}
                className="rounded bg-brand-50 px-2 py-0.5 no-underline hover:no-underline"
              >
                {tt(theme)}
              </Link>
            ))}
          </p>
        )}
        <AddFlashcardButton entryId={entry.id} returnTo={path} />
      </header>

      <section aria-labelledby="senses" className="rounded-lg bg-white p-6 shadow-sm">
        <h2 id="senses" className="sr-only">
          {t("entry.senses")}
        </h2>
        <ol className="space-y-5">
          {entry.senses.map((sense, i) => (
            <li key={sense.id} className="grid grid-cols-[2rem_1fr] gap-2" data-testid="sense">
              <span className="font-semibold text-slate-500">{i + 1}.</span>
              <div className="space-y-2">
                <p className="flex flex-wrap gap-2 text-sm">
                  {sense.partOfSpeech && (
                    <span className="rounded bg-slate-100 px-1.5 italic text-slate-700">
                      {runtimeKeys(t).has(`pos.${sense.partOfSpeech}`)
                        ? runtimeKeys(t)(`pos.${sense.partOfSpeech}`)
                        : sense.partOfSpeech}
                    </span>
                  )}
                  {sense.gloss && <span lang="kk">{sense.gloss}</span>}
                </p>
                <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                  {languages.map((lang) =>
                    sense[lang].length ? (
                      <div key={lang} className="contents">
                        <dt className="text-sm text-slate-500">{t(`languages.${lang}`)}</dt>
                        <dd lang={lang} className="text-lg">
                          {sense[lang].join("; ")}
                        </dd>
                      </div>
                    ) : null,
                  )}
                </dl>
                {sense.examples.length > 0 && (
                  <ul className="space-y-1 border-l-2 border-brand-100 pl-3 text-sm">
                    {sense.examples.map((ex, j) => (
                      <li key={j}>
                        <span lang="kk" className="font-medium">
                          {ex.kk}
                        </span>
                        {ex.ru && (
                          <span lang="ru" className="block text-slate-600">
                            {ex.ru}
                          </span>
                        )}
                        {ex.en && (
                          <span lang="en" className="block text-slate-600">
                            {ex.en}
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </li>
          ))}
        </ol>
      </section>

      {entry.related.length > 0 && (
        <section aria-labelledby="related" className="rounded-lg bg-white p-6 shadow-sm">
          <h2 id="related" className="mb-2 font-semibold">
            {t("entry.related")}
          </h2>
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            {entry.related.map((r) => (
              <li key={r.slug} className="text-sm">
                <span className="text-slate-500">{t(`relations.${r.kind}`)}: </span>
                <Link href={`/dictionary/${r.slug}`} lang="kk">
                  {r.lemma}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <footer className="space-y-2 text-sm text-slate-600">
        <PermanentLink
          path={path}
          label={t("entry.permanentLink")}
          copyLabel={t("entry.copy")}
          copiedLabel={t("entry.copied")}
        />
        <p>
          {t("entry.updated", { date: formatDate(new Date(entry.updatedAt), locale) })} ·{" "}
          {t(`entry.sources.${entry.source === "apertium" ? "apertium" : entry.source === "seed" ? "seed" : "editor"}`)}
        </p>
      </footer>
    </article>
  );
}
