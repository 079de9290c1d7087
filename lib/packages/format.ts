/**
 * The data package and receipt formats (docs/packages.md). Pure: shared by the server, the sender's CLI,
 * the public receipt check and the tests.
 */
import { z } from "zod";

export const PACKAGE_FORMAT = "eiso.package/1";
export const RECEIPT_FORMAT = "eiso.receipt/1";
/** Largest accepted package body (R35: a precise refusal above it). */
export const MAX_PACKAGE_BYTES = 20 * 1024 * 1024;
/** Clock difference tolerated between a sender and the server. */
export const CLOCK_SKEW_MS = 5 * 60_000;
/** Request headers of the detached signature. */
export const KEY_HEADER = "x-package-key";
export const SIGNATURE_HEADER = "x-package-signature";

const scalar = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);

export const packageSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  id: z.uuid(),
  sender: z.object({ bin: z.string().regex(/^\d{12}$/) }),
  form: z.string().min(1).max(32),
  year: z.number().int().min(2000).max(2100),
  period: z.string().min(1).max(32),
  createdAt: z.iso.datetime({ offset: true }),
  payload: z.object({
    values: z.record(z.string().max(200), scalar),
    comments: z.record(z.string().max(10), z.string().max(2000)).default({}),
  }),
});

export type DataPackageBody = z.infer<typeof packageSchema>;

/** Why a package was refused; `code` is a key under `errors.packages.` (the receipt page translates it). */
export interface ReceiptReason {
  code: string;
  /** The value or rule the reason is about ("section.field", "rule.0"). */
  field?: string;
  params?: Record<string, string | number>;
}

export type ReceiptStage = "authentication" | "validation" | "submission";

export interface ReceiptBody {
  format: typeof RECEIPT_FORMAT;
  packageId: string | null;
  sha256: string;
  size: number;
  receivedAt: string;
  verdict: "accepted" | "rejected";
  stage: ReceiptStage;
  reasons: ReceiptReason[];
  sender: string | null;
  keyId: string | null;
  form: string | null;
  year: number | null;
  period: string | null;
  submissionId: string | null;
}

export interface Receipt {
  receipt: ReceiptBody;
  signature: { algorithm: "ed25519"; keyId: string; value: string };
}

const reasonSchema = z.object({
  code: z.string(),
  field: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const receiptSchema = z.object({
  receipt: z.object({
    format: z.literal(RECEIPT_FORMAT),
    packageId: z.string().nullable(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size: z.number().int().min(0),
    receivedAt: z.string(),
    verdict: z.enum(["accepted", "rejected"]),
    stage: z.enum(["authentication", "validation", "submission"]),
    reasons: z.array(reasonSchema),
    sender: z.string().nullable(),
    keyId: z.string().nullable(),
    form: z.string().nullable(),
    year: z.number().nullable(),
    period: z.string().nullable(),
    submissionId: z.string().nullable(),
  }),
  signature: z.object({ algorithm: z.literal("ed25519"), keyId: z.string(), value: z.string() }),
});

/**
 * Canonical JSON: object keys sorted, no whitespace. The receipt's signature covers the canonical form of
 * its `receipt` object, so a receipt re-indented or with reordered keys still verifies.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}
