/**
 * `npm run test:e2e [-- playwright args]`: wipes the end-to-end data directory (E2E_DATA_DIR, default
 * ./data/e2e) so the server that Playwright starts seeds a fresh demo database, then runs `playwright test`
 * with the given arguments (e.g. `npm run test:e2e -- e2e/auth.spec.ts --headed`).
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

const dataDir = resolve(process.env.E2E_DATA_DIR || join("data", "e2e"));
const lockFile = join(dataDir, "pglite.lock");

// The directory is deleted: never let a mistyped variable point that at real data.
const protectedDirs = new Set(["/", resolve("."), resolve("data"), resolve(process.env.DATA_DIR || "data")]);
const throwAway = dataDir.startsWith(`${resolve("data")}/`) || dataDir.startsWith("/tmp/");
if (protectedDirs.has(dataDir) || !throwAway) {
  console.error(`✖ E2E_DATA_DIR=${dataDir} is not a throw-away directory (use one under ./data/ or /tmp/).`);
  process.exit(1);
}

function lockHolder(): number | undefined {
  if (!existsSync(lockFile)) return undefined;
  const pid = Number.parseInt(readFileSync(lockFile, "utf8").trim(), 10);
  if (!Number.isFinite(pid)) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM" ? pid : undefined;
  }
}

const holder = lockHolder();
if (holder !== undefined) {
  if (process.env.CI) {
    console.error(`✖ ${dataDir} is in use by process ${holder}; stop it before running the end-to-end tests.`);
    process.exit(1);
  }
  console.warn(`! A server (pid ${holder}) is using ${dataDir}; it is reused and its data is not wiped.`);
} else {
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`Wiped ${dataDir}: the server starts from a fresh demo seed.`);
}

const bin = join("node_modules", "@playwright", "test", "cli.js");
const child = spawn(process.execPath, [bin, "test", ...process.argv.slice(2)], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
