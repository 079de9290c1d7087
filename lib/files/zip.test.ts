import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { AppError } from "../errors";
import { manyEntries, zipBomb, zipOf } from "@/tests/fixtures/zip-bomb";
import { assertZipWithinLimits, SPREADSHEET_LIMITS } from "./zip";

async function refusal(bytes: Uint8Array, limits = SPREADSHEET_LIMITS) {
  const error = await assertZipWithinLimits(bytes, limits).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const e = error as AppError;
  return { status: e.options.status, key: e.fieldErrors.file, params: e.params };
}

describe("the zip guard in front of spreadsheet parsers", () => {
  it("lets a real workbook through", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("R1");
    for (let r = 1; r <= 500; r++) sheet.addRow([`key.${r}`, r, "мәтін"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    await expect(assertZipWithinLimits(bytes, SPREADSHEET_LIMITS)).resolves.toBeUndefined();
  });

  it("refuses a bomb whose directory declares the expansion, before inflating anything", async () => {
    const bomb = await zipBomb({ mbPerEntry: 40 });
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(await refusal(bomb)).toEqual({ status: 413, key: "files.zipTooLarge", params: { max: 32, entries: 200 } });
  });

  it("refuses a bomb whose directory understates the sizes, one byte past what it declared", async () => {
    expect((await refusal(await zipBomb({ mbPerEntry: 8, lie: true }))).key).toBe("files.zipTooLarge");
    // entries that each stay under the cap but add up past it
    const many = await zipBomb({ entries: 5, mbPerEntry: 8 });
    expect((await refusal(many)).status).toBe(413);
  });

  it("refuses too many entries, and what is not a readable zip", async () => {
    expect(await refusal(manyEntries(201))).toMatchObject({ status: 413, key: "files.zipTooLarge" });
    await expect(assertZipWithinLimits(manyEntries(200), SPREADSHEET_LIMITS)).resolves.toBeUndefined();
    expect(await refusal(new TextEncoder().encode("PK\u0003\u0004 not really a zip"))).toMatchObject({
      status: 415,
      key: "files.zipUnreadable",
    });
    // a directory that overstates an entry (the inflated data ends early) is not believed either
    const overstated = zipOf([{ name: "a.xml", data: Buffer.from("<a/>"), declaredSize: 1000 }]);
    expect((await refusal(overstated)).status).toBe(415);
    // a cut-off file: the entries point past its end
    const whole = zipOf([{ name: "a.xml", data: Buffer.alloc(5000, 0x61) }]);
    const cut = Buffer.concat([whole.subarray(0, 40), whole.subarray(whole.length - 68)]);
    expect((await refusal(cut)).status).toBe(415);
  });
});
