import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteHeader } from "@/components/layout/site-header";
import { SiteFooter } from "@/components/layout/site-footer";
import { isLocale, locales } from "@/i18n/routing";
import { loadMessages, pickMessages } from "@/i18n/messages";
import { BASE_CLIENT_MESSAGES } from "@/components/i18n/client-messages";
import { publicOrigin } from "@/lib/env";
import "../globals.css";

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "kk", namespace: "common" });
  // Absolute URLs of the head (canonical, hreflang, Open Graph) on the public origin; pages give their own
  // title, description and alternates through pageMetadata (lib/seo).
  return {
    metadataBase: new URL(publicOrigin()),
    title: { default: `${t("siteName")} — ${t("siteFullName")}`, template: `%s — ${t("siteName")}` },
    applicationName: t("siteName"),
  };
}

/** The browser's bar in the portal's colour when it is opened from a phone's home screen. */
export const viewport: Viewport = { themeColor: "#00a3c4" };

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col">
        <NextIntlClientProvider messages={pickMessages(loadMessages(locale), BASE_CLIENT_MESSAGES)}>
          <SiteHeader />
          <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
