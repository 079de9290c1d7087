import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { detectSeparator } from "../csv";
import { AppError } from "../errors";
import { detectEncoding, openSource, take, withHeader, type SourceRow } from "./reader";

async function all(rows: AsyncIterable<SourceRow>): Promise<SourceRow[]> {
  const out: SourceRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("not refused");
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));

describe("CSV sources", () => {
  it("keeps quoted commas, quotes and line breaks inside a cell, with the line where each record starts", async () => {
    const { info, rows } = await openSource(
      "schools.csv",
      utf8('БИН,Атауы\r\n123456789012,"Мектеп №1, Алматы"\r\n2,"say ""hi""\nsecond line"\r\n\r\n3,last'),
    );
    expect(info).toEqual({ kind: "csv", encoding: "utf-8", delimiter: "," });
    expect(await all(rows)).toEqual([
      { line: 1, cells: ["БИН", "Атауы"] },
      { line: 2, cells: ["123456789012", "Мектеп №1, Алматы"] },
      { line: 3, cells: ["2", 'say "hi"\nsecond line'] },
      { line: 5, cells: [""] },
      { line: 6, cells: ["3", "last"] },
    ]);
  });

  it("detects ; and tab separators, and an unquoted comma in a ;-file stays in its cell", async () => {
    expect(detectSeparator("a;b;c\n1,5;2;3")).toBe(";");
    expect(detectSeparator("a\tb\n")).toBe("\t");
    expect(detectSeparator('"a;b",c')).toBe(",");
    const semi = await openSource("x.csv", utf8("ФИО;ИИН\nИванов, Иван;1\n"));
    expect(semi.info.delimiter).toBe(";");
    expect((await all(semi.rows)).map((r) => r.cells)).toEqual([
      ["ФИО", "ИИН"],
      ["Иванов, Иван", "1"],
    ]);
    const tab = await openSource("x.tsv", utf8("a\tb\n1,5\t2\n"));
    expect(tab.info.delimiter).toBe("\t");
    expect((await all(tab.rows))[1]!.cells).toEqual(["1,5", "2"]);
  });

  it("reads UTF-8 with a byte order mark, and Windows-1251 detected or chosen", async () => {
    const bom = await openSource("x.csv", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Аты;Тегі\nӘсел;Жанова\n")]));
    expect(bom.info.encoding).toBe("utf-8");
    expect((await all(bom.rows)).map((r) => r.cells)).toEqual([
      ["Аты", "Тегі"],
      ["Әсел", "Жанова"],
    ]);
    const cp1251 = new Uint8Array(iconv.encode("Фамилия;Имя\nПетров;Пётр\n", "windows-1251"));
    expect(detectEncoding(cp1251)).toBe("windows-1251");
    const legacy = await openSource("legacy.csv", cp1251);
    expect(legacy.info).toEqual({ kind: "csv", encoding: "windows-1251", delimiter: ";" });
    expect((await all(legacy.rows))[1]!.cells).toEqual(["Петров", "Пётр"]);
    // the person confirms or overrides what was detected
    const chosen = await openSource("legacy.csv", cp1251, { encoding: "windows-1251", delimiter: "," });
    expect((await all(chosen.rows))[0]!.cells).toEqual(["Фамилия;Имя"]);
    expect((await refusal(openSource("legacy.csv", cp1251, { encoding: "utf-8" }))).fieldErrors).toEqual({
      file: "import.undecodable",
    });
  });

  it("refuses bytes that are no text in either encoding, and a file that is not what its name says", async () => {
    expect((await refusal(openSource("x.csv", new Uint8Array([0xc3, 0x28, 0x98, 0x41])))).fieldErrors).toEqual({
      file: "import.undecodable",
    });
    const book = new ExcelJS.Workbook();
    book.addWorksheet("A").addRow(["a"]);
    const xlsx = new Uint8Array(await book.xlsx.writeBuffer());
    const notCsv = await refusal(openSource("schools.csv", xlsx));
    expect([notCsv.fieldErrors, notCsv.options.status]).toEqual([{ file: "import.notCsv" }, 415]);
    expect((await refusal(openSource("schools.xlsx", utf8("a,b\n1,2")))).fieldErrors).toEqual({
      file: "import.notXlsx",
    });
    expect((await refusal(openSource("x.csv", new Uint8Array([0x61, 0, 0x62])))).fieldErrors).toEqual({
      file: "import.notCsv",
    });
  });

  it("streams a large file: rows come before the whole file has been read", async () => {
    let produced = 0;
    async function* chunks() {
      yield Buffer.from("ИИН,ФИО\n");
      for (let i = 0; i < 20_000; i++) {
        produced++;
        yield Buffer.from(`${i},"Name ${i}, Ш"\n`);
      }
    }
    const { rows } = await openSource("big.csv", Readable.from(chunks()));
    const first = await take(rows, 3);
    expect(first.map((r) => r.cells)).toEqual([
      ["ИИН", "ФИО"],
      ["0", "Name 0, Ш"],
      ["1", "Name 1, Ш"],
    ]);
    expect(produced).toBeLessThan(20_000);
  });
});

describe("XLSX sources", () => {
  async function workbook(): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Notes").addRow(["nothing here"]);
    const sheet = book.addWorksheet("Оқушылар");
    sheet.addRow([]);
    sheet.addRow(["ЖСН", "Аты-жөні", "Туған күні"]);
    sheet.addRow([90102000123, "Жанова Әсел", new Date(Date.UTC(2009, 0, 2))]);
    sheet.addRow([{ formula: "1+1", result: 2 }, { richText: [{ text: "Бек" }, { text: "ова" }] }]);
    const blank = book.addWorksheet("Numbers");
    blank.addRow([1, 2, 3]);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it("lists the sheets and reads the chosen one by sheet row, the header being its first non-empty row", async () => {
    const { info, rows } = await openSource("pupils.xlsx", await workbook(), { sheet: "Оқушылар" });
    expect(info).toEqual({ kind: "xlsx", sheets: ["Notes", "Оқушылар", "Numbers"], sheet: "Оқушылар" });
    const { columns, rows: data } = await withHeader(rows);
    expect(columns).toEqual(["ЖСН", "Аты-жөні", "Туған күні"]);
    expect(await all(data)).toEqual([
      { line: 3, cells: ["90102000123", "Жанова Әсел", "2009-01-02"] },
      { line: 4, cells: ["2", "Бекова"] },
    ]);
    const first = await openSource("pupils.xlsx", await workbook());
    expect(first.info.sheet).toBe("Notes");
  });

  it("refuses a sheet that is not there and a sheet with no header", async () => {
    expect((await refusal(openSource("p.xlsx", await workbook(), { sheet: "Nope" }))).fieldErrors).toEqual({
      file: "import.noSheet",
    });
    const numbers = await openSource("p.xlsx", await workbook(), { sheet: "Numbers" });
    expect((await refusal(withHeader(numbers.rows))).fieldErrors).toEqual({ file: "import.noHeader" });
    const csv = await openSource("p.csv", utf8("a,,c\n1,2,3\n"));
    expect((await refusal(withHeader(csv.rows))).fieldErrors).toEqual({ file: "import.noHeader" });
    const empty = await openSource("p.csv", utf8("\n\n"));
    expect((await refusal(withHeader(empty.rows))).fieldErrors).toEqual({ file: "import.empty" });
  });
});
