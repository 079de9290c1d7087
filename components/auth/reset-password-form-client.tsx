"use client";

import { useActionState } from "react";
import { resetPasswordByTokenAction } from "@/lib/mail/actions";
import { Link } from "@/i18n/navigation";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldLabel, FieldMessage } from "@/components/forms/fields-client";

/**
 * A new password with a mailed link's token (hidden) or a reset code (typed). After success the form gives
 * way to the sign-in link; the token is used up.
 */
export function ResetPasswordForm({
  token,
  labels,
}: {
  token?: string;
  labels: { code: string; password: string; confirm: string; submit: string; signIn: string };
}) {
  const [state, formAction, pending] = useActionState(resetPasswordByTokenAction, null);
  if (state?.ok)
    return (
      <div className="space-y-3">
        <p role="status" className="rounded border border-green-300 bg-green-50 p-2 text-sm text-green-800">
          {state.message}
        </p>
        <Link href="/sign-in" data-testid="reset-sign-in">
          {labels.signIn}
        </Link>
      </div>
    );
  const error = (name: string) => state?.fieldErrors?.[name];
  const field = (name: string, label: string, type: string, autoComplete: string) => (
    <div>
      <FieldLabel id={`reset-${name}`} label={label} required />
      <Input
        id={`reset-${name}`}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required
        aria-invalid={error(name) ? true : undefined}
        aria-describedby={error(name) ? `reset-${name}-error` : undefined}
      />
      <FieldMessage id={`reset-${name}`} error={error(name)} />
    </div>
  );
  return (
    <form action={formAction} noValidate className="space-y-4" data-testid="reset-form">
      {state?.message && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {state.message}
        </p>
      )}
      {token ? (
        <>
          <input type="hidden" name="token" value={token} />
          {error("token") && (
            <p className="text-sm text-red-700" data-testid="reset-token-error">
              {error("token")}
            </p>
          )}
        </>
      ) : (
        field("token", labels.code, "text", "one-time-code")
      )}
      {field("password", labels.password, "password", "new-password")}
      {field("confirm", labels.confirm, "password", "new-password")}
      <Button type="submit" disabled={pending}>
        {labels.submit}
      </Button>
    </form>
  );
}
