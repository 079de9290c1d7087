import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { readContent } from "@/lib/content";
import { Prose } from "@/components/ui/prose";
import { htmlText, pageMetadata } from "@/lib/seo/metadata";

/** Static pages written by the project in content/<locale>/ (about, legal basis, help for each role). */
const STATIC_PAGES = ["about", "legal", "help"] as const;

export function generateStaticParams() {
  return STATIC_PAGES.map((slug) => ({ slug }));
}

export const dynamicParams = false;

export async function generateMetadata({ params }: PageProps<"/[locale]/pages/[slug]">): Promise<Metadata> {
  const { locale, slug } = await params;
  const page = readContent(locale, slug);
  const heading = page ? /<h2[^>]*>([^<]+)<\/h2>/.exec(page.html)?.[1] : undefined;
  if (!page || !heading) return {};
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  const lead = /<p[^>]*>([\s\S]*?)<\/p>/.exec(page.html)?.[1];
  return pageMetadata(locale, `/pages/${slug}`, {
    title: heading,
    description: lead ? htmlText(lead) : ts("page", { title: heading }),
  });
}

export default async function StaticPage({ params }: PageProps<"/[locale]/pages/[slug]">) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  if (!(STATIC_PAGES as readonly string[]).includes(slug)) notFound();
  const page = readContent(locale, slug);
  if (!page) notFound();
  // The page's first heading is its title (h1); the rest of its headings follow under it.
  const first = /<h2[^>]*>([\s\S]*?)<\/h2>/.exec(page.html);
  if (!first) return <Prose html={page.html} lang={page.locale} />;
  return (
    <div className="space-y-4" lang={page.locale}>
      {/* the text of our own content files, rendered by marked (trusted, not user input) */}
      <h1 className="text-2xl font-bold" dangerouslySetInnerHTML={{ __html: first[1]! }} />
      <Prose html={page.html.replace(first[0], "")} lang={page.locale} />
    </div>
  );
}
