import type { Page } from "@playwright/test";
import { audit, PHONE } from "./audit";
import { expect, test, type SessionLogin } from "./fixtures";

/** Opens a path, waits until it has loaded, and audits it. */
async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  await audit(page);
}

/** The first link on the open page whose address starts with `prefix` (an entry of a list, not a feed or file). */
async function firstLink(page: Page, prefix: string): Promise<string> {
  let href: string | undefined;
  // a list filled from data the server refreshes after a fresh start may come without entries at first
  await expect(async () => {
    href = await page
      .locator(`main a[href^="${prefix}"]`)
      .evaluateAll(
        (links, p) =>
          links.map((a) => a.getAttribute("href")!).find((h) => h.length > p.length && !/\.[a-z]+$/.test(h)),
        prefix,
      );
    if (!href) await page.reload();
    expect(href, `a link under ${prefix}`).toBeTruthy();
  }).toPass({ timeout: 30_000 });
  return href!;
}

const PUBLIC_PAGES = [
  "/kk",
  "/kk/forgot-password",
  "/kk/reset-password",
  "/kk/reset-password/0000",
  "/kk/verify-email/0000",
  "/kk/unsubscribe/u_x.forums.invalid",
  "/kk/statistics",
  "/kk/statistics/completeness",
  "/ru/statistics/110000000",
  "/kk/ratings",
  "/kk/ratings/api",
  "/kk/publications",
  "/kk/news",
  "/kk/forums",
  "/kk/dictionary",
  "/kk/dictionary/learn",
  "/kk/dictionary/learn/transliterate",
  "/kk/dictionary/api",
  "/kk/search?q=мектеп",
  "/kk/open-data",
  "/ru/open-data/definitions",
  "/kk/packages/api",
  "/kk/services",
  "/kk/verify",
  "/kk/sign-in",
  "/kk/pages/about",
  "/kk/pages/legal",
  "/kk/pages/help",
  "/kk/vacancies",
  "/ru",
  "/en/statistics",
];

/** Detail pages reached from a list: the list's path and the prefix of its entries' links. */
const PUBLIC_DETAILS: [string, string][] = [
  ["/kk/statistics", "/kk/statistics/"],
  ["/kk/publications", "/kk/publications/"],
  ["/kk/forums", "/kk/forums/"],
  ["/kk/dictionary/learn", "/kk/dictionary/"],
  // a school's card with its passport (Kokshetau's schools)
  ["/kk/statistics/110200000", "/kk/statistics/organizations/"],
];

/** Each role's main pages. */
const ROLE_PAGES: [SessionLogin, string[]][] = [
  ["parent", ["/kk/account", "/kk/diary", "/kk/account/services", "/kk/notifications"]],
  ["student", ["/kk/diary"]],
  ["teacher", ["/kk/diary/journal", "/kk/account/publications", "/kk/account/staff"]],
  [
    "school",
    [
      "/kk/reporting",
      "/kk/admin",
      "/kk/admin/letters",
      "/kk/admin/diary",
      "/kk/admin/users/u_student",
      "/kk/admin/passport",
      "/kk/admin/passport/profile",
      "/kk/admin/passport/budget",
      "/ru/admin/passport",
      "/kk/admin/staff",
      "/kk/admin/staff/new",
      "/kk/admin/staff/vacancies",
      "/kk/reporting/rp2026_d3",
      "/en/reporting/rp2026_p1",
    ],
  ],
  [
    "district",
    [
      "/kk/admin",
      "/kk/admin/reporting/board",
      "/kk/admin/services",
      "/kk/admin/passport/queue",
      "/kk/admin/staff",
      "/kk/admin/staff/attestation",
      "/ru/admin/staff/attestation?status=decided",
    ],
  ],
  [
    "region",
    [
      "/kk/admin/passport/lists",
      "/en/admin/passport/lists?list=spending",
      "/kk/admin/import",
      "/ru/admin/import",
      "/en/admin/import",
    ],
  ],
  [
    "ministry",
    [
      "/kk/admin/audit",
      "/kk/admin/archive/backups",
      "/kk/admin/databank/pivot",
      "/kk/admin/users",
      "/kk/admin/mail",
      "/kk/admin/reporting/processes",
      "/kk/admin/reporting/prefill",
      "/en/admin/reporting/prefill",
      "/kk/admin/configuration",
      "/kk/admin/attributes",
      "/ru/admin/attributes",
      "/en/admin/configuration",
      "/kk/admin/staff/courses",
      "/en/admin/staff/courses",
    ],
  ],
  ["lexicographer", ["/kk/admin/dictionary"]],
  ["editor", ["/kk/admin/publications"]],
  ["moderator", ["/kk/forums/moderation"]],
];

for (const size of ["desktop", "phone"] as const) {
  test.describe(`accessibility and width (${size})`, () => {
    test.beforeEach(async ({ page }) => {
      if (size === "phone") await page.setViewportSize(PHONE);
    });

    test("public pages", async ({ page }) => {
      test.setTimeout(240_000);
      for (const path of PUBLIC_PAGES) await test.step(path, () => visit(page, path));
      for (const [list, prefix] of PUBLIC_DETAILS) {
        await test.step(`${prefix}…`, async () => {
          await page.goto(list);
          await visit(page, await firstLink(page, prefix));
        });
      }
    });

    for (const [login, paths] of ROLE_PAGES) {
      test(`main pages of ${login}`, async ({ page, signedIn }) => {
        test.setTimeout(120_000);
        await signedIn(login);
        for (const path of paths) await test.step(path, () => visit(page, path));
      });
    }
  });
}

test("the lexicographer opens the editor of an entry whose id has Kazakh Latin letters", async ({ page, signedIn }) => {
  await signedIn("lexicographer");
  // the link as the list writes it (percent-encoded by the browser) and as a person would type it
  for (const path of ["/kk/admin/dictionary/entries/ds_däpter", "/kk/admin/dictionary/entries/ds_d%C3%A4pter"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator("main h1")).toHaveText("дәптер");
  }
});

test("the portal is installable: a manifest with icons that load", async ({ page, request }) => {
  await page.goto("/kk");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBeTruthy();
  const manifest = (await (await request.get(href!)).json()) as {
    name: string;
    start_url: string;
    display: string;
    icons: { src: string; sizes: string; type: string }[];
  };
  expect(manifest.start_url).toBe("/kk");
  expect(manifest.display).toBe("standalone");
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()["content-type"]).toContain(icon.type);
  }
});

for (const size of [PHONE, { width: 1366, height: 768 }]) {
  test(`the journal opens at today's column and scrolls in its own area (${size.width} px)`, async ({
    page,
    signedIn,
  }) => {
    await page.setViewportSize(size);
    await signedIn("teacher");
    await page.goto("/kk/diary/journal");
    await page.getByRole("navigation").locator('a[href*="subject="]').first().click();
    const box = page.getByTestId("journal-scroller");
    await expect(box).toBeVisible();
    // the last lesson held so far is inside the visible part of the grid
    const visible = await box.evaluate((el) => {
      const heads = [...el.querySelectorAll<HTMLElement>("th[data-column]")].filter((th) =>
        th.querySelector("[data-testid^='lesson-']"),
      );
      const area = el.getBoundingClientRect();
      const shown = heads.filter((th) => {
        const r = th.getBoundingClientRect();
        return r.left >= area.left && r.right <= area.right + 1;
      });
      return { shown: shown.length, lastShown: shown.at(-1)?.dataset.column ?? null, scrolled: el.scrollLeft };
    });
    expect(visible.shown).toBeGreaterThanOrEqual(size.width < 400 ? 4 : 8);
    expect(visible.scrolled).toBeGreaterThan(0);
    const overflow = await page.evaluate(() => {
      const main = document.querySelector("main");
      return main ? main.scrollWidth - document.documentElement.clientWidth : 0;
    });
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
