import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authorizeViewer, loadViewer } from "@/lib/auth/access";
import { updateOrganization } from "@/lib/registry/organizations";
import { organizationUpdate } from "@/lib/registry/schemas";
import { refusal, viewer } from "@/tests/setup/helpers";
import { searchEngine } from "./engine";
import { drainOutbox, reindexAll } from "./outbox";
import { parseSearchParams, searchPortal, suggest, type SearchParams } from "./service";
import type { SearchEngine } from "./types";
import { forumDocument } from "./contract";

const params = (q: string, extra: Partial<SearchParams> = {}): SearchParams => ({ q, page: 1, ...extra });
const urls = async (
  q: string,
  who: Awaited<ReturnType<typeof viewer>> | null = null,
  extra: Partial<SearchParams> = {},
) => (await searchPortal(who, params(q, extra))).result.hits.map((h) => h.url);

beforeAll(async () => {
  await reindexAll(searchEngine());
});

describe("indexers", () => {
  it("index dictionary entries, found in Cyrillic, Kazakh Latin, by translation, with a typo and by prefix", async () => {
    const kitap = await prisma.dictionaryEntry.findFirstOrThrow({ where: { lemma: "кітап" } });
    expect(await urls("кітап")).toContain(`/dictionary/${kitap.slug}`);
    expect(await urls("kitap")).toContain(`/dictionary/${kitap.slug}`);
    expect(await urls("книга")).toContain(`/dictionary/${kitap.slug}`);
    const library = await prisma.dictionaryEntry.findFirstOrThrow({ where: { lemma: "кітапхана" } });
    expect(await urls("кітапхона")).toContain(`/dictionary/${library.slug}`);
    expect(await urls("кітапх")).toContain(`/dictionary/${library.slug}`);
  });

  it("index organisations with public fields only, per language, with their region", async () => {
    const org = await prisma.organization.findFirstOrThrow({
      where: { territoryId: "t110200000", kind: { code: "SCHOOL" } },
      orderBy: { bin: "asc" },
    });
    const r = await searchPortal(null, params(org.nameRu, { language: "ru", type: "organization" }));
    expect(r.result.hits[0]?.url).toBe(`/statistics/organizations/${org.bin}`);
    expect(r.result.hits[0]?.region).toBe("110000000");
    const person = await prisma.person.findFirstOrThrow();
    expect((await searchPortal(null, params(person.iin))).result.total).toBe(0);
  });

  it("index the statistics pages of regions and districts, and the static pages", async () => {
    const kokshetau = await prisma.territory.findUniqueOrThrow({ where: { id: "t110200000" } });
    expect(await urls(kokshetau.nameKk, null, { type: "statistics" })).toContain(`/statistics/${kokshetau.code}`);
    expect(await urls("банк данных", null, { type: "page", language: "ru" })).toContain("/");
    expect(await urls("№ 548", null, { type: "page", language: "kk" })).toContain("/pages/legal");
  });
});

describe("outbox", () => {
  it("an organisation change reaches the index through the outbox, and a failing engine keeps it for retry", async () => {
    const { viewer: v, scope } = authorizeViewer(await loadViewer("u_district"), "registry.organization.write");
    const current = await prisma.organization.findFirstOrThrow({
      where: { territoryId: "t110200000", kind: { code: "SCHOOL" } },
      orderBy: { bin: "desc" },
    });
    const input = organizationUpdate.parse({
      id: current.id,
      version: String(current.version),
      bin: current.bin,
      nameKk: current.nameKk,
      nameRu: "Гимназия Звёздочка",
      nameEn: current.nameEn,
      kindId: current.kindId,
      territoryId: current.territoryId,
      reportsToId: current.reportsToId ?? "",
      languageId: current.languageId ?? "",
      status: current.status,
      address: current.address ?? "",
      isUrban: current.isUrban ? "on" : "",
    });
    await updateOrganization(v, scope, input);
    expect(await prisma.searchOutbox.count({ where: { source: "organization", sourceId: current.id } })).toBe(1);
    expect(await urls("Звёздочка")).toEqual([]);

    const failing = {
      ...searchEngine(),
      name: "postgres",
      index: async () => Promise.reject(new Error("engine down")),
      removePrefix: async () => undefined,
    } as unknown as SearchEngine;
    expect(await drainOutbox(failing)).toEqual({ indexed: 0, failed: 1 });
    const kept = await prisma.searchOutbox.findFirstOrThrow({ where: { sourceId: current.id } });
    expect(kept).toMatchObject({ attempts: 1, lastError: "engine down" });
    expect(kept.notBefore.getTime()).toBeGreaterThan(Date.now());
    // not due yet: nothing happens
    expect(await drainOutbox(searchEngine())).toEqual({ indexed: 0, failed: 0 });

    await prisma.searchOutbox.updateMany({ data: { notBefore: new Date(0) } });
    expect(await drainOutbox(searchEngine())).toEqual({ indexed: 1, failed: 0 });
    expect(await prisma.searchOutbox.count()).toBe(0);
    expect(await urls("Звёздочка")).toEqual([`/statistics/organizations/${current.bin}`]);
  });
});

describe("permissions", () => {
  beforeAll(async () => {
    await searchEngine().index([
      forumDocument("forum-post:h1:kk", "Жасырын жазба жұлдызнама", "жұлдызнама", "/forums/h1", { kind: "hidden" }),
      forumDocument("forum-thread:r1:kk", "Жабық санат жұлдызнама", "жұлдызнама", "/forums/r1", {
        kind: "restricted",
        roles: ["MODERATOR"],
      }),
      forumDocument("forum-thread:r2:kk", "Әкімшілерге жұлдызнама", "жұлдызнама", "/forums/r2", {
        kind: "restricted",
        permissions: ["registry.organization.write"],
      }),
      forumDocument("forum-thread:p1:kk", "Ашық тақырып жұлдызнама", "жұлдызнама", "/forums/p1", { kind: "public" }),
    ]);
  });

  it("a reader never sees hidden or restricted documents", async () => {
    expect(await urls("жұлдызнама")).toEqual(["/forums/p1"]);
    expect(await urls("жұлдызнама", await viewer("u_teacher"))).toEqual(["/forums/p1"]);
  });

  it("a permitted viewer sees restricted documents of their role or permission, never hidden ones", async () => {
    expect((await urls("жұлдызнама", await viewer("u_moderator"))).sort()).toEqual(["/forums/p1", "/forums/r1"]);
    expect((await urls("жұлдызнама", await viewer("u_district"))).sort()).toEqual(["/forums/p1", "/forums/r2"]);
    const facets = (await searchPortal(null, params("жұлдызнама"))).result.facets.type;
    expect(facets).toEqual({ "forum-thread": 1 });
  });

  it("suggests titles the caller may see", async () => {
    expect((await suggest(null, "жұлдызн", "kk")).map((s) => s.url)).toEqual(["/forums/p1"]);
    expect(await suggest(null, "ұ", "kk")).toEqual([]);
  });
});

describe("bad input", () => {
  it("refuses unknown filter names and bad values", async () => {
    expect(
      (await refusal(Promise.resolve().then(() => parseSearchParams(new URLSearchParams("q=a&owner=me"))))).code,
    ).toBe("badRequest");
    expect(
      (await refusal(Promise.resolve().then(() => parseSearchParams(new URLSearchParams("q=a&type=secret"))))).code,
    ).toBe("badRequest");
    expect(
      (await refusal(Promise.resolve().then(() => parseSearchParams(new URLSearchParams("q=a&region=1;drop"))))).code,
    ).toBe("badRequest");
    expect(parseSearchParams(new URLSearchParams("q=мектеп&type=page&page=2"))).toMatchObject({
      q: "мектеп",
      type: "page",
      page: 2,
    });
  });

  it("answers an empty query with a hint, truncates a long one, and reads syntax characters as text", async () => {
    expect(await searchPortal(null, params("  "))).toMatchObject({ hint: "empty", result: { total: 0 } });
    const long = await searchPortal(null, params(`кітап ${"x".repeat(995)}`));
    expect(long.truncated).toBe(true);
    expect([...long.query]).toHaveLength(200);
    // the same documents as the words alone
    const kitap = await urls("кітап");
    expect(kitap.length).toBeGreaterThan(0);
    for (const q of ['"кітап"', "кітап:*", "кітап & !(", "кітап & | ! ( )"]) expect(await urls(q)).toEqual(kitap);
    expect(await urls("' OR 1=1 --")).toEqual(await urls("OR 1 1"));
    // no words at all: the empty query's hint
    for (const q of ["*", ")|("])
      expect(await searchPortal(null, params(q))).toMatchObject({ hint: "empty", result: { total: 0 } });
  });
});
