/**
 * The first check of every request, made by the server (scripts/start.ts) before Next.js sees it: input that
 * would otherwise fail deep inside the framework or the database with a 500 is refused here with the status
 * it deserves, in the shared error shape `{ error: { code, message } }`:
 * - a NUL byte anywhere in the URL, a control character or malformed percent-encoding in the path → 400;
 * - a `Next-Router-State-Tree` header that is not the framework's URI-encoded JSON array → 400;
 * - a server action (`Next-Action` header) with a body over the actions' 1 MB limit → 413 (by its length, or
 *   by reading it when it comes without one), or posted from another site (its `Origin` is not this host) → 403.
 * The checks read the request line and headers only, except for a chunked server action (`actionWithinLimit`).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { IncomingMessage, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import { join } from "node:path";
import { checkActionBody } from "./action-body";
import { isPageRequest, protectPage } from "./page-csp";
import { API_POLICY, defaultSecurityHeaders } from "./security-headers";

/** The server actions' body limit (Next.js's `serverActions.bodySizeLimit` default). */
export const ACTION_BODY_LIMIT = 1024 * 1024;

export interface EdgeRefusal {
  status: 400 | 403 | 413;
  code: "badRequest" | "forbidden" | "requestTooLarge";
}

const NUL = /%00|\u0000/i;
// C0 controls and DEL, raw or percent-encoded
const CONTROL = /[\u0000-\u001f\u007f]|%(?:[01][0-9a-f]|7f)/i;

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * The framework's own parser of the router state header (it throws on anything it would refuse later with a
 * 500), so the edge refuses exactly what the framework cannot read. An internal module of Next.js: should a
 * future version move it, the structural check below takes over.
 */
const frameworkParser = (() => {
  try {
    const load = createRequire(import.meta.url);
    return (
      load("next/dist/server/app-render/parse-and-validate-flight-router-state") as {
        parseAndValidateFlightRouterState: (header: string) => unknown;
      }
    ).parseAndValidateFlightRouterState;
  } catch {
    return undefined;
  }
})();

/** Whether a router state tree header is what the framework sends: URI-encoded JSON of its tree. */
function validStateTree(value: string): boolean {
  if (value.length > 20_000) return false;
  try {
    if (frameworkParser) {
      frameworkParser(value);
      return true;
    }
    const parsed: unknown = JSON.parse(decodeURIComponent(value));
    return Array.isArray(parsed) && parsed.length >= 2 && (typeof parsed[0] === "string" || Array.isArray(parsed[0]));
  } catch {
    return false;
  }
}

/** The host an Origin header names, or null when it is not a URL. */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * What to refuse about a request before it reaches the framework, or null to let it through.
 * `trustForwardedHost`: a trusted proxy in front may name the public host in X-Forwarded-Host.
 */
export function edgeRefusal(
  request: { method?: string; url?: string; headers: IncomingHttpHeaders },
  trustForwardedHost = false,
): EdgeRefusal | null {
  const url = request.url ?? "/";
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  if (NUL.test(url) || CONTROL.test(path)) return { status: 400, code: "badRequest" };
  try {
    decodeURIComponent(path);
  } catch {
    return { status: 400, code: "badRequest" };
  }
  const tree = header(request.headers, "next-router-state-tree");
  if (tree !== undefined && !validStateTree(tree)) return { status: 400, code: "badRequest" };

  if (header(request.headers, "next-action") !== undefined && request.method === "POST") {
    const origin = header(request.headers, "origin");
    if (origin !== undefined) {
      const hosts = [header(request.headers, "host")];
      if (trustForwardedHost) hosts.push(header(request.headers, "x-forwarded-host")?.split(",")[0]?.trim());
      const from = originHost(origin);
      if (!from || !hosts.includes(from)) return { status: 403, code: "forbidden" };
    }
    const length = Number(header(request.headers, "content-length") ?? 0);
    if (Number.isFinite(length) && length > ACTION_BODY_LIMIT) return { status: 413, code: "requestTooLarge" };
  }
  return null;
}

/** The locale of a path's first segment, for the refusal's message (the default one otherwise). */
export function pathLocale(url: string | undefined): "kk" | "ru" | "en" {
  const match = /^\/(kk|ru|en)(?:[/?#]|$)/.exec(url ?? "");
  return (match?.[1] as "kk" | "ru" | "en" | undefined) ?? "kk";
}

const refusalMessages = new Map<string, Record<string, unknown>>();

/** The localised message of a refusal, from messages/<locale>/errors.json (read once per locale). */
function refusalMessage(locale: string, code: EdgeRefusal["code"]): string {
  let errors = refusalMessages.get(locale);
  if (!errors) {
    errors = JSON.parse(readFileSync(join(process.cwd(), "messages", locale, "errors.json"), "utf8")) as Record<
      string,
      unknown
    >;
    refusalMessages.set(locale, errors);
  }
  const message = errors[code];
  return typeof message === "string" ? message : code;
}

/**
 * A server action (a `next-action` post, or a form posted to a page without JavaScript): its body is read here,
 * up to the limit, so that its size and shape are checked before the framework decodes it (it answers a 500 to
 * a body over its limit or one it cannot decode). Within the limit, the request goes on to the framework as a
 * copy carrying the body and its length; over it, the answer is null (refused with 413).
 */
export function isActionPost(req: IncomingMessage): boolean {
  if (req.method !== "POST" || (req.url ?? "/").startsWith("/api/")) return false;
  if (header(req.headers, "next-action") !== undefined) return true;
  return (header(req.headers, "content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

export async function actionWithinLimit(
  req: IncomingMessage,
  limit = ACTION_BODY_LIMIT,
): Promise<{ copy: IncomingMessage; body: Buffer } | null> {
  const body = await new Promise<Buffer | null>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // over the limit: the rest is read and dropped (not kept), so the client gets the answer, not a reset
      req.off("data", onData);
      req.resume();
      resolve(null);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
  if (!body) return null;
  const size = body.length;
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  const { "transfer-encoding": _chunked, ...headers } = req.headers;
  copy.headers = { ...headers, "content-length": String(size) };
  copy.rawHeaders = Object.entries(copy.headers).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value ?? ""]).flatMap((v) => [name, v]),
  );
  copy.push(body);
  copy.push(null);
  // the whole message is here: reading it to the end must not close the connection (an incomplete one would)
  copy.complete = true;
  return { copy, body };
}

/**
 * Serves a server action post (see `isActionPost`): reads its body within the limit (413 over it), refuses a
 * body the framework could not decode (400, lib/http/action-body.ts), and hands the rest to the framework.
 */
export function serveAction(
  req: IncomingMessage,
  res: ServerResponse,
  handle: (req: IncomingMessage, res: ServerResponse) => unknown,
  limit = ACTION_BODY_LIMIT,
): void {
  void actionWithinLimit(req, limit)
    .then(async (read) => {
      if (!read) return answerRefusal(req, res, { status: 413, code: "requestTooLarge" });
      const fetchAction = header(req.headers, "next-action") !== undefined;
      const verdict = await checkActionBody(read.body, header(req.headers, "content-type"), fetchAction);
      if (verdict !== "ok") return answerRefusal(req, res, { status: 400, code: "badRequest" });
      await handle(read.copy, res);
    })
    .catch(() => res.destroy());
}

/** Answers a refused request in the shared error shape, in the language of its path or `?locale=`. */
export function answerRefusal(req: IncomingMessage, res: ServerResponse, refusal: EdgeRefusal): void {
  const url = req.url ?? "/";
  const apiLocale = /[?&]locale=(kk|ru|en)(?:&|$)/.exec(url)?.[1];
  const message = refusalMessage(apiLocale ?? pathLocale(url), refusal.code);
  const body = JSON.stringify({
    error: { code: refusal.code === "requestTooLarge" ? "badRequest" : refusal.code, message },
  });
  res.statusCode = refusal.status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.setHeader("content-security-policy", API_POLICY);
  // an unread body is discarded by Node once the answer is sent, so the client reads the answer, not a reset
  res.end(body);
}

/**
 * What the server does with every request before Next.js: refuses bad input (answering it, true), and sets
 * the security headers every response carries unless the response sets its own (a page's CSP: page-csp.ts).
 */
export function handleAtEdge(
  req: IncomingMessage,
  res: ServerResponse,
  options: { https: boolean; dev: boolean; trustForwardedHost: boolean },
): boolean {
  const page = isPageRequest(req);
  const defaults = defaultSecurityHeaders({ path: req.url ?? "/", https: options.https, dev: options.dev, page });
  const writeHead = res.writeHead;
  // applied when the headers are written (explicitly or by the first write), so the response's own win
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    for (const [name, value] of Object.entries(defaults)) if (!this.hasHeader(name)) this.setHeader(name, value);
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as typeof res.writeHead;

  const refusal = edgeRefusal(req, options.trustForwardedHost);
  if (!refusal) {
    // the page's CSP: a nonce for what is rendered now, hashes for what was prerendered
    if (page) protectPage(req, res, options.dev);
    return false;
  }
  answerRefusal(req, res, refusal);
  return true;
}
