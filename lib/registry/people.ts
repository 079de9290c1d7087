import "server-only";
import { prisma } from "../db";
import { checkRecordAttributes } from "./attributes";
import { recordAudit, changedFields } from "../audit";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { organizationInScope, organizationWhere, personWhere, type Scope, type Viewer } from "../auth/scope";
import { pageWindow, type ListParams, type Page } from "../data-table/params";
import { parseIin } from "../identity";
import { NAMED, localName, nameField } from "../names";
import type { PersonInput, PersonUpdate } from "./schemas";

export const PERSON_SORTS = ["lastName", "birthDate", "iin"] as const;
export type PersonSort = (typeof PERSON_SORTS)[number];

/** An IIN with its serial hidden, for lists: "811201••••88". The full number is shown only on the record. */
export function maskIin(iin: string): string {
  return iin.length === 12 ? `${iin.slice(0, 6)}••••${iin.slice(10)}` : "••••••••••••";
}

/** A birth date as stored (midnight UTC of a calendar date) back to YYYY-MM-DD. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const organizationSelect = { select: { id: true, bin: true, nameKk: true, nameRu: true, nameEn: true } } as const;

const listSelect = {
  id: true,
  iin: true,
  lastName: true,
  firstName: true,
  middleName: true,
  birthDate: true,
  sex: true,
  organization: organizationSelect,
} satisfies Prisma.PersonSelect;

export type PersonListItem = Prisma.PersonGetPayload<{ select: typeof listSelect }>;

/**
 * One page of people inside the scope. `q` is an IIN prefix when it is all digits, otherwise words that
 * must each occur in the last, first or middle name. Filters: organisation (only ever within the scope,
 * because the scope is part of the same `where`) and sex.
 */
export async function listPeople(scope: Scope, params: ListParams<PersonSort>): Promise<Page<PersonListItem>> {
  const { q, filters } = params;
  const words = q.split(/\s+/).filter(Boolean);
  const text: Prisma.PersonWhereInput = /^\d+$/.test(q)
    ? { iin: { startsWith: q } }
    : {
        AND: words.map((w) => ({
          OR: [
            { lastName: { contains: w, mode: "insensitive" as const } },
            { firstName: { contains: w, mode: "insensitive" as const } },
            { middleName: { contains: w, mode: "insensitive" as const } },
          ],
        })),
      };
  const where: Prisma.PersonWhereInput = {
    AND: [
      personWhere(scope),
      q ? text : {},
      filters.organization ? { organizationId: filters.organization } : {},
      filters.sex
        ? filters.sex === "MALE" || filters.sex === "FEMALE"
          ? { sex: filters.sex }
          : { id: { in: [] } }
        : {},
    ],
  };
  const orderBy: Prisma.PersonOrderByWithRelationInput[] =
    params.sort === "iin"
      ? [{ iin: params.dir }]
      : params.sort === "birthDate"
        ? [{ birthDate: params.dir }, { iin: "asc" }]
        : [{ lastName: params.dir }, { firstName: params.dir }, { iin: "asc" }];
  const [rows, total] = await Promise.all([
    prisma.person.findMany({ where, select: listSelect, orderBy, ...pageWindow(params) }),
    prisma.person.count({ where }),
  ]);
  return { rows, total, page: params.page, pageSize: params.pageSize };
}

/** A person inside the scope, or null (outside the scope looks the same as not existing). */
export async function getPerson(scope: Scope, id: string) {
  return prisma.person.findFirst({
    where: { AND: [{ id }, personWhere(scope)] },
    include: { organization: organizationSelect },
  });
}

/** Organisations inside a scope as select options (for the person form and the list filter). */
export async function organizationOptions(scope: Scope, locale: string) {
  const name = nameField(locale);
  const rows = await prisma.organization.findMany({
    where: organizationWhere(scope),
    select: NAMED,
    orderBy: [{ [name]: "asc" }, { id: "asc" }],
  });
  return rows.map((o) => ({ value: o.id, label: localName(o, locale) }));
}

/**
 * Validates a person against the IIN, the registry and the writer's scope; returns the birth date and sex
 * to store (taken from the IIN when left empty). Throws one AppError naming every field at fault.
 */
async function checkPerson(tx: Prisma.TransactionClient, scope: Scope, input: PersonInput, selfId: string | null) {
  const fieldErrors: Record<string, string> = {};
  const params: Record<string, string> = {};
  const parsed = parseIin(input.iin);
  // The schema has refused malformed IINs already; this guards direct callers.
  if (!parsed.ok) throw new AppError("validation", { iin: `iin.${parsed.problem}` });
  const { birthDate, sex } = parsed.facts;
  if (input.birthDate && input.birthDate !== birthDate) {
    fieldErrors.birthDate = "iin.birthDateMismatch";
    params.expected = birthDate;
  }
  if (input.sex && input.sex !== sex) fieldErrors.sex = "iin.sexMismatch";

  const duplicate = await tx.person.findFirst({
    where: { iin: input.iin, NOT: selfId ? { id: selfId } : undefined },
    select: { id: true },
  });
  if (duplicate) fieldErrors.iin = "iin.duplicate";

  if (input.organizationId) {
    const organization = await tx.organization.findUnique({
      where: { id: input.organizationId },
      select: { id: true, territory: { select: { path: true } } },
    });
    if (!organization) fieldErrors.organizationId = "organization.unknown";
    else if (!organizationInScope(scope, { id: organization.id, territoryPath: organization.territory.path }))
      fieldErrors.organizationId = "organization.outOfScope";
  } else if (!scope.all) {
    // A person without an organisation is visible only republic-wide: a scoped writer would lose them.
    fieldErrors.organizationId = "person.organizationRequired";
  }
  if (Object.keys(fieldErrors).length) throw new AppError("validation", fieldErrors, params);
  return { birthDate: new Date(`${birthDate}T00:00:00Z`), sex };
}

export async function createPerson(viewer: Viewer, scope: Scope, input: PersonInput) {
  return prisma.$transaction(async (tx) => {
    const facts = await checkPerson(tx, scope, input, null);
    const attributes = await checkRecordAttributes(tx, "PERSON", input.organizationId, input.attributes ?? {});
    const created = await tx.person.create({
      data: {
        iin: input.iin,
        lastName: input.lastName,
        firstName: input.firstName,
        middleName: input.middleName,
        organizationId: input.organizationId,
        attributes,
        ...facts,
      },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "Person",
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

export async function updatePerson(viewer: Viewer, scope: Scope, input: PersonUpdate) {
  return prisma.$transaction(async (tx) => {
    const { id, version, ...data } = input;
    const current = await tx.person.findFirst({ where: { AND: [{ id }, personWhere(scope)] } });
    if (!current) throw new AppError("notFound");
    const facts = await checkPerson(tx, scope, data, id);
    // without attribute fields the stored values stay as they are
    const attributes =
      data.attributes === undefined
        ? undefined
        : await checkRecordAttributes(tx, "PERSON", data.organizationId, data.attributes);
    const updated = await tx.person.updateMany({
      where: { id, version },
      data: {
        iin: data.iin,
        lastName: data.lastName,
        firstName: data.firstName,
        middleName: data.middleName,
        organizationId: data.organizationId,
        attributes,
        ...facts,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw new AppError("stale");
    const after = await tx.person.findUniqueOrThrow({ where: { id } });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "update",
      entity: "Person",
      entityId: id,
      ...changedFields(current, after),
    });
    return after;
  });
}
