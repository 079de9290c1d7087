/**
 * The OpenAPI 3.1 description of the public dictionary API (`/api/v1/dictionary`, `/entries/{slug}`,
 * `/word-of-the-day`): the parameters from the enums and limits the lookup's parser checks
 * (parseLookupParams), the answers as zod schemas of what lib/dictionary/api.ts builds; an integration test
 * validates real answers against them. Pure module.
 */
import { z } from "zod";
import { errorAnswer, jsonContent, jsonSchema, localeParameter, openApiDocumentOf } from "../openapi";
import {
  DEFAULT_LIMIT,
  FROM_VALUES,
  MAX_LIMIT,
  MAX_QUERY_LENGTH,
  RELATION_KINDS,
  THEMES,
  TO_VALUES,
} from "./constants";

/** The lookup's parameters, as parseLookupParams reads them. */
export const lookupQuery = z.object({
  q: z
    .string()
    .describe(`The word, in Cyrillic or Latin Kazakh, Russian or English (up to ${MAX_QUERY_LENGTH} characters).`),
  from: z.enum(FROM_VALUES).default("auto").describe("Language of the query; auto detects it."),
  to: z
    .enum(TO_VALUES)
    .optional()
    .describe("Translations: all, ru or en for Kazakh queries; kk for Russian or English ones."),
  limit: z.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
});

const translations = z.object({ ru: z.array(z.string()), en: z.array(z.string()) });
const example = z.object({ kk: z.string(), ru: z.string().nullable(), en: z.string().nullable() });

export const lookupAnswer = z.object({
  query: z.string(),
  from: z.enum(["kk", "ru", "en"]),
  detected: z.boolean(),
  to: z.enum(TO_VALUES),
  hint: z
    .object({ code: z.enum(["empty", "tooLong", "unsupportedScript", "noResults"]), message: z.string() })
    .nullable(),
  count: z.number().int(),
  results: z.array(
    z.object({
      slug: z.string(),
      url: z.string().describe("The entry's page in the asked locale."),
      lemma: z.string(),
      latin: z.string(),
      partsOfSpeech: z.array(z.string()),
      translations,
      match: z.enum(["exact", "lemma", "prefix", "typo", "reverse"]),
      via: z.string().nullable(),
      checked: z.boolean(),
    }),
  ),
});

export const entryAnswer = z.object({
  slug: z.string(),
  url: z.string(),
  lemma: z.string(),
  latin: z.string(),
  themes: z.array(z.enum(THEMES)),
  checked: z.boolean(),
  updatedAt: z.string(),
  senses: z.array(
    z.object({
      partOfSpeech: z.string().nullable(),
      gloss: z.string().nullable(),
      translations,
      examples: z.array(example),
    }),
  ),
  related: z.array(z.object({ slug: z.string(), lemma: z.string(), latin: z.string(), kind: z.enum(RELATION_KINDS) })),
});

export const wordOfTheDayAnswer = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  word: z
    .object({
      slug: z.string(),
      lemma: z.string(),
      lemmaLatin: z.string(),
      partOfSpeech: z.string().nullable(),
      ru: z.array(z.string()),
      en: z.array(z.string()),
      example: example.nullable(),
      date: z.string(),
    })
    .nullable(),
});

export const dictionaryErrorAnswer = errorAnswer(["badRequest", "notFound"]);

export function dictionaryOpenApi(): Record<string, unknown> {
  const shape = lookupQuery.shape;
  const param = (name: keyof typeof shape, required = false) => ({
    name,
    in: "query",
    required,
    description: shape[name].description,
    schema: jsonSchema(shape[name], "input"),
  });
  const error = (description: string) => jsonContent(dictionaryErrorAnswer, description);
  return openApiDocumentOf(
    {
      title: "ЕИСО Kazakh dictionary API",
      description:
        "Lookup in the Kazakh dictionary (exact, lemma, prefix, close spellings, reverse from Russian or English), entries by their permanent slug, and the word of the day.",
    },
    {
      "/api/v1/dictionary": {
        get: {
          operationId: "lookupWord",
          summary: "Entries matching a word",
          parameters: [param("q"), param("from"), param("to"), param("limit"), localeParameter],
          responses: {
            "200": jsonContent(lookupAnswer, "Matches; an empty, too long or unsupported query gets a hint"),
            "400": error("A parameter is unknown or out of range (the message names it)"),
          },
        },
      },
      "/api/v1/dictionary/entries/{slug}": {
        get: {
          operationId: "getEntry",
          summary: "One entry by its permanent slug",
          parameters: [
            { name: "slug", in: "path", required: true, schema: jsonSchema(z.string(), "input") },
            localeParameter,
          ],
          responses: { "200": jsonContent(entryAnswer, "The entry"), "404": error("No such entry") },
        },
      },
      "/api/v1/dictionary/word-of-the-day": {
        get: {
          operationId: "getWordOfTheDay",
          summary: "Today's word (the day in Asia/Almaty)",
          responses: { "200": jsonContent(wordOfTheDayAnswer, "The word; null when the dictionary is empty") },
        },
      },
    },
  );
}
