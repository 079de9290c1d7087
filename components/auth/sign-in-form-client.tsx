"use client";

import { useActionState } from "react";
import { signInAction } from "@/lib/auth/actions";
import { Input } from "@/components/ui/input";

export function SignInForm({
  callbackUrl,
  labels,
}: {
  callbackUrl: string;
  labels: { login: string; password: string; submit: string };
}) {
  const [state, formAction, pending] = useActionState(signInAction, null);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state?.error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {state.error}
        </p>
      )}
      <label className="block">
        <span className="mb-1 block text-sm font-medium">{labels.login}</span>
        <Input name="login" autoComplete="username" required defaultValue={state?.login ?? ""} className="w-full" />
      </label>
      <label className="block">
        <span className="mb-1 block text-sm font-medium">{labels.password}</span>
        <Input name="password" type="password" autoComplete="current-password" required className="w-full" />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-60"
      >
        {labels.submit}
      </button>
    </form>
  );
}
