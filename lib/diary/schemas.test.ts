import { describe, expect, it } from "vitest";
import { XLSX_MAX_BYTES, studentImport } from "./schemas";

const issue = (input: Record<string, string>) => {
  const parsed = studentImport.safeParse({ classGroupId: "c1", ...input });
  return parsed.success
    ? null
    : { path: parsed.error.issues[0]!.path.join("."), message: parsed.error.issues[0]!.message };
};

describe("student import input", () => {
  it("takes pasted rows or an XLSX workbook", () => {
    expect(issue({ csv: "811201401188;Ахметов;Ерлан" })).toBeNull();
    expect(issue({ xlsx: Buffer.from("PK...").toString("base64") })).toBeNull();
  });

  it("refuses nothing to import, a workbook that is not base64 and one above the size limit", () => {
    expect(issue({ csv: "  ", xlsx: "" })).toEqual({ path: "csv", message: "diary.import.empty" });
    expect(issue({ xlsx: "not base64!" })).toEqual({ path: "xlsx", message: "diary.import.badXlsx" });
    expect(issue({ xlsx: "A".repeat(Math.ceil(XLSX_MAX_BYTES / 3) * 4 + 4) })).toEqual({
      path: "xlsx",
      message: "diary.import.xlsxTooLarge",
    });
  });
});
