import { describe, expect, it } from "vitest";
import { cached } from "./index";

describe("cached reads outside a request", () => {
  it("call the read itself each time, since there is no data cache to keep its answer", async () => {
    let calls = 0;
    const read = cached(async (n: number) => ({ n, call: ++calls }), ["test:read:1"], { tags: [], revalidate: 60 });
    expect(await read(1)).toEqual({ n: 1, call: 1 });
    expect(await read(1)).toEqual({ n: 1, call: 2 });
  });

  it("pass on what the read throws", async () => {
    const read = cached(
      async () => {
        throw new Error("the database refused");
      },
      ["test:failing:1"],
      { tags: [], revalidate: 60 },
    );
    await expect(read()).rejects.toThrow("the database refused");
  });
});
