/**
 * The year's list of forms (R3), its forms, and the versions of a form's structure (R32). A version is
 * edited in place until it has submissions; then it is frozen and changes go into a new version.
 */
import "server-only";
import { prisma } from "../db";
import { changedFields, recordAudit } from "../audit";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../auth/scope";
import { definitionSchema, type FormDefinition, type LocalizedText } from "./definition";
import { definitionIssues, type FormInput, type FormListInput, type FormListUpdate } from "./designer-schemas";

type Tx = Prisma.TransactionClient;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

// ───────────────────────── Reading ─────────────────────────

export async function listFormLists() {
  return prisma.formList.findMany({ orderBy: { year: "desc" }, include: { _count: { select: { forms: true } } } });
}

export async function getFormList(id: string) {
  return prisma.formList.findUnique({
    where: { id },
    include: {
      forms: {
        orderBy: { code: "asc" },
        include: { _count: { select: { versions: true, periods: true, addressees: true } } },
      },
    },
  });
}

/** A form with all its versions, newest first (the preview picks one). */
export function getFormVersions(id: string) {
  return prisma.form.findUnique({ where: { id }, include: { versions: { orderBy: { number: "desc" } } } });
}

/** A year's list of forms alone (without its forms). */
export function getFormListHeader(id: string) {
  return prisma.formList.findUnique({ where: { id } });
}

/** A form with everything the designer page shows: its list, versions, periods and addressees. */
export async function getFormDesign(id: string) {
  const form = await prisma.form.findUnique({
    where: { id },
    include: {
      formList: true,
      versions: {
        orderBy: { number: "asc" },
        select: { id: true, number: true, frozen: true, createdAt: true, definition: true },
      },
      periods: {
        orderBy: [{ dueDate: "asc" }, { label: "asc" }],
        include: { _count: { select: { submissions: true } } },
      },
      addressees: {
        include: { organization: { select: { id: true, bin: true, nameKk: true, nameRu: true, nameEn: true } } },
      },
    },
  });
  if (!form) return null;
  const handedOver = await prisma.submission.groupBy({
    by: ["formVersionId"],
    where: { formVersionId: { in: form.versions.map((v) => v.id) }, status: { not: "DRAFT" } },
    _count: { _all: true },
  });
  const counts = new Map(handedOver.map((h) => [h.formVersionId, h._count._all]));
  return {
    ...form,
    versions: form.versions.map((v) => ({
      ...v,
      submissions: counts.get(v.id) ?? 0,
      locked: v.frozen || (counts.get(v.id) ?? 0) > 0,
    })),
  };
}

/** The newest version of a form (the one organisations fill in unless they continue an older report). */
export async function latestVersion(formId: string, tx: Tx = prisma) {
  return tx.formVersion.findFirst({ where: { formId }, orderBy: { number: "desc" } });
}

/** A version of a form by its number, with the form's code and the parsed definition; null when there is none. */
export async function formVersionByNumber(formId: string, number: number) {
  const version = await prisma.formVersion.findUnique({
    where: { formId_number: { formId, number } },
    include: { form: { select: { code: true } } },
  });
  if (!version) return null;
  return { code: version.form.code, number: version.number, definition: definitionSchema.parse(version.definition) };
}

// ───────────────────────── Form lists ─────────────────────────

export async function createFormList(viewer: Viewer, input: FormListInput) {
  return prisma.$transaction(async (tx) => {
    if (await tx.formList.findUnique({ where: { year: input.year }, select: { id: true } })) {
      throw new AppError("validation", { year: "reporting.list.yearTaken" }, { year: input.year });
    }
    const created = await tx.formList.create({
      data: { year: input.year, orderNumber: input.orderNumber, orderDate: day(input.orderDate) },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "FormList",
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

export async function updateFormList(viewer: Viewer, input: FormListUpdate) {
  return prisma.$transaction(async (tx) => {
    const current = await tx.formList.findUnique({ where: { id: input.id } });
    if (!current) throw new AppError("notFound");
    const updated = await tx.formList.updateMany({
      where: { id: input.id, version: input.version },
      data: { orderNumber: input.orderNumber, orderDate: day(input.orderDate), version: { increment: 1 } },
    });
    if (updated.count === 0) throw new AppError("stale");
    const after = await tx.formList.findUniqueOrThrow({ where: { id: input.id } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "FormList",
      entityId: input.id,
      ...changedFields(current, after),
    });
    return after;
  });
}

/** Publishes a list: from then on every obliged organisation sees its forms as due. */
export async function publishFormList(viewer: Viewer, input: { id: string; version: number }) {
  return prisma.$transaction(async (tx) => {
    const current = await tx.formList.findUnique({
      where: { id: input.id },
      include: { _count: { select: { forms: true } } },
    });
    if (!current) throw new AppError("notFound");
    if (current.status === "PUBLISHED") throw new AppError("conflict", { id: "reporting.list.alreadyPublished" });
    if (current._count.forms === 0) throw new AppError("validation", { id: "reporting.list.empty" });
    const updated = await tx.formList.updateMany({
      where: { id: input.id, version: input.version, status: "DRAFT" },
      data: { status: "PUBLISHED", publishedAt: new Date(), version: { increment: 1 } },
    });
    if (updated.count === 0) throw new AppError("stale");
    const after = await tx.formList.findUniqueOrThrow({ where: { id: input.id } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "FormList",
      entityId: input.id,
      ...changedFields(current, after),
    });
    return after;
  });
}

// ───────────────────────── Forms ─────────────────────────

/** The structure a new form starts with: one section with one integer field, labelled in three languages. */
export function starterDefinition(labels: { section: LocalizedText; field: LocalizedText }): FormDefinition {
  return definitionSchema.parse({
    sections: [
      {
        kind: "fields",
        key: "main",
        title: labels.section,
        fields: [{ key: "total", label: labels.field, type: "integer", min: 0 }],
      },
    ],
    rules: [],
  });
}

/** Checks organisation kinds and addressees of a form; returns the addressees' organisation ids. */
async function checkFormReferences(tx: Tx, input: FormInput): Promise<string[]> {
  const fieldErrors: Record<string, string> = {};
  const params: Record<string, string | number> = {};
  if (input.orgKinds.length) {
    const kinds = await tx.classifierItem.count({
      where: { classifier: { code: "ORG_KIND" }, code: { in: input.orgKinds } },
    });
    if (kinds !== input.orgKinds.length) fieldErrors.orgKinds = "validation.invalidOption";
  }
  let ids: string[] = [];
  if (input.addresseeBins.length) {
    const orgs = await tx.organization.findMany({
      where: { bin: { in: input.addresseeBins } },
      select: { id: true, bin: true },
    });
    const unknown = input.addresseeBins.filter((b) => !orgs.some((o) => o.bin === b));
    if (unknown.length) {
      fieldErrors.addresseeBins = "reporting.form.addresseeUnknown";
      params.bins = unknown.slice(0, 10).join(", ");
    }
    ids = orgs.map((o) => o.id);
  }
  if (Object.keys(fieldErrors).length) throw new AppError("validation", fieldErrors, params);
  return ids;
}

function formData(input: FormInput) {
  return {
    code: input.code,
    nameKk: input.nameKk,
    nameRu: input.nameRu,
    nameEn: input.nameEn,
    periodicity: input.adHoc ? ("ONE_OFF" as const) : input.periodicity,
    orgKinds: input.orgKinds,
    adHoc: input.adHoc,
    retentionYears: input.retentionYears,
  };
}

/** Adds a form to a list, with version 1 of its structure (`starter`, to be edited in the designer). */
export async function createForm(viewer: Viewer, input: FormInput & { formListId: string }, starter: FormDefinition) {
  return prisma.$transaction(async (tx) => {
    const list = await tx.formList.findUnique({ where: { id: input.formListId }, select: { id: true } });
    if (!list) throw new AppError("notFound");
    if (await tx.form.findFirst({ where: { formListId: input.formListId, code: input.code }, select: { id: true } })) {
      throw new AppError("validation", { code: "reporting.form.codeTaken" });
    }
    const addressees = await checkFormReferences(tx, input);
    const created = await tx.form.create({
      data: {
        ...formData(input),
        formListId: input.formListId,
        addressees: { create: addressees.map((organizationId) => ({ organizationId })) },
        versions: {
          create: {
            number: 1,
            definition: definitionSchema.parse(starter) as Prisma.InputJsonValue,
            createdById: viewer.userId,
          },
        },
      },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "Form",
      entityId: created.id,
      after: { ...created, addressees },
    });
    return created;
  });
}

export async function updateForm(viewer: Viewer, input: FormInput & { id: string; version: number }) {
  return prisma.$transaction(async (tx) => {
    const current = await tx.form.findUnique({
      where: { id: input.id },
      include: { addressees: { select: { organizationId: true } } },
    });
    if (!current) throw new AppError("notFound");
    if (
      await tx.form.findFirst({
        where: { formListId: current.formListId, code: input.code, NOT: { id: input.id } },
        select: { id: true },
      })
    ) {
      throw new AppError("validation", { code: "reporting.form.codeTaken" });
    }
    const addressees = await checkFormReferences(tx, input);
    const updated = await tx.form.updateMany({
      where: { id: input.id, version: input.version },
      data: { ...formData(input), version: { increment: 1 } },
    });
    if (updated.count === 0) throw new AppError("stale");
    await tx.formAddressee.deleteMany({ where: { formId: input.id } });
    if (addressees.length)
      await tx.formAddressee.createMany({
        data: addressees.map((organizationId) => ({ formId: input.id, organizationId })),
      });
    const after = await tx.form.findUniqueOrThrow({ where: { id: input.id } });
    const diff = changedFields(current, after);
    const before = current.addressees.map((a) => a.organizationId).sort();
    if (JSON.stringify(before) !== JSON.stringify([...addressees].sort())) {
      diff.before.addressees = before;
      diff.after.addressees = [...addressees].sort();
    }
    await recordAudit(tx, { actorId: viewer.userId, action: "update", entity: "Form", entityId: input.id, ...diff });
    return after;
  });
}

// ───────────────────────── Versions ─────────────────────────

/** A version is frozen once it is marked so or any submission on it has been handed over. */
async function isLocked(tx: Tx, version: { id: string; frozen: boolean }): Promise<boolean> {
  if (version.frozen) return true;
  return (await tx.submission.count({ where: { formVersionId: version.id, status: { not: "DRAFT" } } })) > 0;
}

/** Bumps the form's optimistic version: every structural change of a form goes through here. */
async function bumpForm(tx: Tx, formId: string, version: number) {
  const updated = await tx.form.updateMany({ where: { id: formId, version }, data: { version: { increment: 1 } } });
  if (updated.count === 0) throw new AppError("stale");
}

/**
 * Saves the structure of a form version. The definition is checked as a whole (keys, bounds, rule
 * expressions); problems come back as field errors at designer paths (`sections.0.fields.1.min`). A frozen
 * version, or one that is not the newest, is refused.
 */
export async function saveDefinition(
  viewer: Viewer,
  input: { formId: string; formVersion: number; number: number; definition: unknown },
) {
  const issues = definitionIssues(input.definition);
  if (issues.length) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of issues) fieldErrors[issue.path] ??= issue.key;
    // Params of all issues together (the designer itself shows each issue with its own params).
    throw new AppError("validation", fieldErrors, Object.assign({}, ...issues.map((i) => i.params)));
  }
  const definition = definitionSchema.parse(input.definition);
  return prisma.$transaction(async (tx) => {
    const version = await tx.formVersion.findUnique({
      where: { formId_number: { formId: input.formId, number: input.number } },
    });
    if (!version) throw new AppError("notFound");
    const newest = await latestVersion(input.formId, tx);
    if (newest?.id !== version.id || (await isLocked(tx, version))) {
      throw new AppError("conflict", { definition: "reporting.versionFrozen" }, { number: version.number });
    }
    await bumpForm(tx, input.formId, input.formVersion);
    // Guarded by `frozen`: a submission freezing the version concurrently wins.
    const saved = await tx.formVersion.updateMany({
      where: { id: version.id, frozen: false },
      data: { definition: definition as Prisma.InputJsonValue },
    });
    if (saved.count === 0)
      throw new AppError("conflict", { definition: "reporting.versionFrozen" }, { number: version.number });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "FormVersion",
      entityId: version.id,
      before: { definition: version.definition },
      after: { definition },
    });
    return { formVersion: input.formVersion + 1, number: version.number, definition };
  });
}

/** Starts a new version of a form as a copy of its newest one, which must be frozen. */
export async function newFormVersion(viewer: Viewer, input: { formId: string; formVersion: number }) {
  return prisma.$transaction(async (tx) => {
    const newest = await latestVersion(input.formId, tx);
    if (!newest) throw new AppError("notFound");
    if (!(await isLocked(tx, newest)))
      throw new AppError("conflict", { formId: "reporting.versionNotFrozen" }, { number: newest.number });
    await bumpForm(tx, input.formId, input.formVersion);
    if (!newest.frozen) await tx.formVersion.update({ where: { id: newest.id }, data: { frozen: true } });
    const created = await tx.formVersion.create({
      data: {
        formId: input.formId,
        number: newest.number + 1,
        definition: newest.definition as Prisma.InputJsonValue,
        createdById: viewer.userId,
      },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "FormVersion",
      entityId: created.id,
      after: { formId: input.formId, number: created.number, copiedFrom: newest.number },
    });
    return created;
  });
}
