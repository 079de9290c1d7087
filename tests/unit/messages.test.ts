import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { locales } from "@/i18n/routing";
import { loadMessages, pickMessages } from "@/i18n/messages";

const root = join(process.cwd(), "messages");

function flatten(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      flatten(v, prefix ? `${prefix}.${k}` : k),
    );
  }
  return [prefix];
}

function keysOf(locale: string): Map<string, string[]> {
  const files = readdirSync(join(root, locale)).filter((f) => f.endsWith(".json"));
  return new Map(files.map((f) => [f, flatten(JSON.parse(readFileSync(join(root, locale, f), "utf8"))).sort()]));
}

describe("messages", () => {
  const reference = keysOf("kk");

  it.each(locales.filter((l) => l !== "kk"))("%s has exactly the namespaces and keys of kk", (locale) => {
    const other = keysOf(locale);
    expect([...other.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [file, keys] of reference) {
      const missing = keys.filter((k) => !other.get(file)!.includes(k));
      const extra = other.get(file)!.filter((k) => !keys.includes(k));
      expect({ file, missing, extra }).toEqual({ file, missing: [], extra: [] });
    }
  });

  it("has no empty strings", () => {
    for (const locale of locales) {
      for (const file of readdirSync(join(root, locale)).filter((f) => f.endsWith(".json"))) {
        const text = readFileSync(join(root, locale, file), "utf8");
        expect(text, `${locale}/${file}`).not.toMatch(/:\s*""/);
      }
    }
  });
});

describe("pickMessages", () => {
  const messages = {
    common: { a: "A" },
    learn: { wordOfTheDay: { title: "T" }, themes: { x: "X" } },
    errors: { e: "E" },
  };

  it("keeps only the given namespaces and nested paths, nested as before", () => {
    expect(pickMessages(messages, ["common", "learn.wordOfTheDay"])).toEqual({
      common: { a: "A" },
      learn: { wordOfTheDay: { title: "T" } },
    });
  });

  it("refuses a path that does not exist, so a typo cannot silently drop a page's texts", () => {
    expect(() => pickMessages(messages, ["learn.nothing"])).toThrow(/learn\.nothing/);
  });

  it("gives a path segment that is not a locale (a stray /favicon.ico) the default locale's messages", () => {
    expect(loadMessages("favicon.ico")).toBe(loadMessages("kk"));
    expect(loadMessages("ru")).not.toBe(loadMessages("kk"));
  });
});
