"use client";

import { useEffect, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { WordCard } from "@/lib/dictionary/entries";

/**
 * The word of the day, fetched from the public API in the browser so that the page showing it stays
 * static. Shows nothing until it arrives (or when the dictionary is empty).
 */
export function WordOfTheDay() {
  const t = useTranslations("learn.wordOfTheDay");
  const locale = useLocale();
  const [word, setWord] = useState<WordCard | null>(null);
  useEffect(() => {
    let alive = true;
    fetch(`/api/v1/dictionary/word-of-the-day?locale=${locale}`)
      .then((r) => (r.ok ? r.json() : null))
      .then((body: { word: WordCard | null } | null) => alive && setWord(body?.word ?? null))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [locale]);
  if (!word) return null;
  return <WordOfTheDayCard word={word} title={t("title")} more={t("more")} learn={t("learn")} />;
}

export function WordOfTheDayCard({
  word,
  title,
  more,
  learn,
}: {
  word: WordCard;
  title: string;
  more: string;
  learn: string;
}) {
  const locale = useLocale();
  const translations =
    locale === "en" ? word.en : locale === "ru" ? word.ru : [...word.ru.slice(0, 2), ...word.en.slice(0, 2)];
  return (
    <section
      aria-labelledby="word-of-the-day"
      className="rounded-lg border border-sun bg-white p-5 shadow-sm"
      data-testid="word-of-the-day"
    >
      <h2 id="word-of-the-day" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
        {title}
      </h2>
      <p className="mt-2 flex flex-wrap items-baseline gap-x-3">
        <Link href={`/dictionary/${word.slug}`} className="text-2xl font-bold" lang="kk">
          {word.lemma}
        </Link>
        <span className="text-slate-500" lang="kk-Latn">
          {word.lemmaLatin}
        </span>
      </p>
      {translations.length > 0 && <p className="mt-1">{translations.join("; ")}</p>}
      {word.example && (
        <p className="mt-2 text-sm text-slate-600">
          <span lang="kk">{word.example.kk}</span>
          {(locale === "en" ? word.example.en : word.example.ru) && (
            <> — {locale === "en" ? word.example.en : word.example.ru}</>
          )}
        </p>
      )}
      <p className="mt-3 flex gap-4 text-sm">
        <Link href={`/dictionary/${word.slug}`}>{more}</Link>
        <Link href="/dictionary/learn">{learn}</Link>
      </p>
    </section>
  );
}
