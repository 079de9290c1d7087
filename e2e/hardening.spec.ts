/**
 * Security headers on every kind of response, framing refused, no CSP violations on the pages that run the
 * most script, and bad input answered with 400/403/413 in the shared error shape instead of a 500.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIResponse, Page } from "@playwright/test";
import { DEMO_PASSWORD, expect, fillSignInForm, storageStateOf, t, test } from "./fixtures";

const SECURITY_HEADERS = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

function expectSecurityHeaders(response: APIResponse | { headers(): Record<string, string> }, nonce: boolean) {
  const headers = response.headers();
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name], name).toBe(value);
  expect(headers["permissions-policy"]).toContain("camera=()");
  const csp = headers["content-security-policy"]!;
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/object-src 'none'|default-src 'none'/);
  if (nonce) expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  // the test server's public URL is http: no HSTS (it would pin the browser to https)
  expect(headers["strict-transport-security"]).toBeUndefined();
}

/** The Cookie header of a seeded user's saved session. */
function sessionCookie(login: "school" | "parent"): string {
  const state = JSON.parse(readFileSync(storageStateOf(login), "utf8")) as {
    cookies: { name: string; value: string }[];
  };
  return state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

test("security headers on a public page, a signed-in page, an API route and a file download", async ({ request }) => {
  // a prerendered page: each of its inline scripts by its hash, no other inline script
  const publicPage = await request.get("/kk");
  expect(publicPage.status()).toBe(200);
  expectSecurityHeaders(publicPage, false);
  const prerendered = publicPage.headers()["content-security-policy"]!;
  expect(prerendered).not.toContain("nonce-");
  expect(prerendered).not.toMatch(/script-src[^;]*unsafe-inline/);
  const inline = [...(await publicPage.text()).matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)];
  expect(inline.length).toBeGreaterThan(0);
  for (const [, code] of inline)
    expect(prerendered).toContain(`'sha256-${createHash("sha256").update(code!).digest("base64")}'`);
  // a public page rendered per request: the nonce; a public page from the page cache (a statistics view): hashes
  expectSecurityHeaders(await request.get(`/kk/search?q=${encodeURIComponent("мектеп")}`), true);
  await request.get("/kk/statistics");
  const cachedPage = await request.get("/kk/statistics");
  expect(cachedPage.headers()["x-nextjs-cache"]).toBe("HIT");
  expectSecurityHeaders(cachedPage, false);
  expect(cachedPage.headers()["content-security-policy"]).toMatch(/script-src 'self' 'sha256-/);

  const account = await request.get("/kk/account", { headers: { cookie: sessionCookie("parent") }, maxRedirects: 0 });
  expect(account.status()).toBe(200);
  expectSecurityHeaders(account, true);
  // the nonce is fresh on every request and is the one on the page's scripts
  const again = await request.get("/kk/account", { headers: { cookie: sessionCookie("parent") } });
  const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)![1]!;
  const nonce = nonceOf(again.headers()["content-security-policy"]!);
  expect(nonce).not.toBe(nonceOf(account.headers()["content-security-policy"]!));
  expect(await again.text()).toContain(`nonce="${nonce}"`);

  const api = await request.get("/api/health");
  expectSecurityHeaders(api, false);
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");

  const file = await request.get("/api/v1/letters/export?locale=kk", { headers: { cookie: sessionCookie("school") } });
  expect(file.status()).toBe(200);
  expect(file.headers()["content-disposition"]).toContain("attachment");
  expectSecurityHeaders(file, false);
  expect(file.headers()["content-security-policy"]).toContain("sandbox");
});

test("the sign-in page refuses to render inside a cross-origin frame", async ({ page, baseURL, consoleErrors }) => {
  // the browser reports the refused frame as a console error: that refusal is what this test wants
  consoleErrors.allow(/X-Frame-Options|frame-ancestors|Refused to (display|frame)/i);
  // a page of another origin (another port on the same loopback address) that frames the sign-in page
  const framing = createServer((_req, res) => {
    res.setHeader("content-type", "text/html");
    res.end(`<!doctype html><title>frame</title><iframe id="victim" src="${baseURL}/kk/sign-in"></iframe>`);
  });
  await new Promise<void>((resolve) => framing.listen(0, "127.0.0.1", resolve));
  try {
    const other = `http://127.0.0.1:${(framing.address() as AddressInfo).port}`;
    const framed = page.waitForResponse((r) => r.url() === `${baseURL}/kk/sign-in`);
    await page.goto(`${other}/`);
    const response = await framed;
    expect(response.status()).toBe(200);
    expect(response.headers()["x-frame-options"]).toBe("DENY");
    // the browser blocks the document: the frame never shows the form
    const victim = page.frames().find((f) => f !== page.mainFrame())!;
    await page.waitForTimeout(500);
    expect(await victim.locator('input[name="password"]').count()).toBe(0);
  } finally {
    await new Promise((resolve) => framing.close(resolve));
  }
  // the same page renders normally at the top level
  await page.goto("/kk/sign-in");
  await expect(page.locator('input[name="password"]')).toBeVisible();
});

/** Console errors and page errors that report a Content-Security-Policy violation. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

test("no CSP violations on static, chart and signed-in pages, and the pages work", async ({ page, signedIn }) => {
  const violations = cspViolations(page);
  await page.goto("/kk");
  await page.goto("/kk/statistics");
  await expect(page.locator("main h1")).toBeVisible();
  for (const path of ["/kk/dictionary", "/kk/ratings", "/kk/publications", "/kk/forums", "/kk/search?q=мектеп"]) {
    await page.goto(path);
    await expect(page.locator("main h1").first()).toBeVisible();
  }
  await signedIn("district");
  for (const path of ["/kk/admin", "/kk/admin/databank", "/kk/admin/organizations", "/kk/reporting"]) {
    await page.goto(path);
    await expect(page.locator("main h1").first()).toBeVisible();
  }
  // scripts with the nonce run: a client navigation through the header works
  await page.goto("/kk/account");
  await page.waitForLoadState("networkidle");
  expect(violations).toEqual([]);
});

test("bad input answers 400, 403 or 413 in the shared error shape, never 500", async ({ request, baseURL }) => {
  const refusal = async (response: APIResponse, status: number) => {
    expect(response.status(), response.url()).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.message.length).toBeGreaterThan(3);
    return body.error;
  };
  for (const path of [
    "/api/v1/files/%00",
    "/kk/publications/%00",
    "/api/v1/diary/students/%00/export",
    "/kk/diary/journal?class=%00abc",
    "/kk/statistics%0a",
    "/kk/%E0%A4%A",
  ])
    expect((await refusal(await request.get(path), 400)).code).toBe("badRequest");
  // the message is in the path's language
  const ru = await refusal(await request.get("/ru/publications/%00"), 400);
  expect(ru.message).toBe(t("ru", "errors.badRequest"));

  // a malformed router state tree on a client navigation
  await refusal(
    await request.get("/kk/statistics", { headers: { rsc: "1", "next-router-state-tree": "%7Bnot-json" } }),
    400,
  );
  // a well-formed one still goes through (to the framework's own cache-busting redirect and the payload)
  const tree = encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}] }]));
  const navigation = await request.get("/kk/statistics", { headers: { rsc: "1", "next-router-state-tree": tree } });
  expect(navigation.status()).toBe(200);

  // a server action: over 1 MB → 413; from another site → 403
  const action = { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" };
  const big = await request.post("/kk", { headers: { ...action, origin: baseURL! }, data: "x".repeat(1_100_000) });
  await refusal(big, 413);
  const foreign = await request.post("/kk", { headers: { ...action, origin: "https://attacker.test" }, data: "[]" });
  expect((await refusal(foreign, 403)).code).toBe("forbidden");

  // a real action (the sign-in form's, from its no-JavaScript fields) with a body its decoder cannot read → 400
  const signInPage = await (await request.get("/kk/sign-in")).text();
  const id = /&quot;id&quot;:&quot;([0-9a-f]{40,})&quot;/.exec(signInPage)![1]!;
  const signIn = { "next-action": id, origin: baseURL! };
  for (const data of ["garbage", "[1,2,", '["$1"]'])
    await refusal(
      await request.post("/kk/sign-in", { headers: { ...signIn, "content-type": "text/plain" }, data }),
      400,
    );
  const truncated = '--B\r\nContent-Disposition: form-data; name="0"\r\n\r\n[';
  await refusal(
    await request.post("/kk/sign-in", {
      headers: { ...signIn, "content-type": "multipart/form-data; boundary=B" },
      data: truncated,
    }),
    400,
  );
  // well-formed, but not the form the action takes: the action's own refusal, not a 500
  const wrongArguments = await request.post("/kk/sign-in", {
    headers: { ...signIn, "content-type": "text/plain" },
    data: '["x", 1]',
  });
  expect(wrongArguments.status()).toBe(200);
});

test("a newline in callbackUrl signs in to the account instead of failing", async ({ page }) => {
  await page.goto(`/kk/sign-in?callbackUrl=${encodeURIComponent("/kk/statistics\nSet-Cookie: x=1")}`);
  await fillSignInForm(page, "parent", DEMO_PASSWORD, "kk");
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"), { timeout: 30_000 });
  expect(new URL(page.url()).pathname).toBe("/kk/account");
});
