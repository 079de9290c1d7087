import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kindCode, NOTIFICATION_KINDS } from "./kinds";

/** The values of `enum NotificationKind` in prisma/schema.prisma with their @map: [name, stored code]. */
function schemaKinds(): [string, string][] {
  const schema = readFileSync("prisma/schema.prisma", "utf8");
  const body = /^enum NotificationKind \{\n([\s\S]*?)^\}/m.exec(schema)?.[1] ?? "";
  return body
    .split("\n")
    .map((line) => line.replace(/\/\/.*$/, "").trim())
    .filter(Boolean)
    .map((line) => {
      const m = /^(\w+)\s+@map\("([^"]+)"\)$/.exec(line);
      if (!m) throw new Error(`A NotificationKind value without its @map: ${line}`);
      return [m[1]!, m[2]!];
    });
}

describe("notification kinds", () => {
  it("are the schema's enum, each with the code the database stores", () => {
    const schema = schemaKinds();
    expect(schema.length).toBeGreaterThan(0);
    expect(NOTIFICATION_KINDS.map((k) => [k, kindCode(k)])).toEqual(schema);
  });

  it("have distinct codes of the form module.kind, the module being the name's prefix", () => {
    const codes = NOTIFICATION_KINDS.map(kindCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const kind of NOTIFICATION_KINDS) expect(kind.startsWith(`${kindCode(kind).split(".")[0]}_`)).toBe(true);
  });
});
