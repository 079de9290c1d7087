/**
 * The route-handler factory (lib/http): who may call a route, parameters parsed with zod and refused with a
 * 400 naming them in the request's language, unexpected errors answered without details, and whatever
 * Response the handler returns passed on untouched. Sessions are those of seeded users.
 */
import { NextResponse } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { prisma } from "@/lib/db";
import { enrolSecondFactor } from "@/tests/setup/helpers";

let session: { user: { id: string } } | null = null;
vi.mock("@/lib/auth/config", () => ({ auth: async () => session }));

beforeEach(() => {
  session = null;
});

const signIn = (userId: string) => {
  session = { user: { id: userId } };
};

const request = (query = "", init?: RequestInit) => new Request(`http://localhost/api/v1/test?${query}`, init);
const noParams = { params: Promise.resolve({}) };

async function error(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe("who may call a route", () => {
  const audit = route({
    permission: "audit.read",
    handler: ({ viewer, scope }) => NextResponse.json({ login: viewer.login, all: scope.all }),
  });
  const own = route({ access: "signedIn", handler: ({ viewer }) => NextResponse.json({ login: viewer.login }) });

  it("answers 401 without a session, in the requested language", async () => {
    for (const handler of [audit, own]) {
      const response = await handler(request("locale=en"), noParams);
      expect(response.status).toBe(401);
      expect(await error(response)).toEqual({ code: "unauthenticated", message: "Please sign in." });
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
    const kk = await error(await audit(request(), noParams));
    expect(kk.code).toBe("unauthenticated");
    expect(kk.message).not.toBe("Please sign in.");
  });

  it("answers 403 to a signed-in person without the permission", async () => {
    signIn("u_teacher");
    const response = await audit(request("locale=ru"), noParams);
    expect(response.status).toBe(403);
    expect((await error(response)).code).toBe("forbidden");
    expect((await own(request(), noParams)).status).toBe(200);
  });

  it("refuses an administrator's permissions until a second factor is set up, with a message saying so", async () => {
    await prisma.secondFactor.deleteMany({ where: { userId: "u_ministry" } });
    signIn("u_ministry");
    const response = await audit(request("locale=en"), noParams);
    expect(response.status).toBe(403);
    expect(await error(response)).toEqual({ code: "forbidden", message: expect.stringMatching(/second factor/) });
    // what needs no role (the person's own pages and settings) stays open, so they can set it up
    expect((await own(request(), noParams)).status).toBe(200);
  });

  it("gives the handler the viewer and the permission's scope", async () => {
    await enrolSecondFactor("u_ministry");
    signIn("u_ministry");
    const response = await audit(request(), noParams);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ login: expect.any(String), all: true });
  });

  it("reads no session on a public route unless the handler asks", async () => {
    let asked = false;
    const open = route({
      access: "public",
      handler: async ({ viewer, locale }) => {
        const who = asked ? await viewer() : undefined;
        return NextResponse.json({ locale, signedIn: Boolean(who) });
      },
    });
    expect(await (await open(request("locale=ru"), noParams)).json()).toEqual({ locale: "ru", signedIn: false });
    signIn("u_parent");
    asked = true;
    expect(await (await open(request(), noParams)).json()).toEqual({ locale: "kk", signedIn: true });
  });

  it("refuses a post from another site when the route asks for the same origin", async () => {
    signIn("u_parent");
    const post = route({ access: "signedIn", sameOrigin: true, handler: () => new Response(null, { status: 204 }) });
    const cross = await post(request("", { method: "POST", headers: { origin: "https://evil.example" } }), noParams);
    expect(cross.status).toBe(403);
    const same = await post(request("", { method: "POST", headers: { origin: "http://localhost" } }), noParams);
    expect(same.status).toBe(204);
  });
});

describe("parameters", () => {
  const list = route({
    access: "public",
    params: z.object({ id: z.string().regex(/^\d+$/) }),
    query: z.object({ format: z.enum(["json", "csv"]).default("json"), page: z.coerce.number().int().min(1) }),
    handler: ({ params, query }) => NextResponse.json({ id: params.id, ...query }),
  });
  const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

  it("parses params and query with zod", async () => {
    const response = await list(request("page=2"), ctx("7"));
    expect(await response.json()).toEqual({ id: "7", format: "json", page: 2 });
  });

  it("answers 400 naming the parameter, its value and the allowed values, in the requested language", async () => {
    const en = await list(request("page=1&format=xml&locale=en"), ctx("7"));
    expect(en.status).toBe(400);
    const body = await error(en);
    expect(body.code).toBe("badRequest");
    expect(body.message).toContain("“format”");
    expect(body.message).toContain("xml");
    expect(body.message).toContain("json, csv");
    const ru = await error(await list(request("page=0&locale=ru"), ctx("7")));
    expect(ru.message).toContain("«page»");
    expect(ru.message).toContain("Недопустимое значение");
    const kk = await error(await list(request("page=1"), ctx("x")));
    expect(kk.message).toContain("«id»");
    const missing = await error(await list(request("locale=en"), ctx("7")));
    expect(missing.message).toBe("The parameter “page” is required.");
  });

  it("answers an unsupported locale with a 400 naming the locale parameter", async () => {
    const response = await list(request("page=1&locale=de"), ctx("7"));
    expect(response.status).toBe(400);
    const body = await error(response);
    expect(body.message).toContain("«locale»");
    expect(body.message).toContain("kk, ru, en");
  });

  it("names an unknown parameter of a strict query", async () => {
    const strict = route({
      access: "public",
      query: z.object({ q: z.string().default("") }).strict(),
      handler: () => new Response("ok"),
    });
    const body = await error(await strict(request("q=a&colour=red&locale=en"), noParams));
    expect(body.message).toBe("Unknown parameter “colour”.");
  });

  it("parses a JSON body and refuses another content type or a bad field", async () => {
    signIn("u_parent");
    const post = route({
      access: "signedIn",
      body: z.object({ text: z.string().trim().min(1).max(5) }),
      handler: ({ body }) => NextResponse.json(body, { status: 201 }),
    });
    const json = (value: unknown) =>
      request("locale=en", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(value),
      });
    expect(await (await post(json({ text: " hi " }), noParams)).json()).toEqual({ text: "hi" });
    const long = await post(json({ text: "too long" }), noParams);
    expect(long.status).toBe(400);
    expect(await error(long)).toEqual({ code: "validation", message: "At most 5 characters." });
    const form = await post(request("", { method: "POST", body: "text=hi" }), noParams);
    expect(form.status).toBe(403);
  });
});

describe("errors and answers", () => {
  it("maps an AppError to its status and an unexpected error to a 500 without details", async () => {
    const missing = route({
      access: "public",
      handler: () => {
        throw new AppError("notFound");
      },
    });
    const notFound = await missing(request("locale=en"), noParams);
    expect(notFound.status).toBe(404);
    expect(await error(notFound)).toEqual({ code: "notFound", message: "Record not found." });

    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const broken = route({
      access: "public",
      handler: () => {
        throw new Error("connection string postgres://secret");
      },
    });
    const internal = await broken(request("locale=en"), noParams);
    expect(internal.status).toBe(500);
    const body = await error(internal);
    expect(body.code).toBe("internal");
    expect(body.message).not.toContain("secret");
    const duplicate = route({
      access: "public",
      handler: () => {
        throw Object.assign(new Error("unique"), { code: "P2002" });
      },
    });
    expect((await duplicate(request(), noParams)).status).toBe(409);
    spy.mockRestore();
  });

  it("gives upload refusals their own status and extra members", async () => {
    const upload = route({
      access: "public",
      handler: () => {
        throw new AppError("validation", { file: "files.tooLarge" }, { max: 20 });
      },
    });
    const tooLarge = await upload(request("locale=en"), noParams);
    expect(tooLarge.status).toBe(413);
    expect((await error(tooLarge)).message).toContain("20");
    const detailed = route({
      access: "public",
      handler: () => {
        throw new AppError("validation", {}, {}, { status: 422, details: { problems: [{ row: 3 }] } });
      },
    });
    const response = await detailed(request(), noParams);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: "validation", problems: [{ row: 3 }] } });
  });

  it("passes on whatever Response the handler returns, streams included", async () => {
    const stream = route({
      access: "public",
      handler: () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode("data: one\n\n"));
              controller.enqueue(new TextEncoder().encode("data: two\n\n"));
              controller.close();
            },
          }),
          { headers: { "content-type": "text/event-stream" } },
        ),
    });
    const response = await stream(request(), noParams);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(await response.text()).toBe("data: one\n\ndata: two\n\n");
  });
});
