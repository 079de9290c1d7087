/**
 * The ministry's administration of reporting processes (issue 27): define a process (its ordered levels
 * with days, late behaviour, where returns go) and assign it to a form, an organisation kind or one
 * organisation. Every write is one transaction with an audit entry; bad input is refused with a localised
 * message at the field and nothing is written.
 *
 * A process may not leave an organisation it covers without a level above it (a district-only process
 * for organisations directly under a region, for example): the check runs when a process is assigned and
 * when an assigned process's levels change. Who acts at a level comes from the permission table with the
 * role's scope level (processes.reviewLevelOf); a level no role reviews at is refused too.
 *
 * Changing a process, or which process a form, kind or organisation has, applies to reports handed over
 * afterwards: a submission keeps the process it was handed over under until it is handed over again.
 */
import "server-only";
import { prisma } from "../db";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../auth/scope";
import { ROLES } from "../auth/roles";
import { coversNobodyAbove, STANDARD_PROCESS_ID, type ProcessLevel } from "./process";
import { reviewLevelOf } from "./processes";
import { obligedOrganizationsWhere } from "./obligations";
import type { AssignInput, ProcessInput } from "./process-schemas";

type Tx = Prisma.TransactionClient;

const FIELD = "reportingProcess";

function refuse(field: string, key: string, params: Record<string, string | number> = {}): never {
  throw new AppError("validation", { [field]: `${FIELD}.${key}` }, params);
}

export interface ProcessRow {
  id: string;
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  onLate: "NOTIFY" | "PASS_THROUGH";
  returnTo: "ORGANIZATION" | "PREVIOUS_LEVEL";
  version: number;
  levels: ProcessLevel[];
  forms: { id: string; code: string; year: number }[];
  kinds: string[];
  organizations: { id: string; bin: string; nameKk: string; nameRu: string; nameEn: string }[];
  inReview: number;
}

/** Every process with its levels, what it is assigned to and how many submissions are in review under it. */
export async function listProcesses(): Promise<ProcessRow[]> {
  const [rows, inReview] = await Promise.all([
    prisma.reportingProcess.findMany({
      include: {
        levels: { orderBy: { position: "asc" } },
        forms: { select: { id: true, code: true, formList: { select: { year: true } } } },
        rules: {
          select: {
            orgKind: true,
            organization: { select: { id: true, bin: true, nameKk: true, nameRu: true, nameEn: true } },
          },
        },
      },
      orderBy: { code: "asc" },
    }),
    prisma.submission.groupBy({
      by: ["processId"],
      where: { supersededAt: null, status: { in: ["SUBMITTED", "APPROVED_DISTRICT", "APPROVED_REGION"] } },
      _count: { _all: true },
    }),
  ]);
  const counts = new Map(inReview.map((r) => [r.processId, r._count._all]));
  return rows
    .map((r) => ({
      id: r.id,
      code: r.code,
      nameKk: r.nameKk,
      nameRu: r.nameRu,
      nameEn: r.nameEn,
      onLate: r.onLate,
      returnTo: r.returnTo,
      version: r.version,
      levels: r.levels.map((l) => ({ level: l.level as ProcessLevel["level"], days: l.days })),
      forms: r.forms
        .map((f) => ({ id: f.id, code: f.code, year: f.formList.year }))
        .sort((a, b) => b.year - a.year || a.code.localeCompare(b.code)),
      kinds: r.rules.flatMap((x) => (x.orgKind ? [x.orgKind] : [])).sort(),
      organizations: r.rules.flatMap((x) => (x.organization ? [x.organization] : [])),
      inReview: counts.get(r.id) ?? 0,
    }))
    .sort((a, b) =>
      a.id === STANDARD_PROCESS_ID ? -1 : b.id === STANDARD_PROCESS_ID ? 1 : a.code.localeCompare(b.code),
    );
}

/** Forms a process can be assigned to (the newest years first), for the assignment form. */
export async function assignableForms() {
  const forms = await prisma.form.findMany({
    select: { id: true, code: true, nameKk: true, nameRu: true, nameEn: true, formList: { select: { year: true } } },
  });
  return forms.sort((a, b) => b.formList.year - a.formList.year || a.code.localeCompare(b.code));
}

/**
 * Refuses levels that leave a covered organisation with nobody above it, or that no role reviews at.
 * `covered` selects the organisations the process (would) apply to.
 */
async function checkCoverage(tx: Tx, levels: ProcessLevel[], covered: Prisma.OrganizationWhereInput, field: string) {
  levels.forEach((l) => {
    if (!ROLES.some((role) => reviewLevelOf(role) === l.level)) refuse(field, "nobodyActs", { level: l.level });
  });
  const byLevel = await tx.organization.groupBy({
    by: ["territoryId"],
    where: { AND: [covered, { status: "ACTIVE" }] },
    _count: { _all: true },
  });
  if (byLevel.length === 0) return;
  const territories = await tx.territory.findMany({
    where: { id: { in: byLevel.map((b) => b.territoryId) } },
    select: { id: true, level: true, nameKk: true, nameRu: true, nameEn: true },
  });
  const bad = territories.filter((t) => coversNobodyAbove({ levels }, t.level));
  if (bad.length) {
    const count = byLevel.filter((b) => bad.some((t) => t.id === b.territoryId)).reduce((n, b) => n + b._count._all, 0);
    refuse(field, "nobodyAbove", { count, territory: bad[0]!.nameRu });
  }
}

/** The organisations a process applies to now: its listed ones, its kinds' and its forms' obliged ones. */
async function coveredBy(tx: Tx, processId: string): Promise<Prisma.OrganizationWhereInput | null> {
  if (processId === STANDARD_PROCESS_ID) return {};
  const [rules, forms] = await Promise.all([
    tx.reportingProcessRule.findMany({ where: { processId }, select: { orgKind: true, organizationId: true } }),
    tx.form.findMany({ where: { processId }, select: { id: true, orgKinds: true } }),
  ]);
  const or: Prisma.OrganizationWhereInput[] = [
    ...rules.flatMap((r) => (r.organizationId ? [{ id: r.organizationId }] : [])),
    ...rules.flatMap((r) => (r.orgKind ? [{ kind: { code: r.orgKind } }] : [])),
    ...forms.map((f) => obligedOrganizationsWhere(f)),
  ];
  return or.length ? { OR: or } : null;
}

/** Creates a process, or changes one (under its version). */
export async function saveProcess(viewer: Viewer, input: ProcessInput) {
  return prisma.$transaction(async (tx) => {
    const clash = await tx.reportingProcess.findUnique({ where: { code: input.code }, select: { id: true } });
    if (clash && clash.id !== input.id) refuse("code", "codeTaken");
    const data = {
      code: input.code,
      nameKk: input.nameKk,
      nameRu: input.nameRu,
      nameEn: input.nameEn,
      onLate: input.onLate,
      returnTo: input.returnTo,
    };
    const levels = input.levels.map((l, position) => ({ position, level: l.level, days: l.days }));
    if (input.id) {
      const before = await tx.reportingProcess.findUnique({ where: { id: input.id }, include: { levels: true } });
      if (!before) throw new AppError("notFound");
      if (before.version !== input.version) throw new AppError("stale");
      const covered = await coveredBy(tx, before.id);
      if (covered) await checkCoverage(tx, input.levels, covered, "level0");
      await tx.reportingProcessLevel.deleteMany({ where: { processId: before.id } });
      await tx.reportingProcessLevel.createMany({ data: levels.map((l) => ({ ...l, processId: before.id })) });
      const after = await tx.reportingProcess.update({
        where: { id: before.id },
        data: { ...data, version: { increment: 1 } },
      });
      await recordAudit(tx, {
        actorId: viewer.userId,
        action: "update",
        entity: "ReportingProcess",
        entityId: after.id,
        before: { ...pick(before), levels: before.levels.sort((a, b) => a.position - b.position).map(levelText) },
        after: { ...pick(after), levels: levels.map(levelText) },
      });
      return after;
    }
    const created = await tx.reportingProcess.create({ data: { ...data, levels: { create: levels } } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "ReportingProcess",
      entityId: created.id,
      after: { ...pick(created), levels: levels.map(levelText) },
    });
    return created;
  });
}

const pick = (p: { code: string; nameRu: string; onLate: string; returnTo: string }) => ({
  code: p.code,
  name: p.nameRu,
  onLate: p.onLate,
  returnTo: p.returnTo,
});
const levelText = (l: { level: string; days: number }) => `${l.level}:${l.days}`;

/**
 * Assigns a process to a form, an organisation kind or one organisation (by BIN), or takes the
 * assignment away (empty process: the form goes back to the standard process; the kind or organisation
 * follows its forms again). Applies to reports handed over afterwards.
 */
export async function assignProcess(viewer: Viewer, input: AssignInput) {
  return prisma.$transaction(async (tx) => {
    const process = input.processId
      ? await tx.reportingProcess.findUnique({
          where: { id: input.processId },
          include: { levels: { orderBy: { position: "asc" } } },
        })
      : null;
    if (input.processId && !process) refuse("processId", "unknown");
    const levels = process?.levels.map((l) => ({ level: l.level as ProcessLevel["level"], days: l.days })) ?? [];

    if (input.target === "form") {
      const form = await tx.form.findUnique({
        where: { id: input.formId! },
        select: { id: true, orgKinds: true, processId: true },
      });
      if (!form) refuse("formId", "unknownForm");
      if (process) await checkCoverage(tx, levels, obligedOrganizationsWhere(form), "processId");
      await tx.form.update({ where: { id: form.id }, data: { processId: process?.id ?? null } });
      await recordAudit(tx, {
        actorId: viewer.userId,
        action: "update",
        entity: "Form",
        entityId: form.id,
        before: { processId: form.processId },
        after: { processId: process?.id ?? null },
      });
      return;
    }

    let where: Prisma.ReportingProcessRuleWhereUniqueInput;
    let covered: Prisma.OrganizationWhereInput;
    let target: { orgKind: string } | { organizationId: string };
    if (input.target === "kind") {
      const kind = await tx.classifierItem.findFirst({
        where: { code: input.orgKind!, classifier: { code: "ORG_KIND" } },
        select: { code: true },
      });
      if (!kind) refuse("orgKind", "unknownKind");
      where = { orgKind: kind.code };
      covered = { kind: { code: kind.code } };
      target = { orgKind: kind.code };
    } else {
      const org = await tx.organization.findUnique({ where: { bin: input.bin! }, select: { id: true } });
      if (!org) refuse("bin", "unknownOrganization");
      where = { organizationId: org.id };
      covered = { id: org.id };
      target = { organizationId: org.id };
    }
    const before = await tx.reportingProcessRule.findUnique({ where });
    if (process) {
      await checkCoverage(tx, levels, covered, "processId");
      const rule = await tx.reportingProcessRule.upsert({
        where,
        create: { ...target, processId: process.id },
        update: { processId: process.id },
      });
      await recordAudit(tx, {
        actorId: viewer.userId,
        action: before ? "update" : "create",
        entity: "ReportingProcessRule",
        entityId: rule.id,
        before: before ? { ...target, processId: before.processId } : null,
        after: { ...target, processId: process.id },
      });
    } else if (before) {
      await tx.reportingProcessRule.delete({ where: { id: before.id } });
      await recordAudit(tx, {
        actorId: viewer.userId,
        action: "delete",
        entity: "ReportingProcessRule",
        entityId: before.id,
        before: { ...target, processId: before.processId },
      });
    }
  });
}

/** The organisation kinds (ORG_KIND items) a process can be assigned to. */
export async function orgKindOptions() {
  return prisma.classifierItem.findMany({
    where: { classifier: { code: "ORG_KIND" } },
    select: { code: true, nameKk: true, nameRu: true, nameEn: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
}
