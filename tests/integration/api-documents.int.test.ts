/**
 * The OpenAPI documents of the public APIs describe what the APIs really answer: real answers of the route
 * handlers (ratings, open data, dictionary, search, packages, certificate verification) over the seeded
 * database, good and bad requests, are validated with ajv against the generated documents.
 */
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { seedRatings } from "@/prisma/seed/ratings";
import { ratingsOpenApi } from "@/lib/ratings/openapi";
import { openApiDocument } from "@/lib/databank/openapi";
import { dictionaryOpenApi } from "@/lib/dictionary/openapi";
import { searchOpenApi } from "@/lib/search/openapi";
import { packagesOpenApi } from "@/lib/packages/openapi";
import { certificatesOpenApi } from "@/lib/services/certificates-api";
import { OPENAPI_DOCUMENTS } from "@/lib/openapi";

// Outside Next.js there is no data cache: cached reads run every time. Public routes read no session.
vi.mock("next/cache", () => ({
  unstable_cache: <F>(fn: F) => fn,
  revalidateTag: () => undefined,
  updateTag: () => undefined,
  refresh: () => undefined,
}));
vi.mock("@/lib/auth/viewer", () => ({
  getViewer: async () => null,
  authorize: async () => {
    throw new Error("no session in these tests");
  },
}));

const { GET: ratings } = await import("@/app/api/v1/ratings/route");
const { GET: stats } = await import("@/app/api/v1/stats/route");
const { GET: lookup } = await import("@/app/api/v1/dictionary/route");
const { GET: entry } = await import("@/app/api/v1/dictionary/entries/[slug]/route");
const { GET: wordOfTheDay } = await import("@/app/api/v1/dictionary/word-of-the-day/route");
const { GET: search } = await import("@/app/api/v1/search/route");
const { GET: suggest } = await import("@/app/api/v1/search/suggest/route");
const { GET: serverKey } = await import("@/app/api/v1/packages/server-key/route");
const { GET: receipt } = await import("@/app/api/v1/packages/[id]/receipt/route");
const { POST: sendPackage } = await import("@/app/api/v1/packages/route");
const { POST: checkReceipt } = await import("@/app/api/v1/packages/receipts/check/route");
const { GET: verify } = await import("@/app/api/v1/services/certificates/verify/route");

type Operation = { responses: Record<string, { content: Record<string, { schema: object }> }> };
type Doc = { servers: { url: string }[]; paths: Record<string, Record<string, Operation & { operationId: string }>> };

/** A validator of the JSON answer with `status` of an operation (its exact status, else its range "4XX"). */
function validator(doc: Doc, status: string, path?: string, method = "get") {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const operation = (path ? doc.paths[path] : Object.values(doc.paths)[0])![method]!;
  const response = operation.responses[status] ?? operation.responses[`${status[0]}XX`];
  expect(response, `${method} ${path ?? ""} documents ${status}`).toBeDefined();
  return ajv.compile(response!.content["application/json"]!.schema);
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const call = (handler: Handler, query: string, params: Record<string, string> = {}, init?: RequestInit) =>
  handler(new Request(`http://localhost/api/v1/x?${query}`, init), { params: Promise.resolve(params) });

async function expectValid(doc: Doc, response: Response, path?: string, method = "get") {
  expect(response.headers.get("content-type")).toContain("application/json");
  const validate = validator(doc, String(response.status), path, method);
  const body: unknown = await response.json();
  const valid = validate(body);
  expect(validate.errors ?? [], JSON.stringify(body).slice(0, 300)).toEqual([]);
  expect(valid).toBe(true);
  return body;
}

describe("every public API document", () => {
  const documents = [
    openApiDocument(),
    ratingsOpenApi(),
    dictionaryOpenApi(),
    searchOpenApi(),
    packagesOpenApi(),
    certificatesOpenApi(),
  ] as Doc[];

  it("is OpenAPI 3.1 with the public origin as its server and an operationId on every operation", () => {
    expect(documents).toHaveLength(OPENAPI_DOCUMENTS.length);
    const ids = new Set<string>();
    for (const doc of documents) {
      expect((doc as unknown as { openapi: string }).openapi).toBe("3.1.0");
      expect(doc.servers).toEqual([expect.objectContaining({ url: "http://localhost:3000" })]);
      for (const operations of Object.values(doc.paths))
        for (const operation of Object.values(operations)) {
          expect(operation.operationId).toMatch(/^[a-zA-Z]+$/);
          expect(ids.has(operation.operationId)).toBe(false);
          ids.add(operation.operationId);
        }
    }
  });

  it("is served at the address /open-data lists", async () => {
    for (const { path } of OPENAPI_DOCUMENTS) {
      const handler = (await import(`@/app${path}/route`)) as { GET: Handler };
      const response = await call(handler.GET, "");
      expect(response.status).toBe(200);
      const body = (await response.json()) as Doc;
      expect(Object.keys(body.paths).length).toBeGreaterThan(0);
    }
  });
});

describe("the ratings API answers as its OpenAPI document says", () => {
  const doc = ratingsOpenApi() as Doc;

  beforeAll(async () => {
    await seedRatings(prisma);
  }, 120_000);

  it("lists the published ratings", async () => {
    const response = await call(ratings, "locale=en");
    expect(response.status).toBe(200);
    const body = (await expectValid(doc, response)) as { ratings: { method: string }[] };
    expect(body.ratings.length).toBeGreaterThan(0);
  });

  it("gives every published rating with its inputs, in every language", async () => {
    const { ratings: list } = (await (await call(ratings, "")).json()) as {
      ratings: { method: string; years: number[] }[];
    };
    for (const { method, years } of list)
      for (const year of years)
        for (const locale of ["kk", "ru", "en"]) {
          const response = await call(ratings, `method=${method}&year=${year}&locale=${locale}`);
          expect(response.status).toBe(200);
          const body = (await expectValid(doc, response)) as { entities: unknown[] };
          expect(body.entities.length).toBeGreaterThan(0);
        }
  });

  it("answers a malformed parameter, an unsupported locale and an unknown rating in the documented shape", async () => {
    for (const query of ["year=20x5", "locale=de", "format=xml", "method=Bad%20Code"]) {
      const response = await call(ratings, `${query}`);
      expect(response.status).toBe(400);
      await expectValid(doc, response);
    }
    const de = (await (await call(ratings, "locale=de")).json()) as { error: { message: string } };
    expect(de.error.message).toContain("locale");
    const missing = await call(ratings, "method=no-such-rating");
    expect(missing.status).toBe(404);
    await expectValid(doc, missing);
  });
});

describe("the open data API answers as its OpenAPI document says", () => {
  const doc = openApiDocument() as Doc;

  it.each([
    "indicator=students&by=region&year=2025&locale=en",
    "indicator=teachers&by=organization,qualification&year=2025",
    "indicator=students,teachers&by=region,year&locale=ru",
    "indicator=students&by=sex,grade&territory=110000000",
  ])("%s", async (query) => {
    const response = await call(stats, query);
    expect(response.status).toBe(200);
    const body = (await expectValid(doc, response)) as { cells: unknown[] };
    expect(body.cells.length).toBeGreaterThan(0);
  });

  it("refuses bad parameters and an unsupported locale with a 400 naming them", async () => {
    for (const [query, named] of [
      ["by=foo&locale=en", "foo"],
      ["colour=red&locale=en", "colour"],
      ["locale=de", "locale"],
    ] as const) {
      const response = await call(stats, query);
      expect(response.status).toBe(400);
      const body = (await expectValid(doc, response)) as { error: { message: string } };
      expect(body.error.message).toContain(named);
    }
  });
});

describe("the dictionary API answers as its OpenAPI document says", () => {
  const doc = dictionaryOpenApi() as Doc;

  it("looks words up in every direction and gives entries and the word of the day", async () => {
    for (const query of ["q=мектеп&locale=ru", "q=mektep&to=en", "q=школа&from=ru", "q=", "q=мектепх&limit=3"]) {
      const response = await call(lookup, query);
      expect(response.status).toBe(200);
      await expectValid(doc, response, "/api/v1/dictionary");
    }
    const found = (await (await call(lookup, "q=мектеп")).json()) as { results: { slug: string }[] };
    expect(found.results.length).toBeGreaterThan(0);
    const one = await call(entry, "locale=en", { slug: found.results[0]!.slug });
    expect(one.status).toBe(200);
    await expectValid(doc, one, "/api/v1/dictionary/entries/{slug}");
    const today = await call(wordOfTheDay, "");
    await expectValid(doc, today, "/api/v1/dictionary/word-of-the-day");
  });

  it("refuses bad parameters and answers an unknown entry in the documented shape", async () => {
    for (const query of ["q=a&from=de", "q=a&limit=0", "q=a&from=kk&to=kk", "q=a&locale=de"]) {
      const response = await call(lookup, query);
      expect(response.status).toBe(400);
      await expectValid(doc, response, "/api/v1/dictionary");
    }
    const missing = await call(entry, "", { slug: "no-such-entry" });
    expect(missing.status).toBe(404);
    await expectValid(doc, missing, "/api/v1/dictionary/entries/{slug}");
  });
});

describe("the search APIs answer as their OpenAPI document says", () => {
  const doc = searchOpenApi() as Doc;

  beforeAll(async () => {
    const [{ reindexAll }, { searchEngine }] = await Promise.all([
      import("@/lib/search/outbox"),
      import("@/lib/search/engine"),
    ]);
    await reindexAll(searchEngine());
  }, 120_000);

  it("gives hits with plain snippets, match offsets and <mark>, and URLs in the locale", async () => {
    const response = await call(search, "q=мектеп&locale=ru");
    expect(response.status).toBe(200);
    const body = (await expectValid(doc, response, "/api/v1/search")) as {
      result: {
        hits: { url: string; snippet: string; snippetHtml: string; highlights: { start: number; end: number }[] }[];
      };
    };
    expect(body.result.hits.length).toBeGreaterThan(0);
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/\\u000[23]|[\u0002\u0003]/);
    for (const hit of body.result.hits) {
      expect(hit.url).toMatch(/^\/ru(\/|$)/);
      for (const h of hit.highlights) expect(hit.snippet.slice(h.start, h.end).length).toBeGreaterThan(0);
    }
    expect(body.result.hits.some((h) => h.highlights.length > 0 && h.snippetHtml.includes("<mark>"))).toBe(true);
    const suggestions = await call(suggest, "q=мект&locale=en");
    expect(suggestions.status).toBe(200);
    const list = (await expectValid(doc, suggestions, "/api/v1/search/suggest")) as { suggestions: { url: string }[] };
    expect(list.suggestions.length).toBeGreaterThan(0);
    for (const s of list.suggestions) expect(s.url).toMatch(/^\/en(\/|$)/);
  });

  it("refuses bad parameters in the documented shape", async () => {
    for (const query of ["q=x&type=secret", "q=x&page=0", "q=x&colour=red", "q=x&locale=de"]) {
      const response = await call(search, query);
      expect(response.status).toBe(400);
      await expectValid(doc, response, "/api/v1/search");
    }
    for (const query of ["q=x&locale=de", "q=x&colour=red"]) {
      const response = await call(suggest, query);
      expect(response.status).toBe(400);
      await expectValid(doc, response, "/api/v1/search/suggest");
    }
  });
});

describe("the package APIs answer as their OpenAPI document says", () => {
  const doc = packagesOpenApi() as Doc;

  it("gives the server key, refuses an unsigned package with a receipt and checks receipts", async () => {
    await expectValid(doc, await call(serverKey, ""), "/api/v1/packages/server-key");
    const refused = await call(sendPackage, "", {}, { method: "POST", body: "{}" });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    const signed = (await expectValid(doc, refused, "/api/v1/packages", "post")) as object;
    const check = await call(checkReceipt, "locale=en", {}, { method: "POST", body: JSON.stringify(signed) });
    expect(check.status).toBe(200);
    const checked = (await expectValid(doc, check, "/api/v1/packages/receipts/check", "post")) as { valid: boolean };
    expect(checked.valid).toBe(true);
    const forged = await call(checkReceipt, "", {}, { method: "POST", body: '{"receipt":1}' });
    expect(
      ((await expectValid(doc, forged, "/api/v1/packages/receipts/check", "post")) as { valid: boolean }).valid,
    ).toBe(false);
    const missing = await call(receipt, "", { id: "no-such-package" });
    expect(missing.status).toBe(404);
    await expectValid(doc, missing, "/api/v1/packages/{id}/receipt");
  });
});

describe("certificate verification answers as its OpenAPI document says", () => {
  const doc = certificatesOpenApi() as Doc;

  it("confirms a genuine certificate, with initials only, and refuses the rest", async () => {
    const student = await prisma.person.findFirstOrThrow();
    const organization = await prisma.organization.findFirstOrThrow({ where: { kind: { code: "SCHOOL" } } });
    const issuer = await prisma.user.findFirstOrThrow();
    await prisma.certificate.create({
      data: {
        number: "SC-2026-900001",
        code: "7K3M-9QXA",
        kind: "STUDY_CERTIFICATE",
        studentId: student.id,
        organizationId: organization.id,
        holderInitials: "А. О.",
        grade: 5,
        classLabel: "5А",
        schoolYear: "2026-2027",
        language: "kk",
        validUntil: new Date("2027-06-30T00:00:00Z"),
        issuedById: issuer.id,
      },
    });
    for (const query of ["q=SC-2026-900001%207K3M-9QXA&locale=en", "q=7k3m9qxa"]) {
      const response = await call(verify, query);
      expect(response.status).toBe(200);
      const body = (await expectValid(doc, response)) as { holderInitials: string; number: string };
      expect(body.number).toBe("SC-2026-900001");
      expect(JSON.stringify(body)).not.toContain(student.lastName);
    }
    for (const [query, status] of [
      ["q=SC-2026-900001", 400],
      ["q=SC-2026-999999%207K3M-9QXA", 404],
      ["q=ZZZZ-ZZZZ", 404],
      ["q=%3Cscript%3E", 400],
      ["", 400],
      ["q=SC-2026-900001&locale=de", 400],
    ] as const) {
      const response = await call(verify, query);
      expect(response.status).toBe(status);
      await expectValid(doc, response);
    }
  });
});
