import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { cachedComments, cachedFilterOptions, cachedPublication } from "@/lib/publications/cache";
import { FLAG_REASONS } from "@/lib/forums/moderation";
import { Citation, ReaderPanel, type ReaderLabels } from "@/components/publications/reader-panel-client";
import { pageMetadata } from "@/lib/seo/metadata";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";

// The page is the same for every reader: rendered once, cached and tagged (publishing, comments and ratings
// expire it); the personal part (forms, own rating, moderation) is loaded by ReaderPanel.
export const revalidate = 300;

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<"/[locale]/publications/[id]">): Promise<Metadata> {
  const { locale, id } = await params;
  const p = await cachedPublication(id, locale);
  if (!p) return {};
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, `/publications/${p.id}`, {
    title: p.title,
    description: p.summary || ts("publication", { title: p.title }),
    article: { publishedTime: new Date(p.publishedAt).toISOString(), authors: [p.author] },
    image: p.cover ? `/api/v1/files/${p.cover}` : undefined,
  });
}

/** The reading page: text, attachments, rating, open discussion and a permanent link to cite. */
export default async function PublicationPage({ params }: PageProps<"/[locale]/publications/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const p = await cachedPublication(id, locale);
  if (!p) notFound();
  const [t, tc, tf, options, comments] = await Promise.all([
    getTranslations("publications"),
    getTranslations("common"),
    getTranslations("forums"),
    cachedFilterOptions(locale),
    cachedComments(p.id),
  ]);
  const subject = p.subjectCode ? options.subjects.find((s) => s.code === p.subjectCode)?.name : null;
  const path = `/${locale}/publications/${p.id}`;
  const published = formatDate(new Date(p.publishedAt), locale);
  const signInHref = `/${locale}/sign-in?callbackUrl=${encodeURIComponent(path)}`;
  const labels: ReaderLabels = {
    rating: t("read.rating"),
    rate: t("read.rate"),
    stars: [1, 2, 3, 4, 5].map((v) => t("read.stars", { value: v })),
    yourRating: t("read.yourRating", { value: "{value}" }),
    signIn: t("read.signInToRate"),
    commentBody: t("read.commentBody"),
    send: t("read.send"),
    held: t("read.held"),
    hidden: t("read.hidden"),
    hide: t("read.hide"),
    restore: t("read.restore"),
    moderation: t("read.moderation"),
    hiddenByFlags: t("read.hiddenByFlags"),
    flag: t("read.flag"),
    flagComment: t("read.flagComment"),
    flagReason: t("read.flagReason"),
    reasons: Object.fromEntries(FLAG_REASONS.map((r) => [r, tf(`reasons.${r}`)])),
  };
  return (
    <div className="mx-auto max-w-4xl space-y-6" data-print-article>
      <article className="rounded-lg bg-white p-6 shadow-sm" lang={p.language}>
        <p className="text-sm text-slate-500">
          {t(`types.${p.type as "NEWS"}`)}
          {subject && ` · ${subject}`}
          {p.grades.length > 0 &&
            ` · ${p.grades.map((g) => (g === 0 ? t("preschool") : t("gradeN", { grade: g }))).join(", ")}`}
        </p>
        <h1 className="mt-1 text-3xl font-bold" data-testid="publication-title">
          {p.title}
        </h1>
        {p.fallback && (
          <p
            className="mt-3 rounded border border-amber-300 bg-amber-50 p-2 text-sm"
            lang={locale}
            data-testid="fallback-note"
          >
            {t("read.fallback")}
          </p>
        )}
        {p.translations.length > 0 && (
          <p className="no-print mt-2 text-sm" lang={locale}>
            {t("read.otherLanguages")}{" "}
            {p.translations.map((tr) => (
              <Link key={tr.id} href={`/publications/${tr.id}`} locale={tr.language as "kk"} className="mr-2">
                {t(`languages.${tr.language as "kk"}`)}
              </Link>
            ))}
          </p>
        )}
        <p className="mt-2 text-sm text-slate-600" lang={locale}>
          <Link href={`/publications/authors/${p.authorId}`}>{p.author}</Link>
          {p.organization && `, ${p.organization}`} · {t("read.published", { date: published })} ·{" "}
          {t("views", { count: p.views })} · {t("downloads", { count: p.downloads })}
        </p>
        {p.cover && (
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={`/api/v1/files/${p.cover}`}
            alt={t("read.cover")}
            className="mt-4 max-h-80 rounded object-contain"
          />
        )}
        {p.summary && <p className="mt-4 text-lg text-slate-700">{p.summary}</p>}
        <div
          className="prose mt-4 max-w-none"
          data-testid="publication-body"
          dangerouslySetInnerHTML={{ __html: p.html }}
        />
        {p.keywords.length > 0 && (
          <p className="mt-4 text-sm text-slate-600">
            {t("read.keywords")}: {p.keywords.join(", ")}
          </p>
        )}
      </article>

      {p.attachments.length > 0 && (
        <section className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-2 font-semibold">{t("read.attachments")}</h2>
          <ul className="space-y-1 text-sm" data-testid="attachments">
            {p.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/api/v1/files/${a.id}`} download={a.fileName} data-testid="attachment-link">
                  {t("read.download")}: {a.fileName}
                </a>{" "}
                <span className="text-slate-500">
                  ({a.kind.toUpperCase()}, {formatNumber(a.size / 1024, locale, { maximumFractionDigits: 0 })} KB)
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-semibold">{t("read.cite")}</h2>
        <p className="text-sm text-slate-600">{t("read.citeHint")}</p>
        <Citation
          prefix={`${p.author}. ${p.title} // ${tc("siteName")}. — ${new Date(p.publishedAt).getUTCFullYear()}. —`}
          path={path}
          accessed={t("read.accessed", { date: "{date}" })}
        />
      </section>

      <section className="no-print rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-semibold">{t("read.rating")}</h2>
        <p className="text-sm" data-testid="rating-value">
          {p.ratingCount ? t("ratingValue", { rating: p.rating.toFixed(1), count: p.ratingCount }) : t("noRating")}
        </p>
        <ReaderPanel id={p.id} part="rating" signInHref={signInHref} labels={labels} />
      </section>

      <section className="no-print space-y-3" aria-labelledby="comments-heading">
        <h2 id="comments-heading" className="text-xl font-semibold">
          {t("read.comments")} ({comments.length})
        </h2>
        {comments.length === 0 && <p className="text-sm text-slate-600">{t("read.noComments")}</p>}
        <ul className="space-y-2" data-testid="comments">
          {comments.map((c) => (
            <li key={c.id} className="rounded-lg bg-white p-3 shadow-sm" data-testid="comment">
              <p className="text-xs text-slate-500">
                <span className="font-semibold text-slate-800">{c.author}</span> ·{" "}
                {formatDateTime(new Date(c.createdAt), locale)}
              </p>
              <div className="prose mt-1 max-w-none text-sm" dangerouslySetInnerHTML={{ __html: c.html }} />
            </li>
          ))}
        </ul>
        <ReaderPanel id={p.id} part="discussion" signInHref={signInHref} labels={labels} />
      </section>
    </div>
  );
}
