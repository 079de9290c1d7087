import { describe, expect, it } from "vitest";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ACTION_BODY_LIMIT, actionWithinLimit, answerRefusal, edgeRefusal, isChunkedAction, pathLocale } from "./edge";
import { defaultSecurityHeaders, noncePolicy, staticPolicy } from "./security-headers";

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

  it("reads a chunked server action up to the limit: passes it on with its length, or refuses it with 413", async () => {
    // the server as scripts/start.ts wires it, with a stand-in for the framework that echoes what it got
    const server: Server = createServer((req, res) => {
      if (!isChunkedAction(req)) return res.end("not chunked");
      void actionWithinLimit(req, 1000).then(async (copy) => {
        if (!copy) return answerRefusal(req, res, { status: 413, code: "requestTooLarge" });
        let body = "";
        for await (const chunk of copy) body += String(chunk);
        res.end(
          JSON.stringify({ length: copy.headers["content-length"], te: copy.headers["transfer-encoding"], body }),
        );
      });
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const { port } = server.address() as AddressInfo;
    const post = (parts: string[], headers: Record<string, string> = {}) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            port,
            host: "127.0.0.1",
            method: "POST",
            path: "/ru/sign-in",
            headers: { "next-action": "abc", ...headers },
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
      const small = await post(["a".repeat(400), "b".repeat(400)]);
      expect(small.status).toBe(200);
      expect(JSON.parse(small.body)).toEqual({ length: "800", body: "a".repeat(400) + "b".repeat(400) });
      const large = await post(["a".repeat(600), "b".repeat(600)]);
      expect(large.status).toBe(413);
      expect(JSON.parse(large.body).error.code).toBe("badRequest");
      expect(JSON.parse(large.body).error.message).toMatch(/[а-я]/);
      // with a length, the edge's header check decides and the body is not read here
      expect((await post(["x"], { "content-length": "1" })).body).toBe("not chunked");
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
    const page = defaultSecurityHeaders({ path: "/kk/statistics", https: false });
    expect(page["x-frame-options"]).toBe("DENY");
    expect(page["x-content-type-options"]).toBe("nosniff");
    expect(page["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(page["content-security-policy"]).toBe(staticPolicy("static"));
    expect(page["strict-transport-security"]).toBeUndefined();
    expect(defaultSecurityHeaders({ path: "/kk", https: true })["strict-transport-security"]).toMatch(/^max-age=/);
    expect(defaultSecurityHeaders({ path: "/api/v1/files/f1", https: false })["content-security-policy"]).toContain(
      "sandbox",
    );
  });

  it("allows scripts on per-request pages only with the nonce", () => {
    const policy = noncePolicy("abc123");
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(noncePolicy("abc123", true)).toContain("'unsafe-eval'");
    for (const p of [policy, staticPolicy("static"), staticPolicy("api")])
      expect(p).toContain("frame-ancestors 'none'");
  });
});
