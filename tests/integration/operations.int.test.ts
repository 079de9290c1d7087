import { describe, expect, it, vi } from "vitest";
import { database } from "@/lib/db";
import { readiness } from "@/lib/health";

// A metrics token, and a search engine that does not answer (a closed port).
vi.hoisted(() => {
  process.env.METRICS_TOKEN = "a-metrics-token-of-enough-length";
  process.env.MEILISEARCH_HOST = "http://127.0.0.1:1";
});

vi.mock("@/lib/auth/config", () => ({ auth: async () => null }));

const call = async (path: string, headers: Record<string, string> = {}) => {
  const { GET } = (await import(`@/app/api/${path}/route`)) as {
    GET: (r: Request, c: { params: Promise<object> }) => Promise<Response>;
  };
  return GET(new Request(`http://localhost/api/${path}`, { headers }), { params: Promise.resolve({}) });
};

const available: typeof fetch = async () => Response.json({ status: "available" });

describe("/api/ready", () => {
  it("is ready when the database answers, nothing is pending and the search engine answers", async () => {
    expect(await readiness(available)).toEqual({
      ready: true,
      checks: { database: "ok", migrations: "ok", search: "ok" },
    });
  });

  it("answers 503 naming the search engine when it does not answer", async () => {
    const response = await call("ready");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "unavailable",
      checks: { database: "ok", migrations: "ok", search: "unavailable" },
    });
  });

  it("is not ready while a migration of this version is pending", async () => {
    const raw = database().raw;
    const [last] = await raw.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`,
    );
    await raw.query(`UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = $1`, [
      last!.migration_name,
    ]);
    try {
      expect(await readiness(available)).toEqual({
        ready: false,
        checks: { database: "ok", migrations: "pending", search: "ok" },
        pending: [last!.migration_name],
      });
    } finally {
      await raw.query(`UPDATE "_prisma_migrations" SET finished_at = now() WHERE migration_name = $1`, [
        last!.migration_name,
      ]);
    }
  });
});

describe("/api/metrics", () => {
  it("refuses a missing or wrong token with 401", async () => {
    expect((await call("metrics")).status).toBe(401);
    expect((await call("metrics", { authorization: "Bearer wrong" })).status).toBe(401);
    expect((await call("metrics", { authorization: "a-metrics-token-of-enough-length" })).status).toBe(401);
  });

  it("serves Prometheus text with the right token: outbox backlog, process figures", async () => {
    await database().raw.query(
      `INSERT INTO "SearchOutbox" (source, "sourceId", "createdAt") VALUES ('dictionary', 'x', now() - interval '90 seconds')`,
    );
    const response = await call("metrics", { authorization: "Bearer a-metrics-token-of-enough-length" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const body = await response.text();
    expect(body).toMatch(/^eiso_search_outbox_pending [1-9]\d*$/m);
    const lag = Number(/^eiso_search_outbox_lag_seconds (\S+)$/m.exec(body)?.[1]);
    expect(lag).toBeGreaterThanOrEqual(89);
    expect(body).toContain("eiso_process_cpu_seconds_total");
    if (database().kind === "postgres")
      expect(body).toMatch(/eiso_db_pool_connections\{database="primary",state="total"\} [1-9]/);
  });

  it("does not exist without METRICS_TOKEN", async () => {
    delete process.env.METRICS_TOKEN;
    vi.resetModules();
    const response = await call("metrics", { authorization: "Bearer a-metrics-token-of-enough-length" });
    expect(response.status).toBe(404);
  });
});
