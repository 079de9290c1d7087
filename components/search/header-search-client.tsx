"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useLocale } from "next-intl";

interface Suggestion {
  title: string;
  url: string;
  type: string;
}

const DEBOUNCE_MS = 200;

/**
 * The header's search box: a GET form to /<locale>/search (works without JavaScript) with suggestions as
 * you type from /api/v1/search/suggest (arrow keys choose, Enter opens, Escape closes). Texts come as props
 * from the server header, so no client messages are needed.
 */
export function HeaderSearch({
  labels,
  typeNames,
}: {
  labels: { label: string; placeholder: string; submit: string; suggestions: string };
  typeNames: Record<string, string>;
}) {
  const locale = useLocale();
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Suggestion[]>([]);
  // Suggestions start at two letters; a shorter query shows none (without a state change in the effect).
  const items = query.trim().length < 2 ? [] : found;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const boxRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/v1/search/suggest?${new URLSearchParams({ q, locale })}`, { signal: controller.signal })
        .then((r) => (r.ok ? (r.json() as Promise<{ suggestions: Suggestion[] }>) : { suggestions: [] }))
        .then((data) => {
          setFound(data.suggestions);
          setActive(-1);
          setOpen(true);
        })
        .catch(() => undefined);
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, locale]);

  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (!boxRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, []);

  const shown = open && items.length > 0;
  return (
    <form
      ref={boxRef}
      role="search"
      action={`/${locale}/search`}
      method="get"
      className="relative order-last w-full sm:order-none sm:w-auto"
      aria-label={labels.label}
    >
      <input
        type="search"
        name="q"
        value={query}
        maxLength={1000}
        autoComplete="off"
        role="combobox"
        aria-label={labels.label}
        aria-expanded={shown}
        aria-controls={shown ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={labels.placeholder}
        onChange={(e) => setQuery(e.target.value)}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (!shown) return;
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((a) => (a + 1) % items.length);
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => (a <= 0 ? items.length - 1 : a - 1));
          } else if (e.key === "Escape") {
            setOpen(false);
          } else if (e.key === "Enter" && active >= 0) {
            e.preventDefault();
            window.location.assign(items[active]!.url);
          }
        }}
        className="w-full rounded border border-slate-300 px-2 py-1 text-sm sm:w-44 md:w-64"
      />
      <button type="submit" className="sr-only">
        {labels.submit}
      </button>
      {shown && (
        <ul
          id={listId}
          role="listbox"
          aria-label={labels.suggestions}
          className="absolute right-0 z-20 mt-1 w-80 max-w-[90vw] rounded border border-slate-200 bg-white py-1 shadow-lg"
        >
          {items.map((s, i) => (
            <li key={`${s.url}-${i}`} id={`${listId}-${i}`} role="option" aria-selected={i === active}>
              <a
                href={s.url}
                className={`block px-3 py-1.5 text-sm no-underline hover:bg-slate-100 ${i === active ? "bg-slate-100" : ""}`}
              >
                <span className="block text-slate-900">{s.title}</span>
                <span className="block text-xs text-slate-500">{typeNames[s.type] ?? s.type}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
