import { describe, expect, it } from "vitest";
import { OPEN_DIMENSIONS, INDICATORS } from "./catalogue";
import { openApiDocument } from "./openapi";

describe("the OpenAPI description", () => {
  it("lists every parameter with the enums of the validating schemas", () => {
    const doc = openApiDocument() as {
      paths: Record<
        string,
        { get: { parameters: { name: string; schema: { description?: string; enum?: string[] } }[] } }
      >;
    };
    const params = doc.paths["/api/v1/stats"]!.get.parameters;
    expect(params.map((p) => p.name)).toEqual(
      expect.arrayContaining(["indicator", "by", "measure", "year", "territory", "sex", "grade", "format", "limit"]),
    );
    const by = params.find((p) => p.name === "by")!;
    for (const d of OPEN_DIMENSIONS) expect(by.schema.description).toContain(d);
    for (const i of INDICATORS) expect(params.find((p) => p.name === "indicator")!.schema.description).toContain(i);
    expect(params.find((p) => p.name === "format")!.schema.enum).toEqual(["json", "csv", "xlsx"]);
  });
});
