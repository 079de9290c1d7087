/**
 * The audit log is read in words: every record kind (`entity`) and every action written to it anywhere in
 * lib/ has a label in each language, so a new kind of record never shows up as a raw code on /admin/audit.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === "generated" ? [] : sources(path);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [path] : [];
  });
}

const written = { entities: new Set<string>(), actions: new Set<string>() };
for (const file of sources("lib")) {
  const text = readFileSync(file, "utf8");
  if (!/recordAudit|recordSecurityEvent/.test(text)) continue;
  for (const m of text.matchAll(/\bentity: "([A-Z][A-Za-z]+)"/g)) written.entities.add(m[1]!);
  for (const m of text.matchAll(/\baction: "([a-z]+)"/g)) written.actions.add(m[1]!);
}

describe.each(["kk", "ru", "en"])("audit labels in %s", (locale) => {
  const labels = JSON.parse(readFileSync(join("messages", locale, "audit.json"), "utf8")) as {
    entities: Record<string, string>;
    actions: Record<string, string>;
  };

  it("name every kind of record the portal writes to the log", () => {
    expect(written.entities.size).toBeGreaterThan(20);
    expect([...written.entities].filter((e) => !labels.entities[e])).toEqual([]);
  });

  it("name every action", () => {
    expect(written.actions).toContain("refuse");
    expect([...written.actions].filter((a) => !labels.actions[a])).toEqual([]);
  });
});
