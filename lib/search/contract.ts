/**
 * One behaviour for every search engine: the PostgreSQL adapter runs it always, Meilisearch when
 * MEILISEARCH_HOST is set. Call inside a test file: engineContract("postgres", () => engine).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HIGHLIGHT_START, type SearchDocument, type SearchEngine } from "./types";

const pub = { kind: "public" } as const;

/** A Kazakh forum post or thread (its type is the first part of its id) with the given visibility. */
export function forumDocument(
  id: `${"forum-post" | "forum-thread"}:${string}`,
  title: string,
  body: string,
  url: string,
  visibility: SearchDocument["visibility"],
): SearchDocument {
  const type = id.startsWith("forum-post:") ? "forum-post" : "forum-thread";
  return { id, type, language: "kk", title, body, url, visibility };
}

export const CONTRACT_DOCUMENTS: SearchDocument[] = [
  {
    id: "page:school:kk",
    type: "page",
    language: "kk",
    title: "Мектеп туралы",
    body: "Бұл мектептің оқушылары мен мұғалімдері туралы ақпарат.",
    url: "/about",
    region: "111",
    subject: "school",
    visibility: pub,
  },
  {
    id: "page:school:ru",
    type: "page",
    language: "ru",
    title: "О школах",
    body: "Сведения о школах, учителях и учениках региона.",
    url: "/about",
    region: "111",
    subject: "school",
    visibility: pub,
  },
  {
    id: "page:school:en",
    type: "page",
    language: "en",
    title: "About schools",
    body: "Information about the schools, teachers and pupils.",
    url: "/about",
    region: "222",
    visibility: pub,
  },
  {
    id: "dictionary-entry:kitap",
    type: "dictionary-entry",
    language: "kk",
    title: "кітап",
    body: "книга book",
    url: "/dictionary/kitap",
    visibility: pub,
  },
  {
    id: "dictionary-entry:kitaphana",
    type: "dictionary-entry",
    language: "kk",
    title: "кітапхана",
    body: "библиотека library",
    url: "/dictionary/kitaphana",
    visibility: pub,
  },
  {
    id: "organization:o1:kk",
    type: "organization",
    language: "kk",
    title: "№1 орта мектеп",
    body: "Көкшетау қаласы",
    url: "/statistics/organizations/1",
    region: "111",
    visibility: pub,
  },
  forumDocument("forum-post:hidden", "Жасырын мектеп хабарламасы", "мектеп", "/forums/x", { kind: "hidden" }),
  forumDocument("forum-post:moderators", "Модераторларға мектеп тақырыбы", "мектеп", "/forums/y", {
    kind: "restricted",
    roles: ["MODERATOR"],
  }),
];

const PUBLIC = ["public"];

/** `cleanup` runs after the suite (an engine on a shared server deletes the indexes the suite created). */
export function engineContract(
  name: string,
  engine: () => SearchEngine | null,
  cleanup?: (engine: SearchEngine) => Promise<void>,
) {
  describe(`search engine contract: ${name}`, () => {
    let e: SearchEngine;
    beforeAll(async () => {
      e = engine()!;
      await e.ensureSchema();
      await e.reindex(async function* () {
        yield CONTRACT_DOCUMENTS;
      });
    }, 120_000);
    afterAll(async () => {
      if (e && cleanup) await cleanup(e);
    }, 120_000);

    const ids = async (q: string, audience = PUBLIC, extra: object = {}) =>
      (await e.search({ q, audience, limit: 50, ...extra })).hits.map((h) => h.id);

    it("finds Kazakh, Russian (stemmed) and English words", async () => {
      expect(await ids("мектеп")).toContain("page:school:kk");
      expect(await ids("школа")).toContain("page:school:ru");
      expect(await ids("teachers")).toContain("page:school:en");
    });

    it("reads Kazakh typed in Latin (2021) and repairs Latin look-alike letters", async () => {
      expect(await ids("mektep")).toContain("page:school:kk");
      expect(await ids("kitap")).toContain("dictionary-entry:kitap");
      // "мeктeп" with Latin e
      expect(await ids("м\u0065кт\u0065п")).toContain("page:school:kk");
    });

    it("finds a word of 5+ letters with one wrong letter", async () => {
      expect(await ids("мектап")).toContain("page:school:kk");
      expect(await ids("кітапхона")).toContain("dictionary-entry:kitaphana");
    });

    it("completes a prefix of the last word", async () => {
      expect(await ids("кітапх")).toContain("dictionary-entry:kitaphana");
      expect(await ids("мек")).toContain("page:school:kk");
    });

    it("never returns hidden documents, and restricted ones only to their audience", async () => {
      const reader = await ids("мектеп");
      expect(reader).not.toContain("forum-post:hidden");
      expect(reader).not.toContain("forum-post:moderators");
      const moderator = await ids("мектеп", ["public", "role:MODERATOR"]);
      expect(moderator).toContain("forum-post:moderators");
      expect(moderator).not.toContain("forum-post:hidden");
      expect(await ids("мектеп", [])).toEqual([]);
    });

    it("counts facets and filters by type, language and region", async () => {
      const r = await e.search({ q: "мектеп", audience: PUBLIC, facets: true });
      expect(r.facets.type.page).toBe(1);
      expect(r.facets.type.organization).toBe(1);
      expect(r.total).toBe(2);
      const filtered = await e.search({ q: "мектеп", audience: PUBLIC, facets: true, type: "organization" });
      expect(filtered.hits.map((h) => h.id)).toEqual(["organization:o1:kk"]);
      expect(filtered.total).toBe(1);
      // the type facet ignores the type filter itself
      expect(filtered.facets.type.page).toBe(1);
      expect(await ids("schools", PUBLIC, { region: "222" })).toEqual(["page:school:en"]);
      expect(await ids("мектеп", PUBLIC, { language: "ru" })).toEqual([]);
    });

    it("marks the matched words", async () => {
      const r = await e.search({ q: "мұғалімдері", audience: PUBLIC, highlight: true });
      expect(r.hits[0]?.snippet).toContain(HIGHLIGHT_START);
    });

    it("treats query syntax characters as text", async () => {
      for (const q of ['"мектеп"', "мектеп:*", "мектеп & | ! ( )", "((", "'", "\\", "*", "a:b", "a' | 'b"]) {
        await expect(e.search({ q, audience: PUBLIC })).resolves.toBeDefined();
      }
      expect(await ids("мектеп & | !")).toContain("page:school:kk");
      expect((await e.search({ q: "мектеп ".repeat(200), audience: PUBLIC })).total).toBeGreaterThan(0);
      expect((await e.search({ q: "   ", audience: PUBLIC })).total).toBe(0);
    });

    it("paginates", async () => {
      const first = await e.search({ q: "мектеп", audience: PUBLIC, limit: 1 });
      const second = await e.search({ q: "мектеп", audience: PUBLIC, limit: 1, offset: 1 });
      expect(first.hits).toHaveLength(1);
      expect(second.hits).toHaveLength(1);
      expect(first.hits[0]!.id).not.toBe(second.hits[0]!.id);
    });

    it("replaces, removes and reindexes", async () => {
      await e.index([{ ...CONTRACT_DOCUMENTS[3]!, title: "кітап", body: "жаңа мазмұн" }]);
      expect(await ids("мазмұн")).toEqual(["dictionary-entry:kitap"]);
      await e.remove(["dictionary-entry:kitap"]);
      expect(await ids("мазмұн")).toEqual([]);
      await e.removePrefix("page:school:");
      expect(await ids("schools")).toEqual([]);
      const written = await e.reindex(async function* () {
        yield CONTRACT_DOCUMENTS.slice(0, 2);
        yield CONTRACT_DOCUMENTS.slice(2, 4);
      });
      expect(written).toBe(4);
      expect(await e.count()).toBe(4);
      expect(await ids("kitap")).toContain("dictionary-entry:kitap");
      expect(await ids("кітапхана")).toEqual([]);
      const health = await e.health();
      expect(health.ok).toBe(true);
      expect(health.byType.page).toBe(3);
    });
  });
}
