import { describe, expect, it } from "vitest";
import { readTar, tarEnd, tarEntry } from "./tar";

describe("tar", () => {
  it("round-trips files, long names and empty files", () => {
    const long = `${"d".repeat(120)}/${"f".repeat(90)}.jsonl`;
    const data = Buffer.concat([
      ...tarEntry("a.txt", Buffer.from("hello")),
      ...tarEntry(long, Buffer.alloc(0)),
      ...tarEntry("b/c.bin", Buffer.alloc(1025, 7)),
      tarEnd(),
    ]);
    const files = readTar(data);
    expect([...files.keys()]).toEqual(["a.txt", long, "b/c.bin"]);
    expect(files.get("a.txt")!.toString()).toBe("hello");
    expect(files.get("b/c.bin")!.length).toBe(1025);
  });

  it("refuses a damaged header and a truncated archive", () => {
    const data = Buffer.concat([...tarEntry("a.txt", Buffer.from("hello")), tarEnd()]);
    const damaged = Buffer.from(data);
    damaged[3] = 0x41;
    expect(() => readTar(damaged)).toThrow(/damaged/);
    expect(() => readTar(data.subarray(0, 600))).toThrow(/truncated/);
  });
});
