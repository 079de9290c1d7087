import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authorizeViewer, loadViewer } from "@/lib/auth/access";
import { verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { districtCode } from "@/prisma/seed/territories";
import {
  createUser,
  getUser,
  grantableRoles,
  grantRole,
  listUsers,
  resetPassword,
  revokeRole,
  setUserActive,
  updateUser,
} from "./users";
import { userCreateInput, type UserCreateInput } from "./schemas";

const territory = (code: string) => `t${code}`;
const REPUBLIC = territory("000000000");
const AKMOLA = territory("110000000");
const KOKSHETAU = territory(districtCode("110000000", 0));
const BURABAY = territory(districtCode("110000000", 1));
const SEMEY = territory(districtCode("100000000", 0));

/** The viewer of a demo account with their scope for users.manage. */
async function as(login: string) {
  return authorizeViewer(await loadViewer(`u_${login}`), "users.manage");
}

async function expectAppError(run: Promise<unknown>, code: AppError["code"], fieldErrors?: Record<string, string>) {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected AppError "${code}"`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (fieldErrors) expect((error as AppError).fieldErrors).toEqual(fieldErrors);
  return error as AppError;
}

/** Row counts of everything a user change writes, to show that a refusal wrote nothing. */
async function counts() {
  const [users, roles, audit] = await Promise.all([
    prisma.user.count(),
    prisma.roleAssignment.count(),
    prisma.auditLog.count(),
  ]);
  return { users, roles, audit };
}

const newUser = (
  login: string,
  grant: Pick<UserCreateInput, "role" | "territoryId" | "organizationId">,
): UserCreateInput => ({
  login,
  displayName: `User ${login}`,
  password: "Strong-pass-2026",
  locale: "kk",
  ...grant,
});

/** The same values as a submitted form sends them (an empty field is an empty string). */
const form = (values: object) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v ?? ""]));

let ownSchool: string;
let otherSchoolSameDistrict: string;
let burabaySchool: string;

beforeAll(async () => {
  const schoolRole = await prisma.roleAssignment.findFirstOrThrow({ where: { userId: "u_school" } });
  ownSchool = schoolRole.organizationId!;
  const kind = { kind: { code: "SCHOOL" } };
  otherSchoolSameDistrict = (
    await prisma.organization.findFirstOrThrow({ where: { ...kind, territoryId: KOKSHETAU, NOT: { id: ownSchool } } })
  ).id;
  burabaySchool = (await prisma.organization.findFirstOrThrow({ where: { ...kind, territoryId: BURABAY } })).id;
});

describe("granting roles", () => {
  it("lets a region admin create a district admin inside their region, with audit entries and no password in them", async () => {
    const { viewer } = await as("region");
    const before = await counts();
    const created = await createUser(
      viewer,
      userCreateInput.parse(
        form(newUser("Burabay.Admin", { role: "DISTRICT_ADMIN", territoryId: BURABAY, organizationId: null })),
      ),
    );
    expect(created.login).toBe("burabay.admin");
    expect(await verifyPassword("Strong-pass-2026", created.passwordHash)).toBe(true);

    const roles = await prisma.roleAssignment.findMany({ where: { userId: created.id } });
    expect(roles).toMatchObject([
      { role: "DISTRICT_ADMIN", territoryId: BURABAY, organizationId: null, grantedById: "u_region" },
    ]);

    // Both entries belong to one transaction (same time), so they are ordered by entity here.
    const entries = await prisma.auditLog.findMany({ where: { actorId: "u_region" }, orderBy: { entity: "desc" } });
    expect(entries.map((e) => [e.action, e.entity])).toEqual([
      ["create", "User"],
      ["grant", "RoleAssignment"],
    ]);
    expect(entries[0]!.entityId).toBe(created.id);
    expect(entries[0]!.after).toMatchObject({
      login: "burabay.admin",
      displayName: "User Burabay.Admin",
      active: true,
    });
    expect(entries[0]!.after).not.toHaveProperty("passwordHash");
    expect(JSON.stringify(entries)).not.toContain("scrypt");
    expect(entries[1]!.after).toMatchObject({ userId: created.id, role: "DISTRICT_ADMIN", territoryId: BURABAY });
    expect(await counts()).toEqual({ users: before.users + 1, roles: before.roles + 1, audit: before.audit + 2 });
  });

  it("refuses a region admin granting MINISTRY_ADMIN, or a district of another region, and writes nothing", async () => {
    const { viewer, scope } = await as("region");
    const before = await counts();
    await expectAppError(
      createUser(viewer, newUser("too.wide1", { role: "MINISTRY_ADMIN", territoryId: REPUBLIC, organizationId: null })),
      "forbidden",
      { role: "role.tooWide" },
    );
    await expectAppError(
      createUser(viewer, newUser("too.wide2", { role: "DISTRICT_ADMIN", territoryId: SEMEY, organizationId: null })),
      "forbidden",
      { role: "role.tooWide" },
    );
    await expectAppError(
      grantRole(viewer, scope, {
        userId: "u_teacher",
        role: "REGION_ADMIN",
        territoryId: territory("100000000"),
        organizationId: null,
      }),
      "forbidden",
      {
        role: "role.tooWide",
      },
    );
    expect(await counts()).toEqual(before);
    expect(await prisma.user.findUnique({ where: { login: "too.wide1" } })).toBeNull();
  });

  it("refuses a role of higher rank even inside the granter's own territory", async () => {
    const { viewer } = await as("district");
    const before = await counts();
    await expectAppError(
      createUser(viewer, newUser("too.high", { role: "REGION_ADMIN", territoryId: AKMOLA, organizationId: null })),
      "forbidden",
      { role: "role.tooWide" },
    );
    expect(await counts()).toEqual(before);
  });

  it("lets a school admin grant TEACHER in their own school and refuses another school", async () => {
    const { viewer, scope } = await as("school");
    const created = await createUser(
      viewer,
      newUser("own.teacher", { role: "TEACHER", territoryId: null, organizationId: ownSchool }),
    );
    expect(await prisma.roleAssignment.findMany({ where: { userId: created.id } })).toMatchObject([
      { role: "TEACHER", organizationId: ownSchool, grantedById: "u_school" },
    ]);

    const before = await counts();
    await expectAppError(
      createUser(
        viewer,
        newUser("other.teacher", { role: "TEACHER", territoryId: null, organizationId: otherSchoolSameDistrict }),
      ),
      "forbidden",
      {
        role: "role.tooWide",
      },
    );
    await expectAppError(
      grantRole(viewer, scope, {
        userId: created.id,
        role: "TEACHER",
        territoryId: null,
        organizationId: burabaySchool,
      }),
      "forbidden",
      { role: "role.tooWide" },
    );
    expect(await counts()).toEqual(before);
  });

  it("offers each administrator only the roles they may grant", async () => {
    expect(grantableRoles((await as("school")).viewer)).toEqual([
      "ORG_ADMIN",
      "TEACHER",
      "STUDENT",
      "PARENT",
      "OFFICIAL",
    ]);
    expect(grantableRoles((await as("region")).viewer)).not.toContain("MINISTRY_ADMIN");
    expect(grantableRoles((await as("region")).viewer)).toContain("REGION_ADMIN");
    expect(grantableRoles((await as("ministry")).viewer)).toContain("MINISTRY_ADMIN");
  });

  it("checks that the scope has the kind and level the role needs", async () => {
    const { viewer, scope } = await as("ministry");
    const before = await counts();
    const regionAtDistrict = await expectAppError(
      createUser(
        viewer,
        newUser("wrong.level", { role: "REGION_ADMIN", territoryId: KOKSHETAU, organizationId: null }),
      ),
      "validation",
      {
        territoryId: "role.scopeKind",
      },
    );
    expect(regionAtDistrict.params).toEqual({ kind: "REGION" });
    const teacherWithoutSchool = await expectAppError(
      grantRole(viewer, scope, { userId: "u_parent", role: "TEACHER", territoryId: AKMOLA, organizationId: null }),
      "validation",
      {
        organizationId: "role.scopeKind",
      },
    );
    expect(teacherWithoutSchool.params).toEqual({ kind: "ORGANIZATION" });
    await expectAppError(
      grantRole(viewer, scope, { userId: "u_parent", role: "EDITOR", territoryId: "t-missing", organizationId: null }),
      "validation",
      { territoryId: "territory.unknown" },
    );
    expect(await counts()).toEqual(before);
  });

  it("refuses granting a role the user already holds", async () => {
    const { viewer, scope } = await as("school");
    const before = await counts();
    await expectAppError(
      grantRole(viewer, scope, { userId: "u_teacher", role: "TEACHER", territoryId: null, organizationId: ownSchool }),
      "duplicate",
      { role: "role.duplicate" },
    );
    expect(await counts()).toEqual(before);
  });
});

describe("account rules", () => {
  it("refuses a taken login, whatever its case", async () => {
    const { viewer } = await as("school");
    const before = await counts();
    const input = userCreateInput.parse(
      form(newUser(" Teacher ", { role: "TEACHER", territoryId: null, organizationId: ownSchool })),
    );
    expect(input.login).toBe("teacher");
    await expectAppError(createUser(viewer, input), "duplicate", { login: "user.loginTaken" });
    expect(await counts()).toEqual(before);
  });

  it("validates the login format", () => {
    for (const login of ["ab", "has space", "кирилл", "under_score", "x".repeat(33)]) {
      const parsed = userCreateInput.safeParse(
        form(newUser(login, { role: "TEACHER", territoryId: null, organizationId: ownSchool })),
      );
      expect(parsed.success, login).toBe(false);
      expect(parsed.error!.issues.find((i) => i.path[0] === "login")?.message).toBe("user.loginFormat");
    }
  });

  it("refuses a weak password in the form and in the service, writing nothing", async () => {
    for (const password of ["Short-1", "onlyletters-here", "1234567890123"]) {
      const parsed = userCreateInput.safeParse(
        form({ ...newUser("weak.pw", { role: "TEACHER", territoryId: null, organizationId: ownSchool }), password }),
      );
      expect(parsed.success, password).toBe(false);
      expect(parsed.error!.issues.find((i) => i.path[0] === "password")?.message).toBe("user.passwordWeak");
    }
    expect(
      userCreateInput.safeParse(
        form(newUser("strong.pw", { role: "TEACHER", territoryId: null, organizationId: ownSchool })),
      ).success,
    ).toBe(true);

    const { viewer, scope } = await as("school");
    const before = await counts();
    await expectAppError(
      createUser(viewer, {
        ...newUser("weak.pw", { role: "TEACHER", territoryId: null, organizationId: ownSchool }),
        password: "Short-1",
      }),
      "validation",
      {
        password: "user.passwordWeak",
      },
    );
    await expectAppError(
      resetPassword(viewer, scope, { id: "u_teacher", password: "onlyletters-here" }),
      "validation",
      { password: "user.passwordWeak" },
    );
    expect(await counts()).toEqual(before);
  });

  it("resets a password and records that it changed without the hash", async () => {
    const { viewer, scope } = await as("school");
    await resetPassword(viewer, scope, { id: "u_parent", password: "Another-pass-77" });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: "u_parent" } });
    expect(await verifyPassword("Another-pass-77", user.passwordHash)).toBe(true);
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { entity: "User", entityId: "u_parent", actorId: "u_school" },
    });
    expect(entry.after).toEqual({ passwordReset: true });
  });

  it("updates a profile with the version it was read at and refuses a stale one", async () => {
    const { viewer, scope } = await as("district");
    const current = await prisma.user.findUniqueOrThrow({ where: { id: "u_student" } });
    const updated = await updateUser(viewer, scope, {
      id: "u_student",
      version: current.version,
      displayName: "Аружан Омарова-Серікқызы",
      locale: "ru",
    });
    expect(updated.version).toBe(current.version + 1);
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { entity: "User", entityId: "u_student", action: "update" },
      orderBy: { at: "desc" },
    });
    expect(entry.before).toEqual({ displayName: current.displayName, locale: "kk" });
    expect(entry.after).toEqual({ displayName: "Аружан Омарова-Серікқызы", locale: "ru" });

    const before = await counts();
    await expectAppError(
      updateUser(viewer, scope, { id: "u_student", version: current.version, displayName: "Stale", locale: "en" }),
      "stale",
    );
    expect(await counts()).toEqual(before);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: "u_student" } })).displayName).toBe(
      "Аружан Омарова-Серікқызы",
    );
  });

  it("deactivates an account, but never the administrator's own", async () => {
    const { viewer, scope } = await as("school");
    const student = await prisma.user.findUniqueOrThrow({ where: { id: "u_student" } });
    await setUserActive(viewer, scope, { id: "u_student", version: student.version, active: false });
    expect(await loadViewer("u_student")).toBeNull();
    const again = await prisma.user.findUniqueOrThrow({ where: { id: "u_student" } });
    await setUserActive(viewer, scope, { id: "u_student", version: again.version, active: true });
    expect(await loadViewer("u_student")).not.toBeNull();

    const self = await prisma.user.findUniqueOrThrow({ where: { id: "u_school" } });
    await expectAppError(
      setUserActive(viewer, scope, { id: "u_school", version: self.version, active: false }),
      "validation",
      { _form: "user.selfDeactivate" },
    );
    expect((await prisma.user.findUniqueOrThrow({ where: { id: "u_school" } })).active).toBe(true);
  });
});

describe("scope of users", () => {
  let burabayTeacher: string;

  beforeAll(async () => {
    const { viewer } = await as("ministry");
    burabayTeacher = (
      await createUser(
        viewer,
        newUser("burabay.teacher", { role: "TEACHER", territoryId: null, organizationId: burabaySchool }),
      )
    ).id;
  });

  it("keeps a district admin away from a user of another district, by list and by id", async () => {
    const { viewer, scope } = await as("district");
    expect(await getUser(scope, burabayTeacher)).toBeNull();
    expect(await getUser(scope, "u_teacher")).not.toBeNull();
    const page = await listUsers(scope, { page: 1, pageSize: 100, sort: "login", dir: "asc", q: "", filters: {} });
    const logins = page.rows.map((u) => u.login);
    expect(logins).toContain("teacher");
    expect(logins).not.toContain("burabay.teacher");
    expect(logins).not.toContain("region");
    expect(logins).not.toContain("ministry");

    const user = await prisma.user.findUniqueOrThrow({ where: { id: burabayTeacher } });
    await expectAppError(
      updateUser(viewer, scope, { id: burabayTeacher, version: user.version, displayName: "Hijacked", locale: "kk" }),
      "notFound",
    );
    await expectAppError(resetPassword(viewer, scope, { id: burabayTeacher, password: "Hijacked-pass-1" }), "notFound");
    const assignment = await prisma.roleAssignment.findFirstOrThrow({ where: { userId: burabayTeacher } });
    await expectAppError(
      revokeRole(viewer, scope, { userId: burabayTeacher, assignmentId: assignment.id }),
      "notFound",
    );
    await expectAppError(
      grantRole(viewer, scope, {
        userId: burabayTeacher,
        role: "PARENT",
        territoryId: null,
        organizationId: ownSchool,
      }),
      "notFound",
    );
    expect((await prisma.user.findUniqueOrThrow({ where: { id: burabayTeacher } })).displayName).toBe(user.displayName);

    // The region admin above both districts sees the user.
    expect(await getUser((await as("region")).scope, burabayTeacher)).not.toBeNull();
  });

  it("searches by login or name and filters by role inside the scope", async () => {
    const { scope } = await as("region");
    const byName = await listUsers(scope, {
      page: 1,
      pageSize: 25,
      sort: "login",
      dir: "asc",
      q: "ахметова",
      filters: {},
    });
    expect(byName.rows.map((u) => u.login)).toEqual(["teacher"]);
    const teachers = await listUsers(scope, {
      page: 1,
      pageSize: 100,
      sort: "login",
      dir: "asc",
      q: "",
      filters: { role: "TEACHER" },
    });
    expect(teachers.rows.map((u) => u.login)).toEqual(
      expect.arrayContaining(["teacher", "burabay.teacher", "own.teacher"]),
    );
    expect(teachers.rows.every((u) => u.roles.some((r) => r.role === "TEACHER"))).toBe(true);
    const newest = await listUsers(scope, { page: 1, pageSize: 1, sort: "createdAt", dir: "desc", q: "", filters: {} });
    expect(newest.rows[0]!.login).toBe("burabay.teacher");
    expect(newest.total).toBeGreaterThan(1);
  });

  it("revokes a role inside the scope, audited, and refuses one wider than the administrator's", async () => {
    const ministry = await as("ministry");
    // A teacher of the district's school who is also a region administrator.
    const both = await createUser(
      ministry.viewer,
      newUser("teacher.and.region", { role: "TEACHER", territoryId: null, organizationId: ownSchool }),
    );
    const regionRole = await grantRole(ministry.viewer, ministry.scope, {
      userId: both.id,
      role: "REGION_ADMIN",
      territoryId: AKMOLA,
      organizationId: null,
    });
    const teacherRole = await prisma.roleAssignment.findFirstOrThrow({ where: { userId: both.id, role: "TEACHER" } });

    const { viewer, scope } = await as("district");
    const before = await counts();
    await expectAppError(revokeRole(viewer, scope, { userId: both.id, assignmentId: regionRole.id }), "forbidden", {
      _form: "role.tooWide",
    });
    // An account holding a wider role is not the district admin's to change.
    const user = await prisma.user.findUniqueOrThrow({ where: { id: both.id } });
    await expectAppError(
      updateUser(viewer, scope, { id: both.id, version: user.version, displayName: "Changed", locale: "kk" }),
      "forbidden",
      { _form: "user.outranks" },
    );
    await expectAppError(resetPassword(viewer, scope, { id: both.id, password: "Taken-over-2026" }), "forbidden", {
      _form: "user.outranks",
    });
    expect(await counts()).toEqual(before);

    await revokeRole(viewer, scope, { userId: both.id, assignmentId: teacherRole.id });
    expect(await prisma.roleAssignment.findUnique({ where: { id: teacherRole.id } })).toBeNull();
    const entry = await prisma.auditLog.findFirstOrThrow({ where: { action: "revoke", entityId: teacherRole.id } });
    expect(entry).toMatchObject({ actorId: "u_district", entity: "RoleAssignment" });
    expect(entry.before).toMatchObject({ userId: both.id, role: "TEACHER", organizationId: ownSchool });

    // Revoking it again reads as a stale page.
    await expectAppError(
      revokeRole(ministry.viewer, ministry.scope, { userId: both.id, assignmentId: teacherRole.id }),
      "stale",
    );
  });

  it("never revokes an administrator's own last administrative role", async () => {
    const { viewer, scope } = await as("district");
    const own = await prisma.roleAssignment.findFirstOrThrow({ where: { userId: "u_district" } });
    await expectAppError(revokeRole(viewer, scope, { userId: "u_district", assignmentId: own.id }), "validation", {
      _form: "role.lastAdmin",
    });
    expect(await prisma.roleAssignment.findUnique({ where: { id: own.id } })).not.toBeNull();
  });
});
