import { mkdirSync } from "node:fs";
import { test as setup } from "@playwright/test";
import { AUTH_DIR, SESSION_LOGINS, signIn, storageStateOf } from "./fixtures";

/**
 * Signs every seeded user in once, through the sign-in form, and saves the browser state to
 * e2e/.auth/<login>.json. Administrators answer the second factor with a code computed from the demo secret
 * (otplib) and ask to remember the browser, so the saved state holds the remembered-browser cookie. The
 * specs open pages as these users with `signInAs` or the `signedIn` fixture, which sign in with that state
 * instead of filling in the form in every test; auth.spec.ts tests the form itself.
 */
setup.beforeAll(() => mkdirSync(AUTH_DIR, { recursive: true }));

for (const login of SESSION_LOGINS) {
  setup(`sign in as ${login}`, async ({ page }) => {
    await signIn(page, login, "kk", { remember: true });
    await page.context().storageState({ path: storageStateOf(login) });
  });
}
