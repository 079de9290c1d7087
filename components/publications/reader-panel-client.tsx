"use client";

import { useBrowserValue } from "@/components/ui/use-browser-value";
import { useEffect, useState } from "react";
import { useLocale } from "next-intl";
import { ActionForm } from "@/components/forms/action-form-client";
import { SelectField } from "@/components/forms/fields-client";
import { BodyField, ButtonForm } from "@/components/forums/forms-client";
import { commentAction, flagCommentAction, moderateCommentAction, rateAction } from "@/lib/publications/actions";
import type { ReaderState } from "@/lib/publications/reader";
import { formatDate, formatDateTime } from "@/lib/format";

export interface ReaderLabels {
  rating: string;
  rate: string;
  stars: string[];
  yourRating: string;
  signIn: string;
  commentBody: string;
  send: string;
  held: string;
  hidden: string;
  hide: string;
  restore: string;
  moderation: string;
  hiddenByFlags: string;
  flag: string;
  flagComment: string;
  flagReason: string;
  /** Reason labels keyed by the forums' flag reasons. */
  reasons: Record<string, string>;
}

/**
 * The personal part of the reading page, loaded after the cached page: rating and comment forms for
 * signed-in readers, their held comments, moderation tools for moderators. Counts the view.
 */
export function ReaderPanel({
  id,
  signInHref,
  labels,
  part,
}: {
  id: string;
  signInHref: string;
  labels: ReaderLabels;
  part: "rating" | "discussion";
}) {
  const locale = useLocale();
  const [state, setState] = useState<ReaderState | null>(null);
  useEffect(() => {
    let live = true;
    // only one of the two panels counts the view
    const url = `/api/v1/publications/${encodeURIComponent(id)}/reader${part === "rating" ? "?count=1" : ""}`;
    fetch(url, { cache: "no-store" })
      .then((r) => (r.ok ? (r.json() as Promise<ReaderState>) : null))
      .then(
        (s) => live && s && setState(s),
        () => {},
      );
    return () => {
      live = false;
    };
  }, [id, part]);
  if (!state) return null;
  if (!state.signedIn) {
    return (
      <p className="mt-2 text-sm">
        <a href={signInHref}>{labels.signIn}</a>
      </p>
    );
  }
  if (part === "rating") {
    if (state.isAuthor) return null;
    return (
      <div className="mt-2">
        {state.myRating !== null && (
          <p className="text-sm text-slate-600">{labels.yourRating.replace("{value}", String(state.myRating))}</p>
        )}
        <ActionForm
          action={rateAction}
          submitLabel={labels.rate}
          className="mt-2 flex flex-wrap items-end gap-2"
          testId="rate-form"
        >
          <input type="hidden" name="id" value={id} />
          <SelectField
            name="value"
            label={labels.rating}
            options={[5, 4, 3, 2, 1].map((v) => ({ value: String(v), label: labels.stars[v - 1]! }))}
            defaultValue={String(state.myRating ?? 5)}
          />
        </ActionForm>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      {state.comments.length > 0 && (
        <div className="rounded-lg border border-amber-200 bg-amber-50 p-3" data-testid="moderation-comments">
          {state.moderator && <p className="mb-2 text-sm font-semibold">{labels.moderation}</p>}
          <ul className="space-y-2">
            {state.comments.map((c) => (
              <li key={c.id} className="rounded bg-white p-2 text-sm">
                <p className="text-xs text-slate-500">
                  <span className="font-semibold text-slate-800">{c.author}</span>
                  {c.status === "HELD" && <span className="ml-2 rounded bg-amber-100 px-1">{labels.held}</span>}
                  {c.status === "HIDDEN" && (
                    <span className="ml-2 rounded bg-red-100 px-1">
                      {c.statusReason === "flags" ? labels.hiddenByFlags : labels.hidden}
                    </span>
                  )}
                </p>
                <div className="prose mt-1 max-w-none" dangerouslySetInnerHTML={{ __html: c.html }} />
                {state.moderator && (
                  <ButtonForm
                    action={moderateCommentAction}
                    fields={{ commentId: c.id, decision: c.status === "VISIBLE" ? "hide" : "restore" }}
                    label={c.status === "VISIBLE" ? labels.hide : labels.restore}
                    variant={c.status === "VISIBLE" ? "danger" : "primary"}
                  />
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {state.flaggable.length > 0 && (
        <details className="text-sm" data-testid="flag-comment">
          <summary className="cursor-pointer text-slate-600">{labels.flag}</summary>
          <ActionForm
            action={flagCommentAction}
            submitLabel={labels.flag}
            className="mt-2 flex flex-wrap items-end gap-2"
            testId="flag-form"
          >
            <SelectField
              name="commentId"
              label={labels.flagComment}
              options={state.flaggable.map((c) => ({
                value: c.id,
                label: `${c.author} · ${formatDateTime(new Date(c.createdAt), locale)}`,
              }))}
            />
            <SelectField
              name="reason"
              label={labels.flagReason}
              options={Object.entries(labels.reasons).map(([value, label]) => ({ value, label }))}
            />
          </ActionForm>
        </details>
      )}
      <ActionForm action={commentAction} submitLabel={labels.send} testId="comment-form">
        <input type="hidden" name="id" value={id} />
        <BodyField label={labels.commentBody} />
      </ActionForm>
    </div>
  );
}

/** The permanent link and the citation with this site's address and today's date (the page itself is cached). */
export function Citation({ prefix, path, accessed }: { prefix: string; path: string; accessed: string }) {
  const origin = useBrowserValue(() => window.location.origin, "");
  const today = useBrowserValue(() => formatDate(new Date(), document.documentElement.lang || "kk"), "");
  const link = `${origin}${path}`;
  return (
    <>
      <p className="mt-1 break-all rounded bg-slate-50 p-2 font-mono text-xs" data-testid="citation">
        {prefix} URL: {link}
        {today && ` (${accessed.replace("{date}", today)})`}.
      </p>
      <p className="no-print mt-2 break-all text-sm">
        <a href={path} data-testid="permalink">
          {link}
        </a>
      </p>
    </>
  );
}
