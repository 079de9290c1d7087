import { mkdirSync } from "node:fs";
import { test as setup } from "@playwright/test";
import { AUTH_DIR, SESSION_LOGINS, signIn, storageStateOf } from "./fixtures";

/**
 * Signs every seeded user in once, through the sign-in form, and saves the browser state (the session
 * cookie) to e2e/.auth/<login>.json. The specs open pages as these users with `signInAs` or the
 * `signedIn` fixture instead of filling in the form in every test; auth.spec.ts tests the form itself.
 */
setup.beforeAll(() => mkdirSync(AUTH_DIR, { recursive: true }));

for (const login of SESSION_LOGINS) {
  setup(`sign in as ${login}`, async ({ page }) => {
    await signIn(page, login);
    await page.context().storageState({ path: storageStateOf(login) });
  });
}
