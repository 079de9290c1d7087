/**
 * Generated from the authorisation inventory (tests/authz/inventory.ts): every route handler and server action
 * that needs a permission is called signed out (refused: 401 / "please sign in") and as a role without the
 * permission (refused: 403 / "not allowed"); every `signedIn` one signed out; every public route handler
 * answers bad or missing input without a 500. Where a case is given in `OUT_OF_SCOPE`, the entry is also
 * called as a role that holds the permission for another school, district, region, class or family, and
 * refused (the entries without one are listed there with the reason).
 */
import { generateKeyPairSync } from "node:crypto";
import { join } from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { SECOND_FACTOR } from "@/lib/auth/roles";
import { enrolSecondFactor } from "@/tests/setup/helpers";
import { translator } from "@/lib/http";
import { DEMO_ACCOUNTS } from "@/prisma/seed/accounts";
import { iinPrefix, withCheckDigit } from "@/lib/identity";
import { fingerprint, publicKeyPem } from "@/lib/packages/crypto";
import type { Prisma, SubmissionStatus } from "@/lib/generated/prisma/client";
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
  options: { params?: Record<string, string>; query?: string; body?: string } = {},
): Promise<{ status: number; code?: string }> {
  const { handler, url, method, params } = await routeHandler(key);
  const request = new Request(`${url}?locale=en${options.query ? `&${options.query}` : ""}`, {
    method,
    ...(method === "GET" || method === "HEAD" ? {} : { body: options.body ?? "" }),
  });
  const response = await handler(request, { params: Promise.resolve({ ...params, ...options.params }) });
  const body = response.headers.get("content-type")?.includes("json")
    ? ((await response.json()) as { error?: { code: string } })
    : {};
  return { status: response.status, code: body.error?.code };
}

// --- server actions -------------------------------------------------------------------------------------------

type FormAction = (
  previous: null,
  form: FormData,
) => Promise<{ ok: boolean; message?: string; fieldErrors?: Record<string, string> }>;

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
  query?: string;
  /** A route handler's request body. */
  body?: string;
  form?: Record<string, string>;
  /**
   * A create refused as a form error on the one field that points outside the scope (`[field, message key]`),
   * instead of a refusal of the whole call; no other field may be at fault.
   */
  field?: [string, string];
  /** Checks after the refused call that nothing was written. */
  unchanged?: () => Promise<void>;
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

/** School No. 2 of Kokshetau (the second school administrator's organisation). */
const schoolTwo = async () =>
  (await prisma.roleAssignment.findFirstOrThrow({ where: { userId: "u_school2", role: "ORG_ADMIN" } })).organizationId!;
/** Astana, outside Akmola region (the demo region administrator's) and Kokshetau (the district's). */
const ASTANA = "t710000000";
const ASTANA_DISTRICT = "t710200000";
/** A school in Astana. */
const astanaSchool = () =>
  prisma.organization.findFirstOrThrow({ where: { territoryId: ASTANA_DISTRICT, kind: { code: "SCHOOL" } } });
/** A registry person of school No. 1. */
const personOfSchoolOne = async () =>
  prisma.person.findFirstOrThrow({ where: { organizationId: await schoolOne() }, orderBy: { id: "asc" } });

/** A valid BIN and IIN that are not in the registry (a create would pass every other check). */
const freshBin = async () => {
  for (let n = 0; ; n++) {
    const bin = withCheckDigit(`2403409${String(n).padStart(4, "0")}`);
    if (bin && !(await prisma.organization.findUnique({ where: { bin } }))) return bin;
  }
};
const freshIin = async () => {
  for (let n = 0; ; n++) {
    const iin = withCheckDigit(`${iinPrefix("2015-03-04", "MALE")}${String(9000 + n)}`);
    if (iin && !(await prisma.person.findUnique({ where: { iin } }))) return iin;
  }
};

/** A valid IIN of a girl born in 2020 that no application has yet. */
const childIin = async () => {
  for (let n = 0; ; n++) {
    const iin = withCheckDigit(`${iinPrefix("2020-03-04", "FEMALE")}${String(9000 + n)}`);
    if (iin && !(await prisma.serviceApplication.findFirst({ where: { childIin: iin } }))) return iin;
  }
};

/** The form of an organisation as its edit page sends it back. */
function organizationForm(o: Awaited<ReturnType<typeof astanaSchool>>) {
  return {
    id: o.id,
    version: String(o.version),
    bin: o.bin,
    nameKk: o.nameKk,
    nameRu: o.nameRu,
    nameEn: `${o.nameEn} (renamed)`,
    kindId: o.kindId,
    territoryId: o.territoryId,
    reportsToId: o.reportsToId ?? "",
    languageId: o.languageId ?? "",
    status: o.status,
    isUrban: o.isUrban ? "on" : "",
    address: o.address ?? "",
  };
}

/** Nothing about a row changed: its version is the same. */
const sameVersion = (read: () => Promise<{ version: number }>, version: number) => async () =>
  expect((await read()).version).toBe(version);

/** An incoming letter in the register of school No. 1 (the tiny seed has none). */
const schoolOneLetter = async () => {
  const organizationId = await schoolOne();
  return prisma.letter.upsert({
    where: { id: "letter_scope_case" },
    update: {},
    create: {
      id: "letter_scope_case",
      organizationId,
      direction: "INCOMING",
      year: 2026,
      sequence: 9001,
      number: "Кіріс-2026/9001",
      correspondent: "Көкшетау қалалық білім бөлімі",
      subject: "Scope case",
      registeredById: "u_school",
    },
  });
};

/** 5 А of school No. 1: the demo teacher's class (teacher2 teaches 5 Ә only), its first subject and term 2. */
const teachersClass = async () => {
  const assignment = await prisma.teachingAssignment.findFirstOrThrow({
    where: { teacherId: "u_teacher" },
    orderBy: { subjectId: "asc" },
    include: { classGroup: true },
  });
  const term = await prisma.term.findFirstOrThrow({
    where: { academicYearId: assignment.classGroup.academicYearId, number: 2 },
  });
  return { classGroupId: assignment.classGroupId, subjectId: assignment.subjectId, termId: term.id, term };
};

/** An application of the demo parent (to school No. 1 unless said otherwise), written as the service would. */
async function application(
  id: string,
  data: Partial<Prisma.ServiceApplicationUncheckedCreateInput> = {},
): Promise<{ id: string; version: number }> {
  return prisma.serviceApplication.upsert({
    where: { id },
    update: {},
    create: {
      id,
      kind: "FIRST_GRADE",
      applicantId: "u_parent",
      organizationId: await schoolOne(),
      childIin: await childIin(),
      childLastName: "Омарова",
      childFirstName: "Айым",
      childBirthDate: new Date("2020-03-04T00:00:00Z"),
      admissionYear: 2026,
      dueAt: new Date("2027-01-01T00:00:00Z"),
      ...data,
    },
  });
}
/** The application's status and version are as before the refused call. */
const applicationUnchanged = (app: { id: string; version: number }) => async () =>
  expect(await prisma.serviceApplication.findUniqueOrThrow({ where: { id: app.id } })).toMatchObject({
    version: app.version,
  });
/** The demo parent's child moving from school No. 1 to school No. 2. */
const transfer = async (status: "SUBMITTED" | "RELEASED") =>
  application(`app_scope_transfer_${status}`, {
    kind: "TRANSFER",
    status,
    childId: await parentsChild(),
    targetOrganizationId: await schoolTwo(),
    targetGrade: 5,
    admissionYear: null,
  });
/** A first-grade class of the school's year under way (the demo seed has one in each demo school, tiny none). */
const firstGradeClass = async (organizationId: string) => {
  const academicYearId = `ay_${organizationId}_2026`;
  await prisma.academicYear.upsert({
    where: { id: academicYearId },
    update: {},
    create: {
      id: academicYearId,
      organizationId,
      label: "2026/2027",
      startDate: new Date("2026-09-01T00:00:00Z"),
      endDate: new Date("2027-05-25T00:00:00Z"),
    },
  });
  const id = `cg_${academicYearId}_1_scope`;
  await prisma.classGroup.upsert({
    where: { id },
    update: {},
    create: { id, organizationId, academicYearId, grade: 1, letter: "А", languageId: "c_language_kk" },
  });
  return id;
};

/** A signing key of school No. 1 for data packages. */
const schoolOneKey = async () => {
  const publicKey = generateKeyPairSync("ed25519").publicKey;
  return prisma.packageKey.upsert({
    where: { id: "key_scope_case" },
    update: {},
    create: {
      id: "key_scope_case",
      organizationId: await schoolOne(),
      publicKey: publicKeyPem(publicKey),
      fingerprint: fingerprint(publicKey),
      label: "Scope case",
      validFrom: new Date("2026-01-01T00:00:00Z"),
      validTo: new Date("2027-12-31T00:00:00Z"),
    },
  });
};

/** The latest revision of a report of school No. 1 in one of these states. */
const schoolOneSubmission = async (status: SubmissionStatus[]) =>
  prisma.submission.findFirstOrThrow({
    where: { organizationId: await schoolOne(), status: { in: status }, supersededAt: null },
    orderBy: { id: "asc" },
  });
/** A report of an Astana organisation (outside Akmola region and Kokshetau) in the given state. */
const astanaSubmission = (status: SubmissionStatus) =>
  prisma.submission.findFirstOrThrow({
    where: { status, supersededAt: null, organization: { territory: { path: { contains: `/${ASTANA}/` } } } },
    orderBy: { id: "asc" },
  });
/** A reviewer without a reviewing role over the organisation's territory (not merely another level's turn). */
const REVIEW_OUT_OF_SCOPE: [string, string] = ["workflow", "reportingWorkflow.outOfScope"];
const submissionUnchanged = (submission: { id: string; version: number; status: SubmissionStatus }) => async () =>
  expect(await prisma.submission.findUniqueOrThrow({ where: { id: submission.id } })).toMatchObject({
    version: submission.version,
    status: submission.status,
  });

/**
 * A national rating of regions (defined over the republic, so outside a region administrator's scope), as
 * the ministry creates it: the tiny seed has no ratings.
 */
const nationalMethod = async () => {
  const republic = await prisma.territory.findFirstOrThrow({ where: { level: "REPUBLIC" } });
  await prisma.ratingMethod.upsert({
    where: { code: "regions-scope-case" },
    update: {},
    create: {
      code: "regions-scope-case",
      level: "REGION",
      territoryId: republic.id,
      nameKk: "Өңірлер рейтингі",
      nameRu: "Рейтинг регионов",
      nameEn: "Rating of regions",
      createdById: "u_ministry",
      versions: {
        create: {
          number: 1,
          aggregation: "arithmetic",
          indicators: [
            {
              code: "pupilsPerTeacher",
              direction: "lower",
              normalisation: "minmax",
              missing: "exclude-entity",
              weight: 100,
            },
          ],
        },
      },
    },
  });
  return prisma.ratingMethod.findUniqueOrThrow({
    where: { code: "regions-scope-case" },
    include: { versions: { orderBy: { number: "desc" }, take: 1 } },
  });
};

/** A teacher's thread with the demo parent about their child, in the child's class. */
const parentsThread = async () => {
  const studentId = await parentsChild();
  const enrolment = await prisma.classEnrolment.findFirstOrThrow({ where: { studentId } });
  const teacherId = (await prisma.classGroup.findUniqueOrThrow({ where: { id: enrolment.classGroupId } }))
    .homeroomTeacherId!;
  return prisma.diaryThread.upsert({
    where: { id: "thread_scope_case" },
    update: {},
    create: {
      id: "thread_scope_case",
      organizationId: enrolment.organizationId,
      classGroupId: enrolment.classGroupId,
      studentId,
      createdById: teacherId,
      messages: { create: { organizationId: enrolment.organizationId, authorId: teacherId, body: "Hello" } },
    },
  });
};

/** A certificate of study the demo parent requested for their child (through the action, as they would). */
const parentsCertificate = async () => {
  signInAs("parent");
  const issued = await callAction("lib/services/actions.ts#requestCertificateAction", {
    studentId: await parentsChild(),
    language: "kk",
  });
  expect(issued.ok, JSON.stringify(issued)).toBe(true);
  return prisma.certificate.findFirstOrThrow({ where: { studentId: await parentsChild() }, orderBy: { seq: "desc" } });
};

/** A preschool application of the demo parent in the Kokshetau queue (kept by its education department). */
const KOKSHETAU = "t110200000";
const preschoolApplication = async (id: string, status: "SUBMITTED" | "OFFERED") => {
  const department = await prisma.organization.findFirstOrThrow({
    where: { territoryId: KOKSHETAU, kind: { code: "EDU_DEPT_DISTRICT" } },
  });
  const kindergarten = await prisma.organization.findFirstOrThrow({
    where: { territoryId: KOKSHETAU, kind: { code: "PRESCHOOL" }, status: "ACTIVE" },
    orderBy: { id: "asc" },
  });
  const app = await application(id, {
    kind: "PRESCHOOL",
    status,
    organizationId: department.id,
    territoryId: KOKSHETAU,
    queuePosition: status === "SUBMITTED" ? 1 : null,
    admissionYear: null,
    childBirthDate: new Date("2023-03-04T00:00:00Z"),
    ...(status === "OFFERED"
      ? { targetOrganizationId: kindergarten.id, offerExpiresAt: new Date("2027-01-01T00:00:00Z") }
      : {}),
  });
  return { app, kindergarten };
};

/** A data package school No. 1 sent (stored as the upload would store it; signature not checked here). */
const schoolOnePackage = async () => {
  const key = await schoolOneKey();
  const bytes = Buffer.from('{"formCode":"SCOPE","values":{}}');
  return prisma.dataPackage.upsert({
    where: { id: "pkg_scope_case" },
    update: {},
    create: {
      id: "pkg_scope_case",
      organizationId: key.organizationId,
      keyId: key.id,
      formCode: "SCOPE",
      year: 2026,
      periodLabel: "2026",
      bytes,
      signature: "c2lnbmF0dXJl",
      sha256: "0".repeat(64),
      size: bytes.length,
      sentAt: new Date("2026-11-20T00:00:00Z"),
      receivedAt: new Date("2026-11-20T00:00:00Z"),
      verdict: "ACCEPTED",
      receipt: {},
      expiresAt: new Date("2027-11-20T00:00:00Z"),
    },
  });
};

/** School No. 1's letter with a file attached by its administrator (through the route, as the card does). */
const schoolOneLetterWithFile = async () => {
  const letter = await schoolOneLetter();
  if (!letter.fileSha256) {
    signInAs("school");
    const query = `version=${letter.version}&name=letter.pdf`;
    const body = "%PDF-1.4\n%%EOF\n";
    expect(
      await callRoute("app/api/v1/letters/[id]/file/route.ts PUT", { params: { id: letter.id }, query, body }),
    ).toMatchObject({ status: 200 });
  }
  return prisma.letter.findUniqueOrThrow({ where: { id: letter.id } });
};

/**
 * Cases of a permission held for another school, district, region, class or family: each a real attempt
 * (valid input that succeeds for the one in scope), refused, and where cheap with a check that nothing changed.
 *
 * Entries with a permission but no case here, and why:
 * - scope "all" only (the ministry, or republic-wide roles): archive (`archive.manage`: backups, settings,
 *   filing), `audit.read`, `classifiers.manage`, the dictionary (`dictionary.edit` / `dictionary.review`:
 *   lexicographers work republic-wide), `reporting.design`, `reporting.accept` (close a period),
 *   `search.manage`, `diary.weights`, `forums.moderate` (moderators and the ministry, republic-wide) and
 *   `publications.review`;
 * - nothing scoped is named, the answer is limited to the caller's scope instead: `audit` GET, the data bank's
 *   pivot export and saved views (a view is its owner's; its query runs in the scope of who opens it), the
 *   consolidated report of a (national) period, the letters' CSV export (the registers in scope);
 * - `publications.write`: a draft is its author's alone; another teacher is tried on the draft itself
 *   (save, submit, delete); the attachment upload and removal need a stored file and are covered by
 *   lib/publications' own tests;
 * - a new child typed in by IIN, not a record in scope: `applyFirstGradeAction`, `applyPreschoolAction`
 *   (a child with other guardians is refused by lib/services' own tests).
 */
/** A draft lesson plan of the demo teacher (written through the action, as the editor page does). */
const DRAFT_FORM = { type: "LESSON_PLAN", language: "kk", title: "Бөлшектер", body: "Сабақ жоспары" };
const teachersDraft = async () => {
  const existing = await prisma.publication.findFirst({
    where: { authorId: "u_teacher", status: "DRAFT", title: DRAFT_FORM.title },
  });
  if (existing) return existing;
  signInAs("teacher");
  // a new draft's action ends in a redirect to its page, which the test's navigation stub throws
  await callAction("lib/publications/actions.ts#saveDraftAction", DRAFT_FORM);
  return prisma.publication.findFirstOrThrow({
    where: { authorId: "u_teacher", status: "DRAFT", title: DRAFT_FORM.title },
  });
};
const draftUnchanged = (draft: { id: string; version: number; status: string }) => async () =>
  expect(await prisma.publication.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
    version: draft.version,
    status: draft.status,
  });

const OUT_OF_SCOPE: Record<string, () => Promise<ScopeCase[]>> = {
  // publications: another teacher on the demo teacher's draft (a draft is its author's alone)
  "lib/publications/actions.ts#saveDraftAction": async () => {
    const draft = await teachersDraft();
    const form = { ...DRAFT_FORM, id: draft.id, version: String(draft.version), title: "Someone else's title" };
    return [{ as: "teacher2", form, unchanged: draftUnchanged(draft) }];
  },
  "lib/publications/actions.ts#submitAction": async () => {
    const draft = await teachersDraft();
    return [{ as: "teacher2", form: { id: draft.id }, unchanged: draftUnchanged(draft) }];
  },
  "lib/publications/actions.ts#deleteDraftAction": async () => {
    const draft = await teachersDraft();
    return [{ as: "teacher2", form: { id: draft.id }, unchanged: draftUnchanged(draft) }];
  },

  "app/api/v1/letters/[id]/file/route.ts GET": async () => [
    { as: "school2", params: { id: (await schoolOneLetterWithFile()).id } },
  ],
  "app/api/v1/packages/[id]/original/route.ts GET": async () => [
    { as: "school2", params: { id: (await schoolOnePackage()).id } },
  ],

  "lib/services/actions.ts#offerPlaceAction": async () => {
    const { app, kindergarten } = await preschoolApplication("app_scope_preschool_queue", "SUBMITTED");
    const form = { applicationId: app.id, version: String(app.version), organizationId: kindergarten.id };
    return [{ as: "school2", form, unchanged: applicationUnchanged(app) }];
  },
  "lib/services/actions.ts#answerOfferAction": async () => {
    const { app } = await preschoolApplication("app_scope_preschool_offer", "OFFERED");
    const form = { applicationId: app.id, version: String(app.version), accept: "yes" };
    return [{ as: "parent2", form, unchanged: applicationUnchanged(app) }];
  },

  "lib/diary/actions.ts#replyAction": async () => {
    const thread = await parentsThread();
    const count = () => prisma.diaryMessage.count({ where: { threadId: thread.id } });
    const before = await count();
    return [
      {
        as: "parent2",
        form: { threadId: thread.id, body: "Not my child's thread" },
        unchanged: async () => expect(await count()).toBe(before),
      },
    ];
  },
  "app/api/v1/services/certificates/[id]/pdf/route.ts GET": async () => [
    { as: "parent2", params: { id: (await parentsCertificate()).id } },
  ],

  // open ratings: the Akmola administrator on a method of Astana or of the republic
  "lib/ratings/actions.ts#createMethodAction": async () => {
    const form = {
      code: "astana-districts-scope",
      level: "DISTRICT",
      territoryId: ASTANA,
      nameKk: "Астана аудандары",
      nameRu: "Районы Астаны",
      nameEn: "Districts of Astana",
    };
    const unchanged = async () => expect(await prisma.ratingMethod.count({ where: { code: form.code } })).toBe(0);
    return [{ as: "region", form, unchanged }];
  },
  "lib/ratings/actions.ts#saveVersionAction": async () => {
    const method = await nationalMethod();
    const latest = method.versions[0]!;
    const form = { methodId: method.id, aggregation: "arithmetic", w_pupilsPerTeacher: "60", w_vacancyRate: "40" };
    const unchanged = async () => {
      const now = await nationalMethod();
      expect(now.versions[0]).toMatchObject({ id: latest.id, indicators: latest.indicators });
    };
    return [{ as: "region", form, unchanged }];
  },
  "lib/ratings/actions.ts#publishRatingAction": async () => {
    const method = await nationalMethod();
    const count = () => prisma.rating.count({ where: { methodId: method.id } });
    const before = await count();
    return [
      {
        as: "region",
        form: { methodId: method.id, year: "2026" },
        unchanged: async () => expect(await count()).toBe(before),
      },
    ];
  },

  // reporting: school No. 2 on school No. 1's report; Kokshetau and Akmola reviewers on an Astana report
  "lib/reporting/actions-entry.ts#saveDraftAction": async () => {
    const draft = await schoolOneSubmission(["DRAFT", "RETURNED"]);
    const form = {
      periodId: draft.periodId,
      organizationId: draft.organizationId,
      version: String(draft.version),
      values: JSON.stringify(draft.values),
      comments: "{}",
    };
    return [{ as: "school2", form, unchanged: submissionUnchanged(draft) }];
  },
  "lib/reporting/actions-entry.ts#submitReportAction": async () => {
    // the draft filled in with the values of a report handed over for the same form, so handing it over
    // passes every check but the scope
    const found = await schoolOneSubmission(["DRAFT", "RETURNED"]);
    const full = await prisma.submission.findFirstOrThrow({
      where: { formVersionId: found.formVersionId, status: "SUBMITTED" },
      orderBy: { id: "asc" },
    });
    const draft = await prisma.submission.update({
      where: { id: found.id },
      data: { values: full.values ?? {}, comments: full.comments ?? {} },
    });
    const form = {
      periodId: draft.periodId,
      organizationId: draft.organizationId,
      version: String(draft.version),
      comments: "{}",
    };
    return [{ as: "school2", form, unchanged: submissionUnchanged(draft) }];
  },
  "app/api/v1/reporting/template/upload/route.ts POST": async () => {
    const draft = await schoolOneSubmission(["DRAFT", "RETURNED"]);
    // who may upload is settled from the query before the body is read
    const query = `periodId=${draft.periodId}&organizationId=${draft.organizationId}`;
    return [{ as: "school2", query, unchanged: submissionUnchanged(draft) }];
  },
  "lib/reporting/review-actions.ts#approveSubmissionAction": async () => {
    const submitted = await astanaSubmission("SUBMITTED");
    const form = { submissionId: submitted.id, version: String(submitted.version) };
    const unchanged = submissionUnchanged(submitted);
    return [
      { as: "district", form, field: REVIEW_OUT_OF_SCOPE, unchanged },
      { as: "region", form, field: REVIEW_OUT_OF_SCOPE, unchanged },
    ];
  },
  "lib/reporting/review-actions.ts#acceptSubmissionAction": async () => {
    const submitted = await astanaSubmission("SUBMITTED");
    const form = { submissionId: submitted.id, version: String(submitted.version) };
    const unchanged = submissionUnchanged(submitted);
    return [
      { as: "district", form, field: REVIEW_OUT_OF_SCOPE, unchanged },
      { as: "region", form, field: REVIEW_OUT_OF_SCOPE, unchanged },
    ];
  },
  "lib/reporting/review-actions.ts#returnSubmissionAction": async () => {
    const submitted = await astanaSubmission("SUBMITTED");
    const form = { submissionId: submitted.id, version: String(submitted.version), reason: "Row 3 does not add up" };
    const unchanged = submissionUnchanged(submitted);
    return [
      { as: "district", form, field: REVIEW_OUT_OF_SCOPE, unchanged },
      { as: "region", form, field: REVIEW_OUT_OF_SCOPE, unchanged },
    ];
  },
  "lib/reporting/review-actions.ts#undoStepAction": async () => {
    const approved = await astanaSubmission("APPROVED_DISTRICT");
    const form = { submissionId: approved.id, version: String(approved.version) };
    return [
      { as: "district", form, field: REVIEW_OUT_OF_SCOPE, unchanged: submissionUnchanged(approved) },
      { as: "region", form, field: REVIEW_OUT_OF_SCOPE, unchanged: submissionUnchanged(approved) },
    ];
  },
  "lib/reporting/review-actions.ts#startCorrectionAction": async () => {
    const accepted = await schoolOneSubmission(["ACCEPTED"]);
    const count = () => prisma.submission.count({ where: { organizationId: accepted.organizationId } });
    const before = await count();
    return [
      {
        as: "school2",
        form: { submissionId: accepted.id, reason: "The contingent of grade 10 was entered wrongly" },
        unchanged: async () => {
          await submissionUnchanged(accepted)();
          expect(await count()).toBe(before);
        },
      },
    ];
  },

  // electronic services: school No. 2 on an application to school No. 1; parent2 on the demo parent's things
  "lib/services/actions.ts#requestCertificateAction": async () => {
    const count = () => prisma.certificate.count();
    const before = await count();
    return [
      {
        as: "parent2",
        form: { studentId: await parentsChild(), language: "kk" },
        unchanged: async () => expect(await count()).toBe(before),
      },
    ];
  },
  "lib/services/actions.ts#applyTransferAction": async () => {
    const count = () => prisma.serviceApplication.count({ where: { applicantId: "u_parent2" } });
    const before = await count();
    return [
      {
        as: "parent2",
        form: { studentId: await parentsChild(), targetOrganizationId: await schoolTwo(), targetGrade: "5" },
        field: ["studentId", "services.notYourChild"],
        unchanged: async () => expect(await count()).toBe(before),
      },
    ];
  },
  "lib/services/actions.ts#answerInformationAction": async () => {
    const app = await application("app_scope_needs_info", { status: "NEEDS_INFO" });
    return [
      {
        as: "parent2",
        form: { applicationId: app.id, version: String(app.version), note: "Here it is" },
        unchanged: applicationUnchanged(app),
      },
    ];
  },
  "lib/services/actions.ts#startReviewAction": async () => {
    const app = await application("app_scope_submitted");
    const form = { applicationId: app.id, version: String(app.version) };
    return [{ as: "school2", form, unchanged: applicationUnchanged(app) }];
  },
  "lib/services/actions.ts#refuseApplicationAction": async () => {
    const app = await application("app_scope_submitted");
    const form = { applicationId: app.id, version: String(app.version), reason: "No places left this year" };
    return [{ as: "school2", form, unchanged: applicationUnchanged(app) }];
  },
  "lib/services/actions.ts#requestInformationAction": async () => {
    const app = await application("app_scope_submitted");
    const form = { applicationId: app.id, version: String(app.version), reason: "Send the birth certificate" };
    return [{ as: "school2", form, unchanged: applicationUnchanged(app) }];
  },
  "lib/services/actions.ts#acceptFirstGradeAction": async () => {
    const app = await application("app_scope_in_review", { status: "IN_REVIEW" });
    const classGroupId = await firstGradeClass(await schoolOne());
    const form = { applicationId: app.id, version: String(app.version), classGroupId };
    return [{ as: "school2", form, unchanged: applicationUnchanged(app) }];
  },
  // a transfer's sides: the school joined may not release it, the school left may not accept it
  "lib/services/actions.ts#releaseTransferAction": async () => {
    const app = await transfer("SUBMITTED");
    const form = { applicationId: app.id, version: String(app.version) };
    return [{ as: "school2", form, unchanged: applicationUnchanged(app) }];
  },
  "lib/services/actions.ts#acceptTransferAction": async () => {
    const app = await transfer("RELEASED");
    const classGroupId = await firstGradeClass(await schoolTwo());
    const form = { applicationId: app.id, version: String(app.version), classGroupId };
    return [{ as: "school", form, unchanged: applicationUnchanged(app) }];
  },
  // data packages: school No. 2 on school No. 1's signing keys
  "lib/packages/actions.ts#registerKeyAction": async () => {
    const organizationId = await schoolOne();
    const publicKey = publicKeyPem(generateKeyPairSync("ed25519").publicKey);
    const count = () => prisma.packageKey.count({ where: { organizationId } });
    const before = await count();
    const form = { organizationId, label: "Intruder", publicKey, validFrom: "2026-12-01", validTo: "2027-12-01" };
    return [{ as: "school2", form, unchanged: async () => expect(await count()).toBe(before) }];
  },
  "lib/packages/actions.ts#revokeKeyAction": async () => {
    const key = await schoolOneKey();
    const unchanged = async () =>
      expect((await prisma.packageKey.findUniqueOrThrow({ where: { id: key.id } })).revokedAt).toBeNull();
    return [{ as: "school2", form: { id: key.id }, unchanged }];
  },

  // registry: a district or region administrator on an Astana school; a school on another school's person
  "lib/registry/actions.ts#updateOrganizationAction": async () => {
    const school = await astanaSchool();
    const unchanged = sameVersion(
      () => prisma.organization.findUniqueOrThrow({ where: { id: school.id } }),
      school.version,
    );
    return [
      { as: "district", form: organizationForm(school), unchanged },
      { as: "region", form: organizationForm(school), unchanged },
      {
        as: "school2",
        form: organizationForm(await prisma.organization.findUniqueOrThrow({ where: { id: await schoolOne() } })),
      },
    ];
  },
  "lib/registry/actions.ts#createOrganizationAction": async () => {
    const form = { ...organizationForm(await astanaSchool()), id: "", version: "", bin: await freshBin() };
    const unchanged = async () => expect(await prisma.organization.count({ where: { bin: form.bin } })).toBe(0);
    return [
      { as: "district", form, field: ["territoryId", "territory.outOfScope"], unchanged },
      { as: "region", form, field: ["territoryId", "territory.outOfScope"], unchanged },
    ];
  },
  "lib/registry/person-actions.ts#updatePersonAction": async () => {
    const person = await personOfSchoolOne();
    const form = {
      id: person.id,
      version: String(person.version),
      iin: person.iin,
      lastName: person.lastName,
      firstName: "Renamed",
      middleName: person.middleName ?? "",
      birthDate: "",
      sex: "",
      organizationId: person.organizationId!,
    };
    return [
      {
        as: "school2",
        form,
        unchanged: sameVersion(() => prisma.person.findUniqueOrThrow({ where: { id: person.id } }), person.version),
      },
    ];
  },
  "lib/registry/person-actions.ts#createPersonAction": async () => {
    const iin = await freshIin();
    const form = { iin, lastName: "Сынақов", firstName: "Асқар", middleName: "", birthDate: "", sex: "" };
    const unchanged = async () => expect(await prisma.person.count({ where: { iin } })).toBe(0);
    const outOfScope: [string, string] = ["organizationId", "organization.outOfScope"];
    return [
      { as: "school2", form: { ...form, organizationId: await schoolOne() }, field: outOfScope, unchanged },
      { as: "district", form: { ...form, organizationId: (await astanaSchool()).id }, field: outOfScope, unchanged },
    ];
  },
  "lib/registry/territory-actions.ts#updateTerritoryAction": async () => {
    const territory = await prisma.territory.findUniqueOrThrow({ where: { id: ASTANA_DISTRICT } });
    const form = {
      id: territory.id,
      version: String(territory.version),
      code: territory.code,
      nameKk: territory.nameKk,
      nameRu: territory.nameRu,
      nameEn: `${territory.nameEn} (renamed)`,
      parentId: territory.parentId ?? "",
    };
    const read = () => prisma.territory.findUniqueOrThrow({ where: { id: territory.id } });
    return [{ as: "region", form, unchanged: sameVersion(read, territory.version) }];
  },
  "lib/registry/territory-actions.ts#createTerritoryAction": async () => {
    const form = { code: "719990000", nameKk: "Сынақ ауданы", nameRu: "Тестовый район", nameEn: "Test District" };
    const unchanged = async () => expect(await prisma.territory.count({ where: { code: form.code } })).toBe(0);
    return [
      {
        as: "region",
        form: { ...form, level: "DISTRICT", parentId: ASTANA },
        field: ["parentId", "territory.outOfScope"],
        unchanged,
      },
    ];
  },
  // letter registers: school No. 2 on school No. 1's register
  "lib/letters/actions.ts#registerLetterAction": async () => {
    const organizationId = await schoolOne();
    const before = await prisma.letter.count({ where: { organizationId } });
    return [
      {
        as: "school2",
        form: { organizationId, direction: "INCOMING", correspondent: "Someone", subject: "Intrusion" },
        unchanged: async () => expect(await prisma.letter.count({ where: { organizationId } })).toBe(before),
      },
    ];
  },
  "lib/letters/actions.ts#updateLetterAction": async () => {
    const letter = await schoolOneLetter();
    const read = () => prisma.letter.findUniqueOrThrow({ where: { id: letter.id } });
    return [
      {
        as: "school2",
        form: { id: letter.id, version: String(letter.version), correspondent: "Someone", subject: "Changed" },
        unchanged: sameVersion(read, letter.version),
      },
    ];
  },
  "lib/letters/actions.ts#changeStatusAction": async () => {
    const letter = await schoolOneLetter();
    const read = () => prisma.letter.findUniqueOrThrow({ where: { id: letter.id } });
    return [
      {
        as: "school2",
        form: { id: letter.id, version: String(letter.version), status: "IN_PROGRESS" },
        unchanged: sameVersion(read, letter.version),
      },
    ];
  },
  "app/api/v1/letters/[id]/file/route.ts PUT": async () => {
    const letter = await schoolOneLetter();
    return [
      {
        as: "school2",
        params: { id: letter.id },
        query: `version=${letter.version}&name=letter.pdf`,
        body: "%PDF-1.4\n%%EOF\n",
        unchanged: async () =>
          expect(await prisma.letter.findUniqueOrThrow({ where: { id: letter.id } })).toMatchObject({
            version: letter.version,
            fileSha256: letter.fileSha256,
          }),
      },
    ];
  },
  // e-diary: teacher2 on the demo teacher's class; school No. 2 on school No. 1's set-up; parent2 on a child
  "lib/diary/actions.ts#saveJournalAction": async () => {
    const key = await teachersClass();
    const lesson = await prisma.lesson.findFirstOrThrow({
      where: { classGroupId: key.classGroupId, subjectId: key.subjectId, termId: key.termId },
    });
    const studentId = (await prisma.classEnrolment.findFirstOrThrow({ where: { classGroupId: key.classGroupId } }))
      .studentId;
    const changes = [{ type: "lesson", lessonId: lesson.id, topic: "Changed topic", homework: "Changed homework" }];
    const marks = [{ type: "attendance", lessonId: lesson.id, studentId, status: "ABSENT" }];
    const { term: _term, ...journal } = key;
    const read = () => prisma.lesson.findUniqueOrThrow({ where: { id: lesson.id } });
    const unchanged = async () => expect((await read()).topic).toBe(lesson.topic);
    return [
      { as: "teacher2", form: { ...journal, changes: JSON.stringify(changes) }, unchanged },
      { as: "teacher2", form: { ...journal, changes: JSON.stringify(marks) } },
    ];
  },
  "lib/diary/actions.ts#createAssessmentAction": async () => {
    const { term, ...journal } = await teachersClass();
    const count = () => prisma.summativeAssessment.count({ where: { classGroupId: journal.classGroupId } });
    const before = await count();
    return [
      {
        as: "teacher2",
        form: { ...journal, kind: "SOR", maxPoints: "20", date: term.startDate.toISOString().slice(0, 10) },
        unchanged: async () => expect(await count()).toBe(before),
      },
    ];
  },
  "lib/diary/actions.ts#confirmTermAction": async () => {
    const { term: _term, ...journal } = await teachersClass();
    const count = () => prisma.termClosure.count({ where: { classGroupId: journal.classGroupId } });
    const before = await count();
    return [{ as: "teacher2", form: journal, unchanged: async () => expect(await count()).toBe(before) }];
  },
  "lib/diary/actions.ts#startThreadAction": async () => {
    const { classGroupId } = await teachersClass();
    return [{ as: "teacher2", form: { classGroupId, body: "Hello from another class's teacher" } }];
  },
  "lib/diary/actions.ts#startFamilyThreadAction": async () => [
    { as: "parent2", form: { studentId: await parentsChild(), body: "Hello about someone else's child" } },
  ],
  "lib/diary/actions.ts#createYearAction": async () => {
    const organizationId = await schoolOne();
    const count = () => prisma.academicYear.count({ where: { organizationId } });
    const before = await count();
    return [
      {
        as: "school2",
        form: { organizationId, startYear: "2031" },
        unchanged: async () => expect(await count()).toBe(before),
      },
    ];
  },
  "lib/diary/actions.ts#updateTermAction": async () => {
    const { term } = await teachersClass();
    const day = (d: Date) => d.toISOString().slice(0, 10);
    return [
      {
        as: "school2",
        form: { termId: term.id, startDate: day(term.startDate), endDate: "2026-12-27" },
        unchanged: async () =>
          expect((await prisma.term.findUniqueOrThrow({ where: { id: term.id } })).endDate).toEqual(term.endDate),
      },
    ];
  },
  "lib/diary/actions.ts#createClassAction": async () => {
    const { term } = await teachersClass();
    const count = () => prisma.classGroup.count({ where: { academicYearId: term.academicYearId } });
    const before = await count();
    return [
      {
        as: "school2",
        form: { academicYearId: term.academicYearId, grade: "9", letter: "Б" },
        unchanged: async () => expect(await count()).toBe(before),
      },
    ];
  },
  "lib/diary/actions.ts#createAssignmentAction": async () => {
    const { classGroupId } = await teachersClass();
    const count = () => prisma.teachingAssignment.count({ where: { classGroupId } });
    const before = await count();
    return [
      {
        as: "school2",
        form: { classGroupId, subjectId: "c_subject_pe", teacherId: "u_teacher" },
        unchanged: async () => expect(await count()).toBe(before),
      },
    ];
  },
  "lib/diary/actions.ts#importStudentsAction": async () => {
    const { classGroupId } = await teachersClass();
    const count = () => prisma.classEnrolment.count({ where: { classGroupId } });
    const before = await count();
    const iin = await freshIin();
    return [
      {
        as: "school2",
        form: { classGroupId, csv: `iin;lastName;firstName\n${iin};Сынақов;Асқар\n` },
        unchanged: async () => expect(await count()).toBe(before),
      },
    ];
  },
  "lib/diary/actions.ts#saveTimetableAction": async () => {
    const { classGroupId, subjectId } = await teachersClass();
    return [{ as: "school2", form: { classGroupId, "slot.1.1": subjectId } }];
  },
  "lib/diary/actions.ts#generateLessonsAction": async () => {
    const { classGroupId, termId } = await teachersClass();
    const count = () => prisma.lesson.count({ where: { classGroupId } });
    const before = await count();
    return [
      { as: "school2", form: { classGroupId, termId }, unchanged: async () => expect(await count()).toBe(before) },
    ];
  },
  "lib/diary/actions.ts#linkGuardianAction": async () => {
    const student = await prisma.person.findUniqueOrThrow({ where: { id: await parentsChild() } });
    const count = () => prisma.guardianship.count({ where: { studentId: student.id } });
    const before = await count();
    return [
      {
        as: "school2",
        form: { organizationId: await schoolOne(), iin: student.iin, login: "parent2", relation: "aunt" },
        unchanged: async () => expect(await count()).toBe(before),
      },
    ];
  },

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

  // the personnel registry: attestation, completions, course applications, the provider's courses
  "lib/staff/actions.ts#decideAttestationAction": async () => {
    const application = await astanaAttestation();
    const form = { id: application.id, decision: "award", decisionNumber: "AT-1", awardedOn: "2026-01-15" };
    return [
      { as: "district", form, unchanged: attestationUnchanged(application.id) },
      { as: "region", form, unchanged: attestationUnchanged(application.id) },
    ];
  },
  "lib/staff/actions.ts#recordCompletionAction": async () => {
    const employeeId = await teachersEmployee();
    const count = () => prisma.courseCompletion.count({ where: { employeeId } });
    const before = await count();
    const form = { courseId: "co_digital", employeeId, completedOn: "2026-01-15", hours: "72" };
    return [{ as: "school2", form, unchanged: async () => expect(await count()).toBe(before) }];
  },
  "lib/staff/actions.ts#createOwnCourseAction": async () => {
    const count = () => prisma.course.count();
    const before = await count();
    const form = {
      providerId: "cp_orleu",
      nameKk: "Курс",
      nameRu: "Курс",
      nameEn: "Course",
      hours: "72",
      format: "ONLINE",
    };
    // a school's admin holds the permission but keeps no provider; the provider's admin not another provider
    return [
      {
        as: "school",
        form,
        field: ["providerId", "validation.invalidOption"],
        unchanged: async () => expect(await count()).toBe(before),
      },
      {
        as: "provider",
        form: { ...form, providerId: "cp_nis" },
        field: ["providerId", "validation.invalidOption"],
        unchanged: async () => expect(await count()).toBe(before),
      },
    ];
  },
  "lib/staff/actions.ts#decideCourseAction": async () => {
    const application = await seededApplication("SUBMITTED");
    const form = { id: application.id, decision: "approve" };
    return [{ as: "school", form, unchanged: courseApplicationUnchanged(application) }];
  },
  "lib/staff/actions.ts#markAttendanceAction": async () => {
    const application = await seededApplication("APPROVED");
    const form = { id: application.id, attended: "yes" };
    return [
      { as: "school", form, unchanged: courseApplicationUnchanged(application) },
      { as: "school2", form, unchanged: courseApplicationUnchanged(application) },
    ];
  },
  "lib/staff/actions.ts#completeApplicationAction": async () => {
    const application = await seededApplication("APPROVED");
    const form = { id: application.id, completedOn: "2026-12-01" };
    return [
      { as: "school", form, unchanged: courseApplicationUnchanged(application) },
      { as: "school2", form, unchanged: courseApplicationUnchanged(application) },
    ];
  },
  "app/api/v1/staff/certificates/[id]/pdf/route.ts GET": async () => {
    const completion = await seededCompletion();
    return [
      { as: "school", params: { id: completion.id } },
      { as: "teacher", params: { id: completion.id } },
    ];
  },
};

/** The demo teacher's employee record (school No. 1). */
async function teachersEmployee(): Promise<string> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: "u_teacher" }, select: { personId: true } });
  return (await prisma.employee.findUniqueOrThrow({ where: { personId: user.personId! } })).id;
}

/** An open application for a district-level category from a school in Astana (outside Akmola region). */
async function astanaAttestation() {
  const school = await astanaSchool();
  const appointment = await prisma.appointment.findFirstOrThrow({
    where: { organizationId: school.id, endDate: null },
    select: { employeeId: true, employee: { select: { category: true } } },
    orderBy: { id: "asc" },
  });
  return (
    (await prisma.attestationApplication.findFirst({ where: { organizationId: school.id, status: "SUBMITTED" } })) ??
    prisma.attestationApplication.create({
      data: {
        employeeId: appointment.employeeId,
        organizationId: school.id,
        fromCategory: "no_category",
        category: "moderator",
        level: "district",
      },
    })
  );
}

const attestationUnchanged = (id: string) => async () =>
  expect(await prisma.attestationApplication.findUniqueOrThrow({ where: { id } })).toMatchObject({
    status: "SUBMITTED",
    awardId: null,
  });

/** A seeded course application of another school than No. 1 (the seed keeps school No. 1's teachers out). */
const seededApplication = (status: "SUBMITTED" | "APPROVED") =>
  prisma.courseApplication.findFirstOrThrow({
    where: { status, organization: { id: { not: "" } } },
    orderBy: { id: "asc" },
  });

const courseApplicationUnchanged =
  (a: { id: string; status: string; attended: boolean | null; version: number }) => async () =>
    expect(await prisma.courseApplication.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      status: a.status,
      attended: a.attended,
      version: a.version,
    });

/** A certificate the provider issued to a teacher of another school than No. 1. */
const seededCompletion = () =>
  prisma.courseCompletion.findFirstOrThrow({ where: { application: { isNot: null } }, orderBy: { id: "asc" } });

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
              const answer = await callRoute(key, scopeCase);
              expect([403, 404], `${scopeCase.as}: ${JSON.stringify(answer)}`).toContain(answer.status);
              expect(REFUSED_CODES).toContain(answer.code);
            } else {
              const result = await callAction(key, scopeCase.form);
              expect(result.ok, `${scopeCase.as}: ${JSON.stringify(result)}`).toBe(false);
              if (scopeCase.field) {
                const [field, message] = scopeCase.field;
                expect(result.fieldErrors, scopeCase.as).toEqual({ [field]: en(`errors.${message}`) });
              } else expect(refusedMessages(), `${scopeCase.as}: ${JSON.stringify(result)}`).toContain(result.message);
            }
            await scopeCase.unchanged?.();
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
