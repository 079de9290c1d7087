/**
 * Built-in documentation of the configuration (issue 27), generated from the data so that it is always
 * current: the forms of each year with their sections, cells and rules (the rule's message is the rule in
 * words, in each language, beside its expression), the classifiers, the reporting processes, the roles ×
 * permissions matrix of the permission table and the rating methods.
 */
import "server-only";
import { prisma } from "../db";
import { PERMISSIONS, type Permission } from "../auth/permissions";
import { ROLES } from "../auth/roles";
import type { Role } from "../generated/prisma/enums";
import { definitionSchema, type LocalizedText } from "../reporting/definition";

export interface DocumentedSection {
  key: string;
  title: LocalizedText;
  /** Cells: the fields of a fields section, or rows × columns of a table. */
  cells: { key: string; label: LocalizedText; type: string }[];
  rows: { key: string; label: LocalizedText }[];
}

export interface DocumentedForm {
  id: string;
  code: string;
  name: LocalizedText;
  adHoc: boolean;
  version: number | null;
  processCode: string | null;
  sections: DocumentedSection[];
  rules: { expression: string; severity: "error" | "warning"; message: LocalizedText }[];
}

export interface DocumentedYear {
  year: number;
  status: string;
  forms: DocumentedForm[];
}

const text = (r: { nameKk: string; nameRu: string; nameEn: string }): LocalizedText => ({
  kk: r.nameKk,
  ru: r.nameRu,
  en: r.nameEn,
});

/** The forms of each year (newest first) with their latest version's structure and rules. */
export async function documentedForms(): Promise<DocumentedYear[]> {
  const lists = await prisma.formList.findMany({
    orderBy: { year: "desc" },
    include: {
      forms: {
        orderBy: { code: "asc" },
        include: {
          process: { select: { code: true } },
          versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, definition: true } },
        },
      },
    },
  });
  return lists.map((l) => ({
    year: l.year,
    status: l.status,
    forms: l.forms.map((f) => {
      const version = f.versions[0];
      const parsed = version ? definitionSchema.safeParse(version.definition) : null;
      const def = parsed?.success ? parsed.data : { sections: [], rules: [] };
      return {
        id: f.id,
        code: f.code,
        name: text(f),
        adHoc: f.adHoc,
        version: version?.number ?? null,
        processCode: f.process?.code ?? null,
        sections: def.sections.map((s) =>
          s.kind === "table"
            ? {
                key: s.key,
                title: s.title,
                cells: s.columns.map((c) => ({ key: c.key, label: c.label, type: c.type })),
                rows: s.rows.map((r) => ({ key: r.key, label: r.label })),
              }
            : {
                key: s.key,
                title: s.title,
                cells: s.fields.map((c) => ({ key: c.key, label: c.label, type: c.type })),
                rows: [],
              },
        ),
        rules: def.rules,
      };
    }),
  }));
}

/** The classifiers with their item counts. */
export async function documentedClassifiers() {
  const rows = await prisma.classifier.findMany({
    orderBy: { code: "asc" },
    select: { code: true, nameKk: true, nameRu: true, nameEn: true, _count: { select: { items: true } } },
  });
  return rows.map((c) => ({ code: c.code, name: text(c), items: c._count.items }));
}

/** The rating methods with their newest version and whether one is published. */
export async function documentedRatingMethods() {
  const rows = await prisma.ratingMethod.findMany({
    orderBy: { code: "asc" },
    select: {
      code: true,
      level: true,
      nameKk: true,
      nameRu: true,
      nameEn: true,
      territory: { select: { nameKk: true, nameRu: true, nameEn: true } },
      versions: { orderBy: { number: "desc" }, select: { number: true, status: true, publishedAt: true } },
    },
  });
  return rows.map((m) => ({
    code: m.code,
    level: m.level,
    name: text(m),
    territory: text(m.territory),
    versions: m.versions.length,
    published: m.versions.find((v) => v.publishedAt)?.number ?? null,
  }));
}

/** The roles × permissions matrix of the permission table, in the table's order. */
export function permissionMatrix(): { roles: Role[]; rows: { permission: Permission; roles: Set<Role> }[] } {
  return {
    roles: [...ROLES],
    rows: (Object.keys(PERMISSIONS) as Permission[]).map((permission) => ({
      permission,
      roles: new Set<Role>(PERMISSIONS[permission] as readonly Role[]),
    })),
  };
}
