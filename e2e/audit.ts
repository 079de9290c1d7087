import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** WCAG 2.1 levels A and AA, as axe-core tags them. */
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** The narrowest phone the portal is made for. */
export const PHONE = { width: 360, height: 740 };

/**
 * Checks the open page: no axe-core violation of WCAG 2.1 AA, and (on a 360 px wide window) nothing on the
 * page, header and menus included, wider than the window, so the page never scrolls sideways (wide tables
 * scroll in their own area).
 */
export async function audit(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect.soft(summary, `axe-core violations on ${page.url()}`).toEqual([]);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect.soft(overflow, `${page.url()} is wider than the window`).toBeLessThanOrEqual(0);
}
