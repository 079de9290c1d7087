import type { ButtonHTMLAttributes } from "react";
import { cx } from "./cx";

export type ButtonVariant = "primary" | "secondary" | "danger";
export type ButtonSize = "sm" | "md";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-brand-700 font-medium text-white hover:bg-brand-900",
  secondary: "border border-slate-300 bg-white hover:bg-slate-100",
  danger: "bg-red-700 font-medium text-white hover:bg-red-900",
};

const SIZES: Record<ButtonSize, string> = { md: "px-4 py-2 text-sm", sm: "px-3 py-1.5 text-sm" };

/** The classes of a button, also for links that look like one (add `no-underline hover:no-underline`). */
export function buttonClass({
  variant = "primary",
  size = "md",
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return cx("rounded disabled:opacity-60", SIZES[size], VARIANTS[variant], className);
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: ButtonSize };

/** A button in one of the portal's looks; every other attribute (type, name, value, aria-*) is passed on. */
export function Button({ variant, size, className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}

/** The classes of a link that looks like a button (no underline, also on hover). */
export function linkButtonClass(options: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}) {
  return buttonClass({ ...options, className: cx("no-underline hover:no-underline", options.className) });
}
