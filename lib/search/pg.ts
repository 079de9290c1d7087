/**
 * The embedded search engine: PostgreSQL full-text search in the portal's own database (PGlite or
 * PostgreSQL). One table of documents with a weighted tsvector (title A, body B) made of `simple` lexemes
 * (Kazakh, exact words) plus the stemmed lexemes of the document's language (russian/english); a GIN index
 * on it; a table of words with a trigram index for one-letter typos; prefix matches of the last word with
 * `:*`. A full reindex writes a new generation of rows and switches SearchState.active to it at once.
 */
import type { RawSql } from "../db/driver";
import { normalizeText } from "../text";
import { parseQuery, TYPO_MIN_LENGTH, visibilityTokens, withinOneEdit, type QueryWord } from "./query";
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

/** Longest body indexed (characters); the rest is not searchable. */
const MAX_BODY = 20_000;
/** Rows per INSERT statement. */
const BATCH = 500;
/** Statement timeout of a search on PostgreSQL (ms). */
const STATEMENT_TIMEOUT_MS = 3_000;
/** Most matches counted, faceted and ranked per search (see search()). */
export const MATCH_CAP = 1_000;
const WORD = /[\p{L}\p{N}]+/gu;

const CONFIG_SQL = `CASE d.language WHEN 'ru' THEN 'russian'::regconfig WHEN 'en' THEN 'english'::regconfig ELSE 'simple'::regconfig END`;

const emptyFacets = (): Facets => ({ type: {}, language: {}, region: {} });

interface State {
  active: number;
  building: number | null;
}

interface HitRow {
  id: string;
  type: SearchHit["type"];
  language: SearchHit["language"];
  title: string;
  url: string;
  region: string | null;
  subject: string | null;
  snippet: string | null;
  titleMarked: string | null;
}

export class PgSearchEngine implements SearchEngine {
  readonly name = "postgres" as const;
  /** `reads`: where searches read (the read replica for anonymous requests, lib/db/replica.ts). */
  constructor(
    private readonly raw: RawSql,
    private readonly kind: "pglite" | "postgres",
    private readonly reads: () => RawSql = () => raw,
  ) {}

  async ensureSchema(): Promise<void> {
    // tables and indexes come from the migration; the state row may be missing after a manual cleanup
    await this.raw.query(`INSERT INTO "SearchState" (id, active) VALUES (1, 1) ON CONFLICT (id) DO NOTHING`);
  }

  private async state(raw = this.raw): Promise<State> {
    const rows = await raw.query<State>(`SELECT active, building FROM "SearchState" WHERE id = 1`);
    return rows[0] ?? { active: 1, building: null };
  }

  async index(documents: readonly SearchDocument[]): Promise<void> {
    if (!documents.length) return;
    const { active, building } = await this.state();
    for (const generation of building === null ? [active] : [active, building]) await this.write(generation, documents);
  }

  private async write(generation: number, documents: readonly SearchDocument[]): Promise<void> {
    for (let i = 0; i < documents.length; i += BATCH) {
      const batch = documents.slice(i, i + BATCH);
      const terms = new Set<string>();
      const rows = batch.map((d) => {
        const title = normalizeText(d.title);
        const body = normalizeText(d.body.slice(0, MAX_BODY));
        for (const w of `${title} ${body}`.match(WORD) ?? [])
          if (w.length >= TYPO_MIN_LENGTH && w.length <= 40) terms.add(w);
        return {
          id: d.id,
          type: d.type,
          language: d.language,
          title: d.title,
          body: d.body.slice(0, MAX_BODY),
          url: d.url,
          region: d.region ?? null,
          subject: d.subject ?? null,
          audience: visibilityTokens(d.visibility),
          tn: title,
          bn: body,
        };
      });
      await this.raw.query(
        `INSERT INTO "SearchDocument" (generation, id, type, language, title, body, url, region, subject, audience, "titleNorm", tsv, "updatedAt")
         SELECT $1, d.id, d.type, d.language, d.title, d.body, d.url, d.region, d.subject, d.audience, d.tn,
                setweight(to_tsvector('simple', d.tn), 'A') || setweight(to_tsvector('simple', d.bn), 'B')
                || CASE WHEN d.language IN ('ru', 'en')
                        THEN setweight(to_tsvector(${CONFIG_SQL}, d.tn), 'A') || setweight(to_tsvector(${CONFIG_SQL}, d.bn), 'B')
                        ELSE ''::tsvector END,
                now()
         FROM jsonb_to_recordset($2::jsonb) AS d(id text, type text, language text, title text, body text, url text, region text, subject text, audience text[], tn text, bn text)
         ON CONFLICT (generation, id) DO UPDATE SET type = EXCLUDED.type, language = EXCLUDED.language, title = EXCLUDED.title,
           body = EXCLUDED.body, url = EXCLUDED.url, region = EXCLUDED.region, subject = EXCLUDED.subject, audience = EXCLUDED.audience,
           "titleNorm" = EXCLUDED."titleNorm", tsv = EXCLUDED.tsv, "updatedAt" = now()`,
        [generation, JSON.stringify(rows)],
      );
      if (terms.size)
        await this.raw.query(`INSERT INTO "SearchTerm" (term) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [
          [...terms],
        ]);
    }
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length) await this.raw.query(`DELETE FROM "SearchDocument" WHERE id = ANY($1::text[])`, [[...ids]]);
  }

  async removePrefix(prefix: string): Promise<void> {
    await this.raw.query(`DELETE FROM "SearchDocument" WHERE id LIKE $1`, [
      `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    ]);
  }

  /** Known words within one edit of a word of 5+ letters that is not itself a known word. */
  private async typoForms(words: QueryWord[], raw: RawSql): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    const long = words.flatMap((w) => w.forms.filter((f) => [...f].length >= TYPO_MIN_LENGTH));
    if (!long.length) return out;
    const known = new Set(
      (await raw.query<{ term: string }>(`SELECT term FROM "SearchTerm" WHERE term = ANY($1::text[])`, [long])).map(
        (r) => r.term,
      ),
    );
    for (const [i, w] of words.entries()) {
      const candidates = w.forms.filter((f) => [...f].length >= TYPO_MIN_LENGTH);
      if (!candidates.length || candidates.some((f) => known.has(f))) continue;
      const found = new Set<string>();
      for (const form of candidates.slice(0, 2)) {
        const rows = await raw.query<{ term: string }>(
          `SELECT term FROM "SearchTerm" WHERE term % $1 AND length(term) BETWEEN $2 AND $3 LIMIT 50`,
          [form, [...form].length - 1, [...form].length + 1],
        );
        for (const r of rows) if (withinOneEdit(r.term, form)) found.add(r.term);
      }
      if (found.size) out.set(i, [...found].slice(0, 8));
    }
    return out;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const parsed = parseQuery(query.q);
    if (!parsed.words.length || !query.audience.length) return { total: 0, hits: [], facets: emptyFacets() };
    const raw = this.reads();
    const typos = await this.typoForms(parsed.words, raw);
    // Every form is letters and digits only (parseQuery), so quoting it is enough to keep it a plain lexeme.
    const tsquery = parsed.words
      .map((w, i) => {
        const forms = [
          ...w.forms.map((f) => `'${f}'${w.prefix ? ":*" : ""}`),
          ...(typos.get(i) ?? []).map((t) => `'${t}'`),
        ];
        return `(${forms.join(" | ")})`;
      })
      .join(" & ");
    const limit = Math.min(50, Math.max(1, Math.trunc(query.limit ?? 20)));
    const offset = Math.min(1000, Math.max(0, Math.trunc(query.offset ?? 0)));
    const { active } = await this.state(raw);

    const params: unknown[] = [tsquery, active, [...query.audience]];
    const filterOf = (column: string, value: string | undefined) => {
      if (value === undefined) return null;
      const n = params.push(value);
      return (alias: string) => `${alias}.${column} = $${n}`;
    };
    const f = {
      type: filterOf("type", query.type),
      language: filterOf("language", query.language),
      region: filterOf("region", query.region),
      subject: filterOf("subject", query.subject),
    };
    const where = (alias: string, skip?: keyof typeof f) =>
      (Object.keys(f) as (keyof typeof f)[])
        .filter((k) => k !== skip && f[k])
        .map((k) => f[k]!(alias))
        .concat("TRUE")
        .join(" AND ");
    const filtered = Object.values(f).some(Boolean);
    params.push(limit, offset);
    const [limitParam, offsetParam] = [`$${params.length - 1}`, `$${params.length}`];
    const hl = (text: string, extra: string) =>
      `ts_headline(${CONFIG_SQL.replaceAll("d.language", "p.language")}, ${text}, (SELECT q FROM q), 'StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, ${extra}')`;
    const matches = `d.generation = $2 AND d.audience && $3::text[] AND d.tsv @@ (SELECT q FROM q)`;
    // Matches are counted and ranked up to MATCH_CAP rows (a frequent word must not rank the whole table);
    // beyond it the total is an estimate, as with Meilisearch's maxTotalHits.
    const facetSource = filtered ? "m" : "f";
    const sql = `
      WITH q AS (SELECT to_tsquery('simple', $1) || to_tsquery('russian', $1) || to_tsquery('english', $1) AS q),
      f AS MATERIALIZED (
        SELECT d.id, d.type, d.language, d.region, d.subject, ts_rank(d.tsv, (SELECT q FROM q)) AS rank
        FROM "SearchDocument" d WHERE ${matches} AND ${where("d")} LIMIT ${MATCH_CAP}
      )
      ${query.facets && filtered ? `, m AS MATERIALIZED (SELECT d.type, d.language, d.region, d.subject FROM "SearchDocument" d WHERE ${matches} LIMIT ${MATCH_CAP})` : ""},
      page AS (SELECT f.id, f.rank FROM f ORDER BY f.rank DESC, f.id LIMIT ${limitParam} OFFSET ${offsetParam})
      SELECT 'hit' AS kind, NULL AS facet, NULL AS value, 0 AS n, p.rank, p.id, p.type, p.language, p.title, p.url, p.region, p.subject,
             ${query.highlight ? hl(`p.body`, "MaxWords=28, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=…") : "left(p.body, 200)"} AS snippet,
             ${query.highlight ? hl(`p.title`, "HighlightAll=true") : "NULL"} AS "titleMarked"
      FROM (SELECT d.*, page.rank FROM page JOIN "SearchDocument" d ON d.generation = $2 AND d.id = page.id) p
      UNION ALL SELECT 'total', NULL, NULL, count(*)::int, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM f
      ${
        query.facets
          ? `UNION ALL SELECT 'facet', 'type', m.type, count(*)::int, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM ${facetSource} m WHERE ${where("m", "type")} GROUP BY m.type
             UNION ALL SELECT 'facet', 'language', m.language, count(*)::int, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM ${facetSource} m WHERE ${where("m", "language")} GROUP BY m.language
             UNION ALL SELECT 'facet', 'region', m.region, count(*)::int, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM ${facetSource} m WHERE m.region IS NOT NULL AND ${where("m", "region")} GROUP BY m.region`
          : ""
      }`;
    type Row = HitRow & {
      kind: "hit" | "total" | "facet";
      facet: keyof Facets | null;
      value: string | null;
      n: number;
      rank: number;
    };
    const rows = await this.timed<Row>(raw, sql, params);
    const result: SearchResult = { total: 0, hits: [], facets: emptyFacets() };
    for (const r of rows) {
      if (r.kind === "total") result.total = Number(r.n);
      else if (r.kind === "facet" && r.facet && r.value !== null) result.facets[r.facet][r.value] = Number(r.n);
    }
    result.estimated = result.total >= MATCH_CAP;
    result.hits = rows
      .filter((r) => r.kind === "hit")
      .sort((a, b) => b.rank - a.rank || (a.id < b.id ? -1 : 1))
      .map((r) => ({
        id: r.id,
        type: r.type,
        language: r.language,
        title: query.highlight && r.titleMarked ? r.titleMarked : r.title,
        url: r.url,
        region: r.region,
        subject: r.subject,
        snippet: r.snippet ?? "",
      }));
    return result;
  }

  /** Runs a search statement under a statement timeout on PostgreSQL (PGlite runs in this process). */
  private async timed<T>(raw: RawSql, sql: string, params: unknown[]): Promise<T[]> {
    if (this.kind !== "postgres") return raw.query<T>(sql, params);
    return raw.session(async (s) => {
      await s.exec("BEGIN");
      try {
        await s.exec(`SET LOCAL statement_timeout = ${STATEMENT_TIMEOUT_MS}`);
        const rows = await s.query<T>(sql, params);
        await s.exec("COMMIT");
        return rows;
      } catch (error) {
        await s.exec("ROLLBACK").catch(() => undefined);
        throw error;
      }
    });
  }

  async reindex(
    source: () => AsyncIterable<readonly SearchDocument[]>,
    progress?: (written: number) => void,
  ): Promise<number> {
    const { active, building } = await this.state();
    const generation = Math.max(active, building ?? 0) + 1;
    await this.raw.query(`DELETE FROM "SearchDocument" WHERE generation = $1`, [generation]);
    await this.raw.query(`UPDATE "SearchState" SET building = $1 WHERE id = 1`, [generation]);
    let written = 0;
    try {
      for await (const batch of source()) {
        await this.write(generation, batch);
        written += batch.length;
        progress?.(written);
      }
    } catch (error) {
      await this.raw.query(`UPDATE "SearchState" SET building = NULL, "lastError" = $1 WHERE id = 1`, [
        String((error as Error).message).slice(0, 500),
      ]);
      await this.raw.query(`DELETE FROM "SearchDocument" WHERE generation = $1`, [generation]);
      throw error;
    }
    await this.raw.query(
      `UPDATE "SearchState" SET active = $1, building = NULL, "reindexedAt" = now(), "lastError" = NULL WHERE id = 1`,
      [generation],
    );
    await this.raw.query(`DELETE FROM "SearchDocument" WHERE generation <> $1`, [generation]);
    return written;
  }

  async count(): Promise<number> {
    const { active } = await this.state();
    const rows = await this.raw.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "SearchDocument" WHERE generation = $1`,
      [active],
    );
    return Number(rows[0]?.n ?? 0);
  }

  async health(): Promise<EngineHealth> {
    try {
      const { active } = await this.state();
      const rows = await this.raw.query<{ type: string; n: number }>(
        `SELECT type, count(*)::int AS n FROM "SearchDocument" WHERE generation = $1 GROUP BY type`,
        [active],
      );
      const byType = Object.fromEntries(rows.map((r) => [r.type, Number(r.n)]));
      const [server] = await this.raw.query<{ server_version: string }>(`SHOW server_version`);
      const version = server?.server_version;
      return { ok: true, engine: "postgres", documents: rows.reduce((s, r) => s + Number(r.n), 0), byType, version };
    } catch (error) {
      return { ok: false, engine: "postgres", documents: 0, byType: {}, error: (error as Error).message };
    }
  }
}
