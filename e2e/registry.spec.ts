import type { Page } from "@playwright/test";
import { iinPrefix, withCheckDigit } from "../lib/identity";
import { expect, heading, path, signInAs, signOut, t, test } from "./fixtures";

/** Eleven digits completed with a valid check digit, varied per run so a reused server never sees duplicates. */
function validNumber(prefix: string): string {
  for (;;) {
    const serial = String(Math.floor(Math.random() * 10 ** (11 - prefix.length))).padStart(11 - prefix.length, "0");
    const value = withCheckDigit(prefix + serial);
    if (value) return value;
  }
}

/** The same number with a wrong last (check) digit. */
const breakCheckDigit = (value: string) => value.slice(0, 11) + String((Number(value[11]) + 1) % 10);

/** The error shown next to a field: the element the input names in aria-describedby. */
async function fieldError(page: Page, form: string, name: string) {
  const input = page.getByTestId(form).locator(`[name="${name}"]`);
  await expect(input).toHaveAttribute("aria-invalid", "true");
  const describedBy = await input.getAttribute("aria-describedby");
  expect(describedBy).toMatch(/-error$/);
  return page.locator(`[id="${describedBy}"]`);
}

const save = (page: Page, form: string) =>
  page.getByTestId(form).getByRole("button", { name: t("kk", "common.actions.save"), exact: true });

test("a district admin registers an organisation after fixing the BIN check digit", async ({ page }) => {
  // A resident legal entity registered in May 2024 (YYMM, type 4, attribute 0), random serial.
  const bin = validNumber("240540");
  const name = `E2E мектебі ${bin.slice(6)}`;
  await signInAs(page, "district");

  await page.goto("/kk/admin/organizations");
  await expect(heading(page)).toHaveText(t("kk", "organizations.title"));
  await page.getByRole("link", { name: t("kk", "organizations.new"), exact: true }).click();
  await expect(heading(page)).toHaveText(t("kk", "organizations.new"));

  const form = page.getByTestId("organization-form");
  await form.locator('[name="bin"]').fill(breakCheckDigit(bin));
  await form.locator('[name="nameKk"]').fill(name);
  await form.locator('[name="nameRu"]').fill(`Школа E2E ${bin.slice(6)}`);
  await form.locator('[name="nameEn"]').fill(`E2E School ${bin.slice(6)}`);
  await form.locator('[name="kindId"]').selectOption("c_org_kind_school");
  // A district admin is offered only their own district.
  await expect(form.locator('[name="territoryId"] option[value]:not([value=""])')).toHaveCount(1);
  await form.locator('[name="territoryId"]').selectOption("t110200000");
  await save(page, "organization-form").click();

  await expect(await fieldError(page, "organization-form", "bin")).toHaveText(t("kk", "errors.bin.checksum"));
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(t("kk", "errors.validation.summary"));
  // What was typed is kept.
  await expect(form.locator('[name="nameKk"]')).toHaveValue(name);

  await form.locator('[name="bin"]').fill(bin);
  await save(page, "organization-form").click();
  await expect(page).toHaveURL(/\/kk\/admin\/organizations\/[^/?]+\?created=1$/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(t("kk", "organizations.created"));
  await expect(heading(page)).toHaveText(name);

  await page.goto(`/kk/admin/organizations?q=${bin}`);
  const table = page.getByRole("table");
  await expect(table.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(table.getByText(bin, { exact: true })).toBeVisible();
});

test("a district admin sees the IIN error next to the field, then registers the person", async ({ page }) => {
  const iin = validNumber(iinPrefix("2014-04-04", "MALE"));
  await signInAs(page, "district");

  await page.goto("/kk/admin/people");
  await expect(heading(page)).toHaveText(t("kk", "people.title"));
  await page.getByRole("link", { name: t("kk", "people.new"), exact: true }).click();
  await expect(heading(page)).toHaveText(t("kk", "people.new"));

  const form = page.getByTestId("person-form");
  await form.locator('[name="iin"]').fill(breakCheckDigit(iin));
  await form.locator('[name="lastName"]').fill("Тестов");
  await form.locator('[name="firstName"]').fill("Арман");
  await form.locator('[name="organizationId"]').selectOption({ index: 1 });
  await save(page, "person-form").click();
  await expect(await fieldError(page, "person-form", "iin")).toHaveText(t("kk", "errors.iin.checksum"));

  // A birth date that disagrees with the IIN is refused with the date the IIN holds.
  await form.locator('[name="iin"]').fill(iin);
  await form.locator('[name="birthDate"]').fill("2014-04-05");
  await save(page, "person-form").click();
  await expect(await fieldError(page, "person-form", "birthDate")).toHaveText(
    t("kk", "errors.iin.birthDateMismatch").replace("{expected}", "2014-04-04"),
  );

  await form.locator('[name="birthDate"]').fill("");
  await save(page, "person-form").click();
  await expect(page).toHaveURL(/\/kk\/admin\/people\/[^/?]+\?created=1$/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(t("kk", "people.created"));
  // The record shows the full IIN and the birth date taken from it.
  await expect(page.getByTestId("person-form").locator('[name="iin"]')).toHaveValue(iin);
  await expect(page.getByTestId("person-form").locator('[name="birthDate"]')).toHaveValue("2014-04-04");

  // The list shows the IIN masked, never in full.
  await page.goto(`/kk/admin/people?q=${iin}`);
  const table = page.getByRole("table");
  await expect(table.getByText(`${iin.slice(0, 6)}••••${iin.slice(10)}`, { exact: true })).toBeVisible();
  await expect(table.getByText(iin)).toHaveCount(0);
});

test("a district admin opening another district's organisation or person by URL gets the not-found page", async ({
  page,
}) => {
  // The ministry sees everything: take an Astana (Almaty district) school and one of its people.
  await signInAs(page, "ministry");
  await page.goto("/kk/admin/organizations?territory=t710200000&kind=SCHOOL");
  const orgLink = page.getByRole("table").getByRole("link").first();
  await expect(orgLink).toBeVisible();
  const orgHref = (await orgLink.getAttribute("href"))!;
  expect(orgHref).toMatch(/^\/kk\/admin\/organizations\/[^/]+$/);
  const orgId = orgHref.split("/").pop()!;
  await page.goto(`/kk/admin/people?organization=${orgId}`);
  const personLink = page.getByRole("table").getByRole("link").first();
  await expect(personLink).toBeVisible();
  const personHref = (await personLink.getAttribute("href"))!;
  await page.goto(orgHref);
  await expect(heading(page)).not.toHaveText(t("kk", "common.notFound.title"));
  await signOut(page);

  await signInAs(page, "district");
  for (const href of [orgHref, personHref]) {
    await page.goto(href);
    await expect(page).toHaveURL(path(href));
    await expect(heading(page)).toHaveText(t("kk", "common.notFound.title"));
  }
  // Filtering the list by that organisation shows nothing either.
  await page.goto(`/kk/admin/people?organization=${orgId}`);
  await expect(page.getByRole("table").getByRole("link")).toHaveCount(0);
});
