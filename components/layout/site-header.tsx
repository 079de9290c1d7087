import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { NAV_ITEMS } from "./nav-items";
import { DOCUMENT_TYPES } from "@/lib/search/types";
import { LocaleSwitcher } from "./locale-switcher-client";
import { AccountMenu } from "./account-menu-client";
import { HeaderSearch } from "@/components/search/header-search-client";

export async function SiteHeader() {
  const t = await getTranslations("common");
  const ts = await getTranslations("search");
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-brand-900 no-underline hover:no-underline">
          <span aria-hidden className="inline-block h-8 w-8 rounded-full bg-sun ring-4 ring-brand-600" />
          <span className="text-lg font-bold">{t("siteName")}</span>
          <span className="hidden text-sm text-slate-600 md:inline">{t("siteFullName")}</span>
        </Link>
        <div className="ml-auto flex min-w-0 flex-wrap items-center justify-end gap-3">
          <HeaderSearch
            labels={{
              label: ts("label"),
              placeholder: ts("placeholder"),
              submit: ts("submit"),
              suggestions: ts("suggestions"),
            }}
            typeNames={Object.fromEntries(DOCUMENT_TYPES.map((type) => [type, ts(`types.${type}`)]))}
          />
          <Suspense>
            <LocaleSwitcher
              label={t("locale.label")}
              names={{ kk: t("locale.kk"), ru: t("locale.ru"), en: t("locale.en") }}
            />
          </Suspense>
          <AccountMenu
            labels={{ signIn: t("account.signIn"), signOut: t("account.signOut"), loading: t("account.loading") }}
          />
        </div>
      </div>
      <nav aria-label={t("nav.label")} className="bg-brand-700">
        <ul className="mx-auto flex max-w-7xl flex-wrap gap-1 px-4">
          {NAV_ITEMS.map((item) => (
            <li key={item.key}>
              <Link
                href={item.href}
                className="block px-3 py-2 text-sm font-medium text-white no-underline hover:bg-brand-900 hover:no-underline"
              >
                {t(`nav.${item.key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
