/**
 * Public reads of publications: only what is published (or scheduled and due) is ever returned, so these
 * functions take no viewer and their results may be cached and shared (cache.ts). Official pages are shown
 * in the reader's language when a published translation exists, otherwise in Kazakh with a note (R21).
 */
import "server-only";
import { publicReads as prisma } from "../db";
import type { ContentLanguage, Prisma } from "../generated/prisma/client";
import { NAMED, localName } from "../names";
import { OFFICIAL_TYPES, METHODICAL_TYPES, PAGE_SIZE, type Sort } from "./constants";
import { summaryOf } from "./workflow";

export function publishedWhere(now = new Date()): Prisma.PublicationWhereInput {
  return { status: { in: ["PUBLISHED", "SCHEDULED"] }, publishedAt: { lte: now } };
}

export interface ListQuery {
  type?: string;
  subject?: string;
  grade?: number;
  language?: string;
  region?: string;
  sort: Sort;
  page: number;
  /** "official": news section; "methodical": the publications section (default); "all". */
  section?: "official" | "methodical" | "all";
  authorId?: string;
}

export interface ListItem {
  id: string;
  type: string;
  language: string;
  title: string;
  summary: string;
  subjectCode: string | null;
  grades: number[];
  author: string;
  authorId: string;
  organization: string | null;
  publishedAt: string;
  commentCount: number;
  rating: number;
  ratingCount: number;
  views: number;
  downloads: number;
  /** For official pages: true when shown in Kazakh because no translation exists in the locale. */
  fallback: boolean;
}

async function organizationNames(ids: (string | null)[], locale: string): Promise<Map<string, string>> {
  const orgs = await prisma.organization.findMany({
    where: { id: { in: ids.filter((x): x is string => !!x) } },
    select: NAMED,
  });
  return new Map(orgs.map((o) => [o.id, localName(o, locale)]));
}

async function userNames(ids: string[]): Promise<Map<string, string>> {
  const users = await prisma.user.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, displayName: true },
  });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

const ORDER: Record<Sort, Prisma.PublicationOrderByWithRelationInput[]> = {
  new: [{ publishedAt: "desc" }, { id: "asc" }],
  discussed: [{ commentCount: "desc" }, { publishedAt: "desc" }, { id: "asc" }],
  rated: [{ rating: "desc" }, { ratingCount: "desc" }, { publishedAt: "desc" }, { id: "asc" }],
};

export async function listPublished(
  query: ListQuery,
  locale: string,
  now = new Date(),
): Promise<{ items: ListItem[]; total: number; page: number; pages: number }> {
  const section = query.section ?? "methodical";
  const types = section === "official" ? OFFICIAL_TYPES : section === "methodical" ? METHODICAL_TYPES : undefined;
  const where: Prisma.PublicationWhereInput = {
    AND: [
      publishedWhere(now),
      // translations of official pages are reached through their Kazakh original
      { translationOfId: null },
      types ? { type: { in: [...types] as never } } : {},
      query.type ? { type: query.type as never } : {},
      query.subject ? { subjectCode: query.subject } : {},
      query.grade !== undefined ? { grades: { has: query.grade } } : {},
      query.language ? { language: query.language as ContentLanguage } : {},
      query.region ? { regionCode: query.region } : {},
      query.authorId ? { authorId: query.authorId } : {},
    ],
  };
  const total = await prisma.publication.count({ where });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, query.page), pages);
  const rows = await prisma.publication.findMany({
    where,
    orderBy: ORDER[query.sort],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    include: { translations: { where: { ...publishedWhere(now), language: locale as ContentLanguage } } },
  });
  const [orgs, names] = await Promise.all([
    organizationNames(
      rows.map((r) => r.organizationId),
      locale,
    ),
    userNames(rows.map((r) => r.authorId)),
  ]);
  const items = rows.map((r) => {
    const shown = r.language !== locale && r.translations[0] ? r.translations[0] : r;
    return {
      id: r.id,
      type: r.type,
      language: shown.language,
      title: shown.title,
      summary: summaryOf(shown, 240),
      subjectCode: r.subjectCode,
      grades: r.grades,
      author: names.get(r.authorId) ?? "",
      authorId: r.authorId,
      organization: r.organizationId ? (orgs.get(r.organizationId) ?? null) : null,
      publishedAt: r.publishedAt!.toISOString(),
      commentCount: r.commentCount,
      rating: r.rating,
      ratingCount: r.ratingCount,
      views: r.views,
      downloads: r.downloads,
      fallback: (OFFICIAL_TYPES as readonly string[]).includes(r.type) && shown.language !== locale,
    };
  });
  return { items, total, page, pages };
}

export interface PublicationView {
  id: string;
  /** The row whose text is shown (a translation of an official page, or the page itself). */
  shownId: string;
  type: string;
  language: string;
  title: string;
  summary: string;
  html: string;
  subjectCode: string | null;
  grades: number[];
  keywords: string[];
  author: string;
  authorId: string;
  organization: string | null;
  regionCode: string | null;
  publishedAt: string;
  updatedAt: string;
  version: number;
  views: number;
  downloads: number;
  commentCount: number;
  rating: number;
  ratingCount: number;
  fallback: boolean;
  cover: string | null;
  attachments: { id: string; fileName: string; size: number; kind: string; downloads: number }[];
  translations: { id: string; language: string }[];
}

/** A public publication for a reader in a locale; null when it does not exist or is not public. */
export async function getPublished(id: string, locale: string, now = new Date()): Promise<PublicationView | null> {
  const row = await prisma.publication.findFirst({
    where: { AND: [{ id }, publishedWhere(now)] },
    include: {
      attachments: { orderBy: { createdAt: "asc" }, include: { file: { select: { size: true, kind: true } } } },
      translations: {
        where: publishedWhere(now),
        select: {
          id: true,
          language: true,
          title: true,
          summary: true,
          body: true,
          html: true,
          updatedAt: true,
          attachments: { orderBy: { createdAt: "asc" }, include: { file: { select: { size: true, kind: true } } } },
        },
      },
      translationOf: { select: { id: true, language: true, status: true, publishedAt: true } },
    },
  });
  if (!row) return null;
  const official = (OFFICIAL_TYPES as readonly string[]).includes(row.type);
  const translation =
    official && row.language !== locale ? row.translations.find((t) => t.language === locale) : undefined;
  const shown = translation ?? row;
  const [orgs, names] = await Promise.all([organizationNames([row.organizationId], locale), userNames([row.authorId])]);
  const attachments = (
    translation && translation.attachments.length ? translation.attachments : row.attachments
  ).filter((a) => a.id !== row.coverId);
  const original =
    row.translationOf && row.translationOf.status !== "UNPUBLISHED"
      ? [{ id: row.translationOf.id, language: row.translationOf.language }]
      : [];
  return {
    id: row.id,
    shownId: shown === row ? row.id : translation!.id,
    type: row.type,
    language: shown.language,
    title: shown.title,
    summary: shown.summary,
    html: shown.html,
    subjectCode: row.subjectCode,
    grades: row.grades,
    keywords: row.keywords,
    author: names.get(row.authorId) ?? "",
    authorId: row.authorId,
    organization: row.organizationId ? (orgs.get(row.organizationId) ?? null) : null,
    regionCode: row.regionCode,
    publishedAt: row.publishedAt!.toISOString(),
    updatedAt: shown.updatedAt.toISOString(),
    version: row.revision,
    views: row.views,
    downloads: row.downloads,
    commentCount: row.commentCount,
    rating: row.rating,
    ratingCount: row.ratingCount,
    fallback: official && shown.language !== locale,
    cover: row.coverId,
    attachments: attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      size: a.file.size,
      kind: a.file.kind,
      downloads: a.downloads,
    })),
    translations: [...original, ...row.translations.map((t) => ({ id: t.id, language: t.language }))],
  };
}

/** A teacher's public profile: their school and published work with the sums of views and downloads. */
export async function authorProfile(userId: string, locale: string, now = new Date()) {
  const user = await prisma.user.findFirst({
    where: { id: userId, active: true },
    select: { id: true, displayName: true },
  });
  if (!user) return null;
  const published = await prisma.publication.findMany({
    where: { AND: [publishedWhere(now), { authorId: userId }] },
    orderBy: { publishedAt: "desc" },
    select: {
      id: true,
      title: true,
      type: true,
      publishedAt: true,
      views: true,
      downloads: true,
      organizationId: true,
      commentCount: true,
    },
  });
  if (!published.length) return null;
  const orgIds = [...new Set(published.map((p) => p.organizationId).filter((x): x is string => !!x))];
  const orgs = await organizationNames(orgIds, locale);
  return {
    id: user.id,
    name: user.displayName,
    organizations: orgIds.map((o) => orgs.get(o)).filter((x): x is string => !!x),
    views: published.reduce((s, p) => s + p.views, 0),
    downloads: published.reduce((s, p) => s + p.downloads, 0),
    publications: published.map((p) => ({ ...p, publishedAt: p.publishedAt!.toISOString() })),
  };
}

/** Subjects and regions that occur in published publications (filter options). */
export async function filterOptions(locale: string, now = new Date()) {
  const [subjects, regions] = await Promise.all([
    prisma.classifierItem.findMany({
      where: { classifier: { code: "SUBJECT" } },
      orderBy: { sortOrder: "asc" },
      select: { code: true, nameKk: true, nameRu: true, nameEn: true },
    }),
    prisma.territory.findMany({
      where: { level: "REGION" },
      orderBy: { code: "asc" },
      select: { code: true, nameKk: true, nameRu: true, nameEn: true },
    }),
  ]);
  void now;
  return {
    subjects: subjects.map((s) => ({ code: s.code, name: localName(s, locale) })),
    regions: regions.map((r) => ({ code: r.code, name: localName(r, locale) })),
  };
}
