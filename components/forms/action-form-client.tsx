"use client";

import { createContext, useActionState, useContext, type ReactNode } from "react";
import { useFormStatus } from "react-dom";

import type { ActionResult, FormAction } from "@/lib/actions";
import { Button, type ButtonVariant } from "@/components/ui/button";

const FormState = createContext<ActionResult | null>(null);

/** The state of the enclosing ActionForm: field errors and the values typed before a failed submit. */
export function useFormResult() {
  return useContext(FormState);
}

/**
 * A form bound to a server action made by `action()`: shows the summary message above the fields, errors
 * next to fields, and keeps typed values after a failed submit. `confirm` asks before destructive actions.
 */
export function ActionForm({
  action,
  children,
  submitLabel,
  pendingLabel,
  confirm: confirmText,
  className,
  variant = "primary",
  testId,
}: {
  action: FormAction;
  children?: ReactNode;
  submitLabel: string;
  pendingLabel?: string;
  confirm?: string;
  className?: string;
  variant?: ButtonVariant;
  testId?: string;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <FormState.Provider value={state}>
      <form
        action={formAction}
        noValidate
        data-testid={testId}
        className={className ?? "space-y-4"}
        onSubmit={(e) => {
          if (confirmText && !window.confirm(confirmText)) e.preventDefault();
        }}
      >
        {state?.message && (
          <p
            role={state.ok ? "status" : "alert"}
            className={`rounded border p-2 text-sm ${state.ok ? "border-green-300 bg-green-50 text-green-800" : "border-red-300 bg-red-50 text-red-800"}`}
          >
            {state.message}
          </p>
        )}
        {children}
        <SubmitButton label={submitLabel} pendingLabel={pendingLabel} variant={variant} />
      </form>
    </FormState.Provider>
  );
}

function SubmitButton({
  label,
  pendingLabel,
  variant,
}: {
  label: string;
  pendingLabel?: string;
  variant: ButtonVariant;
}) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending}>
      {pending && pendingLabel ? pendingLabel : label}
    </Button>
  );
}
