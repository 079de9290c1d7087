import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { cachedAuthor } from "@/lib/publications/cache";
import { formatDate } from "@/lib/format";
import type { Metadata } from "next";
import { pageMetadata } from "@/lib/seo/metadata";

// The same for every reader: rendered on its first request, kept and expired with the publications' tag.
export const revalidate = 300;

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/publications/authors/[id]">): Promise<Metadata> {
  const { locale, id } = await params;
  const profile = await cachedAuthor(id, locale);
  if (!profile) return {};
  const t = await getTranslations({ locale, namespace: "publications" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, `/publications/authors/${id}`, {
    title: t("author.title", { name: profile.name }),
    description: ts("author", { name: profile.name }),
  });
}

/** An author's public profile: their organisation and published work with views and downloads. */
export default async function AuthorPage({ params }: PageProps<"/[locale]/publications/authors/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const profile = await cachedAuthor(id, locale);
  if (!profile) notFound();
  const t = await getTranslations("publications");
  return (
    <div className="max-w-4xl space-y-4">
      <h1 className="text-2xl font-bold" data-testid="author-name">
        {t("author.title", { name: profile.name })}
      </h1>
      {profile.organizations.length > 0 && (
        <p className="text-sm">
          {t("author.school")}: {profile.organizations.join("; ")}
        </p>
      )}
      <p className="text-sm text-slate-700" data-testid="author-totals">
        {t("author.count", { count: profile.publications.length })}.{" "}
        {t("author.totals", { views: profile.views, downloads: profile.downloads })}
      </p>
      <ul className="space-y-2">
        {profile.publications.map((p) => (
          <li key={p.id} className="rounded-lg bg-white p-3 shadow-sm">
            <Link href={`/publications/${p.id}`} className="font-semibold">
              {p.title}
            </Link>
            <p className="text-xs text-slate-600">
              {t(`types.${p.type as "NEWS"}`)} · {formatDate(new Date(p.publishedAt), locale)} ·{" "}
              {t("views", { count: p.views })} · {t("downloads", { count: p.downloads })} ·{" "}
              {t("commentsCount", { count: p.commentCount })}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
