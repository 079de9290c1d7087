"use client";

import { useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Link, useRouter } from "@/i18n/navigation";
import { reviewFlashcardAction } from "@/lib/dictionary/flashcard-actions";
import type { DueCard } from "@/lib/dictionary/flashcards";
import { GRADES, type Grade } from "@/lib/dictionary/srs";
import { Button } from "@/components/ui/button";

/**
 * A review session over the cards that are due: the headword first, then the answer on request, then
 * one of four grades. Each grade is saved at once (the next card does not wait for it).
 */
export function FlashcardSession({ cards }: { cards: DueCard[] }) {
  const t = useTranslations("learn.flashcards");
  const locale = useLocale();
  const router = useRouter();
  const [index, setIndex] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reviewed, setReviewed] = useState(0);
  const [, startTransition] = useTransition();
  const card = cards[index];

  if (!card) {
    return (
      <div role="status" className="rounded-lg bg-white p-6 text-center shadow-sm" data-testid="flashcards-done">
        <p className="text-lg font-semibold">{reviewed ? t("sessionDone", { count: reviewed }) : t("nothingDue")}</p>
        <div className="mt-3 flex justify-center gap-4 text-sm">
          <button type="button" className="text-brand-700 underline" onClick={() => router.refresh()}>
            {t("checkAgain")}
          </button>
          <Link href="/dictionary/learn">{t("backToLearn")}</Link>
        </div>
      </div>
    );
  }

  const grade = (g: Grade) => {
    const data = new FormData();
    data.set("entryId", card.entryId);
    data.set("grade", g);
    startTransition(async () => {
      const result = await reviewFlashcardAction(null, data);
      if (!result.ok) setError(result.message ?? t("error"));
    });
    setReviewed((n) => n + 1);
    setRevealed(false);
    setIndex((i) => i + 1);
  };

  const primary = locale === "en" ? card.en : card.ru;
  const secondary = locale === "en" ? card.ru : locale === "ru" ? card.en : card.en;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">{t("progress", { current: index + 1, total: cards.length })}</p>
      {error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <div className="rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm" data-testid="flashcard">
        <p className="text-3xl font-bold" lang="kk" data-testid="flashcard-front">
          {card.lemma}
        </p>
        <p className="mt-1 text-slate-500" lang="kk-Latn">
          {card.lemmaLatin}
        </p>
        {revealed ? (
          <div className="mt-6 space-y-2" data-testid="flashcard-back">
            {primary.length > 0 && <p className="text-xl">{primary.join("; ")}</p>}
            {secondary.length > 0 && secondary !== primary && <p className="text-slate-600">{secondary.join("; ")}</p>}
            {card.example && (
              <p className="text-sm text-slate-600">
                <span lang="kk">{card.example.kk}</span>
                {(locale === "en" ? card.example.en : card.example.ru) && (
                  <> — {locale === "en" ? card.example.en : card.example.ru}</>
                )}
              </p>
            )}
            <Link href={`/dictionary/${card.slug}`} className="text-sm">
              {t("openEntry")}
            </Link>
          </div>
        ) : (
          <Button type="button" className="mt-6" onClick={() => setRevealed(true)}>
            {t("show")}
          </Button>
        )}
      </div>
      {revealed && (
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-4" role="group" aria-label={t("gradeLabel")}>
          {GRADES.map((g) => (
            <button
              key={g}
              type="button"
              onClick={() => grade(g)}
              className={`rounded border px-3 py-2 text-sm font-medium ${g === "again" ? "border-red-300 bg-red-50 hover:bg-red-100" : g === "easy" ? "border-green-300 bg-green-50 hover:bg-green-100" : "border-slate-300 bg-white hover:bg-slate-100"}`}
            >
              {t(`grades.${g}`)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
