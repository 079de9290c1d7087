import { describe, expect, it } from "vitest";
import { canMove, isOverdue, letterNumber, nextStatuses, parseLetterNumber, registerYear, sniffFileType, cleanFileName } from "./rules";
import { letterQueryOf } from "./schemas";

const day = (d: string) => new Date(`${d}T00:00:00Z`);

describe("registration number", () => {
  it("is register, year and a four-digit sequence", () => {
    expect(letterNumber("INCOMING", 2026, 1)).toBe("Кіріс-2026/0001");
    expect(letterNumber("OUTGOING", 2026, 42)).toBe("Шығыс-2026/0042");
    expect(letterNumber("INCOMING", 2027, 12345)).toBe("Кіріс-2027/12345");
  });
  it("refuses a sequence below one", () => {
    expect(() => letterNumber("INCOMING", 2026, 0)).toThrow();
  });
  it("parses back what it formats, and nothing else", () => {
    expect(parseLetterNumber("Шығыс-2026/0042")).toEqual({ direction: "OUTGOING", year: 2026, sequence: 42 });
    expect(parseLetterNumber("Кіріс-2026/1")).toBeNull();
    expect(parseLetterNumber("IN-2026/0001")).toBeNull();
  });
  it("takes the year of registration in Asia/Almaty", () => {
    // 31 December 20:00 UTC is already 1 January in Almaty (UTC+5)
    expect(registerYear(new Date("2026-12-31T20:00:00Z"))).toBe(2027);
    expect(registerYear(new Date("2026-12-31T18:00:00Z"))).toBe(2026);
  });
});

describe("overdue rule", () => {
  const open = { dueDate: day("2026-11-20"), status: "REGISTERED" as const };
  it("is not overdue on the due day itself, overdue the next Almaty day", () => {
    expect(isOverdue(open, new Date("2026-11-20T18:59:00Z"))).toBe(false); // 23:59 in Almaty
    expect(isOverdue(open, new Date("2026-11-20T19:00:00Z"))).toBe(true); // 00:00 on the 21st in Almaty
  });
  it("never for answered, closed or cancelled letters, nor without a due date", () => {
    const late = new Date("2026-12-01T10:00:00Z");
    expect(isOverdue({ ...open, status: "IN_PROGRESS" }, late)).toBe(true);
    for (const status of ["ANSWERED", "CLOSED", "CANCELLED"] as const) expect(isOverdue({ ...open, status }, late)).toBe(false);
    expect(isOverdue({ dueDate: null, status: "REGISTERED" }, late)).toBe(false);
  });
});

describe("status transitions", () => {
  it("cancels only open letters and never leaves cancelled", () => {
    expect(canMove("REGISTERED", "CANCELLED", "INCOMING")).toBe(true);
    expect(canMove("ANSWERED", "CANCELLED", "INCOMING")).toBe(false);
    expect(nextStatuses("CANCELLED", "INCOMING")).toEqual([]);
  });
  it("answers only incoming letters", () => {
    expect(canMove("REGISTERED", "ANSWERED", "INCOMING")).toBe(true);
    expect(canMove("REGISTERED", "ANSWERED", "OUTGOING")).toBe(false);
  });
});

describe("file type from the first bytes", () => {
  const bytes = (...b: number[]) => Uint8Array.from(b);
  it("recognises PDF, PNG, JPEG", () => {
    expect(sniffFileType(new TextEncoder().encode("%PDF-1.7\n"))).toBe("pdf");
    expect(sniffFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe("png");
    expect(sniffFileType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("jpeg");
  });
  it("recognises DOCX as a ZIP with OOXML parts, not any ZIP", () => {
    const zip = (name: string) => {
      const header = new Uint8Array(30 + name.length);
      header.set([0x50, 0x4b, 0x03, 0x04]);
      header[26] = name.length;
      header.set(new TextEncoder().encode(name), 30);
      return header;
    };
    expect(sniffFileType(zip("[Content_Types].xml"))).toBe("docx");
    expect(sniffFileType(zip("evil.exe"))).toBeNull();
  });
  it("refuses anything else, whatever its name", () => {
    expect(sniffFileType(new TextEncoder().encode("MZ\x90\x00"))).toBeNull();
    expect(sniffFileType(new TextEncoder().encode("<html>"))).toBeNull();
    expect(sniffFileType(new Uint8Array())).toBeNull();
  });
  it("keeps only the base name of an uploaded file", () => {
    expect(cleanFileName("C:\\scans\\хат.pdf", "pdf")).toBe("хат.pdf");
    expect(cleanFileName("", "jpeg")).toBe("letter.jpg");
  });
});

describe("list state from the URL", () => {
  it("falls back to defaults on anything malformed", () => {
    expect(letterQueryOf({ direction: "SIDEWAYS", sort: "x", dir: "up", status: "LOST", year: "abc" })).toMatchObject({ direction: "INCOMING", sort: "number", dir: "desc", status: undefined, year: undefined, overdue: false });
    expect(letterQueryOf({ direction: "OUTGOING", overdue: "1", q: " мектеп " })).toMatchObject({ direction: "OUTGOING", overdue: true, q: "мектеп" });
  });
});
