"use client";

import { useActionState } from "react";
import { signInAction } from "@/lib/auth/actions";
import { Input } from "@/components/ui/input";

export interface SignInLabels {
  login: string;
  password: string;
  submit: string;
  codeTitle: string;
  codeIntro: string;
  code: string;
  remember: string;
  confirm: string;
}

/**
 * The sign-in form: login and password, then — when the account has a second factor and this browser is not
 * remembered — a second step asking for the authenticator code or a recovery code. The password is not kept:
 * the second step is tied to the first by an httpOnly cookie.
 */
export function SignInForm({ callbackUrl, labels }: { callbackUrl: string; labels: SignInLabels }) {
  const [state, formAction, pending] = useActionState(signInAction, null);
  const alert = state?.error && (
    <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
      {state.error}
    </p>
  );
  const submit = (label: string) => (
    <button
      type="submit"
      disabled={pending}
      className="w-full rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-60"
    >
      {label}
    </button>
  );
  if (state?.step === "code") {
    return (
      <form action={formAction} className="space-y-4" noValidate data-testid="second-factor-form">
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <h2 className="text-lg font-semibold">{labels.codeTitle}</h2>
        <p className="text-sm text-slate-600">{labels.codeIntro}</p>
        {alert}
        <label className="block">
          <span className="mb-1 block text-sm font-medium">{labels.code}</span>
          <Input
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            required
            autoFocus
            maxLength={32}
            className="w-full"
          />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="remember" className="h-4 w-4" />
          {labels.remember}
        </label>
        {submit(labels.confirm)}
      </form>
    );
  }
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {alert}
      <label className="block">
        <span className="mb-1 block text-sm font-medium">{labels.login}</span>
        <Input name="login" autoComplete="username" required defaultValue={state?.login ?? ""} className="w-full" />
      </label>
      <label className="block">
        <span className="mb-1 block text-sm font-medium">{labels.password}</span>
        <Input name="password" type="password" autoComplete="current-password" required className="w-full" />
      </label>
      {submit(labels.submit)}
    </form>
  );
}
