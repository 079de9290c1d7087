/**
 * A production-shaped cluster on one machine, for the cluster test and benchmark (and to try a deployment):
 * a PostgreSQL 15 primary and a streaming replica of their own (Debian's pg_createcluster, pg_basebackup -R;
 * the machine's main cluster is left alone), N portal instances (`npm start` on their own ports with one
 * AUTH_SECRET, TRUST_PROXY=1, PUBLIC_URL of the proxy, DATABASE_REPLICA_URL, one shared DATA_DIR) and nginx in
 * front with deploy/nginx.conf. Needs root (it runs pg_createcluster and `su postgres`) and nginx installed.
 *
 * Its state (pids, ports) is kept in <dir>/cluster.json, so `npm run cluster -- stop` stops what another
 * process started.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const PG_VERSION = process.env.CLUSTER_PG_VERSION ?? "15";
export const PRIMARY = { name: "eisoprimary", port: Number(process.env.CLUSTER_PRIMARY_PORT) || 5440 };
export const REPLICA = { name: "eisoreplica", port: Number(process.env.CLUSTER_REPLICA_PORT) || 5441 };
export const PROXY_PORT = Number(process.env.CLUSTER_PROXY_PORT) || 8088;
export const FIRST_INSTANCE_PORT = Number(process.env.CLUSTER_INSTANCE_PORT) || 3101;
const DB = "eiso";
const PASSWORD = "postgres";

export const primaryUrl = `postgresql://postgres:${PASSWORD}@127.0.0.1:${PRIMARY.port}/${DB}`;
export const replicaUrl = `postgresql://postgres:${PASSWORD}@127.0.0.1:${REPLICA.port}/${DB}`;
export const proxyOrigin = `http://127.0.0.1:${PROXY_PORT}`;

export interface InstanceState {
  index: number;
  port: number;
  pid: number;
  log: string;
}

export interface ClusterState {
  dir: string;
  authSecret: string;
  instances: InstanceState[];
  nginxPrefix: string;
}

export interface ClusterOptions {
  dir?: string;
  instances?: number;
  /** Seed scale for the fresh database (the demo accounts sign in; no first administrator is created). */
  scale?: string;
  log?: (line: string) => void;
}

const defaultDir = () => resolve(process.env.CLUSTER_DIR ?? "data/cluster");
const stateFile = (dir: string) => join(dir, "cluster.json");

function sh(command: string, args: string[], options: { allowFail?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(command, args, { encoding: "utf8", env: options.env ?? process.env });
  if (r.status !== 0 && !options.allowFail)
    throw new Error(`${command} ${args.join(" ")} failed (${r.status}): ${(r.stderr || r.stdout || "").trim()}`);
  return r;
}

const asPostgres = (command: string, allowFail = false) => sh("su", ["postgres", "-c", command], { allowFail });

function clusterExists(name: string): boolean {
  return existsSync(`/etc/postgresql/${PG_VERSION}/${name}`);
}

function dropCluster(name: string) {
  if (!clusterExists(name)) return;
  sh("pg_ctlcluster", ["--skip-systemctl-redirect", PG_VERSION, name, "stop", "-m", "fast"], { allowFail: true });
  sh("pg_dropcluster", [PG_VERSION, name], { allowFail: true });
}

/** A fresh primary with streaming replication on, and a replica made from its base backup. */
export function startDatabases(log: (line: string) => void = console.log) {
  dropCluster(REPLICA.name);
  dropCluster(PRIMARY.name);
  log(`PostgreSQL ${PG_VERSION} primary on port ${PRIMARY.port}…`);
  sh("pg_createcluster", [PG_VERSION, PRIMARY.name, "-p", String(PRIMARY.port)]);
  writeFileSync(
    `/etc/postgresql/${PG_VERSION}/${PRIMARY.name}/conf.d/10-cluster.conf`,
    [
      "listen_addresses = '127.0.0.1'",
      "wal_level = replica",
      "max_wal_senders = 10",
      "wal_keep_size = 256MB",
      "max_connections = 200",
      "",
    ].join("\n"),
  );
  sh("pg_ctlcluster", ["--skip-systemctl-redirect", PG_VERSION, PRIMARY.name, "start"]);
  asPostgres(`psql -p ${PRIMARY.port} -qc "ALTER USER postgres PASSWORD '${PASSWORD}'"`);
  asPostgres(`createdb -p ${PRIMARY.port} ${DB}`);
  log(`PostgreSQL ${PG_VERSION} streaming replica on port ${REPLICA.port}…`);
  sh("pg_createcluster", [PG_VERSION, REPLICA.name, "-p", String(REPLICA.port)]);
  const replicaData = `/var/lib/postgresql/${PG_VERSION}/${REPLICA.name}`;
  rmSync(replicaData, { recursive: true, force: true });
  asPostgres(
    `PGPASSWORD=${PASSWORD} pg_basebackup -h 127.0.0.1 -p ${PRIMARY.port} -U postgres -D ${replicaData} -R -X stream -c fast`,
  );
  writeFileSync(
    `/etc/postgresql/${PG_VERSION}/${REPLICA.name}/conf.d/10-cluster.conf`,
    "listen_addresses = '127.0.0.1'\nmax_connections = 200\nhot_standby = on\n",
  );
  sh("pg_ctlcluster", ["--skip-systemctl-redirect", PG_VERSION, REPLICA.name, "start"]);
}

export function stopDatabases() {
  dropCluster(REPLICA.name);
  dropCluster(PRIMARY.name);
}

/** The environment of portal instance `index` (0-based). */
export function instanceEnv(state: Pick<ClusterState, "dir" | "authSecret">, index: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(FIRST_INSTANCE_PORT + index),
    DATABASE_URL: primaryUrl,
    DATABASE_REPLICA_URL: replicaUrl,
    AUTH_SECRET: state.authSecret,
    TRUST_PROXY: "1",
    PUBLIC_URL: proxyOrigin,
    DATA_DIR: join(state.dir, "data"),
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

/** Starts portal instance `index` in the background (its own process group); resolves when it is healthy. */
export async function startInstance(state: ClusterState, index: number): Promise<InstanceState> {
  const port = FIRST_INSTANCE_PORT + index;
  const log = join(state.dir, `instance-${index}.log`);
  const out = openSync(log, "a");
  // one Node process (no npx or tsx wrapper), so signals reach start.ts itself; `--seed demo` says that
  // this production-mode database holds demo data on purpose (its accounts keep the published password)
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--seed", "demo"], {
    env: instanceEnv(state, index),
    stdio: ["ignore", out, out],
    detached: true,
  });
  child.unref();
  const instance = { index, port, pid: child.pid!, log };
  state.instances = [...state.instances.filter((i) => i.index !== index), instance];
  saveState(state);
  await waitForHealth(`http://127.0.0.1:${port}`, 180_000, () => alive(instance.pid), log);
  return instance;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitForHealth(origin: string, timeoutMs: number, running = () => true, log?: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!running()) throw new Error(`${origin} exited:\n${log ? tail(log) : ""}`);
    try {
      const res = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${origin} did not become healthy in ${timeoutMs / 1000} s:\n${log ? tail(log) : ""}`);
}

const tail = (file: string) => (existsSync(file) ? readFileSync(file, "utf8").split("\n").slice(-30).join("\n") : "");

/** Stops an instance: SIGTERM (the graceful stop), then SIGKILL after `graceMs`; `kill` sends SIGKILL at once. */
export async function stopInstance(instance: InstanceState, { kill = false, graceMs = 20_000 } = {}) {
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-instance.pid, s);
    } catch {
      // already gone
    }
  };
  signal(kill ? "SIGKILL" : "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (alive(instance.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive(instance.pid)) signal("SIGKILL");
  while (alive(instance.pid)) await new Promise((r) => setTimeout(r, 50));
}

/** Writes the proxy's configuration (deploy/nginx.conf with these ports) and starts nginx. */
export function startProxy(state: ClusterState, ports: number[]) {
  const prefix = state.nginxPrefix;
  for (const d of ["logs", "temp"]) mkdirSync(join(prefix, d), { recursive: true });
  const template = readFileSync("deploy/nginx.conf", "utf8");
  const upstream = ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join("\n");
  const conf = template
    .replace(/(upstream eiso \{\n)(?:\s*server [^\n]*\n)+/, `$1${upstream}\n`)
    .replace(/listen \d+;/, `listen 127.0.0.1:${PROXY_PORT};`)
    .replace("worker_processes auto;", "worker_processes 1;\ndaemon on;");
  writeFileSync(join(prefix, "nginx.conf"), conf);
  sh("nginx", ["-p", prefix, "-c", "nginx.conf", "-t"]);
  if (proxyPid(prefix)) sh("nginx", ["-p", prefix, "-c", "nginx.conf", "-s", "reload"]);
  else sh("nginx", ["-p", prefix, "-c", "nginx.conf"]);
  // a reload lets old workers finish their requests; new requests go to the new upstreams at once
  spawnSync("sleep", ["0.5"]);
}

/** The running nginx master's pid, or null (`nginx -t` leaves an empty pid file behind). */
function proxyPid(prefix: string): number | null {
  const file = join(prefix, "logs", "nginx.pid");
  const pid = existsSync(file) ? Number(readFileSync(file, "utf8").trim()) : 0;
  return pid > 0 && alive(pid) ? pid : null;
}

export function stopProxy(prefix: string) {
  const pid = proxyPid(prefix);
  if (!pid) return;
  sh("nginx", ["-p", prefix, "-c", "nginx.conf", "-s", "quit"], { allowFail: true });
  for (let i = 0; i < 100 && alive(pid); i++) spawnSync("sleep", ["0.1"]);
}

export function saveState(state: ClusterState) {
  writeFileSync(stateFile(state.dir), JSON.stringify(state, null, 2));
}

export function loadState(dir = defaultDir()): ClusterState | null {
  return existsSync(stateFile(dir)) ? (JSON.parse(readFileSync(stateFile(dir), "utf8")) as ClusterState) : null;
}

/** Migrates and seeds the fresh primary (explicitly: the portal never seeds a production database itself). */
export function seedDatabase(state: ClusterState, scale: string) {
  sh(process.execPath, ["--import", "tsx", "scripts/seed.ts", "--scale", scale], { env: instanceEnv(state, 0) });
}

/** Starts everything from scratch: databases, build, seed, instances, proxy. */
export async function startCluster(options: ClusterOptions = {}): Promise<ClusterState> {
  const log = options.log ?? console.log;
  const dir = options.dir ?? defaultDir();
  const count = options.instances ?? 2;
  await stopCluster({ dir, log: () => {} });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "data"), { recursive: true });
  const state: ClusterState = {
    dir,
    authSecret: randomBytes(32).toString("base64url"),
    instances: [],
    nginxPrefix: join(dir, "nginx"),
  };
  saveState(state);
  startDatabases(log);
  log("Building the portal when needed…");
  sh(process.execPath, ["--import", "tsx", "scripts/start.ts", "--build-only"]);
  log(`Migrating and seeding (${options.scale ?? "demo"})…`);
  seedDatabase(state, options.scale ?? "demo");
  // the first instance alone first: it runs the migrations (none left) and builds the search index
  for (let i = 0; i < count; i++) {
    const instance = await startInstance(state, i);
    log(`Instance ${i + 1} serving on port ${instance.port} (pid ${instance.pid}).`);
  }
  startProxy(
    state,
    state.instances.map((i) => i.port),
  );
  log(`nginx on ${proxyOrigin} → ${state.instances.map((i) => i.port).join(", ")}`);
  return state;
}

/** Stops the proxy, the instances (gracefully) and the databases, and removes the database clusters. */
export async function stopCluster(options: { dir?: string; log?: (line: string) => void } = {}) {
  const log = options.log ?? console.log;
  const state = loadState(options.dir ?? defaultDir());
  if (state) {
    stopProxy(state.nginxPrefix);
    for (const instance of state.instances) if (alive(instance.pid)) await stopInstance(instance);
    state.instances = [];
    saveState(state);
  }
  stopDatabases();
  log("Cluster stopped.");
}
