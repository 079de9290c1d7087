/**
 * The requests the Meilisearch adapter sends, checked against a small recorder of our own that answers like
 * Meilisearch's HTTP API (tasks are enqueued and then reported succeeded, a missing index is a 404
 * `index_not_found`). It tests our request shapes and state transitions, not search itself: the shared
 * contract suite (meili.int.test.ts) is the judge when a real server is reachable.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { database } from "../db";
import { databaseBuildingFlag, MEILI_STATE_ROW, MeiliSearchEngine, queryReadings, supportedVersion } from "./meili";
import { parseQuery } from "./query";
import type { SearchDocument } from "./types";

interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

interface TaskState {
  uid: number;
  indexUid: string | null;
  type: string;
  error: { code: string; message: string; type: string; link: string } | null;
}

class Recorder {
  requests: Recorded[] = [];
  /** Existing indexes and their primary keys. */
  indexes = new Map<string, string | null>();
  version = "1.18.0";
  /** A status code GET /indexes/:uid answers with instead of the index (a network or key problem). */
  getIndexFailure: number | null = null;
  private tasks = new Map<number, TaskState>();
  private server!: Server;
  host = "";

  async start() {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.host = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop() {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  reset() {
    this.requests = [];
    this.indexes.clear();
    this.version = "1.18.0";
    this.getIndexFailure = null;
  }

  /** Requests other than task polling and version checks. */
  writes() {
    return this.requests.filter((r) => !r.path.startsWith("/tasks/") && r.path !== "/version");
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://x");
    const method = req.method ?? "GET";
    const path = url.pathname;
    this.requests.push({ method, path, query: url.searchParams, body: text ? JSON.parse(text) : undefined });
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const notFound = (uid: string) => ({
      code: "index_not_found",
      message: `Index \`${uid}\` not found.`,
      type: "invalid_request",
      link: "https://docs.meilisearch.com/errors#index_not_found",
    });
    const enqueue = (indexUid: string | null, type: string, apply: () => TaskState["error"] = () => null) => {
      const uid = this.tasks.size + 1;
      this.tasks.set(uid, { uid, indexUid, type, error: apply() });
      send(202, { taskUid: uid, indexUid, status: "enqueued", type, enqueuedAt: new Date().toISOString() });
    };

    if (method === "GET" && path === "/health") return send(200, { status: "available" });
    if (method === "POST" && /^\/indexes\/[^/]+\/search$/.test(path))
      return send(200, { hits: [], facetDistribution: { type: { news: 2 } }, estimatedTotalHits: 2 });
    if (method === "GET" && /^\/indexes\/[^/]+\/stats$/.test(path))
      return send(200, { numberOfDocuments: 2, isIndexing: false, fieldDistribution: {} });
    if (method === "GET" && path === "/version")
      return send(200, { pkgVersion: this.version, commitSha: "x", commitDate: "x" });
    const task = path.match(/^\/tasks\/(\d+)$/);
    if (method === "GET" && task) {
      const t = this.tasks.get(Number(task[1]));
      if (!t) return send(404, { code: "task_not_found", message: "no task", type: "invalid_request", link: "" });
      const now = new Date().toISOString();
      return send(200, {
        uid: t.uid,
        indexUid: t.indexUid,
        status: t.error ? "failed" : "succeeded",
        type: t.type,
        details: {},
        error: t.error,
        duration: "PT0S",
        enqueuedAt: now,
        startedAt: now,
        finishedAt: now,
      });
    }
    if (method === "POST" && path === "/indexes") {
      const { uid, primaryKey } = JSON.parse(text) as { uid: string; primaryKey?: string };
      return enqueue(uid, "indexCreation", () => {
        this.indexes.set(uid, primaryKey ?? null);
        return null;
      });
    }
    if (method === "POST" && path === "/swap-indexes") return enqueue(null, "indexSwap");
    if (method === "POST" && path === "/multi-search") {
      const { queries } = JSON.parse(text) as { queries: { indexUid: string; q: string; limit?: number }[] };
      return send(200, {
        results: queries.map((q) => ({
          indexUid: q.indexUid,
          hits: [],
          query: q.q,
          processingTimeMs: 0,
          limit: q.limit ?? 20,
          offset: 0,
          estimatedTotalHits: 0,
          facetDistribution: {},
        })),
      });
    }
    const index = path.match(/^\/indexes\/([^/]+)(\/.*)?$/);
    if (index) {
      const uid = decodeURIComponent(index[1]!);
      const rest = index[2] ?? "";
      if (rest === "" && method === "GET") {
        if (this.getIndexFailure)
          return send(this.getIndexFailure, {
            code: "invalid_api_key",
            message: "The provided API key is invalid.",
            type: "auth",
            link: "",
          });
        if (!this.indexes.has(uid)) return send(404, notFound(uid));
        return send(200, { uid, primaryKey: this.indexes.get(uid), createdAt: "", updatedAt: "" });
      }
      if (rest === "" && method === "DELETE")
        return enqueue(uid, "indexDeletion", () => (this.indexes.delete(uid) ? null : notFound(uid)));
      if (rest === "" && method === "PATCH")
        return enqueue(uid, "indexUpdate", () => {
          this.indexes.set(uid, (JSON.parse(text) as { primaryKey: string }).primaryKey);
          return null;
        });
      if (rest === "/documents" && method === "POST")
        return enqueue(uid, "documentAdditionOrUpdate", () => {
          if (!this.indexes.has(uid)) this.indexes.set(uid, url.searchParams.get("primaryKey"));
          return null;
        });
      if (rest === "/settings" && method === "PATCH") return enqueue(uid, "settingsUpdate");
      if ((rest === "/documents/delete" || rest === "/documents/delete-batch") && method === "POST")
        return enqueue(uid, "documentDeletion");
    }
    send(404, { code: "not_found", message: `${method} ${path}`, type: "invalid_request", link: "" });
  }
}

const doc = (id: string): SearchDocument => ({
  id,
  type: "organization",
  language: "kk",
  title: "Мектеп",
  body: "Білім беру",
  url: "/organizations/x",
  visibility: { kind: "public" },
});

const recorder = new Recorder();
/** Two engines sharing only the database: one per process (the server's worker and the reindex command). */
const engine = () => new MeiliSearchEngine(recorder.host, undefined, databaseBuildingFlag(database().raw), "eiso");

beforeAll(() => recorder.start());
afterAll(() => recorder.stop());
beforeEach(async () => {
  recorder.reset();
  await database().raw.query(`DELETE FROM "SearchState" WHERE id = $1`, [MEILI_STATE_ROW]);
});

describe("Meilisearch adapter requests", () => {
  it("highlights title and body, and requires every word (matchingStrategy all)", async () => {
    await engine().search({ q: "мектеп білім", audience: ["public"], highlight: true, facets: true, type: "news" });
    const searches = recorder.requests.filter((r) => r.path === "/multi-search");
    expect(searches.length).toBeGreaterThan(0);
    const queries = searches.flatMap((r) => (r.body as { queries: Record<string, unknown>[] }).queries);
    for (const q of queries) expect(q.matchingStrategy).toBe("all");
    expect(queries[0]!.attributesToHighlight).toEqual(["title", "body"]);
    expect(queries[0]!.attributesToCrop).toEqual(["body"]);
  });

  it("searches every reading of Kazakh typed in Latin, the і reading included", async () => {
    await engine().search({ q: "til", audience: ["public"] });
    const [search] = recorder.requests.filter((r) => r.path === "/multi-search");
    const texts = (search!.body as { queries: { q: string }[] }).queries.map((q) => q.q);
    expect(texts).toContain("тіл");
    expect(texts).toEqual(queryReadings(parseQuery("til").words));
  });

  it("sets a search time limit in the index settings", async () => {
    await engine().ensureSchema();
    const settings = recorder.requests.find((r) => r.method === "PATCH" && r.path === "/indexes/eiso/settings");
    expect(settings?.body).toMatchObject({ searchCutoffMs: 3000 });
  });

  it("creates a missing index with the primary key, only when the server says index_not_found", async () => {
    await engine().ensureSchema();
    expect(recorder.writes().find((r) => r.method === "POST" && r.path === "/indexes")?.body).toEqual({
      uid: "eiso",
      primaryKey: "key",
    });
  });

  it("does not take another getIndex error for a missing index", async () => {
    recorder.getIndexFailure = 403;
    await expect(engine().ensureSchema()).rejects.toThrow(/API key/);
    expect(recorder.requests.some((r) => r.method === "POST" && r.path === "/indexes")).toBe(false);
  });

  it("refuses an existing index with another primary key", async () => {
    recorder.indexes.set("eiso", "id");
    await expect(engine().ensureSchema()).rejects.toThrow(/primary key "id"/);
    expect(recorder.requests.some((r) => r.method === "PATCH" && r.path === "/indexes/eiso/settings")).toBe(false);
  });

  it("refuses a server older than 1.18, before any write", async () => {
    recorder.version = "1.17.2";
    await expect(engine().ensureSchema()).rejects.toThrow(/1\.17\.2.*1\.18/);
    await expect(engine().reindex(async function* () {})).rejects.toThrow(/1\.18/);
    expect(recorder.writes()).toEqual([]);
    expect(supportedVersion("1.18.0")).toBe(true);
    expect(supportedVersion("v2.0.0")).toBe(true);
    expect(supportedVersion("1.9.0")).toBe(false);
  });

  it("awaits the delete of a leftover shadow and recreates it with the primary key", async () => {
    recorder.indexes.set("eiso", "key");
    recorder.indexes.set("eiso_shadow", null);
    await engine().reindex(async function* () {
      yield [doc("organization:o1:kk")];
    });
    const at = (pred: (r: Recorded) => boolean) => recorder.requests.findIndex(pred);
    const del = at((r) => r.method === "DELETE" && r.path === "/indexes/eiso_shadow");
    expect(del).toBeGreaterThanOrEqual(0);
    // the delete task is polled until done before the shadow is created again
    const poll = at((r, i = recorder.requests.indexOf(r)) => i > del && r.path.startsWith("/tasks/"));
    const create = at((r) => r.method === "POST" && r.path === "/indexes");
    expect(poll).toBeGreaterThan(del);
    expect(create).toBeGreaterThan(poll);
    expect(recorder.requests[create]!.body).toEqual({ uid: "eiso_shadow", primaryKey: "key" });
    const adds = recorder.requests.filter((r) => r.method === "POST" && r.path.endsWith("/documents"));
    expect(adds.length).toBeGreaterThan(0);
    for (const a of adds) expect(a.query.get("primaryKey")).toBe("key");
    expect(at((r) => r.path === "/swap-indexes")).toBeGreaterThan(create);
  });

  it("shows the building state to another process, which then writes and deletes in both indexes", async () => {
    recorder.indexes.set("eiso", "key");
    const worker = engine();
    let seenByWorker: string[] = [];
    await engine().reindex(async function* () {
      yield [doc("organization:o1:kk")];
      recorder.requests = [];
      await worker.index([doc("organization:o2:kk")]);
      await worker.remove(["organization:o3:kk"]);
      await worker.removePrefix("organization:o4:");
      seenByWorker = recorder
        .writes()
        .map((r) => `${r.method} ${r.path}`)
        .sort();
    });
    expect(seenByWorker).toEqual(
      [
        "POST /indexes/eiso/documents",
        "POST /indexes/eiso_shadow/documents",
        "POST /indexes/eiso/documents/delete-batch",
        "POST /indexes/eiso_shadow/documents/delete-batch",
        "POST /indexes/eiso/documents/delete",
        "POST /indexes/eiso_shadow/documents/delete",
      ].sort(),
    );
    // after the swap the flag is off for everyone: writes go to the live index only
    recorder.requests = [];
    await worker.remove(["organization:o3:kk"]);
    expect(recorder.writes().map((r) => r.path)).toEqual(["/indexes/eiso/documents/delete-batch"]);
  });

  it("clears the building state when the reindex fails", async () => {
    recorder.indexes.set("eiso", "key");
    await expect(
      engine().reindex(async function* () {
        yield [doc("organization:o1:kk")];
        throw new Error("source failed");
      }),
    ).rejects.toThrow("source failed");
    expect(await databaseBuildingFlag(database().raw).get()).toBe(false);
  });

  it("reports the server's version in its health", async () => {
    recorder.version = "1.19.1";
    expect(await engine().health()).toMatchObject({
      ok: true,
      engine: "meilisearch",
      version: "1.19.1",
      documents: 2,
      byType: { news: 2 },
    });
  });

  it("deletes both indexes on cleanup, tolerating a missing shadow", async () => {
    recorder.indexes.set("eiso", "key");
    await engine().dropIndexes();
    expect(recorder.writes().map((r) => `${r.method} ${r.path}`)).toEqual([
      "DELETE /indexes/eiso_shadow",
      "DELETE /indexes/eiso",
    ]);
    expect(recorder.indexes.size).toBe(0);
  });
});
