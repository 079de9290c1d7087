import { describe, expect, it } from "vitest";
import { RATING_INDICATORS } from "./catalogue";
import { ratingsOpenApi, ratingsQuery } from "./openapi";

describe("the ratings API description and request schema", () => {
  it("documents every parameter and the indicator codes", () => {
    const doc = ratingsOpenApi() as {
      paths: Record<string, { get: { parameters: { name: string; schema: { enum?: string[] } }[] } }>;
    };
    const params = doc.paths["/api/v1/ratings"]!.get.parameters;
    expect(params.map((p) => p.name)).toEqual(["method", "year", "format", "locale"]);
    expect(params.find((p) => p.name === "format")!.schema.enum).toEqual(["json", "csv", "xlsx"]);
    const text = JSON.stringify(doc);
    for (const code of RATING_INDICATORS) expect(text).toContain(code);
  });

  it("parses good queries and refuses bad ones", () => {
    expect(ratingsQuery.parse({ method: "regions", year: "2025" })).toEqual({
      method: "regions",
      year: 2025,
      format: "json",
      locale: "kk",
    });
    expect(ratingsQuery.safeParse({ year: "20x5" }).success).toBe(false);
    expect(ratingsQuery.safeParse({ method: "Bad Code" }).success).toBe(false);
    expect(ratingsQuery.safeParse({ format: "xml" }).success).toBe(false);
  });
});
