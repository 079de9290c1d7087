/**
 * The one error type for expected failures. `code` is a key under `errors.` in messages/<locale>/errors.json;
 * field errors map a field name (or a request parameter) to such a key. Route handlers answer
 * `{ error: { code, message } }` through lib/http.
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

/** What a route handler's answer needs beyond the code: another status, extra members of `error`. */
export interface AppErrorOptions {
  /** An HTTP status other than the code's own (e.g. 413 for a body over the limit, 415 for a refused type). */
  status?: number;
  /** The key of the message (any namespace, e.g. `databank.errors.badFormat`) instead of the code's own. */
  message?: string;
  /** Extra members of the answer's `error` object (e.g. the problems of a refused upload, already localised). */
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fieldErrors: Record<string, string> = {},
    readonly params: Record<string, string | number> = {},
    readonly options: AppErrorOptions = {},
  ) {
    super(code);
    this.name = "AppError";
  }
}

/** The message key of an error code under `errors.` (validation's own key is a group: use its summary). */
export function errorMessageKey(code: ErrorCode): string {
  return code === "validation" ? "validation.summary" : code;
}

/** Maps a thrown value to an AppError: known database conflicts become `duplicate`, the rest `internal`. */
export function errorFromUnknown(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string } | null)?.code;
  if (code === "P2002") return new AppError("duplicate");
  if (code === "P2025") return new AppError("notFound");
  console.error(error);
  return new AppError("internal");
}
