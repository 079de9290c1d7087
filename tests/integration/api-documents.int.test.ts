/**
 * The OpenAPI documents of the public APIs describe what the APIs really answer: real answers of the route
 * handlers (ratings, open data) over the seeded database are validated against the generated documents.
 */
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { seedRatings } from "@/prisma/seed/ratings";
import { ratingsOpenApi } from "@/lib/ratings/openapi";
import { openApiDocument } from "@/lib/databank/openapi";

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

type Doc = {
  paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: object }> }> } }>;
};

/** A validator of the JSON answer with `status` of the document's only path. */
function validator(doc: Doc, status: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const path = Object.values(doc.paths)[0]!;
  return ajv.compile(path.get.responses[status]!.content["application/json"]!.schema);
}

const call = (handler: typeof ratings, query: string) =>
  handler(new Request(`http://localhost/api/v1/x?${query}`), { params: Promise.resolve({}) });

async function expectValid(doc: Doc, response: Response) {
  expect(response.headers.get("content-type")).toContain("application/json");
  const validate = validator(doc, String(response.status));
  const body: unknown = await response.json();
  const valid = validate(body);
  expect(validate.errors ?? [], JSON.stringify(body).slice(0, 300)).toEqual([]);
  expect(valid).toBe(true);
  return body;
}

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
