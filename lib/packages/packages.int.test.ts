import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { Viewer } from "@/lib/auth/scope";
import { refusal, viewer } from "@/tests/setup/helpers";
import { saveDraft, submitEntry } from "@/lib/reporting/entry";
import { returnSubmission } from "@/lib/reporting/workflow";
import { checkReceipt, generateKeyPair, signBytes } from "./crypto";
import { MAX_PACKAGE_BYTES } from "./format";
import { registerKey, revokeKey } from "./keys";
import { getPackage, reverifyPackage } from "./packages";
import { purgeExpiredPackages } from "./purge";
import { receivePackage } from "./receive";
import { buildPackage, signPackage, type SignedPackage } from "./sender";
import { forgetServerKey, serverKey } from "./server-key";
import { forgetKeys } from "./verifier";

const keyDates = { validFrom: "2020-01-01", validTo: "2099-12-31" };
const passport = {
  "general.director": "Ахметов А.",
  "general.founded": 1975,
  "general.language": "KK",
  "general.capacity": 900,
  "general.internet": true,
  "general.computers": 60,
};

let school: { id: string; bin: string };
let other: { id: string; bin: string };
const schoolKey = generateKeyPair();
const otherKey = generateKeyPair();

const receive = (s: SignedPackage, now?: Date) =>
  receivePackage({ bytes: s.bytes, keyId: s.keyId, signature: s.signature, now });
const counts = async () => ({
  packages: await prisma.dataPackage.count(),
  submissions: await prisma.submission.count(),
  events: await prisma.submissionEvent.count(),
});

beforeAll(async () => {
  forgetServerKey();
  forgetKeys();
  const v = await viewer("u_school");
  const orgId = v.roles.find((r) => r.role === "ORG_ADMIN")!.organizationId!;
  school = await prisma.organization.findUniqueOrThrow({ where: { id: orgId }, select: { id: true, bin: true } });
  other = await prisma.organization.findFirstOrThrow({
    where: { id: { not: orgId }, kind: { code: "SCHOOL" } },
    select: { id: true, bin: true },
  });
  await registerKey(v, { organizationId: school.id, label: "school IS", publicKey: schoolKey.publicKey, ...keyDates });
  await registerKey(await viewer("u_ministry"), {
    organizationId: other.id,
    label: "other IS",
    publicKey: otherKey.publicKey,
    ...keyDates,
  });
});

describe("keys", () => {
  it("refuses a school administrator another organisation, a non-Ed25519 key and a key registered twice", async () => {
    const v = await viewer("u_school");
    expect(
      (
        await refusal(
          registerKey(v, { organizationId: other.id, label: "x", publicKey: generateKeyPair().publicKey, ...keyDates }),
        )
      ).code,
    ).toBe("outOfScope");
    expect(
      (await refusal(registerKey(v, { organizationId: school.id, label: "x", publicKey: "not a key", ...keyDates })))
        .fieldErrors.publicKey,
    ).toBe("packages.keys.notEd25519");
    expect(
      (
        await refusal(
          registerKey(v, { organizationId: school.id, label: "x", publicKey: schoolKey.publicKey, ...keyDates }),
        )
      ).code,
    ).toBe("duplicate");
    expect(
      (
        await refusal(
          registerKey(await viewer("u_teacher"), {
            organizationId: school.id,
            label: "x",
            publicKey: generateKeyPair().publicKey,
            ...keyDates,
          }),
        )
      ).code,
    ).toBe("forbidden");
  });
});

describe("the exchange", () => {
  let accepted: SignedPackage;

  it("accepts a valid package as a submission and answers a signed positive receipt", async () => {
    accepted = signPackage(
      buildPackage({ bin: school.bin, form: "P-1", year: 2026, period: "2026", values: passport }),
      schoolKey,
    );
    // the district administrator reviews the school's reports and has a verified address
    await prisma.user.update({
      where: { id: "u_district" },
      data: { email: "district@example.kz", emailVerifiedAt: new Date(), mailLocale: "ru" },
    });
    const before = await counts();
    const result = await receive(accepted);
    expect(result.status).toBe(201);
    // their notification of the hand-over is mailed as on the report page
    const notified = await prisma.notification.findMany({
      where: {
        kind: "reporting_submitted",
        payload: { path: ["submissionId"], equals: result.receipt.receipt.submissionId! },
      },
      select: { userId: true },
    });
    expect(notified.map((n) => n.userId)).toContain("u_district");
    const mails = await prisma.mailOutbox.findMany({ where: { userId: "u_district", to: "district@example.kz" } });
    expect(mails).toHaveLength(1);
    expect(result.receipt.receipt).toMatchObject({
      verdict: "accepted",
      stage: "submission",
      sender: school.bin,
      form: "P-1",
      reasons: [],
    });
    const submission = await prisma.submission.findUniqueOrThrow({
      where: { id: result.receipt.receipt.submissionId! },
    });
    expect(submission).toMatchObject({ organizationId: school.id, status: "SUBMITTED" });
    expect(submission.values).toMatchObject(passport);
    const after = await counts();
    expect(after.packages).toBe(before.packages + 1);
    const server = await serverKey();
    expect(checkReceipt(JSON.stringify(result.receipt, null, 2), server).ok).toBe(true);
    const stored = await getPackage(await viewer("u_school"), JSON.parse(Buffer.from(accepted.bytes).toString()).id);
    expect(Buffer.from(stored.bytes).equals(Buffer.from(accepted.bytes))).toBe(true);
    expect(stored.verdict).toBe("ACCEPTED");
    expect(await reverifyPackage(await viewer("u_district"), stored.id)).toMatchObject({
      signatureValid: true,
      hashMatches: true,
    });
    // out of scope for another region's administrator: not found
    const otherRegion = await prisma.user.findFirst({
      where: { roles: { some: { role: "ORG_ADMIN", organizationId: other.id } } },
      select: { id: true },
    });
    if (otherRegion) expect((await refusal(getPackage(await viewer(otherRegion.id), stored.id))).code).toBe("notFound");
  });

  it("answers a replay with the same receipt and refuses the same id with other bytes", async () => {
    const first = await receive(accepted);
    const before = await counts();
    const again = await receive(accepted);
    expect(again.status).toBe(200);
    expect(again.receipt).toEqual(first.receipt);
    const body = JSON.parse(Buffer.from(accepted.bytes).toString());
    body.payload.values["general.capacity"] = 901;
    const changed = await receive(signPackage(body, schoolKey));
    expect(changed.status).toBe(409);
    expect(changed.receipt.receipt.reasons[0]!.code).toBe("replayChanged");
    expect(await counts()).toEqual(before);
  });

  it("refuses every bad input precisely, signs the refusal and writes nothing", async () => {
    const good = () => buildPackage({ bin: school.bin, form: "D-3", year: 2026, period: "2026", values: {} });
    const revoked = generateKeyPair();
    const rk = await registerKey(await viewer("u_school"), {
      organizationId: school.id,
      label: "old",
      publicKey: revoked.publicKey,
      ...keyDates,
    });
    await revokeKey(await viewer("u_school"), { id: rk.id });
    const expired = generateKeyPair();
    await registerKey(await viewer("u_school"), {
      organizationId: school.id,
      label: "expired",
      publicKey: expired.publicKey,
      validFrom: "2020-01-01",
      validTo: "2021-01-01",
    });
    const signed = signPackage(good(), schoolKey);
    const notJson = Buffer.from("{not json");
    const cases: [string, SignedPackage, number, string][] = [
      ["not JSON", { ...signed, bytes: notJson, signature: signBytes(notJson, schoolKey.privateKey) }, 400, "notJson"],
      ["not a package", signPackage(Buffer.from(JSON.stringify({ hello: 1 })), schoolKey), 400, "notPackage"],
      ["too large", { ...signed, bytes: new Uint8Array(MAX_PACKAGE_BYTES + 1) }, 413, "tooLarge"],
      [
        "wrong signature",
        { ...signed, signature: signBytes(Buffer.from("other"), schoolKey.privateKey) },
        401,
        "signatureInvalid",
      ],
      [
        "bytes changed after signing",
        { ...signed, bytes: Buffer.from(Buffer.from(signed.bytes).toString().replace("D-3", "D-1")) },
        401,
        "signatureInvalid",
      ],
      ["no signature", { ...signed, signature: "" }, 401, "signatureMissing"],
      ["unknown key", signPackage(good(), generateKeyPair()), 401, "keyUnknown"],
      ["revoked key", signPackage(good(), revoked), 401, "keyRevoked"],
      ["key outside its validity", signPackage(good(), expired), 401, "keyNotValid"],
      ["key of another organisation", signPackage(good(), otherKey), 403, "senderMismatch"],
      [
        "sending time in the future",
        signPackage(
          buildPackage({
            bin: school.bin,
            form: "D-3",
            year: 2026,
            period: "2026",
            values: {},
            createdAt: new Date(Date.now() + 3_600_000),
          }),
          schoolKey,
        ),
        400,
        "fromFuture",
      ],
    ];
    const before = await counts();
    const server = await serverKey();
    for (const [name, pkg, status, code] of cases) {
      const result = await receive(pkg);
      expect([name, result.status]).toEqual([name, status]);
      expect([
        name,
        result.receipt.receipt.verdict,
        result.receipt.receipt.stage,
        result.receipt.receipt.reasons[0]?.code,
      ]).toEqual([name, "rejected", "authentication", code]);
      expect(checkReceipt(JSON.stringify(result.receipt), server).ok).toBe(true);
    }
    expect(await counts()).toEqual(before);
  });

  it("answers a package that fails the form's checks with the list of errors and hands nothing over", async () => {
    const body = buildPackage({ bin: school.bin, form: "P-1", year: 2026, period: "2026", values: {} });
    // P-1 is already handed over by the first test: use D-3 with missing and invalid values instead
    const d3 = buildPackage({
      bin: school.bin,
      form: "D-3",
      year: 2026,
      period: "2026",
      values: { "staff.unknown": 1 },
    });
    const before = await counts();
    const result = await receive(signPackage(d3, schoolKey));
    expect(result.status).toBe(422);
    expect(result.receipt.receipt).toMatchObject({ verdict: "rejected", stage: "validation" });
    const codes = result.receipt.receipt.reasons.map((r) => r.code);
    expect(codes).toContain("app.reporting.value.unknownField");
    expect(codes).toContain("app.reporting.value.required");
    const after = await counts();
    expect(after).toEqual({ ...before, packages: before.packages + 1 });
    expect((await prisma.dataPackage.findUniqueOrThrow({ where: { id: d3.id } })).verdict).toBe("REJECTED");
    // a second package for a report already handed over is refused by the workflow's own rule
    const second = await receive(signPackage(body, schoolKey));
    expect(second.receipt.receipt).toMatchObject({ verdict: "rejected", stage: "submission" });
    expect(second.receipt.receipt.reasons[0]!.code).toBe("app.reporting.notEditable");
    // an unknown period
    const unknown = await receive(
      signPackage(buildPackage({ bin: school.bin, form: "P-1", year: 2030, period: "2030", values: {} }), schoolKey),
    );
    expect(unknown.receipt.receipt.reasons[0]!.code).toBe("periodUnknown");
  });

  it("purges packages past their retention period and logs it", async () => {
    const id = (await prisma.dataPackage.findFirstOrThrow({ select: { id: true } })).id;
    await prisma.dataPackage.update({ where: { id }, data: { expiresAt: new Date("2020-01-01") } });
    const lines: string[] = [];
    expect(await purgeExpiredPackages(new Date(), (l) => lines.push(l))).toBe(1);
    expect(lines[0]).toMatch(/purged 1/);
    expect(await prisma.dataPackage.findUnique({ where: { id } })).toBeNull();
    expect(await prisma.auditLog.count({ where: { entity: "DataPackage", entityId: id, action: "delete" } })).toBe(1);
    expect(await purgeExpiredPackages(new Date(), () => {})).toBe(0);
  });
});

describe("the hand-over of a package, as the report page does it", () => {
  let serial = 0;
  /** A new open P-1 period of 2026 (the tiny seed's one is used above). */
  async function newPeriod(closed = false): Promise<{ id: string; label: string }> {
    const form = await prisma.form.findFirstOrThrow({
      where: { code: "P-1", formList: { year: 2026 } },
      select: { id: true },
    });
    const label = `test-${++serial}`;
    const created = await prisma.reportingPeriod.create({
      data: {
        formId: form.id,
        label,
        startsOn: new Date("2026-01-01"),
        endsOn: new Date("2026-12-31"),
        dueDate: new Date("2099-12-31"),
        deadlineAt: new Date("2099-12-31T18:59:59Z"),
        closedAt: closed ? new Date() : null,
      },
    });
    return { id: created.id, label };
  }
  const packageFor = (period: string, values: Record<string, string | number | boolean | null> = passport) =>
    signPackage(buildPackage({ bin: school.bin, form: "P-1", year: 2026, period, values }), schoolKey);

  /** What a hand-over leaves behind for a submission, without its own ids and times. */
  async function traces(submissionId: string) {
    const s = await prisma.submission.findUniqueOrThrow({ where: { id: submissionId } });
    const events = await prisma.submissionEvent.findMany({
      where: { submissionId },
      select: { action: true, level: true, actorId: true, reason: true },
    });
    const audit = await prisma.auditLog.findMany({
      where: { entity: "Submission", entityId: submissionId },
      select: { action: true, actorId: true, before: true, after: true },
    });
    const notes = await prisma.notification.findMany({
      where: { payload: { path: ["submissionId"], equals: submissionId } },
      select: { userId: true, kind: true, payload: true, organizationId: true },
      orderBy: { userId: "asc" },
    });
    return {
      submission: {
        status: s.status,
        version: s.version,
        revision: s.revision,
        values: s.values,
        comments: s.comments,
        late: s.late,
        submittedById: s.submittedById,
        formVersionId: s.formVersionId,
        returnReason: s.returnReason,
        submitted: s.submittedAt !== null,
      },
      events,
      audit,
      notifications: notes.map((n) => {
        const payload = { ...(n.payload as Record<string, unknown>) };
        for (const key of ["submissionId", "periodId", "periodLabel"]) delete payload[key];
        return { ...n, payload };
      }),
    };
  }

  /** The passport saved as a draft and handed over on the report page, in the given period. */
  async function handedOverOnPage(v: Viewer, periodId: string) {
    const saved = await saveDraft(v, {
      periodId,
      organizationId: school.id,
      version: 0,
      values: passport,
      comments: {},
    });
    return submitEntry(v, { periodId, organizationId: school.id, version: saved.submission.version, comments: {} });
  }

  it("leaves the same submission, event, audit entry and notifications as saving and handing over on the report page", async () => {
    const v = await viewer("u_school");
    const page = await handedOverOnPage(v, (await newPeriod()).id);
    const byPackage = await newPeriod();
    const result = await receive(packageFor(byPackage.label));
    expect(result.status).toBe(201);
    const expected = await traces(page.id);
    expect(expected.notifications.length).toBeGreaterThan(0);
    expect(await traces(result.receipt.receipt.submissionId!)).toEqual(expected);
  });

  it("hands over a draft started on the page and a returned report (a resubmission)", async () => {
    const v = await viewer("u_school");
    const draft = await newPeriod();
    const saved = await saveDraft(v, {
      periodId: draft.id,
      organizationId: school.id,
      version: 0,
      values: { "general.director": "x" },
      comments: {},
    });
    const first = await receive(packageFor(draft.label));
    expect(first.status).toBe(201);
    expect(first.receipt.receipt.submissionId).toBe(saved.submission.id);
    expect(await prisma.submission.findUniqueOrThrow({ where: { id: saved.submission.id } })).toMatchObject({
      status: "SUBMITTED",
      version: saved.submission.version + 2,
      values: passport,
    });

    const returned = await newPeriod();
    const s1 = await handedOverOnPage(v, returned.id);
    await returnSubmission(await viewer("u_district"), {
      submissionId: s1.id,
      version: s1.version,
      reason: "Check the capacity.",
    });
    // quotes, backslashes and escapes arrive as sent
    const tricky = { ...passport, "general.capacity": 950, "general.director": `O'Neil \\ "Q" \\' ; -- $1 \n Ж` };
    const again = await receive(packageFor(returned.label, tricky));
    expect(again.status).toBe(201);
    expect(again.receipt.receipt.submissionId).toBe(s1.id);
    const after = await prisma.submission.findUniqueOrThrow({ where: { id: s1.id } });
    expect(after).toMatchObject({ status: "SUBMITTED", returnReason: null, values: tricky });
    const events = await prisma.submissionEvent.findMany({
      where: { submissionId: s1.id },
      orderBy: { at: "asc" },
      select: { action: true },
    });
    expect(events.map((e) => e.action)).toEqual(["submit", "return", "resubmit"]);
  });

  it("refuses a closed period with the workflow's reason and writes only the package", async () => {
    const closed = await newPeriod(true);
    const before = await counts();
    const result = await receive(packageFor(closed.label));
    expect(result.status).toBe(422);
    expect(result.receipt.receipt).toMatchObject({ verdict: "rejected", stage: "submission" });
    expect(result.receipt.receipt.reasons[0]!.code).toBe("app.reporting.periodClosed");
    expect(await counts()).toEqual({ ...before, packages: before.packages + 1 });
  });

  it("of two packages for one report at once hands over exactly one, and gives one package delivered twice at once one receipt", async () => {
    const period = await newPeriod();
    const a = packageFor(period.label);
    const b = packageFor(period.label, { ...passport, "general.capacity": 999 });
    const before = await counts();
    const results = await Promise.all([receive(a), receive(b), receive(a)]);
    const statuses = results.map((r) => r.status);
    const idOf = (s: SignedPackage) => JSON.parse(Buffer.from(s.bytes).toString()).id as string;
    const accepted = results.filter((r) => r.status === 201);
    expect(accepted).toHaveLength(1);
    const refused = results.find((r) => r.status === 422)!;
    expect(refused.receipt.receipt.reasons[0]!.code).toMatch(/^app\.(reporting\.notEditable|stale)$/);
    // the package sent twice: one stored receipt, answered to both deliveries
    const [firstA, , secondA] = results;
    expect([firstA!.status, secondA!.status].sort()).toEqual(
      firstA!.status === 422 || secondA!.status === 422 ? [200, 422] : [200, 201],
    );
    expect(secondA!.receipt).toEqual(firstA!.receipt);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    const after = await counts();
    expect(after.packages).toBe(before.packages + 2);
    expect(after.submissions).toBe(before.submissions + 1);
    const stored = await prisma.dataPackage.findMany({
      where: { id: { in: [idOf(a), idOf(b)] } },
      select: { verdict: true },
    });
    expect(stored.map((p) => p.verdict).sort()).toEqual(["ACCEPTED", "REJECTED"]);
  });
});
