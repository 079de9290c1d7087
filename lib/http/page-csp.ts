import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { hashPolicy, noncePolicy } from "./security-headers";

/**
 * The Content-Security-Policy of every page, decided by the server (scripts/start.ts) per response:
 * - a page the framework renders for this request gets a fresh nonce: it is put into the request's
 *   `content-security-policy` header, from which Next.js reads it and writes it onto each of its scripts, and
 *   the response's policy allows only scripts with that nonce (and what they load);
 * - a prerendered page (served from the build or the ISR cache, `x-nextjs-prerender`/`x-nextjs-cache`) was
 *   rendered before this request, so it carries no nonce: its body is held until complete, and the policy
 *   lists the SHA-256 hash of each of its inline scripts, and nothing else inline. The held body also gets
 *   its ETag here (SHA-1 of the bytes sent, native, instead of the framework's hash of the page string in
 *   JavaScript, which cost about a third of a cached page's time: `generateEtags: false` in next.config.ts),
 *   a matching `If-None-Match` is answered 304 without the body, and the hashes are kept per ETag, so a page
 *   that has not changed is hashed once.
 * Either way an inline script that an attacker managed to inject does not run.
 */

const HASHES_KEPT = 2_000;
/** ETag → the policy of that prerendered body (insertion order: the oldest is dropped first). */
const policies = new Map<string, string>();

/** Whether a request is for a page (not an API answer, not a build asset). */
export function isPageRequest(req: IncomingMessage): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = req.url ?? "/";
  return !url.startsWith("/api/") && !url.startsWith("/_next/");
}

/** The SHA-256 sources of the inline scripts of an HTML document. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(match[1]!)) continue;
    hashes.add(`'sha256-${createHash("sha256").update(match[2]!, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

function decoded(body: Buffer, encoding: string | undefined): string {
  switch ((encoding ?? "").trim().toLowerCase()) {
    case "gzip":
      return gunzipSync(body).toString("utf8");
    case "br":
      return brotliDecompressSync(body).toString("utf8");
    case "deflate":
      return inflateSync(body).toString("utf8");
    default:
      return body.toString("utf8");
  }
}

function remember(etag: string, policy: string) {
  if (policies.size >= HASHES_KEPT) policies.delete(policies.keys().next().value!);
  policies.set(etag, policy);
}

type Chunk = string | Buffer | Uint8Array;
type Callback = (error?: Error | null) => void;

/**
 * Gives a page request its nonce and its response the policy that fits (see the module comment). Call before
 * the framework handles the request; `dev` relaxes the policy as `next dev` needs.
 */
export function protectPage(req: IncomingMessage, res: ServerResponse, dev = false): void {
  const nonce = randomBytes(16).toString("base64");
  // overwrites whatever the client sent: the nonce is the server's
  req.headers["content-security-policy"] = noncePolicy(nonce, dev);
  const original = { writeHead: res.writeHead, write: res.write, end: res.end };
  let mode: "open" | "pass" | "hold" = "open";
  let head: unknown[] = [];
  const held: Buffer[] = [];

  const send = () => {
    (original.writeHead as (...a: unknown[]) => ServerResponse).apply(res, head);
  };

  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (mode === "hold") return this;
    if (mode === "pass") return (original.writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    // headers given to writeHead itself count as set
    const [status, ...rest] = args;
    const headers = rest.find((a) => a && typeof a === "object") as Record<string, string | string[]> | undefined;
    if (headers && !Array.isArray(headers))
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) this.setHeader(name, value);
    const reason = rest.find((a) => typeof a === "string");
    head = reason === undefined ? [status] : [status, reason];
    const prerendered = this.hasHeader("x-nextjs-prerender") || this.hasHeader("x-nextjs-cache");
    const html = String(this.getHeader("content-type") ?? "").startsWith("text/html");
    const etag = this.getHeader("etag") as string | undefined;
    if (this.hasHeader("content-security-policy")) mode = "pass";
    else if (!prerendered) {
      this.setHeader("content-security-policy", noncePolicy(nonce, dev));
      mode = "pass";
    } else if (status === 304 || req.method === "HEAD" || !html) {
      // no body to hash: the policy of this ETag if known; a page's HEAD none inline; otherwise none, so that a
      // cached copy keeps its own
      const known = etag ? policies.get(etag) : undefined;
      if (known) this.setHeader("content-security-policy", known);
      else if (html && status !== 304) this.setHeader("content-security-policy", hashPolicy([], dev));
      mode = "pass";
    } else {
      mode = "hold";
      return this;
    }
    send();
    return this;
  } as typeof res.writeHead;

  res.write = function (this: ServerResponse, chunk: Chunk, ...rest: unknown[]) {
    if (mode === "open") this.writeHead(this.statusCode);
    if (mode !== "hold") return (original.write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    held.push(toBuffer(chunk, rest[0]));
    const callback = rest.find((a) => typeof a === "function") as Callback | undefined;
    callback?.();
    return true;
  } as typeof res.write;

  res.end = function (this: ServerResponse, ...args: unknown[]) {
    const callback = args.find((a) => typeof a === "function") as Callback | undefined;
    const chunk = args.find((a) => typeof a === "string" || Buffer.isBuffer(a) || a instanceof Uint8Array) as
      Chunk | undefined;
    if (mode === "open" && !this.headersSent) this.writeHead(this.statusCode);
    if (mode !== "hold") return (original.end as (...a: unknown[]) => ServerResponse).apply(this, args);
    if (chunk !== undefined) held.push(toBuffer(chunk, args[1]));
    const body = Buffer.concat(held);
    const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
    this.setHeader("etag", etag);
    let policy = policies.get(etag);
    if (!policy) {
      try {
        policy = hashPolicy(inlineScriptHashes(decoded(body, this.getHeader("content-encoding") as string)), dev);
      } catch {
        // a body that cannot be read as what its header says: nothing inline may run
        policy = hashPolicy([], dev);
      }
      remember(etag, policy);
    }
    this.setHeader("content-security-policy", policy);
    mode = "pass";
    if (head[0] === 200 && matches(req.headers["if-none-match"], etag)) {
      // the reader's copy is this one: confirm it without the body
      head = [304];
      for (const name of ["content-length", "content-type", "content-encoding", "transfer-encoding"])
        this.removeHeader(name);
      send();
      return (original.end as (...a: unknown[]) => ServerResponse).call(this, callback);
    }
    this.setHeader("content-length", body.length);
    this.removeHeader("transfer-encoding");
    send();
    return (original.end as (...a: unknown[]) => ServerResponse).call(this, body, callback);
  } as typeof res.end;
}

/** Whether an `If-None-Match` header names this ETag (weak comparison, as for a GET). */
function matches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const tags = (Array.isArray(header) ? header.join(",") : header).split(",").map((t) => t.trim());
  return tags.some((t) => t === "*" || t.replace(/^W\//, "") === etag);
}

function toBuffer(chunk: Chunk, encoding: unknown): Buffer {
  if (typeof chunk === "string")
    return Buffer.from(chunk, (typeof encoding === "string" ? encoding : "utf8") as BufferEncoding);
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
