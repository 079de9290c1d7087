/** The zod shapes of the import wizard's requests. */
import { z } from "zod";
import { DELIMITERS, ENCODINGS } from "./reader";
import { mappingSchema } from "./mapping";
import { MAX_QUERY_LENGTH } from "./sqlite";
import { TARGET_NAMES } from "./targets";

export const targetName = z.enum(TARGET_NAMES);

export const readOptions = z.object({
  encoding: z.enum(ENCODINGS).optional(),
  delimiter: z.enum(DELIMITERS).optional(),
  sheet: z.string().trim().min(1).max(100).optional(),
  table: z.string().trim().min(1).max(200).optional(),
  query: z.string().trim().min(1).max(MAX_QUERY_LENGTH).optional(),
});

export const sourceRef = z.object({
  target: targetName,
  sourceName: z.string().trim().min(1).max(200),
  sourceSha256: z.string().regex(/^[0-9a-f]{64}$/, "parameter.invalid"),
  options: readOptions.default({}),
});

export const mappedSource = sourceRef.extend({ mapping: mappingSchema });

export const profileInput = z.object({
  target: targetName,
  name: z.string().trim().min(1).max(100),
  columns: z.array(z.string().max(200)).max(500),
  mapping: mappingSchema,
});
