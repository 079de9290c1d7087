/**
 * /admin/mail's HTML part: served only to the holders of `mail.read`, as HTML under a policy where nothing
 * runs or loads (no scripts, inline styles and data: images only), sandboxed, framed only by the portal.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { enqueueMail } from "@/lib/mail/outbox";
import { GET } from "@/app/api/v1/mail/[id]/html/route";
import { enrolSecondFactor } from "@/tests/setup/helpers";

let session: { user: { id: string } } | null = null;
vi.mock("@/lib/auth/config", () => ({ auth: async () => session }));

beforeEach(() => {
  session = null;
});

const get = (id: string) =>
  GET(new Request(`http://localhost/api/v1/mail/${id}/html`), { params: Promise.resolve({ id }) });

describe("a mail's HTML part", () => {
  it("is served to the ministry administrator under a policy that lets nothing run", async () => {
    await prisma.$transaction((tx) =>
      enqueueMail(tx, [
        {
          to: "x@example.kz",
          template: "password.reset",
          locale: "ru",
          params: { name: "<script>alert(1)</script>", login: "x", token: "abc" },
        },
      ]),
    );
    const id = String((await prisma.mailOutbox.findFirstOrThrow({ orderBy: { id: "desc" } })).id);
    await enrolSecondFactor("u_ministry");
    session = { user: { id: "u_ministry" } };
    const response = await get(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(csp).toContain("img-src data:");
    expect(csp).toContain("sandbox");
    expect(csp).not.toContain("script-src");
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    const html = await response.text();
    expect(html).toMatch(/<html[^>]*lang="ru"/);
    expect(html).toContain("/ru/reset-password/abc");
    // the values are escaped into the layout: no markup of a recipient's name survives
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;");
  });

  it("is refused to anyone else, and a malformed or unknown id is no mail", async () => {
    const id = String((await prisma.mailOutbox.findFirstOrThrow({ orderBy: { id: "desc" } })).id);
    expect((await get(id)).status).toBe(401);
    session = { user: { id: "u_school" } };
    expect((await get(id)).status).toBe(403);
    await enrolSecondFactor("u_ministry");
    session = { user: { id: "u_ministry" } };
    expect((await get("999999")).status).toBe(404);
    expect((await get("1;drop")).status).toBe(400);
  });
});
