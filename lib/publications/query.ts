import { parsePage } from "@/lib/data-table/params";
import { CONTENT_LANGUAGES, PUBLICATION_TYPES, SORTS, type Sort } from "./constants";
import type { ListQuery } from "./public";

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** The list query from a page's search parameters; unknown values are dropped, never passed on. */
export function listQueryFrom(
  params: Record<string, string | string[] | undefined>,
  section: ListQuery["section"],
): { query: ListQuery; raw: Record<string, string> } {
  const type = one(params.type);
  const language = one(params.language);
  const sort = one(params.sort);
  const grade = one(params.grade);
  const subject = one(params.subject);
  const region = one(params.region);
  const query: ListQuery = {
    section,
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : "new",
    page: parsePage(params),
    type: (PUBLICATION_TYPES as readonly string[]).includes(type) ? type : undefined,
    language: (CONTENT_LANGUAGES as readonly string[]).includes(language) ? language : undefined,
    grade: /^(\d|1[01])$/.test(grade) ? Number(grade) : undefined,
    subject: /^[A-Z_]{1,40}$/.test(subject) ? subject : undefined,
    region: /^\d{1,12}$/.test(region) ? region : undefined,
  };
  const raw: Record<string, string> = {};
  for (const k of ["type", "language", "grade", "subject", "region"] as const)
    if (query[k] !== undefined) raw[k] = String(query[k]);
  if (query.sort !== "new") raw.sort = query.sort;
  return { query, raw };
}
