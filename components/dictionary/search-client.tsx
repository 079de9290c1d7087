"use client";

import { useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { LookupJson } from "@/lib/dictionary/api";
import { runtimeKeys } from "@/i18n/keys";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";

type From = "auto" | "kk" | "ru" | "en";
type To = "all" | "ru" | "en";

interface ApiError {
  error: { code: string; message: string };
}

const DEBOUNCE_MS = 200;

/**
 * The dictionary's one search box: results as you type (debounced requests to the public API), the
 * detected language and a switch of direction. Without JavaScript the form is a plain GET to this page.
 */
export function DictionarySearch({
  initialQuery,
  initialFrom,
  initialTo,
  initialResult,
}: {
  initialQuery: string;
  initialFrom: From;
  initialTo: To;
  initialResult: LookupJson | null;
}) {
  const t = useTranslations("dictionary");
  const locale = useLocale();
  const [query, setQuery] = useState(initialQuery);
  const [from, setFrom] = useState<From>(initialFrom);
  const [to, setTo] = useState<To>(initialTo);
  const [fetched, setFetched] = useState<LookupJson | null>(initialResult);
  const [failure, setFailure] = useState<string | null>(null);
  // The request a result belongs to: a newer request is loading until its answer (or failure) arrives.
  const request = JSON.stringify([query, from, to]);
  const [answered, setAnswered] = useState(request);
  const empty = !query.trim();
  const result = empty ? null : fetched;
  const error = empty ? null : failure;
  const loading = !empty && answered !== request;
  const first = useRef(true);
  const failed = t("error");

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const params = new URLSearchParams();
    if (query.trim()) params.set("q", query);
    if (from !== "auto") params.set("from", from);
    if (to !== "all" && from !== "ru" && from !== "en") params.set("to", to);
    const search = params.toString();
    window.history.replaceState(window.history.state, "", `${window.location.pathname}${search ? `?${search}` : ""}`);
    if (!query.trim()) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      params.set("locale", locale);
      fetch(`/api/v1/dictionary?${params.toString()}`, { signal: controller.signal })
        .then(async (r) => {
          const body = (await r.json()) as LookupJson | ApiError;
          if ("error" in body) {
            setFailure(body.error.message);
            setFetched(null);
          } else {
            setFailure(null);
            setFetched(body);
          }
        })
        .catch((e: unknown) => {
          if ((e as Error).name !== "AbortError") setFailure(failed);
        })
        .finally(() => {
          if (!controller.signal.aborted) setAnswered(request);
        });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, from, to, locale, failed, request]);

  const showTo = from === "auto" || from === "kk";
  const other =
    result && result.detected
      ? result.from === "kk"
        ? /\p{Script=Cyrillic}/u.test(result.query)
          ? "ru"
          : "en"
        : "kk"
      : null;

  return (
    <div className="space-y-4">
      <form
        method="get"
        role="search"
        className="space-y-3 rounded-lg bg-white p-4 shadow-sm"
        onSubmit={(e) => e.preventDefault()}
      >
        <label htmlFor="dictionary-q" className="block text-sm font-medium">
          {t("searchLabel")}
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            id="dictionary-q"
            name="q"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t("searchPlaceholder")}
            autoComplete="off"
            spellCheck={false}
            maxLength={500}
            autoFocus
            className="min-w-64 flex-1 rounded border border-slate-300 px-3 py-2 text-lg"
          />
          <Button type="submit">{t("submit")}</Button>
        </div>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <span>{t("from.label")}</span>
            <Select name="from" value={from} onChange={(e) => setFrom(e.target.value as From)} density="sm">
              {(["auto", "kk", "ru", "en"] as const).map((v) => (
                <option key={v} value={v}>
                  {t(`from.${v}`)}
                </option>
              ))}
            </Select>
          </label>
          {showTo && (
            <label className="flex items-center gap-2">
              <span>{t("to.label")}</span>
              <Select name="to" value={to} onChange={(e) => setTo(e.target.value as To)} density="sm">
                {(["all", "ru", "en"] as const).map((v) => (
                  <option key={v} value={v}>
                    {t(`to.${v}`)}
                  </option>
                ))}
              </Select>
            </label>
          )}
        </div>
      </form>

      <div aria-live="polite" aria-busy={loading} data-testid="dictionary-results">
        {error && (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
            {error}
          </p>
        )}
        {!error && !result && !query.trim() && <p className="text-slate-600">{t("hints.start")}</p>}
        {!error && result && (
          <div className="space-y-3">
            <p className="text-sm text-slate-600">
              {result.detected
                ? t("detected", { language: t(`languages.${result.from}`) })
                : t("direction", { language: t(`languages.${result.from}`) })}
              {other && (
                <>
                  {" "}
                  <button type="button" className="text-brand-700 underline" onClick={() => setFrom(other)}>
                    {t("switchTo", { language: t(`languages.${other}`) })}
                  </button>
                </>
              )}
              {loading && <span className="ml-2 text-slate-400">{t("searching")}</span>}
            </p>
            {result.hint && result.hint.code !== "noResults" && (
              <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
                {result.hint.message}
              </p>
            )}
            {result.hint?.code === "noResults" && (
              <div role="status" className="rounded border border-slate-200 bg-white p-4 text-sm">
                <p className="font-medium">{result.hint.message}</p>
                <p className="mt-1 text-slate-600">{t("hints.noResultsTips")}</p>
              </div>
            )}
            <ResultList result={result} />
          </div>
        )}
      </div>
    </div>
  );
}

function ResultList({ result }: { result: LookupJson }) {
  const t = useTranslations("dictionary");
  if (!result.results.length) return null;
  return (
    <ol className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm">
      {result.results.map((hit) => (
        <li key={hit.slug} className="p-4" data-match={hit.match}>
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <Link href={`/dictionary/${hit.slug}`} className="text-lg font-semibold" lang="kk">
              {hit.lemma}
            </Link>
            <span className="text-slate-500" lang="kk-Latn">
              {hit.latin}
            </span>
            {hit.partsOfSpeech.map((p) => (
              <span key={p} className="rounded bg-slate-100 px-1.5 text-xs text-slate-700">
                {runtimeKeys(t).has(`pos.${p}`) ? runtimeKeys(t)(`pos.${p}`) : p}
              </span>
            ))}
            <span className="ml-auto rounded-full bg-brand-50 px-2 text-xs text-brand-900">
              {t(`match.${hit.match}`)}
            </span>
          </div>
          {hit.via && (
            <p className="mt-1 text-xs text-slate-500">
              {hit.match === "lemma" ? t("lemmaOf", { form: hit.via }) : t("via", { text: hit.via })}
            </p>
          )}
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
            {(["ru", "en"] as const).map((lang) =>
              hit.translations[lang].length ? (
                <div key={lang} className="contents">
                  <dt className="text-slate-500">{t(`languages.${lang}`)}</dt>
                  <dd lang={lang}>{hit.translations[lang].join("; ")}</dd>
                </div>
              ) : null,
            )}
          </dl>
        </li>
      ))}
    </ol>
  );
}
