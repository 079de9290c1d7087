import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests run against the production server on the embedded database, in a throw-away data
 * directory (`npm run test:e2e` wipes it first, so every run starts from a fresh demo seed).
 * Browsers are not downloaded: the system Chromium is used (CHROMIUM_PATH, or /usr/bin/chromium).
 *
 * E2E_PORT (default 3100) and E2E_DATA_DIR (default ./data/e2e) move the server; with NEXT_DIST_DIR (read
 * by next.config.ts and start.ts) two runs, or a run beside another server, do not share a build.
 */
const PORT = Number(process.env.E2E_PORT || 3100);
const DATA_DIR = process.env.E2E_DATA_DIR || "./data/e2e";
const baseURL = `http://127.0.0.1:${PORT}`;
const chromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

/** The browser every project uses: the system Chromium, without sandbox, GPU or background traffic. */
const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: chromium,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-dev-shm-usage",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results",
  use: {
    baseURL,
    locale: "kk-KZ",
    timezoneId: "Asia/Almaty",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // signs each demo user in once and saves the session under e2e/.auth/ (see e2e/auth.setup.ts)
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: browser },
    { name: "chromium", dependencies: ["setup"], use: browser },
  ],
  webServer: {
    // start.ts migrates, seeds the empty database, builds when the build is stale, then serves. It runs
    // as one Node process (no npx wrapper), so SIGINT reaches it and it closes the database cleanly.
    command: "node --import tsx scripts/start.ts --scale demo",
    url: `${baseURL}/api/health`,
    // request logs would bury the test report: the server logs warnings and errors only
    env: { DATA_DIR, PORT: String(PORT), LOG_LEVEL: process.env.LOG_LEVEL || "warn" },
    // Seeding the demo data and a cold `next build` take a few minutes on two busy cores.
    timeout: 600_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGINT", timeout: 15_000 },
  },
});
