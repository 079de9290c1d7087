import type { Metadata } from "next";
import { after } from "next/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { cachedFilterOptions, cachedPublication } from "@/lib/publications/cache";
import { commentAction, moderateCommentAction, rateAction } from "@/lib/publications/actions";
import { countView, isCommentModerator, listComments, myRating } from "@/lib/publications/discussion";
import { ActionForm } from "@/components/forms/action-form-client";
import { SelectField } from "@/components/forms/fields-client";
import { BodyField, ButtonForm } from "@/components/forums/forms-client";

export async function generateMetadata({ params }: PageProps<"/[locale]/publications/[id]">): Promise<Metadata> {
  const { locale, id } = await params;
  const p = await cachedPublication(id, locale);
  return p ? { title: p.title, description: p.summary || undefined } : {};
}

/** The reading page: text, attachments, rating, open discussion and a permanent link to cite. */
export default async function PublicationPage({ params }: PageProps<"/[locale]/publications/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const p = await cachedPublication(id, locale);
  if (!p) notFound();
  after(() => countView(p.id));
  const [t, tc, format, viewer, options, h] = await Promise.all([getTranslations("publications"), getTranslations("common"), getFormatter(), getViewer(), cachedFilterOptions(locale), headers()]);
  const [comments, mine] = await Promise.all([listComments(viewer, p.id), myRating(viewer, p.id)]);
  const moderator = isCommentModerator(viewer);
  const subject = p.subjectCode ? options.subjects.find((s) => s.code === p.subjectCode)?.name : null;
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost"}`;
  const permalink = `${origin}/${locale}/publications/${p.id}`;
  const published = format.dateTime(new Date(p.publishedAt), { dateStyle: "long" });
  const citation = `${p.author}. ${p.title} // ${tc("siteName")}. — ${new Date(p.publishedAt).getUTCFullYear()}. — URL: ${permalink} (${t("read.accessed", { date: format.dateTime(new Date(), { dateStyle: "short" }) })}).`;
  return (
    <div className="mx-auto max-w-4xl space-y-6" data-print-article>
      <article className="rounded-lg bg-white p-6 shadow-sm" lang={p.language}>
        <p className="text-sm text-slate-500">
          {t(`types.${p.type as "NEWS"}`)}
          {subject && ` · ${subject}`}
          {p.grades.length > 0 && ` · ${p.grades.map((g) => (g === 0 ? t("preschool") : t("gradeN", { grade: g }))).join(", ")}`}
        </p>
        <h1 className="mt-1 text-3xl font-bold" data-testid="publication-title">{p.title}</h1>
        {p.fallback && (
          <p className="mt-3 rounded border border-amber-300 bg-amber-50 p-2 text-sm" lang={locale} data-testid="fallback-note">{t("read.fallback")}</p>
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
          {p.organization && `, ${p.organization}`} · {t("read.published", { date: published })} · {t("views", { count: p.views })} · {t("downloads", { count: p.downloads })}
        </p>
        {p.cover && (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={`/api/v1/files/${p.cover}`} alt={t("read.cover")} className="mt-4 max-h-80 rounded object-contain" />
        )}
        {p.summary && <p className="mt-4 text-lg text-slate-700">{p.summary}</p>}
        <div className="prose mt-4 max-w-none" data-testid="publication-body" dangerouslySetInnerHTML={{ __html: p.html }} />
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
                  ({a.kind.toUpperCase()}, {format.number(a.size / 1024, { maximumFractionDigits: 0 })} KB)
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-semibold">{t("read.cite")}</h2>
        <p className="text-sm text-slate-600">{t("read.citeHint")}</p>
        <p className="mt-1 break-all rounded bg-slate-50 p-2 font-mono text-xs" data-testid="citation">{citation}</p>
        <p className="no-print mt-2 text-sm">
          <a href={permalink} data-testid="permalink">{permalink}</a>
        </p>
      </section>

      <section className="no-print rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-semibold">{t("read.rating")}</h2>
        <p className="text-sm" data-testid="rating-value">{p.ratingCount ? t("ratingValue", { rating: p.rating.toFixed(1), count: p.ratingCount }) : t("noRating")}</p>
        {mine !== null && <p className="text-sm text-slate-600">{t("read.yourRating", { value: mine })}</p>}
        {viewer && viewer.userId !== p.authorId ? (
          <ActionForm action={rateAction} submitLabel={t("read.rate")} className="mt-2 flex flex-wrap items-end gap-2" testId="rate-form">
            <input type="hidden" name="id" value={p.id} />
            <SelectField name="value" label={t("read.rating")} options={[5, 4, 3, 2, 1].map((v) => ({ value: String(v), label: t("read.stars", { value: v }) }))} defaultValue={String(mine ?? 5)} />
          </ActionForm>
        ) : !viewer ? (
          <p className="mt-2 text-sm">
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/publications/${p.id}`)}`}>{t("read.signInToRate")}</Link>
          </p>
        ) : null}
      </section>

      <section className="no-print space-y-3" aria-labelledby="comments-heading">
        <h2 id="comments-heading" className="text-xl font-semibold">
          {t("read.comments")} ({comments.filter((c) => c.status === "VISIBLE").length})
        </h2>
        {comments.length === 0 && <p className="text-sm text-slate-600">{t("read.noComments")}</p>}
        <ul className="space-y-2" data-testid="comments">
          {comments.map((c) => (
            <li key={c.id} className="rounded-lg bg-white p-3 shadow-sm" data-testid="comment">
              <p className="text-xs text-slate-500">
                <span className="font-semibold text-slate-800">{c.author}</span> · {format.dateTime(new Date(c.createdAt), { dateStyle: "medium", timeStyle: "short" })}
                {c.status === "HELD" && <span className="ml-2 rounded bg-amber-100 px-1">{t("read.held")}</span>}
                {c.status === "HIDDEN" && <span className="ml-2 rounded bg-red-100 px-1">{t("read.hidden")}</span>}
              </p>
              <div className="prose mt-1 max-w-none text-sm" dangerouslySetInnerHTML={{ __html: c.html }} />
              {moderator && (
                <div className="mt-2">
                  <ButtonForm action={moderateCommentAction} fields={{ commentId: c.id, decision: c.status === "VISIBLE" ? "hide" : "restore" }} label={c.status === "VISIBLE" ? t("read.hide") : t("read.restore")} variant={c.status === "VISIBLE" ? "danger" : "primary"} />
                </div>
              )}
            </li>
          ))}
        </ul>
        {viewer ? (
          <ActionForm action={commentAction} submitLabel={t("read.send")} testId="comment-form">
            <input type="hidden" name="id" value={p.id} />
            <BodyField label={t("read.commentBody")} />
          </ActionForm>
        ) : (
          <p className="text-sm">
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/publications/${p.id}`)}`}>{t("read.signInToRate")}</Link>
          </p>
        )}
      </section>
    </div>
  );
}
