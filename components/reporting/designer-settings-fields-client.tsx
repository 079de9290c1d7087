"use client";

import { useId } from "react";
import { useFormResult } from "@/components/forms/action-form-client";

/** One checkbox per organisation kind (`orgKind_<CODE>`), keeping the choice after a refused save. */
export function DesignerKindsField({
  label,
  kinds,
  selected,
}: {
  label: string;
  kinds: { code: string; label: string }[];
  selected: string[];
}) {
  const state = useFormResult();
  const error = state?.fieldErrors?.orgKinds;
  const typed = state && !state.ok && state.values ? state.values : null;
  return (
    <fieldset
      aria-invalid={Boolean(error)}
      className={`rounded border p-3 ${error ? "border-red-500" : "border-slate-300"}`}
    >
      <legend className="px-1 text-sm font-medium">{label}</legend>
      <div className="grid gap-1 sm:grid-cols-2">
        {kinds.map((k) => {
          const checked = typed ? typed[`orgKind_${k.code}`] === "on" : selected.includes(k.code);
          return (
            <label key={`${k.code}:${checked}:${state ? "r" : "i"}`} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={`orgKind_${k.code}`} defaultChecked={checked} className="h-4 w-4" />
              {k.label}
            </label>
          );
        })}
      </div>
      {error && <p className="mt-1 text-sm text-red-700">{error}</p>}
    </fieldset>
  );
}

/** BINs of the addressees of an ad-hoc request, one per line. */
export function DesignerAddresseesField({
  label,
  hint,
  defaultValue,
}: {
  label: string;
  hint: string;
  defaultValue: string;
}) {
  const state = useFormResult();
  const id = useId();
  const error = state?.fieldErrors?.addresseeBins;
  const value = state && !state.ok && state.values ? (state.values.addresseeBins ?? "") : defaultValue;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <textarea
        key={`${value}:${state ? "r" : "i"}`}
        id={id}
        name="addresseeBins"
        defaultValue={value}
        rows={3}
        aria-invalid={Boolean(error)}
        aria-describedby={`${id}-note`}
        className={`w-full rounded border px-3 py-2 font-mono text-sm ${error ? "border-red-500 bg-red-50" : "border-slate-300"}`}
      />
      <p id={`${id}-note`} className={`mt-1 text-sm ${error ? "text-red-700" : "text-xs text-slate-500"}`}>
        {error ?? hint}
      </p>
    </div>
  );
}
