import "server-only";
import { prisma } from "../db";
import { changedFields, recordAudit } from "../audit";
import { authorizeViewer } from "../auth/access";
import type { Viewer } from "../auth/scope";
import { AppError } from "../errors";
import type { ClassifierItemCreate, ClassifierItemUpdate } from "./schemas";

/**
 * The unified classification and coding (R33): classifiers and their items, managed by the ministry only.
 * Every function checks classifiers.manage itself, so no caller can reach the data without it.
 */
function allow(viewer: Viewer | null) {
  authorizeViewer(viewer, "classifiers.manage");
}

/** Every classifier with the number of its items. */
export async function listClassifiers(viewer: Viewer | null) {
  allow(viewer);
  return prisma.classifier.findMany({ orderBy: { code: "asc" }, include: { _count: { select: { items: true } } } });
}

/** A classifier by code with its items in their order, or null. */
export async function getClassifier(viewer: Viewer | null, code: string) {
  allow(viewer);
  return prisma.classifier.findUnique({
    where: { code },
    include: { items: { orderBy: [{ sortOrder: "asc" }, { code: "asc" }] } },
  });
}

/** One item of a classifier (by the classifier's code), or null. */
export async function getClassifierItem(viewer: Viewer | null, classifierCode: string, id: string) {
  allow(viewer);
  return prisma.classifierItem.findFirst({
    where: { id, classifier: { code: classifierCode } },
    include: { classifier: true },
  });
}

export async function createClassifierItem(viewer: Viewer, input: ClassifierItemCreate) {
  allow(viewer);
  return prisma.$transaction(async (tx) => {
    const { classifier: code, ...data } = input;
    const classifier = await tx.classifier.findUnique({ where: { code }, select: { id: true } });
    if (!classifier) throw new AppError("notFound");
    const duplicate = await tx.classifierItem.findUnique({
      where: { classifierId_code: { classifierId: classifier.id, code: data.code } },
      select: { id: true },
    });
    if (duplicate) throw new AppError("duplicate", { code: "classifier.codeDuplicate" });
    const created = await tx.classifierItem.create({ data: { ...data, classifierId: classifier.id } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "ClassifierItem",
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

export async function updateClassifierItem(viewer: Viewer, input: ClassifierItemUpdate) {
  allow(viewer);
  return prisma.$transaction(async (tx) => {
    const { id, version, ...data } = input;
    const current = await tx.classifierItem.findUnique({ where: { id } });
    if (!current) throw new AppError("notFound");
    const updated = await tx.classifierItem.updateMany({
      where: { id, version },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new AppError("stale");
    const after = await tx.classifierItem.findUniqueOrThrow({ where: { id } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "ClassifierItem",
      entityId: id,
      ...changedFields(current, after),
    });
    return after;
  });
}
