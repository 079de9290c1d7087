import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cx } from "./cx";

export type FieldDensity = "md" | "sm";

const DENSITY: Record<FieldDensity, string> = { md: "px-3 py-2", sm: "px-2 py-1" };

/**
 * The classes of a text input, select or textarea: a bordered box, red with a light red background when
 * the value is invalid. `className` adds width, margins, font.
 */
export function fieldClass({
  invalid,
  density = "md",
  className,
}: { invalid?: boolean; density?: FieldDensity; className?: string } = {}): string {
  return cx(
    "rounded border",
    DENSITY[density],
    invalid ? "border-red-500 bg-red-50" : "border-slate-300 bg-white",
    className,
  );
}

interface FieldLook {
  /** Shows the field as invalid (the caller also sets aria-invalid and aria-describedby). */
  invalid?: boolean;
  density?: FieldDensity;
}

/** A text input; every attribute (id, name, type, required, defaultValue, aria-*) is passed on. */
export function Input({ invalid, density, className, ...props }: InputHTMLAttributes<HTMLInputElement> & FieldLook) {
  return <input className={fieldClass({ invalid, density, className })} {...props} />;
}

/** A select; options are its children. */
export function Select({ invalid, density, className, ...props }: SelectHTMLAttributes<HTMLSelectElement> & FieldLook) {
  return <select className={fieldClass({ invalid, density, className })} {...props} />;
}

/** A multi-line text field. */
export function Textarea({
  invalid,
  density,
  className,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldLook) {
  return <textarea className={fieldClass({ invalid, density, className })} {...props} />;
}
