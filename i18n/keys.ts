import type { Messages } from "next-intl";

export type { Messages };

/** The keys directly under a message object, e.g. `KeysOf<Messages["dictionary"]["pos"]>`. */
export type KeysOf<T> = Extract<keyof T, string>;

/**
 * A translator for keys known only at run time: the message keys that errors carry (`AppError` field
 * errors and codes) and codes read from the database that may have no text. Callers check with `has` where
 * a key may be missing. Everywhere else keys are checked by the compiler; this is the one escape hatch.
 */
export interface RuntimeTranslate {
  (key: string, values?: Record<string, string | number | Date>): string;
  has(key: string): boolean;
}

/** The same translator, accepting keys that are only known at run time. */
export function runtimeKeys(t: object): RuntimeTranslate {
  return t as RuntimeTranslate;
}
