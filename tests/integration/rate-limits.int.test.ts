/**
 * Per-client-address limits of public endpoints through route({ rateLimit }): counted before anything else,
 * refused with 429, Retry-After and the shared error shape; each address has its own count. And route()
 * refuses a NUL byte in a segment or query value with a 400 naming it.
 */
import { readFileSync } from "node:fs";
import { NextResponse } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { route } from "@/lib/http";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client";
import { defineLimit } from "@/lib/rate-limit";
import { PUBLIC_LIMITS } from "@/lib/rate-limit/public";

vi.mock("@/lib/auth/config", () => ({ auth: async () => null }));

const from = (address: string, query = "") =>
  new Request(`http://localhost/api/v1/test?locale=en${query}`, { headers: { [CLIENT_ADDRESS_HEADER]: address } });
const noParams = { params: Promise.resolve({}) };

describe("route({ rateLimit })", () => {
  const limited = route({
    access: "public",
    rateLimit: defineLimit("test-route", 2, 60),
    handler: () => NextResponse.json({ ok: true }),
  });

  it("answers 429 with Retry-After past the limit, per client address", async () => {
    expect((await limited(from("10.1.1.1"), noParams)).status).toBe(200);
    expect((await limited(from("10.1.1.1"), noParams)).status).toBe(200);
    const refused = await limited(from("10.1.1.1"), noParams);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await refused.json()) as { error: { code: string; message: string; retryAfter: number } };
    expect(body.error.code).toBe("rateLimited");
    expect(body.error.message).toMatch(/try again/i);
    // another address is counted on its own
    expect((await limited(from("10.1.1.2"), noParams)).status).toBe(200);
  });

  it("counts signed-out calls to a permission route before the session is checked", async () => {
    const admin = route({
      permission: "audit.read",
      rateLimit: defineLimit("test-route-auth", 1, 60),
      handler: () => NextResponse.json({}),
    });
    expect((await admin(from("10.1.1.3"), noParams)).status).toBe(401);
    expect((await admin(from("10.1.1.3"), noParams)).status).toBe(429);
  });
});

describe("control characters in parameters", () => {
  const echo = route({ access: "public", handler: ({ params }) => NextResponse.json(params) });

  it("refuses a NUL in a segment or the query with a 400 naming it", async () => {
    for (const [request, params, name] of [
      [from("10.2.0.1"), { id: "\u0000" }, "id"],
      [from("10.2.0.1", "&class=%00x"), {}, "class"],
    ] as const) {
      const response = await echo(request, { params: Promise.resolve(params) });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("badRequest");
      expect(body.error.message).toContain(name);
    }
    expect((await echo(from("10.2.0.1", "&q=two%0Alines"), { params: Promise.resolve({ id: "f1" }) })).status).toBe(
      200,
    );
  });
});

it("every public API that costs the server work declares its limit", () => {
  const files: [string, keyof typeof PUBLIC_LIMITS][] = [
    ["app/api/v1/search/route.ts", "search"],
    ["app/api/v1/search/suggest/route.ts", "suggest"],
    ["app/api/v1/dictionary/route.ts", "dictionary"],
    ["app/api/v1/dictionary/entries/[slug]/route.ts", "dictionary"],
    ["app/api/v1/dictionary/word-of-the-day/route.ts", "dictionary"],
    ["app/api/v1/stats/route.ts", "stats"],
    ["app/api/v1/ratings/route.ts", "ratings"],
    ["app/api/v1/packages/route.ts", "packageUpload"],
    ["app/[locale]/(public)/verify/certificate/page.tsx", "certificateVerify"],
  ];
  for (const [file, limit] of files) expect(readFileSync(file, "utf8"), file).toContain(`PUBLIC_LIMITS.${limit}`);
});
