"use client";

import { useId } from "react";
import { ActionForm, useFormResult } from "@/components/forms/action-form-client";
import type { FormAction } from "@/lib/actions";

/** A Markdown text area bound to the enclosing ActionForm (keeps the text after a refused submit). */
export function BodyField({
  name = "body",
  label,
  hint,
  defaultValue,
  rows = 5,
}: {
  name?: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  rows?: number;
}) {
  const state = useFormResult();
  const id = useId();
  const error = state?.fieldErrors?.[name];
  const value =
    state && !state.ok && state.values && name in state.values ? (state.values[name] ?? "") : (defaultValue ?? "");
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <textarea
        key={`${state ? (state.ok ? "ok" : "r") : "i"}:${value.length}`}
        id={id}
        name={name}
        rows={rows}
        defaultValue={state?.ok ? "" : value}
        aria-invalid={Boolean(error)}
        className={`w-full rounded border px-3 py-2 font-mono text-sm ${error ? "border-red-500 bg-red-50" : "border-slate-300 bg-white"}`}
      />
      {error ? (
        <p className="mt-1 text-sm text-red-700">{error}</p>
      ) : hint ? (
        <p className="mt-1 text-xs text-slate-500">{hint}</p>
      ) : null}
    </div>
  );
}

/** A one-button form with hidden fields (reactions, moderator tools); shows the outcome next to the button. */
export function ButtonForm({
  action,
  fields,
  label,
  variant = "secondary",
  testId,
}: {
  action: FormAction;
  fields: Record<string, string>;
  label: string;
  variant?: "primary" | "secondary" | "danger";
  testId?: string;
}) {
  return (
    <ActionForm
      action={action}
      submitLabel={label}
      variant={variant}
      className="inline-flex flex-wrap items-center gap-2"
      testId={testId}
    >
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
    </ActionForm>
  );
}
