"use client";

import { useLocale } from "next-intl";
import { useSearchParams } from "next/navigation";
import { usePathname, useRouter } from "@/i18n/navigation";
import { locales, type Locale } from "@/i18n/routing";

/** Switches the language and stays on the same page (query string included). */
export function LocaleSwitcher({ label, names }: { label: string; names: Record<Locale, string> }) {
  const locale = useLocale();
  const pathname = usePathname();
  const search = useSearchParams();
  const router = useRouter();
  return (
    <div role="group" aria-label={label} className="flex overflow-hidden rounded border border-slate-300 text-sm">
      {locales.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={l === locale}
          onClick={() => {
            const query = search.toString();
            router.replace(query ? `${pathname}?${query}` : pathname, { locale: l });
          }}
          className={`px-2 py-1 ${l === locale ? "bg-brand-700 text-white" : "bg-white text-slate-700 hover:bg-slate-100"}`}
        >
          {names[l]}
        </button>
      ))}
    </div>
  );
}
