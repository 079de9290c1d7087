import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { moderationQueue } from "@/lib/forums/moderation";
import { decidePostAction } from "@/lib/forums/actions";
import { ButtonForm } from "@/components/forums/forms-client";
import { formatDateTime } from "@/lib/format";
import type { Metadata } from "next";
import { pageMetadata } from "@/lib/seo/metadata";

export async function generateMetadata({ params }: PageProps<"/[locale]/forums/moderation">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "forums" });
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  return pageMetadata(locale, "/forums/moderation", {
    title: t("moderation.title"),
    description: ts("moderation"),
    noindex: true,
  });
}

/** The moderators' queue: posts held for approval, hidden by flags, or with open flags. */
export default async function ModerationPage({ params }: PageProps<"/[locale]/forums/moderation">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("forums.moderate");
  const t = await getTranslations("forums");
  const queue = await moderationQueue(viewer);
  return (
    <div className="max-w-4xl space-y-4">
      <Link href="/forums" className="text-sm text-brand-700 underline">
        {t("back")}
      </Link>
      <h1 className="text-2xl font-bold">{t("moderation.title")}</h1>
      {queue.length === 0 && <p className="text-slate-600">{t("moderation.empty")}</p>}
      {queue.map((q) => (
        <article key={q.postId} className="rounded-lg bg-white p-4 shadow-sm" data-testid="queue-item">
          <header className="mb-2 flex flex-wrap gap-2 text-sm text-slate-600">
            <Link href={`/forums/t/${q.threadId}`} className="font-semibold text-brand-700 underline">
              {q.threadTitle}
            </Link>
            <span>#{q.number}</span>
            <span>{q.author}</span>
            <span>{formatDateTime(new Date(q.createdAt), locale)}</span>
            <span className="rounded bg-amber-100 px-2 py-0.5 text-xs">{t(`moderation.status.${q.status}`)}</span>
            {q.statusReason && q.statusReason in { personalData: 1, firstPost: 1, flags: 1, moderator: 1 } && (
              <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">
                {t(`moderation.statusReason.${q.statusReason as "personalData"}`)}
              </span>
            )}
          </header>
          <div className="break-words" dangerouslySetInnerHTML={{ __html: q.html }} />
          {q.flags.length > 0 && (
            <p className="mt-2 text-sm text-slate-600">
              {t("moderation.flags")}:{" "}
              {q.flags.map((f) => `${t(`reasons.${f.reason as "spam"}`)} × ${f.count}`).join(", ")}
            </p>
          )}
          <div className="mt-3 flex gap-2">
            <ButtonForm
              action={decidePostAction}
              fields={{ postId: q.postId, decision: "restore" }}
              label={t("moderation.restore")}
              variant="primary"
            />
            <ButtonForm
              action={decidePostAction}
              fields={{ postId: q.postId, decision: "hide" }}
              label={t("moderation.hide")}
              variant="danger"
            />
          </div>
        </article>
      ))}
    </div>
  );
}
