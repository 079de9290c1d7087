/**
 * The authorisation inventory (tests/authz/inventory.ts) is complete and true: every route handler under
 * app/api and every export of a "use server" module has an entry, every entry still has its code, and the
 * code declares what the entry says (the permission, `signedIn` or `public`).
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { ACTIONS, ROUTES, type Entry } from "../authz/inventory";

const root = process.cwd();

function files(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) return [];
    return statSync(path).isDirectory() ? files(path, keep) : keep(path) ? [relative(root, path)] : [];
  });
}

/** What the code of one handler or action says about who may call it. */
type Declared = { permission: string } | { access: "signedIn" | "public" | "nextAuth" } | { unknown: string };

function routeDeclarations(): Map<string, Declared> {
  const found = new Map<string, Declared>();
  for (const file of files(join(root, "app/api"), (p) => /\/route\.tsx?$/.test(p))) {
    const source = readFileSync(file, "utf8");
    if (/export const \{[^}]*\}\s*=\s*handlers/.test(source)) {
      for (const method of source
        .match(/export const \{([^}]*)\}/)![1]!
        .split(",")
        .map((m) => m.trim()))
        found.set(`${file} ${method}`, { access: "nextAuth" });
      continue;
    }
    const exports = [
      ...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g),
    ];
    for (const [index, match] of exports.entries()) {
      const block = source.slice(match.index, exports[index + 1]?.index ?? source.length);
      const permission = /permission: "([^"]+)"/.exec(block)?.[1];
      const access = /access: "(public|signedIn)"/.exec(block)?.[1] as "public" | "signedIn" | undefined;
      found.set(
        `${file} ${match[1]}`,
        permission
          ? { permission }
          : access
            ? { access }
            : { unknown: "not made by route() with access or permission" },
      );
    }
  }
  return found;
}

function actionDeclarations(): Map<string, Declared> {
  const found = new Map<string, Declared>();
  const sources = files(root, (p) => /\.tsx?$/.test(p) && /^(app|lib|components)\//.test(relative(root, p)));
  for (const file of sources) {
    const source = readFileSync(file, "utf8");
    if (!/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(source)) continue;
    const builders = new Map([...source.matchAll(/const (\w+) = actionsOf\("([^"]+)"\)/g)].map((m) => [m[1]!, m[2]!]));
    const exports = [...source.matchAll(/export (?:const (\w+)\s*=|async function (\w+)|function (\w+))/g)];
    for (const [index, match] of exports.entries()) {
      const name = match[1] ?? match[2] ?? match[3]!;
      const block = source.slice(match.index, exports[index + 1]?.index ?? source.length);
      const body = match[1] ? block.slice(block.indexOf("=") + 1).trim() : "";
      const builder = /^(\w+)(?:\.scoped)?\(/.exec(body)?.[1];
      let declared: Declared;
      if (!match[1]) declared = { access: "public" };
      else if (body.startsWith("signedInAction(")) declared = { access: "signedIn" };
      else if (body.startsWith("action(") && /permission: "([^"]+)"/.test(block))
        declared = { permission: /permission: "([^"]+)"/.exec(block)![1]! };
      else if (builder && builders.has(builder)) declared = { permission: builders.get(builder)! };
      else declared = { unknown: "not made by action(), actionsOf() or signedInAction()" };
      found.set(`${file}#${name}`, declared);
    }
  }
  return found;
}

function expected(entry: Entry): Declared {
  return "permission" in entry ? { permission: entry.permission } : { access: entry.access };
}

describe("authorisation inventory", () => {
  for (const [kind, declared, listed] of [
    ["route handler", routeDeclarations(), ROUTES],
    ["server action", actionDeclarations(), ACTIONS],
  ] as const) {
    it(`lists every ${kind} and nothing else`, () => {
      const missing = [...declared.keys()].filter((key) => !(key in listed));
      const stale = Object.keys(listed).filter((key) => !declared.has(key));
      expect(missing, `add these to tests/authz/inventory.ts`).toEqual([]);
      expect(stale, `remove these from tests/authz/inventory.ts`).toEqual([]);
    });

    it(`says of each ${kind} what its code declares`, () => {
      const wrong = Object.entries(listed)
        .filter(([key]) => declared.has(key))
        .map(([key, entry]) => ({ key, listed: expected(entry), code: declared.get(key) }))
        .filter((row) => JSON.stringify(row.listed) !== JSON.stringify(row.code));
      expect(wrong).toEqual([]);
    });
  }

  it("names only permissions of the permission table and gives every public entry a reason", () => {
    for (const entry of [...Object.values(ROUTES), ...Object.values(ACTIONS)]) {
      if ("permission" in entry) expect(Object.keys(PERMISSIONS)).toContain(entry.permission);
      else if (entry.access !== "signedIn") expect(entry.why.length).toBeGreaterThan(10);
    }
  });

  it("finds what it scans for (the scanners are not blind)", () => {
    expect(routeDeclarations().size).toBeGreaterThan(30);
    expect(actionDeclarations().size).toBeGreaterThan(90);
  });
});
