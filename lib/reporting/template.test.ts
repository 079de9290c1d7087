import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { definitionSchema } from "./definition";
import {
  columnLetter,
  detectKind,
  parseCsv,
  parseXlsx,
  readFile,
  readTemplate,
  templateCsv,
  templateRows,
  templateXlsx,
  MAX_UPLOAD_BYTES,
} from "./template";

const T = (en: string) => ({ kk: `${en} (kk)`, ru: `${en} (ru)`, en });

const def = definitionSchema.parse({
  sections: [
    {
      kind: "fields",
      key: "general",
      title: T("General"),
      fields: [
        { key: "pupils", label: T("Pupils"), type: "integer", min: 0, required: true },
        { key: "share", label: T("Share, %"), type: "percentage" },
        { key: "opened", label: T("Opened on"), type: "date" },
        { key: "gym", label: T("=Has a gym"), type: "boolean" },
        { key: "language", label: T("Language"), type: "choice", classifier: "LANGUAGE" },
        { key: "note", label: T("Note"), type: "text" },
      ],
    },
    {
      kind: "table",
      key: "grades",
      title: T("By grade"),
      rows: [
        { key: "g1", label: T("Grade 1") },
        { key: "g2", label: T("Grade 2") },
      ],
      columns: [
        { key: "total", label: T("Total"), type: "integer", min: 0 },
        { key: "girls", label: T("Girls"), type: "integer", min: 0 },
      ],
    },
  ],
  rules: [],
});

const expected = { code: "D-1", version: 3, definition: def, choices: { LANGUAGE: ["KK", "RU"] } };
const encode = (s: string) => new TextEncoder().encode(s);

/** The CSV template with the value column filled from `values` (by key). */
function filledCsv(values: Record<string, string>, meta = { code: "D-1", version: 3 }): string {
  return templateCsv(meta, templateRows(def, "en"), values);
}

describe("template rows", () => {
  it("has one row per value slot in display order, labelled in the requested language", () => {
    const rows = templateRows(def, "ru");
    expect(rows.map((r) => r.key)).toEqual([
      "general.pupils",
      "general.share",
      "general.opened",
      "general.gym",
      "general.language",
      "general.note",
      "grades.g1.total",
      "grades.g1.girls",
      "grades.g2.total",
      "grades.g2.girls",
    ]);
    expect(rows[0]).toEqual({ key: "general.pupils", section: "General (ru)", row: "", field: "Pupils (ru)" });
    expect(rows[7]).toEqual({
      key: "grades.g1.girls",
      section: "By grade (ru)",
      row: "Grade 1 (ru)",
      field: "Girls (ru)",
    });
    expect(templateRows(def, "kk")[0]!.field).toBe("Pupils (kk)");
  });
});

describe("CSV template", () => {
  it("starts with the identifying row and the column names, quotes where needed and guards formulas", () => {
    const csv = templateCsv({ code: "D-1", version: 3 }, templateRows(def, "en"));
    expect(csv.startsWith("\uFEFFform,D-1,version,3\r\nkey,section,row,field,value\r\n")).toBe(true);
    expect(csv).toContain('general.share,General,,"Share, %",\r\n');
    expect(csv).toContain("general.gym,General,,'=Has a gym,\r\n");
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("reads back the values of a filled-in template, typed", () => {
    const csv = filledCsv({
      "general.pupils": "420",
      "general.share": "12,5",
      "general.opened": "2001-09-01",
      "general.gym": "иә",
      "general.language": "KK",
      "grades.g1.total": "50",
      "grades.g1.girls": "24",
    });
    const grid = parseCsv(csv);
    const read = readTemplate(grid, expected);
    expect(read).toEqual({
      ok: true,
      values: {
        "general.pupils": 420,
        "general.share": 12.5,
        "general.opened": "2001-09-01",
        "general.gym": true,
        "general.language": "KK",
        "grades.g1.total": 50,
        "grades.g1.girls": 24,
      },
    });
  });

  it("accepts semicolons, reordered and omitted label columns, quoted new lines and blank lines", () => {
    const text = [
      "form;D-1;version;3",
      "value;key",
      "7;general.pupils",
      "",
      '"line one',
      'line two";general.note',
      "",
    ].join("\r\n");
    const grid = parseCsv(text);
    expect(grid.rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5]);
    expect(readTemplate(grid, expected)).toEqual({
      ok: true,
      values: { "general.pupils": 7, "general.note": "line one\r\nline two" },
    });
  });

  it("parses doubled quotes and a last line without a line end", () => {
    expect(parseCsv('a,"b ""c"", d",e\nf').rows).toEqual([
      { number: 1, cells: ["a", 'b "c", d', "e"] },
      { number: 2, cells: ["f"] },
    ]);
  });
});

describe("refused uploads", () => {
  it("refuses another form's template", () => {
    const read = readTemplate(parseCsv(filledCsv({ "general.pupils": "1" }, { code: "85-K", version: 3 })), expected);
    expect(read).toEqual({
      ok: false,
      problems: [
        { row: 1, column: "B", code: "reporting.upload.otherForm", params: { found: "85-K", expected: "D-1" } },
      ],
    });
  });

  it("refuses the template of another version", () => {
    const read = readTemplate(parseCsv(filledCsv({}, { code: "D-1", version: 2 })), expected);
    expect(read).toEqual({
      ok: false,
      problems: [{ row: 1, column: "D", code: "reporting.upload.otherVersion", params: { found: "2", expected: 3 } }],
    });
  });

  it("refuses a file that is not a template", () => {
    const read = readTemplate(parseCsv("key,value\ngeneral.pupils,1\n"), expected);
    expect(read).toEqual({ ok: false, problems: [{ row: 1, column: "A", code: "reporting.upload.notTemplate" }] });
  });

  it("refuses unknown and repeated columns, and a missing value column", () => {
    const read = readTemplate(
      parseCsv("form,D-1,version,3\nkey,section,comment,Section\ngeneral.pupils,x,y,z\n"),
      expected,
    );
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems).toEqual([
      {
        row: 2,
        column: "C",
        columnName: "comment",
        code: "reporting.upload.unknownColumn",
        params: { column: "comment" },
      },
      {
        row: 2,
        column: "D",
        columnName: "section",
        code: "reporting.upload.duplicateColumn",
        params: { column: "section" },
      },
      { row: 2, code: "reporting.upload.missingColumn", params: { column: "value" } },
    ]);
  });

  it("lists every bad row: unknown key, repeated key, value errors with row and column, stray cells", () => {
    const text = [
      "form,D-1,version,3",
      "key,value",
      "general.pupils,-3",
      "general.pupils,5",
      "general.nope,1",
      "general.share,101",
      "general.opened,01.09.2001",
      "general.gym,maybe",
      "general.language,DE",
      "grades.g1.total,1.5",
      "grades.g2.total,abc,extra",
      ",12",
    ].join("\n");
    const read = readTemplate(parseCsv(text), expected);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems).toEqual([
      {
        row: 3,
        column: "B",
        columnName: "value",
        key: "general.pupils",
        code: "reporting.value.belowMin",
        params: { min: 0 },
      },
      {
        row: 4,
        column: "A",
        columnName: "key",
        key: "general.pupils",
        code: "reporting.upload.duplicateKey",
        params: { key: "general.pupils" },
      },
      {
        row: 5,
        column: "A",
        columnName: "key",
        key: "general.nope",
        code: "reporting.upload.unknownKey",
        params: { key: "general.nope" },
      },
      {
        row: 6,
        column: "B",
        columnName: "value",
        key: "general.share",
        code: "reporting.value.aboveMax",
        params: { max: 100 },
      },
      {
        row: 7,
        column: "B",
        columnName: "value",
        key: "general.opened",
        code: "reporting.value.notDate",
        params: undefined,
      },
      {
        row: 8,
        column: "B",
        columnName: "value",
        key: "general.gym",
        code: "reporting.value.notBoolean",
        params: undefined,
      },
      { row: 9, column: "B", columnName: "value", key: "general.language", code: "reporting.value.notChoice" },
      {
        row: 10,
        column: "B",
        columnName: "value",
        key: "grades.g1.total",
        code: "reporting.value.notInteger",
        params: undefined,
      },
      { row: 11, column: "C", code: "reporting.upload.unknownColumn", params: { column: "C" } },
      {
        row: 11,
        column: "B",
        columnName: "value",
        key: "grades.g2.total",
        code: "reporting.value.notNumber",
        params: undefined,
      },
      { row: 12, column: "A", columnName: "key", code: "reporting.upload.missingKey" },
    ]);
  });
});

describe("file kinds", () => {
  it("tells XLSX by its ZIP signature and CSV by valid UTF-8 text", () => {
    expect(detectKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toBe("xlsx");
    expect(detectKind(encode("form,D-1\nkey,value\n"))).toBe("csv");
    expect(detectKind(encode("\uFEFFформа;Д-1"))).toBe("csv");
    expect(detectKind(new Uint8Array([0x66, 0xff, 0xfe, 0x41]))).toBeNull();
    expect(detectKind(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))).toBeNull();
  });

  it("refuses a file over 10 MB, an empty file, binary data and a broken ZIP", async () => {
    expect(await readFile(new Uint8Array(MAX_UPLOAD_BYTES + 1))).toEqual({
      problem: { code: "reporting.upload.tooLarge", params: { max: 10 } },
    });
    expect(await readFile(new Uint8Array(0))).toEqual({ problem: { code: "reporting.upload.empty" } });
    expect(await readFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toEqual({
      problem: { code: "reporting.upload.badType" },
    });
    // a broken ZIP is refused by the zip guard before ExcelJS opens it (415, "damaged or not a spreadsheet")
    await expect(readFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9]))).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { file: "files.zipUnreadable" },
    });
  });

  it("names spreadsheet columns", () => {
    expect([0, 1, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]);
  });
});

describe("XLSX template", () => {
  it("round-trips: the downloaded workbook, filled in a spreadsheet, reads back typed values", async () => {
    const bytes = await templateXlsx({ code: "D-1", version: 3 }, templateRows(def, "kk"));
    expect(detectKind(bytes)).toBe("xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("D-1");
    expect(sheet.getRow(1).values).toEqual([undefined, "form", "D-1", "version", 3]);
    expect(sheet.getCell("D3").value).toBe("Pupils (kk)");
    // Filled as a spreadsheet would: numbers, a date cell, a boolean, a formula with its result.
    sheet.getCell("E3").value = 420;
    sheet.getCell("E5").value = new Date(Date.UTC(2001, 8, 1));
    sheet.getCell("E6").value = true;
    sheet.getCell("E9").value = { formula: "20+30", result: 50 };
    sheet.getCell("E10").value = { richText: [{ text: "2" }, { text: "4" }] };
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
    const file = await readFile(filled);
    expect("grid" in file && file.kind).toBe("xlsx");
    const read = readTemplate((file as { grid: Parameters<typeof readTemplate>[0] }).grid, expected);
    expect(read).toEqual({
      ok: true,
      values: {
        "general.pupils": 420,
        "general.opened": "2001-09-01",
        "general.gym": true,
        "grades.g1.total": 50,
        "grades.g1.girls": 24,
      },
    });
  });

  it("reports problems of a workbook with the spreadsheet's row numbers", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("x");
    sheet.addRow(["form", "D-1", "version", 3]);
    sheet.addRow(["key", "value", "extra"]);
    sheet.addRow(["general.pupils", 5]);
    const grid = await parseXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(readTemplate(grid!, expected)).toEqual({
      ok: false,
      problems: [
        {
          row: 2,
          column: "C",
          columnName: "extra",
          code: "reporting.upload.unknownColumn",
          params: { column: "extra" },
        },
      ],
    });
  });
});
