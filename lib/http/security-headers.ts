/**
 * The security headers of every response, in one place. The server (scripts/start.ts) adds them to every
 * response that has not set its own; the proxy gives the pages it renders per request a CSP with a nonce.
 *
 * Content-Security-Policy, two forms:
 * - pages rendered per request that pass the proxy (admin area, account): scripts only with the request's
 *   nonce, and what those load ('strict-dynamic') — an injected inline script does not run;
 * - prerendered and cached pages (served straight from the build, without the proxy, so that they stay
 *   static): Next.js inlines the page's RSC payload as inline scripts whose content changes with every
 *   revalidation, and a nonce would force every such page to render per request. They get 'self' plus
 *   inline scripts, and everything else locked down: no plugins, no foreign scripts, styles, frames, forms or
 *   connections, no <base> rewriting, no framing. All our HTML comes from React (escaped) and sanitised
 *   Markdown (lib/markdown), which is where injection is stopped on these pages.
 * - everything under /api/ (JSON, files, feeds): nothing may run or load at all, and a downloaded file
 *   opened in the browser is sandboxed.
 */

/** Where a response's policy comes from. */
export type PolicyKind = "static" | "api";

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

/** The CSP of prerendered pages and of API responses (see the module comment). */
export function staticPolicy(kind: PolicyKind, dev = false): string {
  if (kind === "api") return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";
  return [
    ...COMMON,
    `script-src 'self' 'unsafe-inline'${devScript(dev)}`,
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self'${devConnect(dev)}`,
  ].join("; ");
}

/** Browser features the portal never uses, turned off for it and for anything it might embed. */
export const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), browsing-topics=()";

/** Two years, with subdomains: only sent when the public origin is https. */
export const HSTS = "max-age=63072000; includeSubDomains";

/** The headers every response gets unless it set its own (the CSP of the proxy's pages, for one). */
export function defaultSecurityHeaders(options: {
  path: string;
  https: boolean;
  dev?: boolean;
}): Record<string, string> {
  const api = options.path.startsWith("/api/");
  return {
    "content-security-policy": staticPolicy(api ? "api" : "static", options.dev),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": PERMISSIONS_POLICY,
    "cross-origin-opener-policy": "same-origin",
    ...(options.https ? { "strict-transport-security": HSTS } : {}),
  };
}
