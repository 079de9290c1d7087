import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { TransliterateTool } from "@/components/dictionary/transliterate-client";
import { pageMetadata } from "@/lib/seo/metadata";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/dictionary/learn/transliterate">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "learn" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/dictionary/learn/transliterate", {
    title: t("transliterate.title"),
    description: ts("transliterate"),
  });
}

export default async function TransliteratePage({ params }: PageProps<"/[locale]/dictionary/learn/transliterate">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("learn");
  return (
    <div className="max-w-5xl space-y-4">
      <nav className="text-sm">
        <Link href="/dictionary/learn">{t("title")}</Link>
      </nav>
      <div>
        <h1 className="text-2xl font-bold">{t("transliterate.title")}</h1>
        <p className="mt-1 text-slate-700">{t("transliterate.lead")}</p>
      </div>
      <TransliterateTool />
      <section className="rounded-lg bg-white p-4 text-sm text-slate-700 shadow-sm">
        <h2 className="font-semibold">{t("transliterate.notesTitle")}</h2>
        <p className="mt-1">{t("transliterate.notes")}</p>
      </section>
    </div>
  );
}
