/**
 * The security headers of every response, in one place. The server (scripts/start.ts, through
 * lib/http/edge.ts) adds them to every response that has not set its own.
 *
 * Content-Security-Policy: no page lets an inline script run unless the server vouched for it
 * (lib/http/page-csp.ts decides per response):
 * - pages rendered for the request: scripts only with the request's nonce, and what those load
 *   ('strict-dynamic');
 * - prerendered and cached pages, rendered before the request and so without a nonce: 'self' plus the
 *   SHA-256 hash of each inline script of that very body (Next.js inlines the page's RSC payload as inline
 *   scripts whose content changes with every revalidation);
 * - everything under /api/ (JSON, files, feeds): nothing may run or load at all, and a downloaded file
 *   opened in the browser is sandboxed.
 * Everything else is locked down on every page: no plugins, no foreign scripts, styles, frames, forms or
 * connections, no <base> rewriting, no framing.
 */

const COMMON = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** Development (next dev) evaluates code for error overlays and talks to the dev server over a WebSocket. */
const devScript = (dev: boolean) => (dev ? " 'unsafe-eval'" : "");
const devConnect = (dev: boolean) => (dev ? " ws: wss:" : "");

/** The CSP of a page rendered per request: scripts only with this nonce and what they load. */
export function noncePolicy(nonce: string, dev = false): string {
  return [
    ...COMMON,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${devScript(dev)}`,
    // React writes style attributes; styles cannot run code, so inline styles stay allowed
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self'${devConnect(dev)}`,
  ].join("; ");
}

/** The CSP of a prerendered page: inline scripts only with these hashes (`'sha256-…'` sources). */
export function hashPolicy(hashes: readonly string[], dev = false): string {
  return [
    ...COMMON,
    `script-src 'self'${hashes.map((h) => ` ${h}`).join("")}${devScript(dev)}`,
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self'${devConnect(dev)}`,
  ].join("; ");
}

/** The CSP of API responses: nothing runs, nothing loads, a file opened in the browser is sandboxed. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

/** Browser features the portal never uses, turned off for it and for anything it might embed. */
export const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=()";

/** Two years, with subdomains: only sent when the public origin is https. */
export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * The headers every response gets unless it set its own. A page's CSP is left to lib/http/page-csp.ts
 * (`page: true`); other responses get the API policy under /api/ and a no-inline policy elsewhere.
 */
export function defaultSecurityHeaders(options: {
  path: string;
  https: boolean;
  dev?: boolean;
  page?: boolean;
}): Record<string, string> {
  const api = options.path.startsWith("/api/");
  return {
    ...(options.page ? {} : { "content-security-policy": api ? API_POLICY : hashPolicy([], options.dev) }),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": PERMISSIONS_POLICY,
    "cross-origin-opener-policy": "same-origin",
    ...(options.https ? { "strict-transport-security": HSTS } : {}),
  };
}
