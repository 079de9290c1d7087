import { accountName, enrolSecondFactor, expect, heading, path, signIn, signInAs, signOut, t, test } from "./fixtures";

const PASSWORD = "Burabay-admin-2026";
/** Unique per run, so the spec also passes against a server that was already running. */
const login = `e2e.burabay.${Date.now().toString(36)}`;
const displayName = "Бурабай ауданының әкімшісі";

test.describe.configure({ mode: "serial" });

test("a region admin creates a district admin in their region and cannot grant a wider role", async ({ page }) => {
  await signInAs(page, "region", "kk", { callbackUrl: "/kk/admin/users" });
  await expect(heading(page)).toHaveText(t("kk", "users.title"));
  await page.getByRole("link", { name: t("kk", "users.new"), exact: true }).click();
  await expect(heading(page)).toHaveText(t("kk", "users.new"));

  const form = page.getByTestId("user-form");
  await form.getByRole("textbox", { name: t("kk", "users.login"), exact: true }).fill(login);
  await form.getByRole("textbox", { name: t("kk", "users.displayName"), exact: true }).fill(displayName);
  await form.locator('input[name="password"]').fill(PASSWORD);
  await form
    .getByRole("combobox", { name: t("kk", "users.role"), exact: true })
    .selectOption({ label: t("kk", "admin.roles.DISTRICT_ADMIN") });
  await form
    .getByRole("combobox", { name: t("kk", "users.territory"), exact: true })
    .selectOption({ label: "Бурабай ауданы" });
  await form.getByRole("button", { name: t("kk", "common.actions.create"), exact: true }).click();

  await expect(page).toHaveURL(/\/kk\/admin\/users\/[^/?]+\?created=1$/);
  await expect(page.getByRole("status").filter({ hasText: t("kk", "users.created") })).toBeVisible();
  await expect(heading(page)).toHaveText(displayName);
  const roles = page.getByTestId("user-role-list");
  await expect(roles).toContainText(t("kk", "admin.roles.DISTRICT_ADMIN"));
  await expect(roles).toContainText("Бурабай ауданы");

  // Region admin of another region: refused with the localised message, nothing added.
  const grant = page.getByTestId("user-grant-form");
  await grant
    .getByRole("combobox", { name: t("kk", "users.role"), exact: true })
    .selectOption({ label: t("kk", "admin.roles.REGION_ADMIN") });
  await grant
    .getByRole("combobox", { name: t("kk", "users.territory"), exact: true })
    .selectOption({ label: "Абай облысы" });
  await grant.getByRole("button", { name: t("kk", "users.grantSubmit"), exact: true }).click();
  await expect(grant.getByText(t("kk", "errors.role.tooWide"))).toBeVisible();
  await expect(grant.getByRole("alert")).toHaveText(t("kk", "errors.forbidden"));
  await expect(page.getByTestId("user-role")).toHaveCount(1);

  await signOut(page);
  await signIn(page, login, "kk", { password: PASSWORD, callbackUrl: "/kk/admin" });
  await expect(accountName(page)).toHaveText(displayName);
  // an administrator without a second factor is sent to set it up before the admin area
  await enrolSecondFactor(page);
  await page.goto("/kk/admin");
  await expect(page).toHaveURL(path("/kk/admin"));
  await expect(page.getByTestId("viewer-roles")).toContainText("Бурабай ауданы");
});

test("the ministry sees the new account in the audit log and edits a classifier item", async ({ page }) => {
  await signInAs(page, "ministry", "kk", { callbackUrl: "/kk/admin/audit" });
  await expect(heading(page)).toHaveText(t("kk", "audit.title"));
  await page.getByRole("searchbox", { name: t("kk", "audit.actor") }).fill("region");
  await page.getByRole("button", { name: t("kk", "common.actions.filter"), exact: true }).click();
  await expect(page).toHaveURL(/q=region/);
  const created = page.getByRole("row").filter({ hasText: `login: ${login}` });
  await expect(created).toHaveCount(1);
  await expect(created).toContainText(t("kk", "audit.actions.create"));
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: "DISTRICT_ADMIN" })
      .filter({ hasText: t("kk", "audit.actions.grant") })
      .first(),
  ).toBeVisible();

  await page.goto("/kk/admin/classifiers");
  await page.getByRole("link", { name: "Оқыту тілдері", exact: true }).click();
  await expect(heading(page)).toHaveText("Оқыту тілдері");
  await page.getByRole("link", { name: t("kk", "classifiers.editItem").replace("{code}", "UZ") }).click();
  const form = page.getByTestId("classifier-item-form");
  const renamed = `Узбекский язык (${Date.now().toString(36)})`;
  await form.getByRole("textbox", { name: t("kk", "classifiers.nameRu"), exact: true }).fill(renamed);
  await form.getByRole("button", { name: t("kk", "common.actions.save"), exact: true }).click();
  await expect(form.getByRole("status")).toHaveText(t("kk", "common.state.saved"));

  // A second save from the same page works: the form picked up the new version.
  await form.getByRole("textbox", { name: t("kk", "classifiers.sortOrder"), exact: true }).fill("7");
  await form.getByRole("button", { name: t("kk", "common.actions.save"), exact: true }).click();
  await expect(form.getByRole("status")).toHaveText(t("kk", "common.state.saved"));

  await page.getByRole("link", { name: t("kk", "classifiers.backToClassifier") }).click();
  await expect(page.getByTestId("item-UZ")).toContainText(renamed);

  await page.goto("/kk/admin/audit?entity=ClassifierItem");
  await expect(page.getByRole("row").filter({ hasText: renamed }).first()).toBeVisible();
});
