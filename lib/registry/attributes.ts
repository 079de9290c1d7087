/**
 * Custom attributes of organisations (issue 27), server side: the ministry's definitions (create and edit
 * in one transaction with an audit entry), the check of an organisation's values against the schema built
 * from the definitions that apply to its kind, the list filter over the stored values and the public ones
 * for the public card. Code and type are fixed once created; narrowing a range or making an attribute
 * required applies to the next save of each organisation.
 */
import "server-only";
import { prisma } from "../db";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import { cached, expire, TAGS } from "../cache";
import type { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../auth/scope";
import {
  appliesTo,
  ATTRIBUTE_FIELD_PREFIX,
  attributesSchema,
  type AttributeDefinitionInput,
  type AttributeDefinitionLike,
  type AttributeRecord,
  type AttributeValues,
} from "./attribute-schemas";

type Tx = Prisma.TransactionClient;

export type AttributeDefinitionRow = AttributeDefinitionLike & {
  id: string;
  version: number;
  position: number;
  record: AttributeRecord;
};

/** Every definition (of one record kind when given), in the ministry's order. */
export async function listAttributeDefinitions(
  db: Tx = prisma,
  record?: AttributeRecord,
): Promise<AttributeDefinitionRow[]> {
  return db.attributeDefinition.findMany({
    where: record ? { record } : undefined,
    orderBy: [{ position: "asc" }, { code: "asc" }],
  });
}

/** The allowed item codes (with names) of each choice attribute's classifier. */
export async function attributeChoices(defs: readonly AttributeDefinitionLike[], db: Tx = prisma) {
  const codes = [...new Set(defs.flatMap((d) => (d.type === "CHOICE" && d.classifierCode ? [d.classifierCode] : [])))];
  if (!codes.length) return {} as Record<string, { code: string; nameKk: string; nameRu: string; nameEn: string }[]>;
  const items = await db.classifierItem.findMany({
    where: { classifier: { code: { in: codes } } },
    select: { code: true, nameKk: true, nameRu: true, nameEn: true, classifier: { select: { code: true } } },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  return Object.fromEntries(
    defs
      .filter((d) => d.type === "CHOICE")
      .map((d) => [d.code, items.filter((i) => i.classifier.code === d.classifierCode)]),
  );
}

function rangeText(def: AttributeDefinitionLike): string {
  if (def.min !== null && def.max !== null) return `${def.min}–${def.max}`;
  if (def.min !== null) return `≥ ${def.min}`;
  if (def.max !== null) return `≤ ${def.max}`;
  return "";
}

/**
 * The values to store for an organisation of this kind: the raw form values checked by the schema built
 * from the definitions that apply to the kind (values of attributes that do not apply are dropped). A bad
 * value is refused at its field, the message naming the attribute; nothing is written.
 */
export async function checkAttributes(tx: Tx, kindId: string, raw: Record<string, string>): Promise<AttributeValues> {
  const kind = await tx.classifierItem.findUnique({ where: { id: kindId }, select: { code: true } });
  return checkValues(tx, "ORGANIZATION", kind?.code ?? null, raw);
}

/**
 * The same for a person, a staff appointment or a class: the definitions of that record kind that apply to
 * the kind of the record's organisation (none given: those for every kind), checked by the same schema in
 * the caller's transaction.
 */
export async function checkRecordAttributes(
  tx: Tx,
  record: Exclude<AttributeRecord, "ORGANIZATION">,
  organizationId: string | null,
  raw: Record<string, string>,
): Promise<AttributeValues> {
  const org = organizationId
    ? await tx.organization.findUnique({ where: { id: organizationId }, select: { kind: { select: { code: true } } } })
    : null;
  return checkValues(tx, record, org?.kind.code ?? null, raw);
}

/** The definitions of a record kind that apply to records of an organisation of `kindCode`. */
export async function definitionsFor(record: AttributeRecord, kindCode: string | null, db: Tx = prisma) {
  return (await listAttributeDefinitions(db, record)).filter((d) => appliesTo(d, kindCode));
}

/**
 * The definitions (and classifier items) a record's form shows: those of the record kind that apply to its
 * organisation's kind; for a record without an organisation yet (a new one), all of them.
 */
export async function attributeFormData(record: AttributeRecord, organizationId: string | null) {
  const org = organizationId
    ? await prisma.organization.findUnique({
        where: { id: organizationId },
        select: { kind: { select: { code: true } } },
      })
    : null;
  const defs = org ? await definitionsFor(record, org.kind.code) : await listAttributeDefinitions(prisma, record);
  return { defs, choices: await attributeChoices(defs) };
}

async function checkValues(
  tx: Tx,
  record: AttributeRecord,
  kindCode: string | null,
  raw: Record<string, string>,
): Promise<AttributeValues> {
  const defs = await definitionsFor(record, kindCode, tx);
  const choices = await attributeChoices(defs, tx);
  const schema = attributesSchema(
    defs,
    Object.fromEntries(Object.entries(choices).map(([code, items]) => [code, items.map((i) => i.code)])),
  );
  const parsed = schema.safeParse(Object.fromEntries(defs.map((d) => [d.code, raw[d.code] ?? ""])));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const code = String(issue.path[0]);
  const def = defs.find((d) => d.code === code)!;
  throw new AppError(
    "validation",
    { [`${ATTRIBUTE_FIELD_PREFIX}${code}`]: issue.message },
    { nameKk: def.nameKk, nameRu: def.nameRu, nameEn: def.nameEn, range: rangeText(def) },
    { message: "errors.attribute.invalid" },
  );
}

/** The suffixes of a number or date attribute's range filter: `attr_<code>_from`, `attr_<code>_to`. */
export const RANGE_SUFFIXES = ["_from", "_to"] as const;

/** The list's filter parameters of the attributes: one per yes/no, choice or text one, two for a range. */
export function attributeFilterNames(defs: readonly AttributeDefinitionLike[]): string[] {
  return defs.flatMap((d) =>
    d.type === "NUMBER" || d.type === "DATE"
      ? RANGE_SUFFIXES.map((s) => `${ATTRIBUTE_FIELD_PREFIX}${d.code}${s}`)
      : [`${ATTRIBUTE_FIELD_PREFIX}${d.code}`],
  );
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A bound of a range filter as stored (a number, or a calendar date as text), or null when it is no such value. */
function bound(def: AttributeDefinitionLike, value: string | undefined): number | string | null {
  if (!value) return null;
  if (def.type === "DATE") return DAY_RE.test(value) ? value : null;
  const n = Number(value.replace(",", "."));
  return value.trim() !== "" && Number.isFinite(n) ? n : null;
}

/**
 * The list filters of the attributes from the list's parameters: yes/no (`yes`/`no`), an item code for a
 * choice, the exact text, and for numbers and dates a range (either bound may be open). Values that are no
 * number or date filter nothing out.
 */
export function attributeFilters(
  defs: readonly AttributeDefinitionLike[],
  filters: Record<string, string>,
): Prisma.OrganizationWhereInput[] {
  return defs.flatMap((d) => {
    const name = `${ATTRIBUTE_FIELD_PREFIX}${d.code}`;
    if (d.type === "NUMBER" || d.type === "DATE") {
      const from = bound(d, filters[`${name}_from`]);
      const to = bound(d, filters[`${name}_to`]);
      const out: Prisma.OrganizationWhereInput[] = [];
      if (from !== null) out.push({ attributes: { path: [d.code], gte: from } });
      if (to !== null) out.push({ attributes: { path: [d.code], lte: to } });
      return out;
    }
    const value = filters[name];
    return value ? [attributeWhere(d, value)] : [];
  });
}

/**
 * The list filter of one attribute: `value` as the filter select sends it (yes/no for a yes/no attribute,
 * an item code for a choice, the exact text otherwise). Unknown attributes filter nothing out.
 */
export function attributeWhere(def: AttributeDefinitionLike, value: string): Prisma.OrganizationWhereInput {
  if (def.type === "BOOLEAN") {
    if (value === "yes") return { attributes: { path: [def.code], equals: true } };
    if (value === "no") return { NOT: { attributes: { path: [def.code], equals: true } } };
    return {};
  }
  if (def.type === "NUMBER") {
    const n = Number(value);
    return Number.isFinite(n) ? { attributes: { path: [def.code], equals: n } } : {};
  }
  return { attributes: { path: [def.code], equals: value } };
}

/**
 * Compares two stored values of an attribute for sorting: numbers as numbers, dates and text as text (in the
 * locale's order), yes before no; a missing value sorts last whichever the direction.
 */
export function compareAttributeValues(
  a: AttributeValues[string] | undefined,
  b: AttributeValues[string] | undefined,
  dir: "asc" | "desc",
  locale: string,
): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  const sign = dir === "asc" ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return sign * (a - b);
  if (typeof a === "boolean" && typeof b === "boolean") return sign * (Number(b) - Number(a));
  return sign * String(a).localeCompare(String(b), locale, { numeric: true });
}

const FIELD = "attribute";

/** Creates a definition, or changes one under its version (code and type stay as created). */
export async function saveAttributeDefinition(viewer: Viewer, input: AttributeDefinitionInput) {
  const saved = await writeDefinition(viewer, input);
  expire(TAGS.attributes);
  return saved;
}

async function writeDefinition(viewer: Viewer, input: AttributeDefinitionInput) {
  return prisma.$transaction(async (tx) => {
    if (input.classifierCode) {
      const classifier = await tx.classifier.findUnique({
        where: { code: input.classifierCode },
        select: { id: true },
      });
      if (!classifier) throw new AppError("validation", { classifierCode: `${FIELD}.classifierUnknown` });
    }
    if (input.orgKinds.length) {
      const kinds = await tx.classifierItem.count({
        where: { code: { in: input.orgKinds }, classifier: { code: "ORG_KIND" } },
      });
      if (kinds !== input.orgKinds.length) throw new AppError("validation", { orgKinds: "validation.invalidOption" });
    }
    const data = {
      nameKk: input.nameKk,
      nameRu: input.nameRu,
      nameEn: input.nameEn,
      min: input.min,
      max: input.max,
      classifierCode: input.classifierCode,
      required: input.required,
      orgKinds: input.orgKinds,
      public: input.public,
    };
    if (input.id) {
      const before = await tx.attributeDefinition.findUnique({ where: { id: input.id } });
      if (!before) throw new AppError("notFound");
      if (before.code !== input.code) throw new AppError("validation", { code: `${FIELD}.codeFixed` });
      if (before.type !== input.type) throw new AppError("validation", { type: `${FIELD}.typeFixed` });
      if (before.record !== input.record) throw new AppError("validation", { record: `${FIELD}.recordFixed` });
      const updated = await tx.attributeDefinition.updateMany({
        where: { id: before.id, version: input.version ?? 0 },
        data: { ...data, version: { increment: 1 } },
      });
      if (updated.count === 0) throw new AppError("stale");
      const after = await tx.attributeDefinition.findUniqueOrThrow({ where: { id: before.id } });
      const { before: b, after: a } = changed(before, after);
      await recordAudit(tx, {
        actorId: viewer.userId,
        action: "update",
        entity: "AttributeDefinition",
        entityId: after.id,
        before: b,
        after: a,
      });
      return after;
    }
    const clash = await tx.attributeDefinition.findUnique({ where: { code: input.code }, select: { id: true } });
    if (clash) throw new AppError("validation", { code: `${FIELD}.codeTaken` });
    const position = await tx.attributeDefinition.count();
    const created = await tx.attributeDefinition.create({
      data: { ...data, code: input.code, type: input.type, record: input.record, position },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "AttributeDefinition",
      entityId: created.id,
      after: describe(created),
    });
    return created;
  });
}

function describe(d: AttributeDefinitionLike) {
  return {
    code: d.code,
    name: d.nameRu,
    type: d.type,
    record: d.record ?? "ORGANIZATION",
    min: d.min,
    max: d.max,
    classifierCode: d.classifierCode,
    required: d.required,
    orgKinds: d.orgKinds.join(", "),
    public: d.public,
  };
}

function changed(before: AttributeDefinitionRow, after: AttributeDefinitionRow) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  const x = describe(before) as Record<string, unknown>;
  const y = describe(after) as Record<string, unknown>;
  const names = { nameKk: [before.nameKk, after.nameKk], nameEn: [before.nameEn, after.nameEn] };
  for (const k of Object.keys(y))
    if (JSON.stringify(x[k]) !== JSON.stringify(y[k])) {
      b[k] = x[k];
      a[k] = y[k];
    }
  for (const [k, [p, q]] of Object.entries(names))
    if (p !== q) {
      b[k] = p;
      a[k] = q;
    }
  return { before: b, after: a };
}

export interface PublicAttribute {
  code: string;
  name: { kk: string; ru: string; en: string };
  type: AttributeDefinitionLike["type"];
  value: string | number | boolean;
  /** A choice's classifier item names. */
  item: { kk: string; ru: string; en: string } | null;
}

/** The public attributes of an organisation with their values (only those given), for the public card. */
export async function publicAttributes(bin: string): Promise<PublicAttribute[]> {
  const org = await prisma.organization.findUnique({
    where: { bin },
    select: { attributes: true, kind: { select: { code: true } } },
  });
  if (!org) return [];
  const defs = (await listAttributeDefinitions(prisma, "ORGANIZATION")).filter(
    (d) => d.public && appliesTo(d, org.kind.code),
  );
  const stored = (org.attributes && typeof org.attributes === "object" ? org.attributes : {}) as AttributeValues;
  const choices = await attributeChoices(defs);
  return defs
    .filter((d) => stored[d.code] !== undefined)
    .map((d) => {
      const item = choices[d.code]?.find((i) => i.code === stored[d.code]);
      return {
        code: d.code,
        name: { kk: d.nameKk, ru: d.nameRu, en: d.nameEn },
        type: d.type,
        value: stored[d.code]!,
        item: item ? { kk: item.nameKk, ru: item.nameRu, en: item.nameEn } : null,
      };
    });
}

/** The same from the data cache (tag `attributes`, expired by every change of a definition or an organisation). */
export const cachedPublicAttributes = cached((bin: string) => publicAttributes(bin), ["attributes:public:1"], {
  tags: [TAGS.attributes],
  revalidate: 600,
});
