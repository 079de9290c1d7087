import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { downloadHeaders, toXlsx } from "./xlsx";

async function read(buffer: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book.worksheets[0]!;
}

describe("the XLSX writer beside the CSV one", () => {
  it("keeps numbers as numbers, days and times as dates and text as text", async () => {
    const sheet = await read(
      await toXlsx([
        ["Аудан", "Оқушылар", "Үлес", "Күні", "Уақыты", "БСН"],
        ["Бурабай", 12345, 0.786, "2026-11-03", "2026-11-03 09:15", "010203040506"],
        ['=HYPERLINK("x")', null, -5, "", "03.11.2026", "<5"],
      ]),
    );
    const row = sheet.getRow(2);
    expect(row.getCell(2).value).toBe(12345);
    expect(row.getCell(3).value).toBe(0.786);
    expect(row.getCell(4).value).toEqual(new Date(Date.UTC(2026, 10, 3)));
    expect(row.getCell(4).numFmt).toBe("yyyy-mm-dd");
    expect(row.getCell(5).value).toEqual(new Date(Date.UTC(2026, 10, 3, 9, 15)));
    expect(row.getCell(6).value).toBe("010203040506");
    const bad = sheet.getRow(3);
    // text that looks like a formula stays text, never a formula
    expect(bad.getCell(1).value).toBe('=HYPERLINK("x")');
    expect(bad.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(bad.getCell(2).value).toBeNull();
    expect(bad.getCell(3).value).toBe(-5);
    expect(bad.getCell(5).value).toBe("03.11.2026");
    expect(bad.getCell(6).value).toBe("<5");
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });

  it("names the download in the response headers, Kazakh letters included", () => {
    const headers = downloadHeaders("xlsx", "есеп-2025");
    expect(headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(headers["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent("есеп-2025.xlsx")}`);
    expect(headers["content-disposition"]).toMatch(/filename="[\x20-\x7e]+\.xlsx"/);
  });
});
