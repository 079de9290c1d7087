"use client";

import { useActionState } from "react";
import { issueResetCodeAction } from "@/lib/mail/actions";
import { Button } from "@/components/ui/button";

/**
 * Issues a one-time reset code for a pupil or parent without e-mail and shows it once, to be printed or read
 * out; the server keeps only its hash.
 */
export function ResetCodeForm({
  userId,
  labels,
}: {
  userId: string;
  labels: { title: string; lead: string; submit: string; code: string; validUntil: string };
}) {
  const [state, formAction, pending] = useActionState(issueResetCodeAction, null);
  const data = state?.ok ? state.data : null;
  return (
    <section className="max-w-2xl space-y-2 rounded-lg bg-white p-4 shadow-sm" data-testid="reset-code">
      <h2 className="font-semibold">{labels.title}</h2>
      <p className="text-sm text-slate-600">{labels.lead}</p>
      {state && !state.ok && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {state.fieldErrors?.userId ?? state.message}
        </p>
      )}
      {data && (
        <div role="status" className="rounded border border-green-300 bg-green-50 p-3 text-green-900">
          <p className="font-mono text-lg" data-testid="reset-code-value" data-code={data.code}>
            {labels.code.replace("{login}", data.login).replace("{code}", data.code)}
          </p>
          <p className="text-sm">{labels.validUntil.replace("{until}", data.until)}</p>
        </div>
      )}
      <form action={formAction}>
        <input type="hidden" name="userId" value={userId} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {labels.submit}
        </Button>
      </form>
    </section>
  );
}
