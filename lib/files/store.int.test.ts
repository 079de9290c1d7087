import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refusal } from "@/tests/setup/helpers";
import { FileSystemBlobStore, storeUpload } from "./store";
import { makeZip, samplePdf } from "@/tests/fixtures/zip-fixture";

let root: string;
let store: FileSystemBlobStore;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "eiso-files-"));
  store = new FileSystemBlobStore(join(root, "files"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Everything under the store's directory, as relative paths. */
async function listing(): Promise<string[]> {
  const dir = join(root, "files");
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (entry.isDirectory()) for (const f of await readdir(join(dir, entry.name))) out.push(`${entry.name}/${f}`);
    else out.push(entry.name);
  }
  return out.sort();
}

let sent = 0;
function chunks(total: number, size = 64 * 1024): Readable {
  sent = 0;
  return new Readable({
    read() {
      if (sent >= total) return this.push(null);
      const n = Math.min(size, total - sent);
      const chunk = Buffer.alloc(n, 0x20);
      if (sent === 0) chunk.write("%PDF-1.7\n");
      sent += n;
      this.push(chunk);
    },
  });
}

describe("content-addressed store", () => {
  it("stores a PDF under its sha256 (files/ab/cdef…) and the same bytes only once", async () => {
    const pdf = samplePdf("one");
    const first = await storeUpload(Readable.from([pdf]), { fileName: "plan.pdf" }, store);
    expect(first).toMatchObject({ kind: "pdf", mimeType: "application/pdf", size: pdf.length, created: true });
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    const path = store.pathOf(first.sha256);
    expect(path.endsWith(`${first.sha256.slice(0, 2)}/${first.sha256.slice(2)}`)).toBe(true);
    expect(await readFile(path)).toEqual(pdf);
    const again = await storeUpload(Readable.from([pdf]), { fileName: "copy.pdf" }, store);
    expect(again).toMatchObject({ sha256: first.sha256, created: false });
    expect(await listing()).toEqual([`${first.sha256.slice(0, 2)}/${first.sha256.slice(2)}`]);
  });

  it("accepts a DOCX by its parts and a web stream as source", async () => {
    const docx = makeZip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>" });
    const web = new Blob([new Uint8Array(docx)]).stream();
    expect((await storeUpload(web, { fileName: "guide.docx" }, store)).kind).toBe("docx");
  });

  it("refuses an executable renamed .pdf and a DOCX named .xlsx, leaving no file behind", async () => {
    const before = await listing();
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00", "latin1"), Buffer.alloc(4096)]);
    const e1 = await refusal(storeUpload(Readable.from([exe]), { fileName: "plan.pdf" }, store));
    expect(e1.fieldErrors.file).toBe("files.contentMismatch");
    const docx = makeZip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>" });
    expect(
      (await refusal(storeUpload(Readable.from([docx]), { fileName: "table.xlsx" }, store))).fieldErrors.file,
    ).toBe("files.contentMismatch");
    expect((await refusal(storeUpload(Readable.from([exe]), { fileName: "setup.exe" }, store))).fieldErrors.file).toBe(
      "files.typeNotAllowed",
    );
    expect((await refusal(storeUpload(Readable.from([]), { fileName: "empty.pdf" }, store))).fieldErrors.file).toBe(
      "files.empty",
    );
    expect(await listing()).toEqual(before);
    expect(await store.temporaryFiles()).toEqual([]);
  });

  it("accepts only the kinds a caller allows (letters: PDF, PNG, JPEG, DOCX)", async () => {
    const before = await listing();
    const gif = Buffer.from("GIF89a\x01\x00\x01\x00", "latin1");
    const refused = await refusal(
      storeUpload(Readable.from([gif]), { fileName: "scan.gif", accept: ["pdf", "png", "jpeg", "docx"] }, store),
    );
    expect(refused.fieldErrors.file).toBe("files.typeNotAllowed");
    expect(refused.params).toMatchObject({ types: "pdf, png, jpeg, docx" });
    expect(await listing()).toEqual(before);
  });

  it("stops a stream over the limit while it flows and deletes the partial file", async () => {
    const before = await listing();
    const source = chunks(30 * 1024 * 1024);
    const error = await refusal(storeUpload(source, { fileName: "big.pdf", maxBytes: 20 * 1024 * 1024 }, store));
    expect(error.fieldErrors.file).toBe("files.tooLarge");
    // the source was not read to its end
    expect(sent).toBeLessThan(30 * 1024 * 1024);
    expect(await listing()).toEqual(before);
  });

  it("accepts exactly the limit", async () => {
    const ok = await storeUpload(chunks(1024 * 1024), { fileName: "limit.pdf", maxBytes: 1024 * 1024 }, store);
    expect(ok.size).toBe(1024 * 1024);
  });

  it("a failing source leaves no temporary file", async () => {
    const before = await listing();
    const broken = new Readable({
      read() {
        this.push(samplePdf());
        this.destroy(new Error("connection reset"));
      },
    });
    await expect(storeUpload(broken, { fileName: "cut.pdf" }, store)).rejects.toThrow();
    expect(await listing()).toEqual(before);
  });
});
