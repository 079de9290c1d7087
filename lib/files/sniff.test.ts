import { describe, expect, it } from "vitest";
import { claimedKind, safeFileName, sniffBuffer, zipEntryNames } from "./sniff";
import { makeZip, samplePdf } from "@/tests/fixtures/zip-fixture";

const office = (part: string) =>
  makeZip({ "[Content_Types].xml": "<Types/>", "_rels/.rels": "<Relationships/>", [part]: "<x/>" });

const kindOf = sniffBuffer;

/** A 1×1 PNG: signature, IHDR, IDAT, IEND. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==",
  "base64",
);

describe("sniffing by content", () => {
  it("recognises PDF and the image formats by their content", async () => {
    expect(await kindOf(samplePdf())).toBe("pdf");
    expect(await kindOf(PNG)).toBe("png");
    expect(await kindOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe("jpeg");
    expect(await kindOf(Buffer.from("GIF89a......"))).toBe("gif");
    expect(await kindOf(Buffer.concat([Buffer.from("RIFF"), Buffer.from([1, 2, 3, 4]), Buffer.from("WEBPVP8 ")]))).toBe(
      "webp",
    );
  });

  it("tells DOCX, PPTX and XLSX apart by their parts", async () => {
    expect(await kindOf(office("word/document.xml"))).toBe("docx");
    expect(await kindOf(office("ppt/presentation.xml"))).toBe("pptx");
    expect(await kindOf(office("xl/workbook.xml"))).toBe("xlsx");
  });

  it("refuses a plain zip, a zip without content types and an executable", async () => {
    expect(await kindOf(makeZip({ "readme.txt": "hello" }))).toBeNull();
    expect(await kindOf(makeZip({ "word/document.xml": "<x/>" }))).toBeNull();
    expect(
      await kindOf(Buffer.from("MZ\x90\x00\x03\x00\x00\x00This program cannot be run in DOS mode", "latin1")),
    ).toBeNull();
    expect(await kindOf(Buffer.from("<script>alert(1)</script>"))).toBeNull();
    expect(await kindOf(Buffer.alloc(0))).toBeNull();
  });

  it("reads the central directory from a tail only, and rejects a truncated one", () => {
    const zip = office("xl/workbook.xml");
    const padded = Buffer.concat([Buffer.alloc(1000), zip]);
    // offsets in the directory are relative to the zip start, so a prefixed file is inconsistent
    expect(zipEntryNames(padded.subarray(padded.length - 200), padded.length)).toBeNull();
    expect(zipEntryNames(zip.subarray(5), zip.length)).toContain("xl/workbook.xml");
    expect(zipEntryNames(zip.subarray(zip.length - 30), zip.length)).toBeNull();
  });

  it("takes the claimed kind from the extension and cleans file names", () => {
    expect(claimedKind("plan.PDF")).toBe("pdf");
    expect(claimedKind("photo.jpeg")).toBe("jpeg");
    expect(claimedKind("slides.pptx")).toBe("pptx");
    expect(claimedKind("virus.exe")).toBeNull();
    expect(claimedKind("noext")).toBeNull();
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName('C:\\x\\a"b<c>.pdf')).toBe("abc.pdf");
    expect(safeFileName("C:\\scans\\хат.pdf")).toBe("хат.pdf");
    expect(safeFileName("")).toBe("file");
  });
});
