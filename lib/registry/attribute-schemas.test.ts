import { describe, expect, it } from "vitest";
import {
  attributeDefinitionInput,
  attributesSchema,
  attributeValueSchema,
  type AttributeDefinitionLike,
} from "./attribute-schemas";

const def = (over: Partial<AttributeDefinitionLike>): AttributeDefinitionLike => ({
  code: "x",
  nameKk: "x",
  nameRu: "x",
  nameEn: "x",
  type: "TEXT",
  min: null,
  max: null,
  classifierCode: null,
  required: false,
  orgKinds: [],
  public: false,
  ...over,
});

const definition = (over: Record<string, string> = {}) => ({
  code: "hasSportsHall",
  nameKk: "Спорт залы бар",
  nameRu: "Есть спортзал",
  nameEn: "Has a sports hall",
  type: "BOOLEAN",
  ...over,
});

const messages = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => [i.path.join("."), i.message]);

describe("attribute definition input", () => {
  it("accepts a yes/no attribute and collects the ticked kinds", () => {
    const parsed = attributeDefinitionInput.parse(
      definition({ kind_SCHOOL: "on", kind_COLLEGE: "on", public: "on", required: "" }),
    );
    expect(parsed).toMatchObject({ orgKinds: ["COLLEGE", "SCHOOL"], public: true, required: false, min: null });
  });

  it("refuses a code that collides with a built-in field, in any case", () => {
    for (const code of ["bin", "nameRu", "Status", "territory"]) {
      expect(messages(attributeDefinitionInput.safeParse(definition({ code })))).toContainEqual([
        "code",
        code === "Status" ? "attribute.codeFormat" : "attribute.codeBuiltIn",
      ]);
    }
    expect(attributeDefinitionInput.safeParse(definition({ code: "isurban" })).success).toBe(false);
  });

  it("refuses a range whose minimum exceeds its maximum, a range on a non-number and a choice without classifier", () => {
    expect(messages(attributeDefinitionInput.safeParse(definition({ type: "NUMBER", min: "10", max: "2" })))).toEqual([
      ["max", "attribute.rangeInverted"],
    ]);
    expect(messages(attributeDefinitionInput.safeParse(definition({ type: "TEXT", min: "1" })))).toEqual([
      ["min", "attribute.rangeOnlyNumber"],
    ]);
    expect(messages(attributeDefinitionInput.safeParse(definition({ type: "NUMBER", min: "abc" })))).toEqual([
      ["min", "attribute.notNumber"],
    ]);
    expect(messages(attributeDefinitionInput.safeParse(definition({ type: "CHOICE" })))).toEqual([
      ["classifierCode", "attribute.classifierRequired"],
    ]);
  });
});

describe("attribute values", () => {
  it("reads each type from its form text", () => {
    expect(attributeValueSchema(def({ type: "BOOLEAN" })).parse("yes")).toBe(true);
    expect(attributeValueSchema(def({ type: "BOOLEAN" })).parse("no")).toBe(false);
    expect(attributeValueSchema(def({ type: "NUMBER", min: 0, max: 10 })).parse("2,5")).toBe(2.5);
    expect(attributeValueSchema(def({ type: "DATE" })).parse("2024-02-29")).toBe("2024-02-29");
    expect(attributeValueSchema(def({ type: "CHOICE" }), ["KK", "RU"]).parse("RU")).toBe("RU");
    expect(attributeValueSchema(def({ type: "TEXT" })).parse("  gym  ")).toBe("gym");
    expect(attributeValueSchema(def({ type: "TEXT" })).parse("")).toBeNull();
  });

  it("refuses a value of the wrong type, out of range, not in the classifier, or missing when required", () => {
    const issue = (d: AttributeDefinitionLike, v: string, choices: string[] = []) =>
      attributeValueSchema(d, choices).safeParse(v).error?.issues[0]?.message;
    expect(issue(def({ type: "NUMBER" }), "many")).toBe("attribute.notNumber");
    expect(issue(def({ type: "NUMBER" }), "1e3")).toBe("attribute.notNumber");
    expect(issue(def({ type: "NUMBER", min: 0, max: 10 }), "11")).toBe("attribute.outOfRange");
    expect(issue(def({ type: "NUMBER", min: 0 }), "-1")).toBe("attribute.outOfRange");
    expect(issue(def({ type: "BOOLEAN" }), "maybe")).toBe("attribute.notBoolean");
    expect(issue(def({ type: "DATE" }), "2023-02-29")).toBe("attribute.notDate");
    expect(issue(def({ type: "DATE" }), "01.02.2024")).toBe("attribute.notDate");
    expect(issue(def({ type: "CHOICE" }), "XX", ["KK"])).toBe("attribute.notChoice");
    expect(issue(def({ type: "TEXT", required: true }), "")).toBe("attribute.required");
    expect(issue(def({ type: "TEXT" }), "a".repeat(501))).toBe("attribute.tooLong");
  });

  it("keeps only the given values of an organisation", () => {
    const schema = attributesSchema(
      [def({ code: "gym", type: "BOOLEAN" }), def({ code: "pool", type: "NUMBER" }), def({ code: "note" })],
      {},
    );
    expect(schema.parse({ gym: "yes", pool: "", note: "" })).toEqual({ gym: true });
    const refused = schema.safeParse({ gym: "yes", pool: "x", note: "" });
    expect(refused.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["pool", "attribute.notNumber"]]);
  });
});
