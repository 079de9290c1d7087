import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test as base, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../prisma/seed/accounts";

export { expect };
export { DEMO_ACCOUNTS, DEMO_PASSWORD };

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
  options: { password?: string; callbackUrl?: string } = {},
): Promise<void> {
  const query = options.callbackUrl ? `?callbackUrl=${encodeURIComponent(options.callbackUrl)}` : "";
  await page.goto(`/${locale}/sign-in${query}`);
  await fillSignInForm(page, login, options.password ?? DEMO_PASSWORD, locale);
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"), { timeout: 30_000 });
  await expect(accountName(page)).toBeVisible();
}

/**
 * Where the setup project (auth.setup.ts) saves each seeded user's signed-in browser state, once per run
 * (git-ignored: the session cookies are only valid against this run's server).
 */
export const AUTH_DIR = join(process.cwd(), "e2e", ".auth");
export const storageStateOf = (login: SessionLogin) => join(AUTH_DIR, `${login}.json`);

type SavedCookie = Parameters<BrowserContext["addCookies"]>[0][number];
const SESSION_COOKIE = /^(__Secure-)?authjs\./;

/**
 * Opens a page as a seeded user without the sign-in form: puts the user's session cookies, saved by the
 * setup project, into the page's browser context (replacing any session it had), opens `callbackUrl` (the
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
  await context.addCookies(state.cookies.filter((c) => SESSION_COOKIE.test(c.name)));
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
