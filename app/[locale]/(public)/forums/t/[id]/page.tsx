import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Link } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import {
  getThreadPage,
  listCategories,
  markThreadRead,
  pageOfPost,
  postHistory,
  REACTIONS,
  type PostView,
} from "@/lib/forums/forums";
import { FLAG_REASONS } from "@/lib/forums/moderation";
import { awaitingDays } from "@/lib/forums/open";
import {
  decidePostAction,
  editPostAction,
  flagAction,
  moderateThreadAction,
  reactAction,
  redactPostAction,
  replyAction,
  restrictUserAction,
  subscribeAction,
} from "@/lib/forums/actions";
import { localName } from "@/lib/names";
import { ActionForm } from "@/components/forms/action-form-client";
import { SelectField, TextField } from "@/components/forms/fields-client";
import { BodyField, ButtonForm } from "@/components/forums/forms-client";
import { Pager } from "@/components/ui/pager";
import { pagerLabels } from "@/components/ui/pager-labels";
import { pageCount, parsePage } from "@/lib/data-table/params";
import { formatDateTime } from "@/lib/format";
import type { Metadata } from "next";
import { pageMetadata } from "@/lib/seo/metadata";

export async function generateMetadata({ params }: PageProps<"/[locale]/forums/t/[id]">): Promise<Metadata> {
  const { locale, id } = await params;
  const t = await getTranslations({ locale, namespace: "forums" });
  // As an anonymous reader sees it: a thread that is not public keeps its title to itself.
  const data = await getThreadPage(null, id, 1).catch(() => null);
  if (!data) return { title: t("title"), robots: { index: false } };
  const ts = await getTranslations({ locale, namespace: "seo.description" });
  const forum = localName(data.category, locale);
  return pageMetadata(locale, `/forums/t/${data.thread.id}`, {
    title: data.thread.title,
    description: ts("thread", { title: data.thread.title, forum }),
    article: { publishedTime: data.thread.createdAt, section: forum },
  });
}

/** A thread: the question or opening post, official answers pinned under it (open forums), posts by pages of 20, the reply form. */
export default async function ThreadPage({ params, searchParams }: PageProps<"/[locale]/forums/t/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations("forums");
  const viewer = await getViewer();
  // ?post=N (links from search) opens the page that holds post N
  const page =
    query.page === undefined && typeof query.post === "string"
      ? await pageOfPost(viewer, id, Number(query.post))
      : parsePage(query);
  const data = await getThreadPage(viewer, id, page).catch((e) => (e instanceof AppError ? null : Promise.reject(e)));
  if (!data) notFound();
  const { thread, category } = data;
  const lastShown = Math.max(0, ...data.posts.map((p) => p.number));
  if (viewer && lastShown > data.lastReadNumber) await markThreadRead(viewer, thread.id, lastShown);
  const historyFor = typeof query.history === "string" ? query.history : null;
  const history = historyFor ? await postHistory(viewer, historyFor).catch(() => []) : [];
  const quoteId = typeof query.quote === "string" ? query.quote : null;
  const quoted = quoteId ? [...data.official, ...data.posts].find((p) => p.id === quoteId) : undefined;
  const categories = data.moderator ? await listCategories(viewer) : [];
  const waiting = category.kind === "OPEN" ? awaitingDays(thread.createdAt, thread.answeredAt) : null;
  const when = (iso: string) => formatDateTime(new Date(iso), locale);

  const post = (p: PostView) => (
    <article
      key={p.id}
      id={`post-${p.number}`}
      data-testid="post"
      data-number={p.number}
      className={`rounded-lg bg-white p-4 shadow-sm ${p.official ? "border-2 border-green-600" : ""} ${p.number > data.lastReadNumber && viewer ? "ring-1 ring-brand-300" : ""}`}
    >
      <header className="mb-2 flex flex-wrap items-baseline gap-2 text-sm text-slate-600">
        <span className="font-semibold text-slate-900">{p.author}</span>
        <span>#{p.number}</span>
        <span>{when(p.createdAt)}</span>
        {p.official && (
          <span
            className="rounded bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-800"
            data-testid="official-mark"
          >
            {t("official")}
          </span>
        )}
        {p.history > 0 ? (
          <Link
            href={`/forums/t/${thread.id}?page=${page}&history=${p.id}#post-${p.number}`}
            className="text-xs italic underline"
            data-testid="history-link"
          >
            {p.editedAt ? t("edited") : t("history")}
          </Link>
        ) : (
          p.editedAt && <span className="text-xs italic">{t("edited")}</span>
        )}
        {p.status === "HELD" && <span className="rounded bg-amber-100 px-2 py-0.5 text-xs">{t("heldMark")}</span>}
        {p.status === "HIDDEN" && <span className="rounded bg-red-100 px-2 py-0.5 text-xs">{t("hiddenMark")}</span>}
        {p.replyTo && (
          <a href={`#post-${p.replyTo.number}`} className="text-xs underline">
            {t("replyTo", { number: p.replyTo.number })}
          </a>
        )}
      </header>
      <div
        className="forum-post prose max-w-none break-words text-slate-900 [&_a]:text-brand-700 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_blockquote]:text-slate-600 [&_.mention]:font-semibold"
        dangerouslySetInnerHTML={{ __html: p.html }}
      />
      {historyFor === p.id && history.length > 0 && (
        <details open className="mt-3 rounded bg-slate-50 p-2 text-sm" data-testid="history">
          <summary>{t("history")}</summary>
          {history.map((h, i) => (
            <div key={i} className="mt-2 border-t pt-2" data-testid="history-version">
              <div className="text-xs text-slate-500">
                {when(h.at)}
                {h.redactedAt && (
                  <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-amber-900" data-testid="redacted-mark">
                    {t("redaction.redactedMark", { date: when(h.redactedAt) })}
                  </span>
                )}
              </div>
              <div dangerouslySetInnerHTML={{ __html: h.html }} />
            </div>
          ))}
          {p.mine && history.some((h) => !h.redactedAt) && (
            <div className="mt-3 border-t pt-2">
              <p className="mb-2 text-xs text-slate-600">{t("redaction.hint")}</p>
              <ActionForm
                action={redactPostAction}
                submitLabel={t("redaction.button")}
                confirm={t("redaction.confirm")}
                variant="danger"
                testId="redact-form"
              >
                <input type="hidden" name="postId" value={p.id} />
              </ActionForm>
            </div>
          )}
        </details>
      )}
      <footer className="mt-3 flex flex-wrap items-center gap-2 text-sm">
        {p.status === "VISIBLE" &&
          p.reactions.map((r) =>
            viewer && !r.mine && !p.mine ? (
              <ButtonForm
                key={r.kind}
                action={reactAction}
                fields={{ postId: p.id, kind: r.kind }}
                label={`${t(`reactions.${r.kind as (typeof REACTIONS)[number]}`)} ${r.count}`}
              />
            ) : (
              <span
                key={r.kind}
                className={`rounded border px-2 py-1 ${r.mine ? "border-brand-600 bg-brand-50" : "border-slate-200"}`}
              >
                {t(`reactions.${r.kind as (typeof REACTIONS)[number]}`)} {r.count}
              </span>
            ),
          )}
        {data.canPost && p.status === "VISIBLE" && (
          <Link href={`/forums/t/${thread.id}?page=${page}&quote=${p.id}#reply`} className="text-brand-700 underline">
            {t("quote")}
          </Link>
        )}
        {viewer && !p.mine && p.status === "VISIBLE" && !p.flaggedByMe && (
          <details className="relative">
            <summary className="cursor-pointer text-slate-600 underline" data-testid="flag-open">
              {t("flag")}
            </summary>
            <div className="mt-2 rounded border bg-white p-3">
              <ActionForm action={flagAction} submitLabel={t("flag")} variant="danger" testId="flag-form">
                <input type="hidden" name="postId" value={p.id} />
                <SelectField
                  name="reason"
                  label={t("flagReason")}
                  options={FLAG_REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) }))}
                  defaultValue="spam"
                />
              </ActionForm>
            </div>
          </details>
        )}
        {p.canEdit && p.body !== null && (
          <details>
            <summary className="cursor-pointer text-slate-600 underline">{t("edit")}</summary>
            <div className="mt-2">
              <ActionForm action={editPostAction} submitLabel={t("save")}>
                <input type="hidden" name="postId" value={p.id} />
                <BodyField label={t("body")} defaultValue={p.body} />
              </ActionForm>
            </div>
          </details>
        )}
        {data.moderator && (
          <>
            <ButtonForm
              action={decidePostAction}
              fields={{ postId: p.id, decision: p.status === "VISIBLE" ? "hide" : "restore" }}
              label={p.status === "VISIBLE" ? t("moderation.hide") : t("moderation.restore")}
              variant={p.status === "VISIBLE" ? "danger" : "primary"}
            />
            <details>
              <summary className="cursor-pointer text-slate-600 underline">{t("moderation.restrictUser")}</summary>
              <ActionForm
                action={restrictUserAction}
                submitLabel={t("moderation.apply")}
                className="mt-2 space-y-2 rounded border bg-white p-3"
              >
                <input type="hidden" name="userId" value={p.authorId} />
                <SelectField
                  name="kind"
                  label={t("moderation.kind")}
                  options={(["silence", "suspend", "lift"] as const).map((k) => ({
                    value: k,
                    label: t(`moderation.kinds.${k}`),
                  }))}
                  defaultValue="silence"
                />
                <TextField name="days" label={t("moderation.days")} type="number" defaultValue="3" />
                <TextField name="reason" label={t("moderation.reason")} required />
              </ActionForm>
            </details>
          </>
        )}
      </footer>
    </article>
  );

  const [first, ...rest] = data.posts;
  return (
    <div className="max-w-4xl space-y-4">
      <Link href={`/forums/${category.slug}`} className="text-sm text-brand-700 underline">
        {localName(category, locale)}
      </Link>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{thread.title}</h1>
        {viewer && (
          <ButtonForm
            action={subscribeAction}
            fields={{ threadId: thread.id, subscribed: data.subscribed ? "false" : "true" }}
            label={data.subscribed ? t("unsubscribe") : t("subscribe")}
          />
        )}
      </div>
      <div className="flex flex-wrap gap-2 text-sm">
        {thread.pinned && <span className="rounded bg-amber-100 px-2 py-0.5">{t("pinned")}</span>}
        {thread.locked && <span className="rounded bg-slate-200 px-2 py-0.5">{t("lockedNotice")}</span>}
        {thread.slowModeSeconds > 0 && (
          <span className="rounded bg-slate-100 px-2 py-0.5">{t("slowMode", { seconds: thread.slowModeSeconds })}</span>
        )}
        {waiting !== null && (
          <span className="rounded bg-amber-100 px-2 py-0.5" data-testid="awaiting">
            {t("awaiting", { days: waiting })}
          </span>
        )}
      </div>
      {page === 1 && first ? (
        <>
          {post(first)}
          {data.official.length > 0 && (
            <div className="ml-6 space-y-3" data-testid="official-answers">
              {data.official.map(post)}
            </div>
          )}
          {rest.map(post)}
        </>
      ) : (
        data.posts.map(post)
      )}
      <Pager
        path={`/forums/t/${thread.id}`}
        page={data.page}
        pages={pageCount(data.total, data.pageSize)}
        labels={await pagerLabels()}
      />
      {data.moderator && (
        <section className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 className="font-semibold">{t("moderation.thread")}</h2>
          <div className="flex flex-wrap gap-2">
            <ButtonForm
              action={moderateThreadAction}
              fields={{ threadId: thread.id, op: thread.locked ? "unlock" : "lock" }}
              label={t(`moderation.ops.${thread.locked ? "unlock" : "lock"}`)}
            />
            <ButtonForm
              action={moderateThreadAction}
              fields={{ threadId: thread.id, op: thread.pinned ? "unpin" : "pin" }}
              label={t(`moderation.ops.${thread.pinned ? "unpin" : "pin"}`)}
            />
            <ButtonForm
              action={moderateThreadAction}
              fields={{ threadId: thread.id, op: thread.hidden ? "restore" : "hide" }}
              label={t(`moderation.ops.${thread.hidden ? "restore" : "hide"}`)}
              variant="danger"
            />
          </div>
          <ActionForm
            action={moderateThreadAction}
            submitLabel={t("moderation.setSlowMode")}
            className="flex flex-wrap items-end gap-2"
          >
            <input type="hidden" name="threadId" value={thread.id} />
            <input type="hidden" name="op" value="slowMode" />
            <TextField
              name="seconds"
              label={t("moderation.slowModeSeconds")}
              type="number"
              defaultValue={thread.slowModeSeconds}
            />
          </ActionForm>
          <ActionForm
            action={moderateThreadAction}
            submitLabel={t("moderation.move")}
            className="flex flex-wrap items-end gap-2"
          >
            <input type="hidden" name="threadId" value={thread.id} />
            <input type="hidden" name="op" value="move" />
            <SelectField
              name="categoryId"
              label={t("moderation.moveTo")}
              options={categories.map((c) => ({ value: c.id, label: localName(c, locale) }))}
              defaultValue={category.id}
            />
          </ActionForm>
          <ActionForm
            action={moderateThreadAction}
            submitLabel={t("moderation.merge")}
            className="flex flex-wrap items-end gap-2"
          >
            <input type="hidden" name="threadId" value={thread.id} />
            <input type="hidden" name="op" value="merge" />
            <TextField name="intoThreadId" label={t("moderation.mergeInto")} />
          </ActionForm>
        </section>
      )}
      {!viewer ? (
        <p className="text-slate-600">
          <Link
            href={{ pathname: "/sign-in", query: { callbackUrl: `/${locale}/forums/t/${id}` } }}
            className="underline"
            data-testid="sign-in-to-post"
          >
            {t("signInToPost")}
          </Link>
        </p>
      ) : data.canPost ? (
        <section id="reply" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="mb-3 text-lg font-semibold">
            {quoted ? t("replyTo", { number: quoted.number }) : t("reply")}
          </h2>
          <ActionForm action={replyAction} submitLabel={t("reply")} testId="reply-form">
            <input type="hidden" name="threadId" value={thread.id} />
            {quoted && <input type="hidden" name="replyToId" value={quoted.id} />}
            <BodyField label={t("body")} hint={t("bodyHint")} defaultValue={quoted ? `> ${quoted.quote}\n\n` : ""} />
          </ActionForm>
        </section>
      ) : thread.locked ? (
        <p className="text-slate-600">{t("lockedNotice")}</p>
      ) : (
        <p className="text-slate-600">{t("cannotPost")}</p>
      )}
    </div>
  );
}
