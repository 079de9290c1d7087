/**
 * The one error type for expected failures. `code` is a key under `errors.` in messages/<locale>/errors.json;
 * field errors map a field name to such a key. Route handlers answer `{ error: { code, message } }`.
 */
export type ErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "notFound"
  | "validation"
  | "conflict"
  | "stale"
  | "outOfScope"
  | "duplicate"
  | "badRequest"
  | "rateLimited"
  | "internal";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  outOfScope: 403,
  notFound: 404,
  validation: 400,
  badRequest: 400,
  rateLimited: 429,
  conflict: 409,
  stale: 409,
  duplicate: 409,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fieldErrors: Record<string, string> = {},
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = "AppError";
  }
}

/** The message key of an error code under `errors.` (validation's own key is a group: use its summary). */
export function errorMessageKey(code: ErrorCode): string {
  return code === "validation" ? "validation.summary" : code;
}
