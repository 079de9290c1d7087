/** Publication kinds, states and limits (pure: shared by services, pages and tests). */
export const PUBLICATION_TYPES = [
  "LESSON_PLAN",
  "METHODICAL_GUIDE",
  "PRACTICE_ARTICLE",
  "TASK_COLLECTION",
  "NEWS",
  "ANNOUNCEMENT",
  "LEGAL_ACT",
] as const;
export type PublicationTypeName = (typeof PUBLICATION_TYPES)[number];
/** Official information (R21): published only with a Kazakh version. */
export const OFFICIAL_TYPES: readonly PublicationTypeName[] = ["NEWS", "ANNOUNCEMENT", "LEGAL_ACT"];
export const METHODICAL_TYPES: readonly PublicationTypeName[] = [
  "LESSON_PLAN",
  "METHODICAL_GUIDE",
  "PRACTICE_ARTICLE",
  "TASK_COLLECTION",
];

export const PUBLICATION_STATUSES = [
  "DRAFT",
  "IN_REVIEW",
  "CHANGES_REQUESTED",
  "REJECTED",
  "APPROVED",
  "SCHEDULED",
  "PUBLISHED",
  "UNPUBLISHED",
] as const;
export type PublicationStatusName = (typeof PUBLICATION_STATUSES)[number];
/** States in which the author may edit and (re)submit. */
export const EDITABLE: readonly PublicationStatusName[] = ["DRAFT", "CHANGES_REQUESTED", "UNPUBLISHED"];

export const DECISIONS = ["approve", "requestChanges", "reject", "publish", "schedule", "unpublish"] as const;
export type Decision = (typeof DECISIONS)[number];

/** The states each decision may be taken from (the editor is offered only these). */
export const DECISION_FROM: Record<Decision, readonly PublicationStatusName[]> = {
  approve: ["IN_REVIEW"],
  requestChanges: ["IN_REVIEW", "APPROVED"],
  reject: ["IN_REVIEW", "APPROVED"],
  publish: ["IN_REVIEW", "APPROVED", "SCHEDULED"],
  schedule: ["IN_REVIEW", "APPROVED", "SCHEDULED"],
  unpublish: ["PUBLISHED", "SCHEDULED"],
};

/** The decisions that apply to a publication in a state, in the order of `DECISIONS`. */
export function decisionsFor(status: string): Decision[] {
  return DECISIONS.filter((d) => (DECISION_FROM[d] as readonly string[]).includes(status));
}

export const CONTENT_LANGUAGES = ["kk", "ru", "en"] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

export const SORTS = ["new", "discussed", "rated"] as const;
export type Sort = (typeof SORTS)[number];

export const GRADES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
export const MAX_BODY = 100_000;
export const MAX_COMMENT = 5_000;
export const PAGE_SIZE = 12;
export const COMMENTS_PAGE = 50;

export function isOfficial(type: string): boolean {
  return (OFFICIAL_TYPES as readonly string[]).includes(type);
}

/** Whether a state (with the moment it became public) is visible to everyone now. */
export function isPublic(status: string, publishedAt: Date | null, now = new Date()): boolean {
  return (status === "PUBLISHED" || status === "SCHEDULED") && publishedAt !== null && publishedAt <= now;
}

/** "5, 6, 7" or "5-7" → sorted unique grades 0–11 (0: preschool); null on anything else. */
export function parseGrades(text: string): number[] | null {
  const out = new Set<number>();
  for (const part of text.split(/[,;\s]+/).filter(Boolean)) {
    const range = /^(\d{1,2})\s*[-–]\s*(\d{1,2})$/.exec(part);
    const [a, b] = range ? [Number(range[1]), Number(range[2])] : [Number(part), Number(part)];
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b > 11 || a > b) return null;
    for (let g = a; g <= b; g++) out.add(g);
  }
  return [...out].sort((x, y) => x - y);
}

/** Keywords from a comma-separated list: trimmed, unique, at most 12 of at most 40 characters. */
export function parseKeywords(text: string): string[] {
  const seen = new Map<string, string>();
  for (const k of text
    .split(/[,;]+/)
    .map((s) => s.trim().replace(/\s+/g, " "))
    .filter(Boolean)) {
    if (!seen.has(k.toLowerCase())) seen.set(k.toLowerCase(), k.slice(0, 40));
  }
  return [...seen.values()].slice(0, 12);
}
