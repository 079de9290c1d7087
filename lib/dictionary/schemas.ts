import { z } from "zod";
import { isSupportedScript } from "../text";
import {
  FROM_VALUES,
  MAX_LIMIT,
  PARTS_OF_SPEECH,
  RELATION_KINDS,
  THEMES,
  TO_VALUES,
  type From,
  type To,
} from "./constants";
import { GRADES } from "./srs";

// ───────── Lookup parameters (page and API) ─────────

export interface LookupParams {
  q: string;
  from: From;
  to: To | undefined;
  limit: number | undefined;
}

export type LookupParamError = "from" | "to" | "limit" | "direction";

/**
 * Reads `q`, `from`, `to`, `limit` from a query string. Unknown directions or a bad limit are an error
 * (the API answers 400 naming the parameter); the query text itself is never an error here: empty, too
 * long or unsupported text gets a hint from the lookup.
 */
export function parseLookupParams(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): { ok: true; value: LookupParams } | { ok: false; error: LookupParamError } {
  const get = (k: string) => {
    const v = params instanceof URLSearchParams ? params.get(k) : params[k];
    return (Array.isArray(v) ? v[0] : v) ?? undefined;
  };
  const q = get("q") ?? "";
  const from = (get("from") || "auto").toLowerCase();
  const to = get("to")?.toLowerCase() || undefined;
  const limitText = get("limit");
  if (!(FROM_VALUES as readonly string[]).includes(from)) return { ok: false, error: "from" };
  if (to !== undefined && !(TO_VALUES as readonly string[]).includes(to)) return { ok: false, error: "to" };
  // Kazakh is on one side of every lookup: kk → ru/en/all, ru/en → kk.
  if (to !== undefined && ((from === "kk" && to === "kk") || ((from === "ru" || from === "en") && to !== "kk")))
    return { ok: false, error: "direction" };
  let limit: number | undefined;
  if (limitText !== undefined && limitText !== "") {
    if (!/^\d{1,3}$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > MAX_LIMIT)
      return { ok: false, error: "limit" };
    limit = Number(limitText);
  }
  return { ok: true, value: { q, from: from as From, to: to as To | undefined, limit } };
}

// ───────── Entry drafts (lexicographers) ─────────

const CYRILLIC = /\p{Script=Cyrillic}/u;
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const translationList = z.array(z.string().trim().min(1).max(200)).max(20);

export const senseDraft = z
  .object({
    partOfSpeech: z.enum(PARTS_OF_SPEECH).nullable(),
    gloss: optionalText(300),
    ru: translationList,
    en: translationList,
    examples: z
      .array(z.object({ kk: z.string().trim().min(1).max(300), ru: optionalText(300), en: optionalText(300) }))
      .max(10),
  })
  .refine((s) => s.ru.length + s.en.length > 0, { message: "validation.required", path: ["ru"] });

export const entryDraft = z.object({
  lemma: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .refine((s) => CYRILLIC.test(s) && isSupportedScript(s), { message: "validation.invalidFormat" }),
  themes: z.array(z.enum(THEMES)).max(THEMES.length),
  senses: z.array(senseDraft).min(1).max(20),
  related: z.array(z.object({ slug: z.string().trim().min(1).max(120), kind: z.enum(RELATION_KINDS) })).max(30),
});

export type EntryDraft = z.output<typeof entryDraft>;

/** The editor posts its draft as one JSON field. */
const draftField = z
  .string()
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "validation.invalidFormat" });
      return z.NEVER;
    }
  })
  .pipe(entryDraft);

const comment = optionalText(1000);

export const proposeCreateInput = z.object({ draft: draftField, comment });
export const proposeUpdateInput = z.object({
  entryId: z.string().min(1),
  version: z.coerce.number().int().min(1),
  draft: draftField,
  comment,
});
export const proposeDeleteInput = z.object({
  entryId: z.string().min(1),
  version: z.coerce.number().int().min(1),
  comment,
});
export const reviewInput = z.object({
  revisionId: z.string().min(1),
  decision: z.enum(["approve", "reject"]),
  comment,
  markChecked: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});
export const withdrawInput = z.object({ revisionId: z.string().min(1) });
export const checkedInput = z.object({
  entryId: z.string().min(1),
  version: z.coerce.number().int().min(1),
  checked: z.enum(["true", "false"]).transform((v) => v === "true"),
});

// ───────── Flashcards ─────────

export const flashcardAddInput = z.object({ entryId: z.string().min(1).max(200) });
export const flashcardThemeInput = z.object({ theme: z.enum(THEMES) });
export const flashcardReviewInput = z.object({ entryId: z.string().min(1).max(200), grade: z.enum(GRADES) });
