/**
 * Parameters of the search page and `GET /api/v1/search` (and the suggest route's), validated with these
 * schemas; their OpenAPI description is generated from the same ones. Pure module.
 */
import { z } from "zod";
import { DOCUMENT_TYPES, LANGUAGES } from "./types";

export const PAGE_SIZE = 10;
export const MAX_PAGE = 50;

/** Query parameters of the search page and API; unknown names are refused (strict). */
export const searchParamsSchema = z
  .object({
    q: z.string().max(10_000).default(""),
    type: z.enum(DOCUMENT_TYPES).optional(),
    language: z.enum(LANGUAGES).optional(),
    region: z
      .string()
      .regex(/^\d{1,12}$/)
      .optional(),
    subject: z
      .string()
      .regex(/^[a-z-]{1,40}$/)
      .optional(),
    page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
    locale: z.string().optional(),
  })
  .strict();
export type SearchParams = z.infer<typeof searchParamsSchema>;

/** `GET /api/v1/search/suggest`: what has been typed and the reader's locale. */
export const suggestQuery = z
  .object({ q: z.string().max(10_000).default(""), locale: z.enum(["kk", "ru", "en"]).optional() })
  .strict();
