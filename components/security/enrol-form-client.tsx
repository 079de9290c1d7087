"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions";
import { confirmEnrolmentAction } from "@/lib/auth/security-actions";
import { Input } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { Link } from "@/i18n/navigation";

/**
 * A code from the app in exchange for recovery codes: the last step of enrolment (the first code), or renewing
 * the codes later. On success the recovery codes are shown here, once; no page ever shows them again.
 */
export function EnrolForm({
  labels,
  continueHref,
  action = confirmEnrolmentAction,
  testId = "enrol-form",
  hint,
}: {
  labels: { code: string; confirm: string; codesTitle: string; codesHint: string; continue: string };
  continueHref: string;
  action?: (state: ActionResult | null, form: FormData) => Promise<ActionResult>;
  testId?: string;
  hint?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const codes = state?.ok ? (state.data as string[] | undefined) : undefined;
  if (codes) {
    return (
      <section className="space-y-3" aria-labelledby="recovery-codes-title">
        {state?.message && (
          <p role="status" className="rounded border border-green-300 bg-green-50 p-2 text-sm text-green-800">
            {state.message}
          </p>
        )}
        <h2 id="recovery-codes-title" className="text-lg font-semibold">
          {labels.codesTitle}
        </h2>
        <p className="text-sm text-slate-600">{labels.codesHint}</p>
        <ul className="grid grid-cols-2 gap-2 font-mono text-sm" data-testid="recovery-codes">
          {codes.map((code) => (
            <li key={code} className="rounded bg-slate-100 px-2 py-1">
              {code}
            </li>
          ))}
        </ul>
        <Link href={continueHref} className="inline-block">
          {labels.continue}
        </Link>
      </section>
    );
  }
  const error = state && !state.ok ? (state.fieldErrors?.code ?? state.message) : undefined;
  return (
    <form action={formAction} className="space-y-3" noValidate data-testid={testId}>
      {error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <label className="block max-w-xs">
        <span className="mb-1 block text-sm font-medium">{labels.code}</span>
        {hint && <span className="mb-1 block text-xs text-slate-600">{hint}</span>}
        <Input name="code" autoComplete="one-time-code" inputMode="numeric" maxLength={6} required className="w-full" />
      </label>
      <Button type="submit" disabled={pending}>
        {labels.confirm}
      </Button>
    </form>
  );
}
