import { describe, expect, it } from "vitest";
import { packTar, readTar } from "./tar";

describe("tar", () => {
  it("round-trips files, long names, names beyond ustar (pax), non-ASCII names and empty files", async () => {
    const long = `${"d".repeat(120)}/${"f".repeat(90)}.jsonl`;
    const longer = `${"e".repeat(160)}/${"g".repeat(120)}.jsonl`;
    const data = await packTar([
      ["a.txt", Buffer.from("hello")],
      [long, Buffer.alloc(0)],
      ["b/c.bin", Buffer.alloc(1025, 7)],
      [longer, Buffer.from("x")],
      ["кесте/файл.txt", Buffer.from("сәлем")],
    ]);
    const files = readTar(data);
    expect([...files.keys()]).toEqual(["a.txt", long, "b/c.bin", longer, "кесте/файл.txt"]);
    expect(files.get("a.txt")!.toString()).toBe("hello");
    expect(files.get("b/c.bin")!.length).toBe(1025);
    expect(files.get(longer)!.toString()).toBe("x");
    expect(files.get("кесте/файл.txt")!.toString()).toBe("сәлем");
  });

  it("refuses a damaged header and a truncated archive", async () => {
    const data = await packTar([["a.txt", Buffer.from("hello")]]);
    const damaged = Buffer.from(data);
    damaged[3] = 0x41;
    expect(() => readTar(damaged)).toThrow(/damaged/);
    expect(() => readTar(data.subarray(0, 600))).toThrow(/truncated/);
  });
});
