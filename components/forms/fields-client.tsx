"use client";

import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from "react";
import { Input, Select, Textarea } from "@/components/ui/input";
import { useFormResult } from "./action-form-client";

interface BaseProps {
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string | number | null;
  required?: boolean;
}

function useField(name: string, defaultValue: string | number | null | undefined) {
  const state = useFormResult();
  const id = useId();
  const error = state?.fieldErrors?.[name];
  const value = state && !state.ok && state.values && name in state.values ? state.values[name] : (defaultValue ?? "");
  return { id, error, value: String(value), key: `${name}:${state?.values?.[name] ?? ""}:${state ? "r" : "i"}` };
}

type Field = ReturnType<typeof useField>;

/** The attributes an input or select shares: its id and name, the kept value, the error or hint it is described by. */
function controlProps(f: Field, name: string, hint?: string) {
  return {
    id: f.id,
    name,
    defaultValue: f.value,
    "aria-invalid": Boolean(f.error),
    "aria-describedby": f.error ? `${f.id}-error` : hint ? `${f.id}-hint` : undefined,
    invalid: Boolean(f.error),
    className: "w-full",
  };
}

/** A field's label above its control and its error (or hint) below. */
function FieldFrame({
  f,
  label,
  required,
  hint,
  children,
}: {
  f: Field;
  label: string;
  required?: boolean;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div>
      <FieldLabel id={f.id} label={label} required={required} />
      {children}
      <FieldMessage id={f.id} error={f.error} hint={hint} />
    </div>
  );
}

/** A field's label, with a star when the field is required. */
export function FieldLabel({ id, label, required }: { id: string; label: string; required?: boolean }) {
  return (
    <label htmlFor={id} className="mb-1 block text-sm font-medium">
      {label}
      {required && (
        <span aria-hidden className="text-red-700">
          {" "}
          *
        </span>
      )}
    </label>
  );
}

/** A field's error (id `${id}-error`) or, without one, its hint (id `${id}-hint`). */
export function FieldMessage({ id, error, hint }: { id: string; error?: string; hint?: string }) {
  if (error)
    return (
      <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
        {error}
      </p>
    );
  if (hint)
    return (
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
        {hint}
      </p>
    );
  return null;
}

export function TextField({
  name,
  label,
  hint,
  defaultValue,
  required,
  ...rest
}: BaseProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "defaultValue">) {
  const f = useField(name, defaultValue);
  return (
    <FieldFrame f={f} label={label} required={required} hint={hint}>
      <Input key={f.key} {...controlProps(f, name, hint)} aria-required={required} {...rest} />
    </FieldFrame>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  defaultValue,
  required,
  ...rest
}: BaseProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "defaultValue">) {
  const f = useField(name, defaultValue);
  return (
    <FieldFrame f={f} label={label} required={required} hint={hint}>
      <Textarea key={f.key} {...controlProps(f, name, hint)} aria-required={required} rows={5} {...rest} />
    </FieldFrame>
  );
}

export function SelectField({
  name,
  label,
  hint,
  defaultValue,
  required,
  options,
  placeholder,
}: BaseProps & { options: { value: string; label: string }[]; placeholder?: string }) {
  const f = useField(name, defaultValue);
  return (
    <FieldFrame f={f} label={label} required={required} hint={hint}>
      <Select key={f.key} {...controlProps(f, name, hint)}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </FieldFrame>
  );
}

export function CheckboxField({
  name,
  label,
  defaultChecked,
}: {
  name: string;
  label: string;
  defaultChecked?: boolean;
}) {
  const state = useFormResult();
  const checked = state && !state.ok && state.values ? state.values[name] === "on" : Boolean(defaultChecked);
  return (
    <label className="flex items-center gap-2 text-sm">
      <input key={`${name}:${checked}`} type="checkbox" name={name} defaultChecked={checked} className="h-4 w-4" />
      {label}
    </label>
  );
}

/** Errors that belong to the form as a whole or to hidden fields (e.g. a stale version). */
export function FormErrors({ names }: { names: string[] }) {
  const state = useFormResult();
  const errors = names.map((n) => state?.fieldErrors?.[n]).filter(Boolean);
  if (!errors.length) return null;
  return (
    <ul className="text-sm text-red-700">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}
