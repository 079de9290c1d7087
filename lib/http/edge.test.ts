import { describe, expect, it } from "vitest";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ACTION_BODY_LIMIT, edgeRefusal, isActionPost, pathLocale, serveAction } from "./edge";
import { API_POLICY, defaultSecurityHeaders, hashPolicy, noncePolicy } from "./security-headers";

const get = (url: string, headers: Record<string, string> = {}) => edgeRefusal({ method: "GET", url, headers });
const action = (headers: Record<string, string>, trust = false) =>
  edgeRefusal(
    { method: "POST", url: "/kk/forums", headers: { host: "eiso.test", "next-action": "abc", ...headers } },
    trust,
  );

describe("edge refusals", () => {
  it("refuses NUL bytes anywhere and control characters or broken escapes in the path", () => {
    for (const url of [
      "/api/v1/files/%00",
      "/kk/publications/%00",
      "/kk/diary/journal?class=%00x",
      "/kk/x%0A",
      "/kk/%E0%A4%A",
      "/kk/a%7f",
    ])
      expect(get(url), url).toEqual({ status: 400, code: "badRequest" });
    for (const url of ["/kk", "/kk/search?q=a%0Ab", "/api/v1/search?q=%D0%BC%D0%B5%D0%BA", "/kk/publications/p_1"])
      expect(get(url), url).toBeNull();
  });

  it("refuses a router state tree that is not the framework's JSON array", () => {
    const good = encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}] }, null, "refetch"]));
    expect(get("/kk", { "next-router-state-tree": good })).toBeNull();
    // well-formed JSON that the framework still cannot read (a boolean where it wants a number) is refused too
    const almost = encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}] }, null, null, true]));
    for (const bad of ["%7Bnot-json", "{}", encodeURIComponent('"x"'), "%E0%A4%A", "x".repeat(30_000), almost])
      expect(get("/kk", { "next-router-state-tree": bad }), bad.slice(0, 20)).toEqual({
        status: 400,
        code: "badRequest",
      });
  });

  it("refuses a server action from another site, or with a body over 1 MB", () => {
    expect(action({ origin: "https://eiso.test" })).toBeNull();
    expect(action({})).toBeNull();
    expect(action({ origin: "https://attacker.test" })).toEqual({ status: 403, code: "forbidden" });
    expect(action({ origin: "null" })).toEqual({ status: 403, code: "forbidden" });
    // the forwarded host counts only behind a trusted proxy
    expect(action({ origin: "https://portal.kz", "x-forwarded-host": "portal.kz" })?.status).toBe(403);
    expect(action({ origin: "https://portal.kz", "x-forwarded-host": "portal.kz" }, true)).toBeNull();
    expect(action({ "content-length": String(ACTION_BODY_LIMIT) })).toBeNull();
    expect(action({ "content-length": String(ACTION_BODY_LIMIT + 1) })).toEqual({
      status: 413,
      code: "requestTooLarge",
    });
    // a plain POST (a route handler's upload) is not an action: its own limits apply
    expect(
      edgeRefusal({ method: "POST", url: "/api/v1/packages", headers: { "content-length": "9999999", origin: "x" } }),
    ).toBeNull();
  });

  it("reads a server action up to the limit, refuses one over it (413) or one that cannot be decoded (400)", async () => {
    // the server as scripts/start.ts wires it, with a stand-in for the framework that echoes what it got
    const server: Server = createServer((req, res) => {
      if (!isActionPost(req)) return res.end("not an action");
      serveAction(
        req,
        res,
        async (copy, response) => {
          let body = "";
          for await (const chunk of copy) body += String(chunk);
          response.end(
            JSON.stringify({ length: copy.headers["content-length"], te: copy.headers["transfer-encoding"], body }),
          );
        },
        1000,
      );
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const { port } = server.address() as AddressInfo;
    const post = (parts: string[], headers: Record<string, string> = {}, path = "/ru/sign-in") =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            port,
            host: "127.0.0.1",
            method: "POST",
            path,
            // a header given as "" is left out (a form posted without JavaScript has no action header)
            headers: Object.fromEntries(Object.entries({ "next-action": "abc", ...headers }).filter(([, v]) => v)),
          },
          (res) => {
            let body = "";
            res.on("data", (c) => (body += String(c)));
            res.on("end", () => resolve({ status: res.statusCode!, body }));
          },
        );
        req.on("error", reject);
        for (const part of parts) req.write(part);
        req.end();
      });
    try {
      const args = JSON.stringify(["a".repeat(390), "b".repeat(390)]);
      const small = await post([args.slice(0, 400), args.slice(400)]);
      expect(small.status).toBe(200);
      expect(JSON.parse(small.body)).toEqual({ length: String(args.length), body: args });
      // with a length too: the body is read and checked all the same
      expect(JSON.parse((await post([args], { "content-length": String(args.length) })).body).body).toBe(args);
      const large = await post(["a".repeat(600), "b".repeat(600)]);
      expect(large.status).toBe(413);
      expect(JSON.parse(large.body).error.code).toBe("badRequest");
      expect(JSON.parse(large.body).error.message).toMatch(/[а-я]/);
      const garbled = await post(["[1,2,"], { "content-type": "text/plain;charset=UTF-8" });
      expect(garbled.status).toBe(400);
      expect(JSON.parse(garbled.body).error.code).toBe("badRequest");
      const form = ["--X", 'Content-Disposition: form-data; name="0"', "", '["$K1"]', "--X--", ""].join("\r\n");
      const multipart = { "content-type": "multipart/form-data; boundary=X" };
      expect((await post([form], multipart)).status).toBe(200);
      expect((await post([form.slice(0, 30)], multipart)).status).toBe(400);
      // a form posted without JavaScript must at least be readable
      const plain = { ...multipart, "next-action": "" };
      expect((await post([form], plain)).status).toBe(200);
      expect((await post(["broken"], plain)).status).toBe(400);
      expect((await post(["x"], { "next-action": "" }, "/api/v1/packages")).body).toBe("not an action");
    } finally {
      server.close();
    }
  });

  it("answers in the path's language", () => {
    expect(pathLocale("/ru/publications/%00")).toBe("ru");
    expect(pathLocale("/en")).toBe("en");
    expect(pathLocale("/api/v1/files/%00")).toBe("kk");
  });
});

describe("security headers", () => {
  it("locks pages down, sandboxes API answers and sends HSTS only over https", () => {
    const page = defaultSecurityHeaders({ path: "/kk/statistics", https: false, page: true });
    expect(page["x-frame-options"]).toBe("DENY");
    expect(page["x-content-type-options"]).toBe("nosniff");
    expect(page["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // a page's policy is decided per response (page-csp.ts); an asset's lets nothing inline run
    expect(page["content-security-policy"]).toBeUndefined();
    expect(defaultSecurityHeaders({ path: "/_next/static/x.js", https: false })["content-security-policy"]).toBe(
      hashPolicy([]),
    );
    expect(page["strict-transport-security"]).toBeUndefined();
    expect(defaultSecurityHeaders({ path: "/kk", https: true })["strict-transport-security"]).toMatch(/^max-age=/);
    expect(defaultSecurityHeaders({ path: "/api/v1/files/f1", https: false })["content-security-policy"]).toContain(
      "sandbox",
    );
  });

  it("allows inline scripts only with the nonce or the hash", () => {
    const policy = noncePolicy("abc123");
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(noncePolicy("abc123", true)).toContain("'unsafe-eval'");
    const hashed = hashPolicy(["'sha256-abc='"]);
    expect(hashed).toContain("script-src 'self' 'sha256-abc='");
    for (const p of [policy, hashed, hashPolicy([])]) expect(p).not.toMatch(/script-src[^;]*unsafe-inline/);
    for (const p of [policy, hashed, API_POLICY]) expect(p).toContain("frame-ancestors 'none'");
  });
});
