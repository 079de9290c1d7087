import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test as base, type BrowserContext, type Page } from "@playwright/test";
import { generate } from "otplib";
import { SECOND_FACTOR } from "../lib/auth/roles";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from "../prisma/seed/accounts";

export { expect };
export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET };

export const LOCALES = ["kk", "ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export type DemoLogin = (typeof DEMO_ACCOUNTS)[number]["login"];

/** Users the seed adds beside the demo accounts (same password): a second teacher and parent, a third teacher. */
export const EXTRA_LOGINS = ["teacher2", "teacher3", "parent2"] as const;
/** Every seeded user the setup project signs in once (auth.setup.ts). */
export const SESSION_LOGINS = [...DEMO_ACCOUNTS.map((a) => a.login), ...EXTRA_LOGINS];
export type SessionLogin = DemoLogin | (typeof EXTRA_LOGINS)[number];

type Messages = Record<string, unknown>;
const cache = new Map<Locale, Messages>();

/** The UI messages of a locale (messages/<locale>/<namespace>.json), so specs never hard-code UI text. */
export function messages(locale: Locale): Messages {
  const hit = cache.get(locale);
  if (hit) return hit;
  const dir = join(process.cwd(), "messages", locale);
  const all: Messages = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    all[file.slice(0, -".json".length)] = JSON.parse(readFileSync(join(dir, file), "utf8"));
  }
  cache.set(locale, all);
  return all;
}

/** One message by its dotted key, e.g. `t("kk", "home.title")`. Throws when the key is missing. */
export function t(locale: Locale, key: string): string {
  let node: unknown = messages(locale);
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== "string") throw new Error(`No message "${key}" in locale ${locale}`);
  return node;
}

export function displayName(login: string): string {
  const account = DEMO_ACCOUNTS.find((a) => a.login === login);
  if (!account) throw new Error(`Unknown demo login "${login}"`);
  return account.displayName;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The header's account name (shown only with a session). */
export const accountName = (page: Page) => page.getByTestId("account-name");

/** The header's sign-in link (shown only without a session). */
export const signInLink = (page: Page, locale: Locale = "kk") =>
  page.getByRole("banner").getByRole("link", { name: t(locale, "common.account.signIn"), exact: true });

/**
 * Signs in through the sign-in form as a demo user, waits until the browser has left the sign-in page, and
 * checks that the header shows the account. `callbackUrl` is the page to return to (the portal's default
 * applies when it is omitted).
 */
export async function signIn(
  page: Page,
  login: string,
  locale: Locale = "kk",
  options: { password?: string; callbackUrl?: string; secret?: string; remember?: boolean } = {},
): Promise<void> {
  const query = options.callbackUrl ? `?callbackUrl=${encodeURIComponent(options.callbackUrl)}` : "";
  await page.goto(`/${locale}/sign-in${query}`);
  await fillSignInForm(page, login, options.password ?? DEMO_PASSWORD, locale);
  const secret = options.secret ?? (needsSecondFactor(login) ? DEMO_TOTP_SECRET : undefined);
  if (secret) {
    // the second step, unless this browser is remembered
    const codeForm = secondFactorForm(page);
    await Promise.race([
      codeForm.waitFor({ timeout: 30_000 }),
      page.waitForURL((url) => !url.pathname.endsWith("/sign-in"), { timeout: 30_000 }),
    ]);
    if (await codeForm.isVisible()) await enterSecondFactor(page, secret, locale, { remember: options.remember });
  }
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"), { timeout: 30_000 });
  await expect(accountName(page)).toBeVisible();
}

/** Whether a demo account's role requires the second factor (the seed enrols those with DEMO_TOTP_SECRET). */
export function needsSecondFactor(login: string): boolean {
  const account = DEMO_ACCOUNTS.find((a) => a.login === login);
  return account ? SECOND_FACTOR[account.role] === "required" : false;
}

/** A TOTP code (RFC 6238) of a secret, for now or `steps` 30-second steps later. */
export function totpCode(secret: string, steps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });
}

/** The sign-in form's second step (the code). */
export const secondFactorForm = (page: Page) => page.getByTestId("second-factor-form");

/**
 * Answers the second step with a code computed from the secret. A code is accepted once per 30-second step
 * (and the next step's code is accepted too), so when the account signed in moments ago the next step's
 * code is tried, and failing that the helper waits for a new step and tries the one after it.
 */
export async function enterSecondFactor(
  page: Page,
  secret: string,
  locale: Locale = "kk",
  options: { remember?: boolean } = {},
): Promise<void> {
  const form = secondFactorForm(page);
  for (const steps of [0, 1, "wait"] as const) {
    if (steps === "wait") await page.waitForTimeout((31 - (Math.floor(Date.now() / 1000) % 30)) * 1000);
    // a refused code empties the form (React resets it after the action): fill only once that has happened
    await expect(form.locator('input[name="code"]')).toHaveValue("");
    await form.locator('input[name="code"]').fill(await totpCode(secret, steps === "wait" ? 1 : steps));
    if (options.remember) await form.locator('input[name="remember"]').check();
    // the server action's answer: a redirect when the code was accepted, the form again when refused
    const answer = page.waitForResponse(
      (r) => r.request().method() === "POST" && !!r.request().headers()["next-action"],
    );
    await form.getByRole("button", { name: t(locale, "security.signIn.confirm"), exact: true }).click();
    if ((await answer).headers()["x-action-redirect"]) {
      await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"), { timeout: 30_000 });
      return;
    }
  }
  throw new Error("The second factor was refused");
}

/**
 * Where the setup project (auth.setup.ts) saves each seeded user's signed-in browser state, once per run
 * (git-ignored: the session cookies are only valid against this run's server).
 */
export const AUTH_DIR = join(process.cwd(), "e2e", ".auth");
export const storageStateOf = (login: SessionLogin) => join(AUTH_DIR, `${login}.json`);

type SavedCookie = Parameters<BrowserContext["addCookies"]>[0][number];
const SESSION_COOKIE = /^(__Secure-)?authjs\./;
/** The remembered-browser cookie (lib/auth/config.ts). */
const DEVICE_COOKIE = "eiso-trusted-device";

/**
 * Opens a page as a seeded user without the sign-in form: signs in through next-auth's credentials endpoint
 * with the remembered-browser cookie the setup project saved (so no second-factor code is needed), which
 * gives the test a session of its own (replacing any session the context had), opens `callbackUrl` (the
 * account page when omitted, as after signing in) and checks that the header shows the account. Tests of
 * signing in itself use `signIn`.
 */
export async function signInAs(
  page: Page,
  login: SessionLogin,
  locale: Locale = "kk",
  options: { callbackUrl?: string } = {},
): Promise<void> {
  const state = JSON.parse(readFileSync(storageStateOf(login), "utf8")) as { cookies: SavedCookie[] };
  const context = page.context();
  await context.clearCookies({ name: SESSION_COOKIE });
  await context.clearCookies({ name: DEVICE_COOKIE });
  // the remembered browser of an account with a second factor: the password alone then suffices
  await context.addCookies(state.cookies.filter((c) => c.name === DEVICE_COOKIE));
  // a session of this test's own (sessions are revocable: a test that signs out must not end another's)
  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, login, password: DEMO_PASSWORD, callbackUrl: `/${locale}/account` },
    maxRedirects: 0,
  });
  const location = response.headers()["location"] ?? "";
  if (response.status() !== 302 || location.includes("error"))
    throw new Error(`Signing in as ${login} failed: ${response.status()} ${location}`);
  await page.goto(options.callbackUrl ?? `/${locale}/account`);
  await expect(accountName(page)).toBeVisible();
}

/** Fills and submits the sign-in form on the current page, without waiting for the outcome. */
export async function fillSignInForm(
  page: Page,
  login: string,
  password: string,
  locale: Locale = "kk",
): Promise<void> {
  const form = page.locator("form").filter({ has: page.locator('input[name="password"]') });
  await form.locator('input[name="login"]').fill(login);
  await form.locator('input[name="password"]').fill(password);
  await form.getByRole("button", { name: t(locale, "auth.submit"), exact: true }).click();
}

/** Signs out with the header's button and waits until the header shows the sign-in link again. */
export async function signOut(page: Page, locale: Locale = "kk"): Promise<void> {
  const form = page.locator("form").filter({ has: accountName(page) });
  await form.getByRole("button", { name: t(locale, "common.account.signOut"), exact: true }).click();
  await page.waitForURL(new RegExp(`/${locale}\\?signedOut=1$`));
  await expect(signInLink(page, locale)).toBeVisible();
  await expect(accountName(page)).toHaveCount(0);
}

/** A form's error message (Next's route announcer is also an alert, outside main). */
export const formAlert = (page: Page) => page.getByRole("main").getByRole("alert");

/** The heading of the main content (the page's h1). */
export const heading = (page: Page) => page.locator("main h1");

/** A URL matcher for a path on the portal, ignoring origin and allowing a query string. */
export const path = (pathname: string) => new RegExp(`^https?://[^/]+${escape(pathname)}(\\?.*)?$`);

/**
 * What the browser reported as an error while a test ran: console errors (React's hydration warnings among
 * them) and uncaught page errors (React's minified hydration errors #418/#425). A test fails on any of them;
 * a test that provokes one on purpose (a refused request the page reports) declares it with
 * `consoleErrors.allow(/pattern/)`.
 */
export interface ConsoleErrors {
  allow: (pattern: RegExp) => void;
}

/**
 * Chromium's own line for a refusal a test provokes on purpose and the page shows to the person (a 404 page, a
 * 403 of a protected API, a 415 of an upload of the wrong type); a 500 is never expected.
 */
const EXPECTED_STATUS =
  /^Failed to load resource: the server responded with a status of (400|401|403|404|409|413|415|422|429)\b/;

interface Fixtures {
  consoleErrors: ConsoleErrors;
  /**
   * The test's page, signed in as the given demo user with the session the setup project saved:
   * `const page = await signedIn("district")`.
   */
  signedIn: (login: SessionLogin, locale?: Locale) => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  consoleErrors: [
    async ({ page }, provide, testInfo) => {
      const allowed: RegExp[] = [EXPECTED_STATUS];
      const seen: string[] = [];
      const record = (text: string) => {
        if (!allowed.some((a) => a.test(text))) seen.push(text);
      };
      page.on("console", (message) => {
        if (message.type() === "error") record(message.text());
        else if (message.type() === "warning" && /hydrat/i.test(message.text())) record(message.text());
      });
      page.on("pageerror", (error) => record(`${error.name}: ${error.message}`));
      await provide({ allow: (pattern) => allowed.push(pattern) });
      if (testInfo.status === testInfo.expectedStatus) {
        expect(seen, "the browser reported errors (console errors, page errors or hydration warnings)").toEqual([]);
      }
    },
    { auto: true },
  ],
  signedIn: async ({ page }, provide) => {
    await provide(async (login, locale = "kk") => {
      await signInAs(page, login, locale);
      return page;
    });
  },
});

/**
 * Enrols the second factor on the enrolment page that is open: reads the manual key, answers with a code
 * computed from it (otplib), and returns the key and the recovery codes shown once.
 */
export async function enrolSecondFactor(
  page: Page,
  locale: Locale = "kk",
): Promise<{ secret: string; codes: string[] }> {
  await expect(page).toHaveURL(path(`/${locale}/account/security/second-factor`));
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  const form = page.getByTestId("enrol-form");
  await form.locator('input[name="code"]').fill(await totpCode(secret));
  await form.getByRole("button", { name: t(locale, "security.enrol.confirm"), exact: true }).click();
  const list = page.getByTestId("recovery-codes");
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const codes = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
  return { secret, codes };
}
