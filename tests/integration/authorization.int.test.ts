/**
 * Generated from the authorisation inventory (tests/authz/inventory.ts): every route handler and server action
 * that needs a permission is called signed out (refused: 401 / "please sign in") and as a role without the
 * permission (refused: 403 / "not allowed"); every `signedIn` one signed out; every public route handler
 * answers bad or missing input without a 500. Where a case is given in `OUT_OF_SCOPE`, the entry is also
 * called as a role that holds the permission for another school or family, and refused.
 */
import { join } from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { SECOND_FACTOR } from "@/lib/auth/roles";
import { enrolSecondFactor } from "@/tests/setup/helpers";
import { translator } from "@/lib/http";
import { DEMO_ACCOUNTS } from "@/prisma/seed/accounts";
import { ACTIONS, ROUTES, type Entry } from "../authz/inventory";

let session: { user: { id: string } } | null = null;
vi.mock("@/lib/auth/config", () => ({
  auth: async () => session,
  signIn: async () => undefined,
  signOut: async () => undefined,
  handlers: {},
}));
vi.mock("next-intl/server", async () => {
  const { translator: make } = await import("@/lib/http");
  const t = make("en");
  return {
    getLocale: async () => "en",
    setRequestLocale: () => undefined,
    getTranslations: async (namespace?: string | { namespace?: string }) => {
      const ns = typeof namespace === "string" ? namespace : namespace?.namespace;
      if (!ns) return t;
      return Object.assign((key: string, values?: Record<string, string | number>) => t(`${ns}.${key}`, values), {
        has: (key: string) => t.has(`${ns}.${key}`),
      });
    },
  };
});
vi.mock("next/cache", async (original) => ({
  ...(await original<typeof import("next/cache")>()),
  // the data cache needs the server's incremental cache; here a cached read is simply the read
  unstable_cache: (fn: unknown) => fn,
  refresh: () => undefined,
  updateTag: () => undefined,
  revalidateTag: () => undefined,
}));

// next-intl's navigation helpers resolve next/navigation as the bundler does; the actions only redirect with them
vi.mock("@/i18n/navigation", () => ({
  redirect: () => {
    throw new Error("redirect");
  },
  getPathname: () => "/",
}));

beforeEach(() => {
  session = null;
});

// the administrators have their second factor set up, as they must before their roles grant anything
beforeAll(async () => {
  for (const a of DEMO_ACCOUNTS) if (SECOND_FACTOR[a.role] === "required") await enrolSecondFactor(`u_${a.login}`);
});

const en = translator("en");
const signInAs = (login: string) => {
  session = { user: { id: `u_${login}` } };
};

/** The demo logins, most ordinary first: the first whose role lacks a permission is the one tried. */
const ORDER = ["student", "parent", "teacher", "editor", "moderator", "lexicographer", "official", "school"];
const ORDERED = [...ORDER, ...DEMO_ACCOUNTS.map((a) => a.login).filter((l) => !ORDER.includes(l))];

function loginWithout(permission: Permission): string | undefined {
  const roles = PERMISSIONS[permission] as readonly string[];
  return ORDERED.find((login) => !roles.includes(DEMO_ACCOUNTS.find((a) => a.login === login)!.role));
}

// --- route handlers -------------------------------------------------------------------------------------------

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function routeHandler(key: string): Promise<{ handler: Handler; url: string; method: string; params: object }> {
  const [file, method] = key.split(" ") as [string, string];
  const loaded = (await import(/* @vite-ignore */ join(process.cwd(), file))) as Record<string, Handler>;
  const segments = file.replace(/^app/, "").replace(/\/route\.tsx?$/, "");
  const params = Object.fromEntries([...segments.matchAll(/\[(\w+)\]/g)].map((m) => [m[1]!, "x"]));
  return { handler: loaded[method]!, url: `http://localhost${segments.replace(/\[(\w+)\]/g, "x")}`, method, params };
}

async function callRoute(
  key: string,
  options: { params?: Record<string, string>; query?: string } = {},
): Promise<{ status: number; code?: string }> {
  const { handler, url, method, params } = await routeHandler(key);
  const request = new Request(`${url}?locale=en${options.query ? `&${options.query}` : ""}`, {
    method,
    ...(method === "GET" || method === "HEAD" ? {} : { body: "" }),
  });
  const response = await handler(request, { params: Promise.resolve({ ...params, ...options.params }) });
  const body = response.headers.get("content-type")?.includes("json")
    ? ((await response.json()) as { error?: { code: string } })
    : {};
  return { status: response.status, code: body.error?.code };
}

// --- server actions -------------------------------------------------------------------------------------------

type FormAction = (previous: null, form: FormData) => Promise<{ ok: boolean; message?: string }>;

async function callAction(key: string, fields: Record<string, string> = {}) {
  const [file, name] = key.split("#") as [string, string];
  const loaded = (await import(/* @vite-ignore */ join(process.cwd(), file))) as Record<string, FormAction>;
  const form = new FormData();
  for (const [field, value] of Object.entries(fields)) form.set(field, value);
  return loaded[name]!(null, form);
}

// --- cases of a permission held for another school or family --------------------------------------------------

interface ScopeCase {
  /** A login that holds the entry's permission, but not over what is asked for. */
  as: string;
  params?: Record<string, string>;
  form?: Record<string, string>;
}

/** The student whose guardian is the demo parent (school No. 1). */
const parentsChild = async () =>
  (await prisma.guardianship.findFirstOrThrow({ where: { userId: "u_parent" }, select: { studentId: true } }))
    .studentId;

/** School No. 1 (the demo school administrator's organisation). */
const schoolOne = async () =>
  (await prisma.roleAssignment.findFirstOrThrow({ where: { userId: "u_school", role: "ORG_ADMIN" } })).organizationId!;
/** The demo teacher's role assignment at school No. 1. */
const teachersAssignment = async () =>
  (await prisma.roleAssignment.findFirstOrThrow({ where: { userId: "u_teacher" } })).id;

const OUT_OF_SCOPE: Record<string, () => Promise<ScopeCase[]>> = {
  "app/api/v1/diary/students/[id]/export/route.ts GET": async () => [
    { as: "parent2", params: { id: await parentsChild() } },
    { as: "school2", params: { id: await parentsChild() } },
  ],
  "lib/users/actions.ts#setUserActiveAction": async () => [
    { as: "school2", form: { id: "u_teacher", version: "1", active: "false" } },
  ],
  "lib/users/actions.ts#updateUserAction": async () => [
    { as: "school2", form: { id: "u_teacher", version: "1", displayName: "Someone Else", locale: "kk" } },
  ],
  "lib/users/actions.ts#createUserAction": async () => [
    {
      as: "school2",
      form: {
        login: "intruder1",
        displayName: "Intruder",
        password: "Another-Strong-Pass-2026!",
        locale: "kk",
        role: "TEACHER",
        organizationId: await schoolOne(),
      },
    },
  ],
  "lib/users/actions.ts#grantRoleAction": async () => [
    { as: "school2", form: { userId: "u_teacher", role: "TEACHER", organizationId: await schoolOne() } },
  ],
  "lib/users/actions.ts#revokeRoleAction": async () => [
    { as: "school2", form: { userId: "u_teacher", assignmentId: await teachersAssignment() } },
  ],
  "lib/mail/actions.ts#issueResetCodeAction": async () => [{ as: "school2", form: { userId: "u_parent" } }],
  "lib/users/actions.ts#resetPasswordAction": async () => [
    { as: "school2", form: { id: "u_teacher", password: "Another-Strong-Pass-2026!" } },
  ],
};

const REFUSED_CODES = ["forbidden", "outOfScope", "notFound"];
const refusedMessages = () => REFUSED_CODES.map((code) => en(`errors.${code}`));

function describeEntries(kind: "route" | "action", entries: Record<string, Entry>) {
  describe(kind === "route" ? "route handlers" : "server actions", () => {
    for (const [key, entry] of Object.entries(entries)) {
      if ("access" in entry && entry.access === "nextAuth") continue;
      if ("access" in entry && entry.access === "public") {
        if (kind === "route")
          it(`${key}: public, answers missing or bad input without a 500`, async () => {
            expect((await callRoute(key)).status).toBeLessThan(500);
          });
        continue;
      }

      it(`${key}: refused signed out`, async () => {
        if (kind === "route") expect(await callRoute(key)).toEqual({ status: 401, code: "unauthenticated" });
        else expect(await callAction(key)).toMatchObject({ ok: false, message: en("errors.unauthenticated") });
      });

      if ("permission" in entry) {
        const login = loginWithout(entry.permission);
        if (login)
          it(`${key}: refused to ${login}, who lacks ${entry.permission}`, async () => {
            signInAs(login);
            if (kind === "route") expect(await callRoute(key)).toEqual({ status: 403, code: "forbidden" });
            else expect(await callAction(key)).toMatchObject({ ok: false, message: en("errors.forbidden") });
          });
      }

      const scoped = OUT_OF_SCOPE[key];
      if (scoped)
        it(`${key}: refused to a holder of the permission outside its scope`, async () => {
          for (const scopeCase of await scoped()) {
            signInAs(scopeCase.as);
            if (kind === "route") {
              const answer = await callRoute(key, { params: scopeCase.params });
              expect([403, 404], `${scopeCase.as}: ${JSON.stringify(answer)}`).toContain(answer.status);
              expect(REFUSED_CODES).toContain(answer.code);
            } else {
              const result = await callAction(key, scopeCase.form);
              expect(result.ok, scopeCase.as).toBe(false);
              expect(refusedMessages()).toContain(result.message);
            }
          }
        });
    }
  });
}

describeEntries("route", ROUTES);
describeEntries("action", ACTIONS);

it("has an out-of-scope case only for listed entries", () => {
  for (const key of Object.keys(OUT_OF_SCOPE)) expect({ ...ROUTES, ...ACTIONS }).toHaveProperty([key]);
});
