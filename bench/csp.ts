/**
 * `npx tsx bench/csp.ts [-- --duration 5 --rounds 4 --connections 10 --port 3311 --bare-port 3312 --gzip 1]`: what the
 * security headers (Content-Security-Policy and the rest, lib/http/security-headers.ts) cost public pages.
 * One server, one build, one database: it listens on `--port` with the headers and on `--bare-port`
 * without them (start.ts's BENCH_BARE_PORT), so both are measured in one run, in alternating rounds
 * (with, without, with, …) so that other load on the machine falls on both alike. Prints req/s per page and
 * the ratio with/without; writes bench/results/csp-<date>.json.
 *
 * Start the server first, e.g. `BENCH_BARE_PORT=3312 PORT=3311 DATA_DIR=./data/bench npm start`, with
 * RATE_LIMITS=off when API routes are added to the list.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import autocannon from "autocannon";
import { option, round, textOption } from "./lib";

const duration = option("duration", 2);
const rounds = option("rounds", 10);
const connections = option("connections", 10);
const port = option("port", 3311);
const barePort = option("bare-port", 3312);
// --gzip 1: ask for compressed pages as browsers do (a prerendered page is then hashed from its gzip body)
const gzip = textOption("gzip") === "1";

/** Public pages served from the build or the data cache: the ones a CSP must not slow down. */
const PAGES = ["/kk", "/en/pages/about", "/kk/dictionary/api", "/kk/ratings"];

async function measure(url: string): Promise<number> {
  const result = await autocannon({
    url,
    duration,
    connections,
    headers: { accept: "text/html", ...(gzip ? { "accept-encoding": "gzip" } : {}) },
  });
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} answers were not 2xx`);
  return result.requests.average;
}

async function main() {
  const withHeaders = `http://127.0.0.1:${port}`;
  const bare = `http://127.0.0.1:${barePort}`;
  const check = await fetch(`${withHeaders}/kk`);
  const csp = check.headers.get("content-security-policy");
  const bareCheck = await fetch(`${bare}/kk`);
  if (!csp || bareCheck.headers.get("content-security-policy"))
    throw new Error("expected the CSP on --port and none on --bare-port (is BENCH_BARE_PORT set?)");

  const rows = [];
  for (const page of PAGES) {
    const on: number[] = [];
    const off: number[] = [];
    for (let r = 0; r < rounds; r++) {
      // alternate which goes first, so a warming or cooling machine favours neither
      if (r % 2 === 0) {
        on.push(await measure(withHeaders + page));
        off.push(await measure(bare + page));
      } else {
        off.push(await measure(bare + page));
        on.push(await measure(withHeaders + page));
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    // each round's pair ran back to back: the median of their ratios shrugs off a burst of other load
    const ratios = on.map((x, i) => x / off[i]!).sort((a, b) => a - b);
    const median = (ratios[(ratios.length - 1) >> 1]! + ratios[ratios.length >> 1]!) / 2;
    const row = {
      page,
      withCsp: round(mean(on)),
      withoutCsp: round(mean(off)),
      ratio: round(mean(on) / mean(off), 3),
      medianPairRatio: round(median, 3),
    };
    rows.push(row);
    console.log(
      `${page.padEnd(18)} with ${row.withCsp} req/s, without ${row.withoutCsp} req/s, ratio ${row.ratio}, median of pairs ${row.medianPairRatio}`,
    );
  }
  const total = rows.reduce((a, r) => a + r.withCsp, 0) / rows.reduce((a, r) => a + r.withoutCsp, 0);
  console.log(`all pages: ratio ${round(total, 3)} (with / without the security headers)`);
  // the headers' own cost, without the network or the page: setting them on a response, per response
  const { handleAtEdge } = await import("../lib/http/edge");
  const { IncomingMessage, ServerResponse } = await import("node:http");
  const { Socket } = await import("node:net");
  const n = 20_000;
  // a prerendered page's body (the home page's size), whose inline scripts are hashed once per ETag
  const body = Buffer.from(await (await fetch(`${bare}/kk`)).arrayBuffer());
  const loop = (withEdge: boolean, prerendered: boolean) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) {
      const req = new IncomingMessage(new Socket());
      req.url = "/kk/statistics";
      req.method = "GET";
      req.headers = { host: "localhost", accept: "text/html" };
      const res = new ServerResponse(req);
      if (withEdge) handleAtEdge(req, res, { https: true, dev: false, trustForwardedHost: false });
      res.setHeader("content-type", "text/html; charset=utf-8");
      if (prerendered) res.setHeader("x-nextjs-prerender", "1").setHeader("etag", '"bench"');
      res.write(body.subarray(0, 4096));
      res.end(body.subarray(4096));
    }
    return Number(process.hrtime.bigint() - start) / 1e3 / n;
  };
  const perResponse = (prerendered: boolean) => {
    loop(true, prerendered); // warm up
    const plain = Math.min(loop(false, prerendered), loop(false, prerendered), loop(false, prerendered));
    const edged = Math.min(loop(true, prerendered), loop(true, prerendered), loop(true, prerendered));
    return edged - plain;
  };
  const perResponseUs = perResponse(false);
  const perPrerenderedUs = perResponse(true);
  console.log(
    `edge check and headers, in process (${n} responses): ${round(perResponseUs, 2)} µs per rendered page ` +
      `(nonce), ${round(perPrerenderedUs, 2)} µs per prerendered page of ${body.length} bytes (held, hashes per ETag)`,
  );
  mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/csp${gzip ? "-gzip" : ""}-${new Date().toISOString().slice(0, 10)}.json`;
  writeFileSync(
    file,
    JSON.stringify(
      { duration, rounds, connections, gzip, csp, rows, ratio: round(total, 3), perResponseUs, perPrerenderedUs },
      null,
      2,
    ),
  );
  console.log(`written ${file}`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
