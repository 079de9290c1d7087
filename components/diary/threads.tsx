import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/format";
import type { ThreadView } from "@/lib/diary/messages";
import { replyAction } from "@/lib/diary/actions";
import { ActionForm } from "@/components/forms/action-form-client";
import { TextField } from "@/components/forms/fields-client";

/** Teacher–parent conversations with a reply form under each. */
export async function Threads({ threads }: { threads: ThreadView[] }) {
  const t = await getTranslations("diary.messages");
  const locale = await getLocale();
  if (threads.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <ul className="space-y-3" data-testid="threads">
      {threads.map((thread) => (
        <li key={thread.id} className="rounded border border-slate-200 p-3" data-thread={thread.id}>
          <p className="mb-2 text-xs text-slate-500">
            {thread.student ? t("aboutStudent", { name: thread.student.name }) : t("toClass")}
          </p>
          <ol className="space-y-2">
            {thread.messages.map((m) => (
              <li key={m.id} className={`rounded p-2 text-sm ${m.mine ? "bg-brand-50" : "bg-slate-50"}`}>
                <p className="text-xs text-slate-500">
                  <span className="font-medium text-slate-700">{m.author}</span> ·{" "}
                  {formatDateTime(new Date(m.at), locale)}
                </p>
                <p className="whitespace-pre-line">{m.body}</p>
              </li>
            ))}
          </ol>
          <ActionForm action={replyAction} submitLabel={t("reply")} variant="secondary" className="mt-2 space-y-2">
            <input type="hidden" name="threadId" value={thread.id} />
            <TextField name="body" label={t("replyLabel")} maxLength={2000} required />
          </ActionForm>
        </li>
      ))}
    </ul>
  );
}
