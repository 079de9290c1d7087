import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { NAV_ITEMS } from "@/components/layout/nav-items";
import { readContent } from "@/lib/content";
import { Prose } from "@/components/ui/prose";
import { WordOfTheDay } from "@/components/dictionary/word-of-the-day-client";
import { ClientMessages } from "@/components/i18n/client-messages";
import type { Metadata } from "next";
import { pageMetadata } from "@/lib/seo/metadata";

export async function generateMetadata({ params }: PageProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "common" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "", {
    title: { absolute: `${t("siteName")} — ${t("siteFullName")}` },
    description: ts("home"),
  });
}

export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("home");
  const tc = await getTranslations("common");
  const about = readContent(locale, "about");
  return (
    <div className="space-y-8">
      <section className="rounded-lg bg-brand-900 p-8 text-white">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-3 max-w-3xl text-lg text-brand-100">{t("lead")}</p>
      </section>
      <section aria-labelledby="sections-heading">
        <h2 id="sections-heading" className="mb-3 text-xl font-semibold">
          {t("sections")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {NAV_ITEMS.map((item) => (
            <li key={item.key}>
              <Link
                href={item.href}
                className="block h-full rounded-lg border border-slate-200 bg-white p-4 no-underline shadow-sm hover:border-brand-600 hover:no-underline"
              >
                <span className="block font-semibold text-brand-700">{tc(`nav.${item.key}`)}</span>
                <span className="mt-1 block text-sm text-slate-600">{t(`section.${item.key}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <ClientMessages locale={locale} namespaces={["learn.wordOfTheDay"]}>
        <WordOfTheDay />
      </ClientMessages>
      {about && <Prose html={about.html} lang={about.locale} />}
    </div>
  );
}
