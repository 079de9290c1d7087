import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { viewer } from "@/tests/setup/helpers";

// The public origin is read once from the environment; a proxy in front listens elsewhere than the portal.
vi.hoisted(() => {
  process.env.PUBLIC_URL = "https://eiso.example.kz";
  process.env.PORT = "3999";
});

const pdf = vi.hoisted(() => ({ verifyUrls: [] as string[] }));
vi.mock("@/lib/services/pdf", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/services/pdf")>();
  return {
    ...original,
    renderCertificatePdf: (data: Parameters<typeof original.renderCertificatePdf>[0]) => {
      pdf.verifyUrls.push(data.verifyUrl);
      return original.renderCertificatePdf(data);
    },
  };
});
vi.mock("next/cache", () => ({
  unstable_cache: <F>(fn: F) => fn,
  revalidateTag: () => undefined,
  updateTag: () => undefined,
}));
vi.mock("@/lib/auth/config", () => ({ auth: async () => null }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

const NOW = new Date("2026-11-23T10:00:00Z");

describe("absolute links use PUBLIC_URL", () => {
  beforeAll(async () => {
    const published = {
      status: "PUBLISHED",
      language: "kk",
      authorId: "u_editor",
      body: "Мәтін",
      html: "<p>Мәтін</p>",
    };
    await prisma.publication.createMany({
      data: [
        { ...published, type: "NEWS", title: "Жаңалық", publishedAt: new Date("2026-11-20T10:00:00Z") },
        { ...published, type: "LESSON_PLAN", title: "Сабақ жоспары", publishedAt: new Date("2026-11-21T10:00:00Z") },
      ] as never,
    });
  });

  it("the certificate's QR code and printed address lead to the public origin", async () => {
    const { certificatePdf, eligibleStudents, issueStudyCertificate } = await import("@/lib/services/certificates");
    const parent = await viewer("u_parent");
    const [student] = await eligibleStudents(parent, NOW);
    const issued = await issueStudyCertificate(parent, { studentId: student!.id, language: "ru" }, NOW);
    const { pdf: bytes } = await certificatePdf(parent, issued.id);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(pdf.verifyUrls).toEqual([
      `https://eiso.example.kz/ru/verify/certificate?code=${encodeURIComponent(issued.code)}`,
    ]);
  });

  it.each([
    ["rss", "official", "news"],
    ["atom", "official", "news"],
    ["rss", "methodical", "publications"],
  ] as const)("the %s feed of %s publications links only to the public origin", async (format, section, base) => {
    const { newsFeed } = await import("@/lib/publications/feeds");
    const xml = await (await newsFeed("kk", format, section)).text();
    const links = [...xml.matchAll(/(?:href="|<link>|<guid[^>]*>|<id>)([^"<]+)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(2);
    for (const link of links) expect(link.startsWith("https://eiso.example.kz/")).toBe(true);
    expect(links).toContain(`https://eiso.example.kz/kk/${base}`);
    expect(links.some((l) => /^https:\/\/eiso\.example\.kz\/kk\/publications\/[^/]+$/.test(l))).toBe(true);
    expect(xml).not.toMatch(/0\.0\.0\.0|localhost/);
  });

  it("sign-in redirects are built on the public origin", async () => {
    delete process.env.AUTH_URL;
    const { applyAuthUrl } = await import("@/lib/env");
    applyAuthUrl();
    expect(process.env.AUTH_URL).toBe("https://eiso.example.kz/api/auth");
  });

  it("a same-origin route accepts a post from the public origin behind a proxy that rewrites Host", async () => {
    const { route } = await import("@/lib/http");
    const post = route({ access: "public", sameOrigin: true, handler: () => new Response(null, { status: 204 }) });
    const from = (origin: string) =>
      post(new Request("http://10.0.0.5:3001/api/x", { method: "POST", headers: { origin, host: "10.0.0.5:3001" } }), {
        params: Promise.resolve({}),
      });
    expect((await from("https://eiso.example.kz")).status).toBe(204);
    expect((await from("https://evil.example")).status).toBe(403);
  });
});
