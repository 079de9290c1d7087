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
  type EnqueuedTaskPromise,
  type Settings,
  type MultiSearchQuery,
  type SearchResponse,
} from "meilisearch";
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
  };
}

const keyOf = (id: string) => Buffer.from(id, "utf8").toString("base64url");
const parentOf = (id: string) => id.split(":").slice(0, 2).join(":");
const quote = (v: string) => JSON.stringify(v);

export class MeiliSearchEngine implements SearchEngine {
  readonly name = "meilisearch" as const;
  private readonly client: Meilisearch;
  private building = false;

  constructor(
    host: string,
    apiKey: string | undefined,
    private readonly uid = "eiso",
  ) {
    this.client = new Meilisearch({ host, apiKey });
  }

  private get shadow() {
    return `${this.uid}_shadow`;
  }

  /** Waits for a task and throws when it did not succeed. */
  private async done(task: EnqueuedTaskPromise): Promise<void> {
    const result = await task.waitTask({ timeout: 60_000 });
    if (result.status !== "succeeded")
      throw new Error(`Meilisearch task ${result.uid} ${result.status}: ${result.error?.message ?? "no detail"}`);
  }

  private async ensureIndex(uid: string): Promise<void> {
    try {
      await this.client.getIndex(uid);
    } catch {
      await this.done(this.client.createIndex(uid, { primaryKey: "key" }));
    }
    await this.done(this.client.index(uid).updateSettings(meiliSettings()));
  }

  async ensureSchema(): Promise<void> {
    await this.ensureIndex(this.uid);
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
    await this.done(this.client.index(this.uid).addDocuments(docs));
    if (this.building) await this.done(this.client.index(this.shadow).addDocuments(docs));
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length) await this.done(this.client.index(this.uid).deleteDocuments(ids.map(keyOf)));
  }

  /** `prefix` is "<type>:<source id>:" (every language of one source row). */
  async removePrefix(prefix: string): Promise<void> {
    await this.done(
      this.client.index(this.uid).deleteDocuments({ filter: `parent = ${quote(prefix.replace(/:$/, ""))}` }),
    );
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const empty: SearchResult = { total: 0, hits: [], facets: { type: {}, language: {}, region: {} } };
    const parsed = parseQuery(query.q);
    if (!parsed.words.length || !query.audience.length) return empty;
    const limit = Math.min(50, Math.max(1, Math.trunc(query.limit ?? 20)));
    const offset = Math.min(1000, Math.max(0, Math.trunc(query.offset ?? 0)));
    const literal = parsed.words.map((w) => w.forms[0]).join(" ");
    // Kazakh typed in Latin: the Cyrillic reading is searched too, and the reading with more hits wins.
    const cyrillic = parsed.words.map((w) => w.forms.at(-1)).join(" ");
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
      attributesToHighlight: query.highlight ? ["title"] : undefined,
      attributesToCrop: ["body"],
      cropLength: 30,
      highlightPreTag: HIGHLIGHT_START,
      highlightPostTag: HIGHLIGHT_END,
      showMatchesPosition: false,
      attributesToSearchOn: ["title", "body"],
    });
    const texts = literal === cyrillic ? [literal] : [literal, cyrillic];
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
          queries: own.map((n) => ({ indexUid: this.uid, q: chosen, filter: filterWithout(n), limit: 0, facets: [n] })),
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
    await this.ensureIndex(this.uid);
    await this.client.deleteIndexIfExists(this.shadow);
    await this.ensureIndex(this.shadow);
    this.building = true;
    let written = 0;
    try {
      for await (const batch of source()) {
        if (batch.length)
          await this.done(this.client.index(this.shadow).addDocuments(batch.map((d) => this.toMeili(d))));
        written += batch.length;
        progress?.(written);
      }
      await this.done(this.client.swapIndexes([{ indexes: [this.uid, this.shadow], rename: false }]));
    } finally {
      this.building = false;
    }
    await this.done(this.client.deleteIndex(this.shadow));
    return written;
  }

  async count(): Promise<number> {
    return (await this.client.index(this.uid).getStats()).numberOfDocuments;
  }

  async health(): Promise<EngineHealth> {
    try {
      await this.client.health();
      const r = await this.client.index(this.uid).search("", { limit: 0, facets: ["type"] });
      const byType = { ...(r.facetDistribution?.type ?? {}) };
      return { ok: true, engine: "meilisearch", documents: await this.count(), byType };
    } catch (error) {
      return { ok: false, engine: "meilisearch", documents: 0, byType: {}, error: (error as Error).message };
    }
  }
}
