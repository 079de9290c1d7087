import "server-only";
/**
 * The one route-handler factory and the one JSON error shape of every route handler under app/api.
 *
 * `route()` is the twin of `action()` (lib/actions): origin check (when asked) → session → permission with
 * scope → zod-parsed params, query and body → handler. Every route says who may call it: `access: "public"`,
 * `access: "signedIn"` or `permission: "x.y"`. The handler returns any Response (JSON, a CSV or XLSX file,
 * a stream of Server-Sent Events) and the factory passes it on untouched; whatever it throws becomes
 * `{ error: { code, message } }` with the code's status and a message in the request's `locale`.
 */
import { NextResponse } from "next/server";
import { createTranslator } from "use-intl/core";
import type { z } from "zod";
import { loadMessages } from "@/i18n/messages";
import { isLocale, locales, routing, type Locale } from "@/i18n/routing";
import { authorize, getViewer } from "../auth/viewer";
import type { Permission } from "../auth/permissions";
import type { Scope, Viewer } from "../auth/scope";
import { AppError, HTTP_STATUS, errorFromUnknown, errorMessageKey } from "../errors";
import { enforcePerClient, type Limit } from "../rate-limit";

type Translate = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

const translators = new Map<Locale, Translate>();

/** A translator over all of a locale's messages (no request context needed: route handlers and tests). */
export function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({ locale, messages: loadMessages(locale) as never }) as unknown as Translate;
    translators.set(locale, t);
  }
  return t;
}

/** Refusals of an uploaded body that have an HTTP status of their own: too large, a refused type. */
const FIELD_STATUS: Record<string, number> = {
  "files.tooLarge": 413,
  "reporting.upload.tooLarge": 413,
  "files.typeNotAllowed": 415,
  "files.contentMismatch": 415,
};

/**
 * The one JSON error shape of every route handler: `{ error: { code, message } }`. The message is the
 * error's field messages when it has any (they say what is wrong with which parameter or file), otherwise
 * the code's own; unexpected errors are logged and answer `internal` without details.
 */
export function errorResponse(error: unknown, locale: Locale = routing.defaultLocale): NextResponse {
  const appError = errorFromUnknown(error);
  const t = translator(locale);
  const fieldKeys = Object.values(appError.fieldErrors);
  const message = appError.options.message
    ? t(appError.options.message, appError.params)
    : fieldKeys.length
      ? fieldKeys.map((key) => t(`errors.${key}`, appError.params)).join(" ")
      : t(`errors.${errorMessageKey(appError.code)}`, appError.params);
  const status =
    appError.options.status ?? fieldKeys.map((key) => FIELD_STATUS[key]).find(Boolean) ?? HTTP_STATUS[appError.code];
  return NextResponse.json(
    { error: { code: appError.code, message, ...appError.options.details } },
    {
      status,
      headers: {
        "cache-control": "no-store",
        ...(appError.code === "rateLimited" && typeof appError.params.retryAfter === "number"
          ? { "retry-after": String(appError.params.retryAfter) }
          : {}),
      },
    },
  );
}

/** A 400 naming the parameter and its refused value (and the allowed values when they are a short list). */
export function badParameter(param: string, value: unknown, allowed?: readonly (string | number)[]): AppError {
  const shown = String(value ?? "").slice(0, 100);
  if (value === undefined || value === null || value === "")
    return new AppError("badRequest", { [param]: "parameter.required" }, { param });
  return allowed
    ? new AppError(
        "badRequest",
        { [param]: "parameter.invalidOption" },
        { param, value: shown, allowed: allowed.join(", ") },
      )
    : new AppError("badRequest", { [param]: "parameter.invalid" }, { param, value: shown });
}

/** The first zod issue of parsed parameters as a 400 naming the parameter. */
function parameterError(issues: readonly z.core.$ZodIssue[], input: Record<string, unknown>): AppError {
  const issue = issues[0];
  if (!issue) return new AppError("badRequest");
  if (issue.code === "unrecognized_keys")
    return new AppError("badRequest", { [issue.keys[0]!]: "parameter.unknown" }, { param: issue.keys[0]! });
  const param = issue.path.map(String).join(".") || "_";
  const value = input[String(issue.path[0] ?? "")];
  const allowed = issue.code === "invalid_value" ? issue.values.map(String) : undefined;
  return badParameter(param, Array.isArray(value) ? value.join(",") : value, allowed);
}

/** The locale of a request's messages: its `locale` parameter when supported, else the default. */
export function requestedLocale(url: URL): Locale {
  const requested = url.searchParams.get("locale");
  return isLocale(requested) ? requested : routing.defaultLocale;
}

/** A cross-site page must not post in someone's name: the Origin, when sent, must be this site. */
function sameOrigin(request: Request, url: URL): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const hosts = [url.host, request.headers.get("x-forwarded-host"), request.headers.get("host")];
  return hosts.includes(host);
}

/** NUL and the other C0 controls except tab, line feed and carriage return (which free text may hold). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type Segments = Record<string, string | string[] | undefined>;

/** What every handler gets: the request, its URL, its locale and the parsed inputs. */
export interface RouteInput<P, Q, B> {
  request: Request;
  url: URL;
  locale: Locale;
  /** The dynamic segments, parsed with `params` when given. */
  params: P;
  /** The query (`Object.fromEntries` of the search parameters) parsed with `query`; undefined without it. */
  query: Q;
  /** The JSON body parsed with `body`; undefined without it (the handler reads other bodies itself). */
  body: B;
  /** Answer errors in this locale from now on (a multipart upload names its language in a form field). */
  answerIn: (locale: Locale) => void;
}

interface Options<PS, QS, BS, W> {
  /** Zod schema of the dynamic segments. */
  params?: PS;
  /** Zod schema of the query; a failure is a 400 naming the parameter. */
  query?: QS;
  /** Zod schema of a JSON body; the request must then be `application/json`. */
  body?: BS;
  /** Refuse a request whose Origin is another site (uploads and posts made from the portal's pages). */
  sameOrigin?: boolean;
  /**
   * A per-client-address limit (`defineLimit`), counted before anything else: over it, 429 with Retry-After
   * in the shared error shape. Every public API that costs the server work has one.
   */
  rateLimit?: Limit;
  handler: (
    ctx: RouteInput<Parsed<PS> extends undefined ? Segments : Parsed<PS>, Parsed<QS>, Parsed<BS>> & W,
  ) => Promise<Response> | Response;
}

/** The handler Next.js calls: any route's context (its `params` promise) fits. */
export type RouteHandler = (request: Request, context: { params: Promise<Segments> }) => Promise<Response>;

type Schema = z.ZodType | undefined;

/** A route for holders of a permission: `viewer` and the permission's `scope` (put it into every query). */
export function route<PS extends Schema = undefined, QS extends Schema = undefined, BS extends Schema = undefined>(
  options: Options<PS, QS, BS, { viewer: Viewer; scope: Scope }> & { permission: Permission; access?: never },
): RouteHandler;
/** A route for any signed-in person, about their own things: `viewer` (put `viewer.userId` into the query). */
export function route<PS extends Schema = undefined, QS extends Schema = undefined, BS extends Schema = undefined>(
  options: Options<PS, QS, BS, { viewer: Viewer }> & { access: "signedIn"; permission?: never },
): RouteHandler;
/**
 * A public route. `viewer()` reads the session when what is shown depends on it (unpublished files for
 * their author, search results by audience, chat rooms for their members); the service does the check.
 */
export function route<PS extends Schema = undefined, QS extends Schema = undefined, BS extends Schema = undefined>(
  options: Options<PS, QS, BS, { viewer: () => Promise<Viewer | null> }> & { access: "public"; permission?: never },
): RouteHandler;
export function route(
  options: Omit<Options<Schema, Schema, Schema, object>, "handler"> & {
    permission?: Permission;
    access?: "public" | "signedIn";
    handler: (ctx: never) => Promise<Response> | Response;
  },
): RouteHandler {
  return async (request, context) => {
    const url = new URL(request.url);
    let locale = requestedLocale(url);
    try {
      if (options.sameOrigin && !sameOrigin(request, url)) throw new AppError("forbidden");
      if (options.rateLimit) await enforcePerClient(options.rateLimit, request.headers);
      // The session is checked before any input, so a signed-out caller learns nothing about the parameters.
      const who = await session(options);
      const requested = url.searchParams.get("locale");
      if (requested !== null && !isLocale(requested)) throw badParameter("locale", requested, locales);
      const segments = (await context.params) ?? {};
      // a NUL byte or other control character is never a valid id, query value or name: 400, not a 500 later
      for (const [name, value] of [...Object.entries(segments), ...url.searchParams.entries()])
        if ([value].flat().some((v) => typeof v === "string" && CONTROL.test(v)))
          throw new AppError("badRequest", { [name]: "parameter.invalid" }, { param: name, value: "" });
      let params: unknown = segments;
      if (options.params) {
        const parsed = options.params.safeParse(segments);
        if (!parsed.success) throw parameterError(parsed.error.issues, segments);
        params = parsed.data;
      }
      let query: unknown;
      if (options.query) {
        const raw = Object.fromEntries(url.searchParams);
        const parsed = options.query.safeParse(raw);
        if (!parsed.success) throw parameterError(parsed.error.issues, raw);
        query = parsed.data;
      }
      let body: unknown;
      if (options.body) {
        // JSON only: a cross-site form cannot send it without the browser asking this site first.
        if (!request.headers.get("content-type")?.startsWith("application/json")) throw new AppError("forbidden");
        const raw: unknown = await request.json().catch(() => null);
        const parsed = options.body.safeParse(raw);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const field = issue?.path.map(String).join(".") || "_form";
          const [key, values] = issueKey(issue);
          throw new AppError("validation", { [field]: key }, values);
        }
        body = parsed.data;
      }
      const answerIn = (next: Locale) => {
        locale = next;
      };
      return await options.handler({ request, url, locale, answerIn, params, query, body, ...who } as never);
    } catch (error) {
      return errorResponse(error, locale);
    }
  };
}

async function session(options: { permission?: Permission; access?: "public" | "signedIn" }) {
  if (options.permission) return authorize(options.permission);
  if (options.access === "signedIn") {
    const viewer = await getViewer();
    if (!viewer) throw new AppError("unauthenticated");
    return { viewer };
  }
  return { viewer: getViewer };
}

/** The message key (and its values) of a body field's zod issue; a schema's own key under `errors.` wins. */
function issueKey(issue: z.core.$ZodIssue | undefined): [string, Record<string, number>] {
  if (!issue) return ["validation.invalidFormat", {}];
  if (issue.message && /^[a-z][\w-]*(\.[\w-]+)+$/i.test(issue.message)) return [issue.message, {}];
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1
          ? ["validation.required", {}]
          : ["validation.tooShort", { min: Number(issue.minimum) }];
      return ["validation.tooSmall", { min: Number(issue.minimum) }];
    case "too_big":
      return issue.origin === "string"
        ? ["validation.tooLong", { max: Number(issue.maximum) }]
        : ["validation.tooBig", { max: Number(issue.maximum) }];
    case "invalid_value":
      return ["validation.invalidOption", {}];
    case "invalid_type":
      return [issue.input === undefined ? "validation.required" : "validation.invalidType", {}];
    default:
      return ["validation.invalidFormat", {}];
  }
}
