/**
 * `npm run bench:publications [-- --origin http://127.0.0.1:3542 --duration 10 --connections 10]`:
 *
 * 1. Throughput and latency of the cached public publication page (/kk/publications/pub_fractions, a demo
 *    seed publication) next to the bare static page /probe, in the same run, against a running production
 *    server (`--origin`; start one with `npm start`). The ratio of the two is the figure (target ≥ 0.8).
 * 2. Upload of a 20 MB file into the content-addressed store, streamed from a generator (never a 20 MB
 *    buffer): time, and the peak resident memory above the starting point, sampled while it runs. Run
 *    in-process against a temporary store, and — when `--teacher` sign-in works on the server — over HTTP
 *    to the attachments route (the server's memory is then not visible here; the time is).
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import autocannon from "autocannon";
import { FileSystemBlobStore, MAX_FILE_BYTES, storeUpload } from "../lib/files/store";
import { log, ms, option, round, textOption, writeResult } from "./lib";
import { signIn as signInOver } from "../scripts/sign-in-client";

const origin = textOption("origin") ?? "http://127.0.0.1:3542";
const duration = option("duration", 10);
const connections = option("connections", 10);
const PAGE = "/kk/publications/pub_fractions";
const STATIC = "/probe";
/** A bare static page about as large as a portal page (the layout's header, menu and footer). */
const STATIC_SIZED = "/probe/sized";
/** The portal's own page prebuilt at build time (Markdown from content/), in the same locale layout. */
const PORTAL_STATIC = "/kk/pages/about";

async function measure(path: string) {
  const probe = await fetch(`${origin}${path}`);
  if (probe.status !== 200)
    throw new Error(`${path} answered ${probe.status}: is the demo server running at ${origin}?`);
  await autocannon({ url: `${origin}${path}`, connections, duration: 2 });
  const r = await autocannon({ url: `${origin}${path}`, connections, duration });
  return {
    path,
    requestsPerSecond: round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

/** A 20 MB PDF-looking stream made chunk by chunk (64 KB), so the source itself holds no large buffer. */
function pdfStream(total: number): Readable {
  let sent = 0;
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  return new Readable({
    read() {
      if (sent >= total) return this.push(null);
      const n = Math.min(chunk.length, total - sent);
      const out = Buffer.from(chunk.subarray(0, n));
      if (sent === 0) out.write("%PDF-1.7\n");
      // different bytes each run, so the store really writes
      if (sent === 64 * 1024) out.write(String(Date.now()));
      sent += n;
      this.push(out);
    },
  });
}

async function uploadInProcess(total = MAX_FILE_BYTES) {
  const dir = await mkdtemp(join(tmpdir(), "eiso-bench-files-"));
  try {
    const store = new FileSystemBlobStore(join(dir, "files"));
    global.gc?.();
    const base = process.memoryUsage().rss;
    let peak = base;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const start = process.hrtime.bigint();
    const stored = await storeUpload(pdfStream(total), { fileName: "big.pdf", maxBytes: total }, store);
    const took = ms(start);
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      bytes: stored.size,
      ms: round(took),
      mbPerSecond: round(stored.size / 1024 / 1024 / (took / 1000)),
      peakRssAboveStartMb: round((peak - base) / 1024 / 1024, 2),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function signIn(login: string): Promise<string | null> {
  return signInOver(origin, login).catch(() => null);
}

/** Resident memory of a process in bytes (Linux), or undefined. */
function rssOf(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Uploads 20 MB to a draft of the teacher (`--draft <id>`); with `--server-pid` samples the server's memory. */
async function uploadOverHttp(cookie: string, publicationId: string) {
  const pid = option("server-pid", 0) || undefined;
  const base = rssOf(pid);
  let peak = base ?? 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid) ?? 0)), 10);
  const start = process.hrtime.bigint();
  const res = await fetch(`${origin}/api/v1/publications/${publicationId}/attachments?name=big.pdf`, {
    method: "POST",
    headers: { cookie, "content-type": "application/octet-stream", "content-length": String(MAX_FILE_BYTES) },
    body: Readable.toWeb(pdfStream(MAX_FILE_BYTES)) as ReadableStream,
    duplex: "half",
  } as RequestInit);
  const took = ms(start);
  clearInterval(timer);
  const serverPeakRssAboveStartMb = base !== undefined ? round((peak - base) / 1024 / 1024, 2) : undefined;
  return {
    status: res.status,
    ms: round(took),
    mbPerSecond: round(MAX_FILE_BYTES / 1024 / 1024 / (took / 1000)),
    serverPeakRssAboveStartMb,
  };
}

console.log(`Publications benchmark against ${origin} (${duration} s × ${connections} connections per route)`);
const page = await measure(PAGE);
log(`publication page ${PAGE}: ${page.requestsPerSecond} req/s, p99 ${page.latencyMs.p99} ms`);
const bare = await measure(STATIC);
log(`bare static page ${STATIC}: ${bare.requestsPerSecond} req/s, p99 ${bare.latencyMs.p99} ms`);
const sized = await measure(STATIC_SIZED);
log(
  `bare static page of the same size ${STATIC_SIZED}: ${sized.requestsPerSecond} req/s, p99 ${sized.latencyMs.p99} ms`,
);
const portal = await measure(PORTAL_STATIC);
log(`portal static page ${PORTAL_STATIC}: ${portal.requestsPerSecond} req/s, p99 ${portal.latencyMs.p99} ms`);
const ratio = round(page.requestsPerSecond / bare.requestsPerSecond, 2);
const ratioSized = round(page.requestsPerSecond / sized.requestsPerSecond, 2);
const ratioPortal = round(page.requestsPerSecond / portal.requestsPerSecond, 2);
log(
  `ratio publication/static: ${ratio} (target ≥ 0.8); against the static page of the same size: ${ratioSized}; against the portal's prebuilt static page: ${ratioPortal}`,
);

const inProcess = await uploadInProcess();
log(
  `20 MB upload into the store (in process): ${inProcess.ms} ms, ${inProcess.mbPerSecond} MB/s, peak RSS +${inProcess.peakRssAboveStartMb} MB`,
);
// Streaming means memory does not grow with the file: the same upload, five times larger (limit raised).
const inProcessLarge = await uploadInProcess(5 * MAX_FILE_BYTES);
log(
  `100 MB upload into the store (in process, limit raised): ${inProcessLarge.ms} ms, peak RSS +${inProcessLarge.peakRssAboveStartMb} MB`,
);

let overHttp: Awaited<ReturnType<typeof uploadOverHttp>> | { skipped: string } = {
  skipped: "no draft of the teacher (create one in /account/publications)",
};
const draft = textOption("draft");
if (draft) {
  const cookie = await signIn("teacher");
  if (cookie) {
    overHttp = await uploadOverHttp(cookie, draft);
    log(
      `20 MB upload over HTTP: status ${overHttp.status}, ${overHttp.ms} ms, ${overHttp.mbPerSecond} MB/s, server peak RSS +${overHttp.serverPeakRssAboveStartMb ?? "?"} MB`,
    );
  } else overHttp = { skipped: "sign-in failed" };
}

const file = writeResult("publications", {
  origin,
  duration,
  connections,
  page,
  bare,
  sized,
  portal,
  ratio,
  ratioSized,
  ratioPortal,
  upload: { inProcess, inProcessLarge, overHttp },
});
console.log(`Written ${file}`);
