import { describe, expect, it } from "vitest";
import { detectSeparator, readCsv, toCsv, unguardCell } from "./index";

describe("toCsv", () => {
  it("writes a byte order mark, CRLF line ends and RFC 4180 quotes", () => {
    expect(toCsv([["a", "b c"], ['say "hi"', "x,y", "p;q", "t\tu", "l\nm"], [], [1, 2.5, null, undefined, true]])).toBe(
      '\uFEFFa,b c\r\n"say ""hi""","x,y","p;q","t\tu","l\nm"\r\n\r\n1,2.5,,,true\r\n',
    );
  });

  it("puts an apostrophe before text a spreadsheet would run as a formula, never before numbers", () => {
    expect(toCsv([["=1+2", "+7", "-x", "@SUM(A1)", "\tt", "\rr", "a=b", -5, "-5"]])).toBe(
      "\uFEFF'=1+2,'+7,'-x,'@SUM(A1),\"'\tt\",\"'\rr\",a=b,-5,'-5\r\n",
    );
  });
});

describe("readCsv", () => {
  it("reads what toCsv writes, apostrophes taken off by unguardCell", () => {
    const rows = [
      ["key", "text"],
      ["a", 'quote " and, comma; semicolon'],
      ["b", "two\r\nlines"],
      ["c", "=1+2"],
    ];
    const read = readCsv(toCsv(rows));
    expect(read?.map((r) => r.cells.map(unguardCell))).toEqual(rows);
    expect(read?.map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });

  it("takes the separator from the first line, or any of several given", () => {
    expect(detectSeparator("a;b;c,d\n1,2,3,4")).toBe(";");
    expect(detectSeparator('"a;b";c\td\te')).toBe("\t");
    expect(detectSeparator("one")).toBe(",");
    expect(readCsv("a;b\n1;2,5")?.map((r) => r.cells)).toEqual([
      ["a", "b"],
      ["1", "2,5"],
    ]);
    expect(readCsv("a;b,c\n", [",", ";"])?.map((r) => r.cells)).toEqual([["a", "b", "c"]]);
  });

  it("keeps empty lines and line numbers with LF, CRLF and CR line ends", () => {
    expect(readCsv("a\n\nb\r\nc\rd")).toEqual([
      { line: 1, cells: ["a"] },
      { line: 2, cells: [""] },
      { line: 3, cells: ["b"] },
      { line: 4, cells: ["c"] },
      { line: 5, cells: ["d"] },
    ]);
  });

  it("answers null for a quote left open", () => {
    expect(readCsv('a,"b\nc')).toBeNull();
  });
});
