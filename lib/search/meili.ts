/**
 * The production search engine: Meilisearch through its official client, chosen when MEILISEARCH_HOST is
 * set. Every write waits for its task and checks the task's status: a failed task resolves normally in the
 * client, so it is turned into an error here (the outbox keeps the change and retries).
 *
 * Document ids contain ":", which Meilisearch does not accept as a primary key, so the key is the id in
 * base64url; `parent` ("<type>:<source id>") lets removePrefix delete every language of one source row.
 */
import {
  Meilisearch,
  MeilisearchApiError,
  type EnqueuedTaskPromise,
  type Settings,
  type MultiSearchQuery,
  type SearchResponse,
} from "meilisearch";
import type { RawSql } from "../db/driver";
import { cyrToLat } from "../text";
import { parseQuery, visibilityTokens } from "./query";
import {
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  type EngineHealth,
  type Facets,
  type SearchDocument,
  type SearchEngine,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from "./types";

interface MeiliDocument {
  key: string;
  id: string;
  parent: string;
  type: string;
  language: string;
  title: string;
  body: string;
  url: string;
  region: string | null;
  subject: string | null;
  audience: string[];
}

/** Words of the portal that people type in both scripts; Meilisearch treats each pair as one word. */
const SYNONYM_WORDS = [
  "мектеп",
  "білім",
  "оқушы",
  "мұғалім",
  "кітап",
  "сөздік",
  "статистика",
  "балабақша",
  "колледж",
  "университет",
  "облыс",
  "аудан",
  "қала",
  "сынып",
  "бағалау",
];

export function meiliSettings(): Settings {
  const synonyms: Record<string, string[]> = {};
  for (const w of SYNONYM_WORDS) {
    const latin = cyrToLat(w).toLowerCase();
    synonyms[w] = [latin];
    synonyms[latin] = [w];
  }
  return {
    searchableAttributes: ["title", "body"],
    filterableAttributes: ["type", "language", "region", "subject", "audience", "parent"],
    sortableAttributes: ["type", "title"],
    displayedAttributes: ["id", "type", "language", "title", "body", "url", "region", "subject"],
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    synonyms,
    // like the PostgreSQL engine, a search stops after 3 s and answers with what it found so far
    searchCutoffMs: 3000,
  };
}

/** The oldest server accepted: the reindex swap uses `rename`, which appeared in v1.18. */
export const MIN_MEILISEARCH_VERSION = [1, 18] as const;

/** True when a version string ("1.18.0", "v1.20.1-rc.0") is at least MIN_MEILISEARCH_VERSION. */
export function supportedVersion(version: string): boolean {
  const [major = 0, minor = 0] = (version.replace(/^v/, "").match(/\d+/g) ?? []).map(Number);
  return (
    major > MIN_MEILISEARCH_VERSION[0] || (major === MIN_MEILISEARCH_VERSION[0] && minor >= MIN_MEILISEARCH_VERSION[1])
  );
}

/**
 * Whether a reindex is building the shadow index, shared by every process (the web server's outbox worker
 * and `npm run search:reindex`): while it is set, every write also goes to the shadow so nothing is lost at
 * the swap.
 */
export interface BuildingFlag {
  get(): Promise<boolean>;
  set(building: boolean): Promise<void>;
}

/** Row of SearchState that holds the Meilisearch flag (row 1 belongs to the PostgreSQL engine). */
export const MEILI_STATE_ROW = 2;

/** The flag in the database's SearchState table (`building` = 1 while a reindex builds the shadow). */
export function databaseBuildingFlag(raw: RawSql): BuildingFlag {
  return {
    async get() {
      const rows = await raw.query<{ building: number | null }>(`SELECT building FROM "SearchState" WHERE id = $1`, [
        MEILI_STATE_ROW,
      ]);
      return rows[0]?.building != null;
    },
    async set(building) {
      await raw.query(
        `INSERT INTO "SearchState" (id, active, building) VALUES ($1, 1, $2)
         ON CONFLICT (id) DO UPDATE SET building = EXCLUDED.building`,
        [MEILI_STATE_ROW, building ? 1 : null],
      );
    },
  };
}

/** Readings of the query to search: the i-th spelling of every word, each distinct combination once. */
export function queryReadings(words: readonly { forms: readonly string[] }[]): string[] {
  const most = Math.max(0, ...words.map((w) => w.forms.length));
  const out = new Set<string>();
  for (let i = 0; i < most; i++) out.add(words.map((w) => w.forms[Math.min(i, w.forms.length - 1)]).join(" "));
  return [...out];
}

const keyOf = (id: string) => Buffer.from(id, "utf8").toString("base64url");
const parentOf = (id: string) => id.split(":").slice(0, 2).join(":");
const quote = (v: string) => JSON.stringify(v);

export class MeiliSearchEngine implements SearchEngine {
  readonly name = "meilisearch" as const;
  private readonly client: Meilisearch;
  private versionChecked = false;

  constructor(
    host: string,
    apiKey: string | undefined,
    private readonly building: BuildingFlag,
    private readonly uid = "eiso",
  ) {
    this.client = new Meilisearch({ host, apiKey, timeout: 30_000 });
  }

  private get shadow() {
    return `${this.uid}_shadow`;
  }

  /** Waits for a task and throws when it did not succeed (unless it failed with the error code `allowed`). */
  private async done(task: EnqueuedTaskPromise, allowed?: string): Promise<void> {
    const result = await task.waitTask({ timeout: 60_000 });
    if (result.status !== "succeeded" && !(allowed && result.error?.code === allowed))
      throw new Error(`Meilisearch task ${result.uid} ${result.status}: ${result.error?.message ?? "no detail"}`);
  }

  /** Refuses a server older than MIN_MEILISEARCH_VERSION (the swap with `rename` would fail after a build). */
  private async checkVersion(): Promise<void> {
    if (this.versionChecked) return;
    const { pkgVersion } = await this.client.getVersion();
    if (!supportedVersion(pkgVersion))
      throw new Error(
        `Meilisearch ${pkgVersion} is not supported: version ${MIN_MEILISEARCH_VERSION.join(".")} or newer is required`,
      );
    this.versionChecked = true;
  }

  /** Creates the index only when the server says it is missing, and insists on the primary key `key`. */
  private async ensureIndex(uid: string): Promise<void> {
    let primaryKey: string | undefined;
    try {
      primaryKey = (await this.client.getIndex(uid)).primaryKey;
    } catch (error) {
      if (!(error instanceof MeilisearchApiError) || error.cause?.code !== "index_not_found") throw error;
      await this.done(this.client.createIndex(uid, { primaryKey: "key" }));
      primaryKey = "key";
    }
    if (primaryKey == null) await this.done(this.client.updateIndex(uid, { primaryKey: "key" }));
    else if (primaryKey !== "key")
      throw new Error(`Meilisearch index ${uid} has the primary key "${primaryKey}" instead of "key"; delete it`);
    await this.done(this.client.index(uid).updateSettings(meiliSettings()));
  }

  async ensureSchema(): Promise<void> {
    await this.checkVersion();
    await this.ensureIndex(this.uid);
  }

  /** The live index, and the shadow while a reindex (in any process) builds it. */
  private async targets(): Promise<string[]> {
    return (await this.building.get()) ? [this.uid, this.shadow] : [this.uid];
  }

  private toMeili(d: SearchDocument): MeiliDocument {
    return {
      key: keyOf(d.id),
      id: d.id,
      parent: parentOf(d.id),
      type: d.type,
      language: d.language,
      title: d.title,
      body: d.body.slice(0, 20_000),
      url: d.url,
      region: d.region ?? null,
      subject: d.subject ?? null,
      audience: visibilityTokens(d.visibility),
    };
  }

  async index(documents: readonly SearchDocument[]): Promise<void> {
    if (!documents.length) return;
    const docs = documents.map((d) => this.toMeili(d));
    for (const uid of await this.targets())
      await this.done(this.client.index(uid).addDocuments(docs, { primaryKey: "key" }));
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    for (const uid of await this.targets()) await this.done(this.client.index(uid).deleteDocuments(ids.map(keyOf)));
  }

  /** `prefix` is "<type>:<source id>:" (every language of one source row). */
  async removePrefix(prefix: string): Promise<void> {
    const filter = `parent = ${quote(prefix.replace(/:$/, ""))}`;
    for (const uid of await this.targets()) await this.done(this.client.index(uid).deleteDocuments({ filter }));
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const empty: SearchResult = { total: 0, hits: [], facets: { type: {}, language: {}, region: {} } };
    const parsed = parseQuery(query.q);
    if (!parsed.words.length || !query.audience.length) return empty;
    const limit = Math.min(50, Math.max(1, Math.trunc(query.limit ?? 20)));
    const offset = Math.min(1000, Math.max(0, Math.trunc(query.offset ?? 0)));
    // Kazakh typed in Latin: every reading ("til" → тіл, тил) is searched too, and the one with most hits wins.
    const texts = queryReadings(parsed.words);
    const base = `audience IN [${query.audience.map(quote).join(", ")}]`;
    const clause = (name: "type" | "language" | "region" | "subject") =>
      query[name] === undefined ? null : `${name} = ${quote(query[name]!)}`;
    const filterWithout = (skip?: string) =>
      [base, ...(["type", "language", "region", "subject"] as const).filter((n) => n !== skip).map(clause)]
        .filter(Boolean)
        .join(" AND ");
    const main = (q: string): MultiSearchQuery => ({
      indexUid: this.uid,
      q,
      filter: filterWithout(),
      limit,
      offset,
      facets: query.facets ? ["type", "language", "region"] : undefined,
      // every word must match, as in the PostgreSQL engine (the server's default "last" drops words)
      matchingStrategy: "all",
      // the server highlights nothing in an attribute that is only cropped
      attributesToHighlight: query.highlight ? ["title", "body"] : undefined,
      attributesToCrop: ["body"],
      cropLength: 30,
      highlightPreTag: HIGHLIGHT_START,
      highlightPostTag: HIGHLIGHT_END,
      showMatchesPosition: false,
      attributesToSearchOn: ["title", "body"],
    });
    const { results } = await this.client.multiSearch({ queries: texts.map(main) });
    const best = (results as unknown as SearchResponse<MeiliDocument>[]).reduce((a, b) =>
      (b.estimatedTotalHits ?? 0) > (a.estimatedTotalHits ?? 0) ? b : a,
    );
    const chosen = texts[(results as unknown[]).indexOf(best)]!;
    const facets: Facets = { type: {}, language: {}, region: {} };
    for (const name of ["type", "language", "region"] as const)
      Object.assign(facets[name], best.facetDistribution?.[name] ?? {});
    if (query.facets) {
      // each facet counts without its own filter, so the other values stay visible
      const own = (["type", "language", "region"] as const).filter((n) => query[n] !== undefined);
      if (own.length) {
        const extra = await this.client.multiSearch({
          queries: own.map((n) => ({
            indexUid: this.uid,
            q: chosen,
            filter: filterWithout(n),
            limit: 0,
            facets: [n],
            matchingStrategy: "all" as const,
          })),
        });
        own.forEach((n, i) => (facets[n] = { ...(extra.results[i]!.facetDistribution?.[n] ?? {}) }));
      }
    }
    const hits: SearchHit[] = best.hits.map((h) => ({
      id: h.id,
      type: h.type as SearchHit["type"],
      language: h.language as SearchHit["language"],
      title: (query.highlight ? h._formatted?.title : undefined) ?? h.title,
      url: h.url,
      region: h.region ?? null,
      subject: h.subject ?? null,
      snippet: (h._formatted?.body as string | undefined) ?? h.body.slice(0, 200),
    }));
    const total = best.estimatedTotalHits ?? hits.length;
    return { total, estimated: total >= 1000, hits, facets };
  }

  async reindex(
    source: () => AsyncIterable<readonly SearchDocument[]>,
    progress?: (written: number) => void,
  ): Promise<number> {
    await this.checkVersion();
    await this.ensureIndex(this.uid);
    // a leftover shadow is gone before it is created again with its primary key
    await this.dropShadow();
    await this.ensureIndex(this.shadow);
    await this.building.set(true);
    let written = 0;
    try {
      for await (const batch of source()) {
        if (batch.length)
          await this.done(
            this.client.index(this.shadow).addDocuments(
              batch.map((d) => this.toMeili(d)),
              { primaryKey: "key" },
            ),
          );
        written += batch.length;
        progress?.(written);
      }
      await this.done(this.client.swapIndexes([{ indexes: [this.uid, this.shadow], rename: false }]));
    } finally {
      await this.building.set(false);
    }
    await this.done(this.client.deleteIndex(this.shadow));
    return written;
  }

  private async dropShadow(): Promise<void> {
    await this.done(this.client.deleteIndex(this.shadow), "index_not_found");
  }

  /** Deletes the live and shadow indexes (the contract suite cleans up after itself). */
  async dropIndexes(): Promise<void> {
    await this.dropShadow();
    await this.done(this.client.deleteIndex(this.uid), "index_not_found");
  }

  async count(): Promise<number> {
    return (await this.client.index(this.uid).getStats()).numberOfDocuments;
  }

  async health(): Promise<EngineHealth> {
    try {
      await this.client.health();
      const { pkgVersion: version } = await this.client.getVersion();
      const r = await this.client.index(this.uid).search("", { limit: 0, facets: ["type"] });
      const byType = { ...(r.facetDistribution?.type ?? {}) };
      return { ok: true, engine: "meilisearch", documents: await this.count(), byType, version };
    } catch (error) {
      return { ok: false, engine: "meilisearch", documents: 0, byType: {}, error: (error as Error).message };
    }
  }
}
