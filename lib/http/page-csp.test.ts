import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { createServer, request as httpRequest, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { inlineScriptHashes, isPageRequest, protectPage } from "./page-csp";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const PAYLOAD = 'self.__next_f.push([1,"page"])';
const HTML = `<!DOCTYPE html><html><head><script src="/_next/static/a.js" async=""></script></head><body><script>${PAYLOAD}</script><script type="application/ld+json">{"a":1}</script></body></html>`;

/**
 * Stand-ins for what the framework answers: a page rendered now (echoing the nonce it was given) and a prerendered
 * one, without an ETag (`generateEtags: false`): the server gives it one.
 */
function frameworkAnswer(path: string, nonce: string | undefined, res: ServerResponse) {
  if (path === "/kk/dynamic") {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.write("<html><body>");
    res.end(`<script nonce="${nonce}">x()</script></body></html>`);
    return;
  }
  res.setHeader("x-nextjs-prerender", "1");
  res.setHeader("content-type", "text/html; charset=utf-8");
  if (path === "/kk/gzip") {
    res.setHeader("content-encoding", "gzip");
    const body = gzipSync(HTML);
    res.write(body.subarray(0, 10));
    return res.end(body.subarray(10));
  }
  res.writeHead(200, { "x-extra": "1" });
  res.write(HTML.slice(0, 50));
  res.end(HTML.slice(50));
}

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (isPageRequest(req)) protectPage(req, res);
    const policy = String(req.headers["content-security-policy"] ?? "");
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    frameworkAnswer(req.url!, nonce, res);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => server.close());

const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const req = httpRequest({ port, host: "127.0.0.1", path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on("error", reject);
      req.end();
    },
  );

describe("a page's Content-Security-Policy", () => {
  it("hashes every inline script and skips those with a source", () => {
    expect(inlineScriptHashes(HTML)).toEqual([sha(PAYLOAD), sha('{"a":1}')]);
    expect(inlineScriptHashes("<p>no scripts</p>")).toEqual([]);
  });

  it("gives a page rendered now the nonce it put on its scripts", async () => {
    const res = await get("/kk/dynamic");
    const nonce = /'nonce-([^']+)'/.exec(String(res.headers["content-security-policy"]))?.[1];
    expect(nonce).toBeTruthy();
    expect(res.body.toString()).toContain(`nonce="${nonce}"`);
    const again = await get("/kk/dynamic", { "content-security-policy": "script-src 'nonce-chosen'" });
    // the client's own header is not believed: the nonce is the server's, fresh each time
    expect(String(again.headers["content-security-policy"])).not.toContain(nonce!);
    expect(again.body.toString()).not.toContain("chosen");
  });

  it("lists the hashes of a prerendered body, also when it is compressed, and nothing else inline", async () => {
    for (const path of ["/kk/plain", "/kk/gzip"]) {
      const res = await get(path);
      const policy = String(res.headers["content-security-policy"]);
      expect(policy).toContain(`script-src 'self' ${sha(PAYLOAD)}`);
      expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(policy).not.toContain("nonce-");
      expect(Number(res.headers["content-length"])).toBe(res.body.length);
    }
    expect((await get("/kk/plain")).headers["x-extra"]).toBe("1");
    expect((await get("/kk/plain")).body.toString()).toBe(HTML);
  });

  it("tags a prerendered body with an ETag of its bytes and confirms a copy the reader holds", async () => {
    const full = await get("/kk/plain");
    const etag = String(full.headers.etag);
    expect(etag).toBe(`"${createHash("sha1").update(HTML).digest("base64url")}"`);
    const gzipped = await get("/kk/gzip");
    // another encoding is other bytes: another tag
    expect(gzipped.headers.etag).not.toBe(etag);
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const confirmed = await get("/kk/plain", { "if-none-match": ifNoneMatch });
      expect(confirmed.status).toBe(304);
      expect(confirmed.body.length).toBe(0);
      expect(confirmed.headers.etag).toBe(etag);
      expect(confirmed.headers["content-security-policy"]).toBe(full.headers["content-security-policy"]);
    }
    const stale = await get("/kk/plain", { "if-none-match": '"other"' });
    expect(stale.status).toBe(200);
    expect(stale.body.toString()).toBe(HTML);
    // a page's HEAD has no body to hash: nothing inline may run
    const head = await get("/kk/plain", {}, "HEAD");
    expect(String(head.headers["content-security-policy"])).toMatch(/script-src 'self'(;|$| 'strict)/);
    expect(String(head.headers["content-security-policy"])).not.toContain("sha256-");
  });

  it("gives a page rendered now no ETag: its body carries a fresh nonce", async () => {
    expect((await get("/kk/dynamic")).headers.etag).toBeUndefined();
  });

  it("leaves API answers and build assets alone", () => {
    const req = (url: string, method = "GET") => ({ url, method }) as Parameters<typeof isPageRequest>[0];
    expect(isPageRequest(req("/kk/statistics"))).toBe(true);
    expect(isPageRequest(req("/api/v1/search"))).toBe(false);
    expect(isPageRequest(req("/_next/static/chunk.js"))).toBe(false);
    expect(isPageRequest(req("/kk/forums", "POST"))).toBe(false);
  });
});
