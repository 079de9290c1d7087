import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { requestIsAnonymous } from "../db/replica";
import { metricsText, recordJobRun, routeLabel } from "../metrics";
import { createLogger, loggablePath, requestId } from ".";
import { serveObserved } from "./request";

// one proxy in front: its X-Request-Id is believed
vi.hoisted(() => {
  process.env.TRUST_PROXY = "1";
});

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger(stream, "info") };
}

const holder = globalThis as unknown as { __eisoLogger?: unknown };
afterEach(() => {
  holder.__eisoLogger = undefined;
});

describe("structured logs", () => {
  it("writes JSON lines with redacted personal fields and headers", () => {
    const { lines, logger } = capture();
    logger.info(
      {
        event: "x",
        password: "Secret-123456",
        iin: "900101300123",
        person: { lastName: "Омарова", firstName: "Аружан", iin: "900101300123" },
        headers: { cookie: "authjs.session-token=abc", authorization: "Bearer t0ken-value", accept: "text/html" },
        req: { headers: { cookie: "a=b" } },
      },
      "hello",
    );
    const text = JSON.stringify(lines);
    for (const secret of ["Secret-123456", "900101300123", "Омарова", "Аружан", "abc", "t0ken-value", "a=b"])
      expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({
      level: "info",
      msg: "hello",
      event: "x",
      service: "eiso",
      password: "[redacted]",
    });
    expect(lines[0]!.headers).toEqual({ cookie: "[redacted]", authorization: "[redacted]", accept: "text/html" });
    expect(typeof lines[0]!.time).toBe("string");
  });

  it("logs a path without its query, with 12-digit numbers masked", () => {
    expect(loggablePath("/kk/search?q=Омарова&iin=900101300123")).toBe("/kk/search");
    expect(loggablePath("/api/v1/people/900101300123/card#x")).toBe("/api/v1/people/[number]/card");
  });

  it("takes a plain request id from the proxy, otherwise makes one", () => {
    expect(requestId("abcd-1234-efgh", () => "new")).toBe("abcd-1234-efgh");
    expect(requestId("short", () => "new")).toBe("new");
    expect(requestId("bad id\nwith newline", () => "new")).toBe("new");
    expect(requestId(undefined, () => "new")).toBe("new");
  });
});

describe("metrics", () => {
  it("labels routes with bounded variety", () => {
    expect(routeLabel("/kk/admin/users/cmabc123def456ghi789jkl0?page=2")).toBe("/:locale/admin/users/:id");
    expect(routeLabel("/api/v1/stats?year=2026")).toBe("/api/v1/stats");
    expect(routeLabel("/ru/organizations/123456789012")).toBe("/:locale/organizations/:id");
    expect(routeLabel("/ru/publications/42")).toBe("/:locale/publications/:id");
    expect(routeLabel("/_next/static/chunks/a.js")).toBe("/_next");
    expect(routeLabel("/")).toBe("/");
  });

  it("counts job runs and failures for the job runner", async () => {
    recordJobRun("search-outbox", true, 120);
    recordJobRun("search-outbox", false, 30);
    const { body, contentType } = await metricsText();
    expect(contentType).toContain("text/plain");
    expect(body).toContain('eiso_job_runs_total{job="search-outbox",result="ok"} 1');
    expect(body).toContain('eiso_job_runs_total{job="search-outbox",result="failed"} 1');
    expect(body).toContain('eiso_job_duration_seconds_count{job="search-outbox"} 2');
  });
});

describe("the server's request observer", () => {
  it("gives each request an id, logs one line without query or cookies, counts it, routes reads by session", async () => {
    const { lines, logger } = capture();
    holder.__eisoLogger = logger;
    const seen: boolean[] = [];
    const server = createServer((req, res) =>
      serveObserved(req, res, (_q, s) => {
        seen.push(requestIsAnonymous());
        s.statusCode = 201;
        s.end("ok");
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const anonymous = await fetch(`${base}/kk/search?q=900101300123`, { headers: { cookie: "theme=dark" } });
      const signedIn = await fetch(`${base}/kk/account`, {
        headers: { cookie: "authjs.session-token=very-secret-cookie", "x-request-id": "proxy-given-0001" },
      });
      expect(anonymous.status).toBe(201);
      expect(anonymous.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect(signedIn.headers.get("x-request-id")).toBe("proxy-given-0001");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(seen).toEqual([true, false]);
    expect(lines.map((l) => [l.event, l.method, l.path, l.status])).toEqual([
      ["http.request", "GET", "/kk/search", 201],
      ["http.request", "GET", "/kk/account", 201],
    ]);
    expect(lines[1]!.reqId).toBe("proxy-given-0001");
    expect(JSON.stringify(lines)).not.toMatch(/900101300123|very-secret-cookie|theme=dark/);
    const { body } = await metricsText();
    expect(body).toMatch(/eiso_http_requests_total\{method="GET",route="\/:locale\/search",status="201"\} 1/);
    expect(body).toMatch(/eiso_http_request_duration_seconds_count\{method="GET",route="\/:locale\/account"\} 1/);
  });
});
