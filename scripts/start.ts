/**
 * `npm start`: one process serves the whole portal. On the embedded database it takes the exclusive lock,
 * migrates, seeds demo data when the database is empty, builds when no current build exists, serves, and
 * on Ctrl-C closes the server and the database and releases the lock. `--build-only` builds when needed and
 * exits without opening the database.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { env, pgliteDir, publicOrigin } from "../lib/env";
import { acquireLock } from "../lib/db/lock";
import { openDatabase } from "../lib/db/driver";
import { useDatabase, closeDatabase } from "../lib/db";
import { migrate } from "../lib/db/migrate";
import { DEMO_TOTP_SECRET, isEmpty, seed, seedDemoSecondFactor, SCALES, type Scale } from "../prisma/seed";
import { isProduction, refuseDemoPasswords, seedDecision } from "../lib/production/start";
import { flags } from "./cli";
import { CLIENT_ADDRESS_HEADER } from "../lib/http/client";
import { serveObserved } from "../lib/log/request";
import { handleAtEdge, isActionPost, serveAction } from "../lib/http/edge";
import { startScaleOut, stopGracefully, trackStream } from "./scale-out";

const args = flags();
const dev = args.dev === true;
const e = env();
const dataDir = e.DATA_DIR;
mkdirSync(dataDir, { recursive: true });

function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  const file = join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

/** A fingerprint of everything the build depends on; a build is current when it was made from the same. */
function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(`${path}\n`).update(readFileSync(path));
    }
  };
  for (const d of ["app", "components", "lib", "i18n", "messages", "content", "prisma/schema.prisma", "public"]) {
    if (existsSync(d) && statSync(d).isFile()) hash.update(readFileSync(d));
    else walk(d);
  }
  for (const f of ["package.json", "next.config.ts", "proxy.ts", "postcss.config.mjs"])
    if (existsSync(f)) hash.update(readFileSync(f));
  // tsconfig.json without the type paths that a build into a custom dist dir adds to "include"
  const tsconfig = JSON.parse(readFileSync("tsconfig.json", "utf8")) as { include?: string[] };
  tsconfig.include = tsconfig.include?.filter((path) => !path.startsWith(".next"));
  hash.update(JSON.stringify(tsconfig));
  return hash.digest("hex");
}

function buildIfNeeded() {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const marker = join(distDir, "eiso-build-fingerprint");
  const fingerprint = sourceFingerprint();
  if (existsSync(join(distDir, "BUILD_ID")) && existsSync(marker) && readFileSync(marker, "utf8") === fingerprint)
    return;
  console.log("Building the portal (next build)…");
  const result = spawnSync(process.execPath, [join("node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: "inherit",
    env: process.env,
  });
  if (result.status !== 0) throw new Error("next build failed");
  writeFileSync(marker, fingerprint);
}

/**
 * Next's data cache (public statistics, dictionary reads) lives beside the build, not beside the database:
 * a server started on another data directory, a reset database or a new version would otherwise serve
 * figures of another database until they expire. Each start begins with an empty data cache.
 */
function clearDataCache() {
  rmSync(join(process.env.NEXT_DIST_DIR || ".next", "cache", "fetch-cache"), { recursive: true, force: true });
}

/** Builds the search index when it is empty (first start); the job runner drains the outbox afterwards. */
async function startSearch() {
  const { searchEngine } = await import("../lib/search/engine");
  const { ensureIndexed } = await import("../lib/search/outbox");
  await ensureIndexed(searchEngine(), (line) => console.log(line)).catch((error: unknown) =>
    console.error(`Search index: ${(error as Error).message}`),
  );
}

/**
 * Demo data only where it belongs: an empty embedded database gets it; a production database (DATABASE_URL
 * or NODE_ENV=production) only with `--seed demo` and no real account, and never starts while an account
 * has the demo password (lib/production/start.ts).
 */
async function seedOrRefuse(db: ReturnType<typeof openDatabase>) {
  const production = isProduction(e);
  const requested = typeof args.seed === "string" ? args.seed : undefined;
  const decision = await seedDecision(db.prisma, {
    production,
    requested,
    scale: typeof args.scale === "string" ? args.scale : undefined,
    empty: await isEmpty(db.prisma),
    scales: Object.keys(SCALES),
  });
  if (decision.message) console.log(decision.message);
  if (decision.seed) await seed(db.prisma, decision.seed as Scale, (line) => console.log(`  ${line}`));
  if (production && requested === undefined) await refuseDemoPasswords(db.prisma);
}

async function main() {
  if (args["build-only"] === true) {
    buildIfNeeded();
    return;
  }
  ensureAuthSecret();
  const embedded = !e.DATABASE_URL;
  if (embedded) acquireLock(join(dataDir, "pglite.lock"));
  const db = openDatabase();
  useDatabase(db);
  const applied = await migrate(db.raw);
  if (applied.length) console.log(`Migrations applied: ${applied.join(", ")}`);
  await seedOrRefuse(db);
  console.log(`Database: ${embedded ? `embedded PGlite at ${pgliteDir()}` : "PostgreSQL"}`);
  if (embedded && !isProduction(e)) {
    // demo only: the demo administrators sign in with codes from this secret (never on PostgreSQL)
    await seedDemoSecondFactor(db.prisma);
    console.log(`Demo administrators' TOTP secret (embedded database only): ${DEMO_TOTP_SECRET}`);
  }
  await startSearch();

  if (!dev) buildIfNeeded();
  clearDataCache();
  // chat across instances and the job runner (search outbox, releases, backups, reminders, lapses…)
  await startScaleOut(e.DATABASE_URL);
  const { default: next } = await import("next");
  const app = next({ dev, dir: process.cwd(), port: e.PORT, hostname: "0.0.0.0" });
  await app.prepare();
  const handle = app.getRequestHandler();
  const edge = { https: publicOrigin().startsWith("https:"), dev, trustForwardedHost: e.TRUST_PROXY > 0 };
  const server = createServer((req, res) => {
    // the socket's address, never the client's own claim; lib/http/client.ts decides what to believe
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
    // request id, JSON request log, metrics, replica reads for anonymous requests (lib/log/request.ts);
    // security headers on every response; bad input refused before the framework sees it
    trackStream(req, res);
    serveObserved(req, res, (request, response) => {
      if (handleAtEdge(request, response, edge)) return;
      if (isActionPost(request)) return serveAction(request, response, handle);
      void handle(request, response);
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(e.PORT, () => console.log(`ЕИСО is serving http://localhost:${e.PORT}/kk`));
  // bench/csp.ts only: the same application on a second port without the security headers, so that one run
  // measures what the headers cost; never set in production
  const barePort = Number(process.env.BENCH_BARE_PORT || 0);
  if (barePort && e.NODE_ENV !== "production")
    createServer((req, res) => {
      req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
      void handle(req, res);
    }).listen(barePort, "127.0.0.1");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    // in-flight requests finish, the job runner releases its leases, the LISTEN connection closes
    await stopGracefully(server);
    await app.close?.().catch(() => undefined);
    await closeDatabase();
    console.log("Stopped: database closed.");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch(async (error: unknown) => {
  console.error(`\u2716 ${(error as Error).message}`);
  await closeDatabase().catch(() => undefined);
  process.exit(1);
});
