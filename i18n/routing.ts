import { defineRouting } from "next-intl/routing";

export const locales = ["kk", "ru", "en"] as const;
export type Locale = (typeof locales)[number];

/**
 * Kazakh, the state language, is the default; the locale is always in the URL. Nothing is detected or
 * remembered in a cookie, so public pages carry no Set-Cookie and stay cacheable by shared caches.
 */
export const routing = defineRouting({
  locales,
  defaultLocale: "kk",
  localeDetection: false,
  localeCookie: false,
  // hreflang Link headers come from next.config.ts for every page, proxied or not.
  alternateLinks: false,
});

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
