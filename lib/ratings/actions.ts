"use server";

import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { AppError } from "../errors";
import { action } from "../actions";
import {
  LEVELS,
  RATING_INDICATORS,
  AGGREGATIONS,
  DIRECTIONS,
  MISSING_POLICIES,
  NORMALISATIONS,
  type MethodIndicator,
} from "./catalogue";
import { createMethod, publishRating, saveVersion } from "./service";
import { expire, TAGS } from "../cache";
import { runtimeKeys } from "@/i18n/keys";

const createSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,58}$/),
  level: z.enum(LEVELS),
  territoryId: z.string().min(1),
  nameKk: z.string().trim().min(1).max(300),
  nameRu: z.string().trim().min(1).max(300),
  nameEn: z.string().trim().min(1).max(300),
});

export const createMethodAction = action({
  permission: "ratings.manage",
  schema: createSchema,
  success: "ratings.admin.created",
  handler: async ({ viewer, input }) => createMethod(viewer, input),
});

/** The method form: `w_<code>` (weight in %, empty = not used), `d_`, `n_`, `m_` (direction, normalisation, missing). */
const WEIGHT = /^\s*(\d{1,3}([.,]\d+)?)?\s*$/;
const indicatorFields: Record<string, z.ZodOptional<z.ZodString>> = Object.fromEntries(
  RATING_INDICATORS.flatMap((code) => [
    [`w_${code}`, z.string().regex(WEIGHT).optional()],
    [`d_${code}`, z.string().optional()],
    [`n_${code}`, z.string().optional()],
    [`m_${code}`, z.string().optional()],
  ]),
);
const pick = <T extends string>(values: readonly T[], value: string | undefined, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;
const versionSchema = z
  .object({
    methodId: z.string().min(1),
    aggregation: z.enum(AGGREGATIONS),
    approvalOrder: z.string().trim().max(200).optional(),
    approvedOn: z.union([z.literal(""), z.iso.date()]).optional(),
  })
  .extend(indicatorFields)
  .transform((parsed) => {
    const input = parsed as unknown as {
      methodId: string;
      aggregation: (typeof AGGREGATIONS)[number];
      approvalOrder?: string;
      approvedOn?: string;
    };
    const raw = parsed as Record<string, string | undefined>;
    const indicators: MethodIndicator[] = [];
    for (const code of RATING_INDICATORS) {
      const w = (raw[`w_${code}`] ?? "").trim().replace(",", ".");
      if (w === "") continue;
      indicators.push({
        code,
        weight: Number(w),
        direction: pick(DIRECTIONS, raw[`d_${code}`], "higher"),
        normalisation: pick(NORMALISATIONS, raw[`n_${code}`], "minmax"),
        missing: pick(MISSING_POLICIES, raw[`m_${code}`], "exclude-entity"),
      });
    }
    return {
      methodId: input.methodId,
      aggregation: input.aggregation,
      indicators,
      approvalOrder: input.approvalOrder || null,
      approvedOn: input.approvedOn ? new Date(`${input.approvedOn}T00:00:00Z`) : null,
    };
  });

export const saveVersionAction = action({
  permission: "ratings.manage",
  schema: versionSchema,
  success: (r: { number: number }) => ({ key: "ratings.admin.saved", params: { number: r.number } }),
  handler: async ({ viewer, input }) => saveVersion(viewer, input),
});

const publishSchema = z.object({ methodId: z.string().min(1), year: z.coerce.number().int().min(1990).max(2100) });

export const publishRatingAction = action({
  permission: "ratings.manage",
  schema: publishSchema,
  success: (r: { year: number; entities: number }) => ({
    key: "ratings.admin.published",
    params: { year: r.year, entities: r.entities },
  }),
  handler: async ({ viewer, input }) => {
    const result = await publishRating(viewer, input).catch(async (error: unknown) => {
      // name the indicator without data in the reader's language
      if (error instanceof AppError && typeof error.params.indicator === "string") {
        const t = await getTranslations("ratings");
        throw new AppError(error.code, error.fieldErrors, {
          ...error.params,
          indicator: runtimeKeys(t)(`indicator.${error.params.indicator}.name`),
        });
      }
      throw error;
    });
    expire(TAGS.ratings);
    return { ...result, year: input.year };
  },
});
