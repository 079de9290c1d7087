/**
 * Receiving a data package (R34–R36): authenticate → replay check → validate against the form → hand
 * over as a submission (lib/reporting/handover: the rules of the report page in one step) → store the
 * original bytes with the signed receipt. Everything after authentication is one transaction.
 *
 * Authentication comes first and is complete before anything else happens: a package with a bad size,
 * signature, key, sender or sending time gets a signed negative receipt and nothing is read further or
 * written. An authenticated package is always stored with its receipt (accepted or rejected), so the same
 * id with the same bytes gets the same receipt again, and the same id with other bytes is refused.
 */
import "server-only";
import { database, prisma } from "../db";
import type { RawSql } from "../db/driver";
import { AppError } from "../errors";
import { mailNotifications } from "../mail/notify";
import { handOver, type HandOverOutcome } from "../reporting/handover";
import { sha256Hex, signReceipt } from "./crypto";
import {
  CLOCK_SKEW_MS,
  MAX_PACKAGE_BYTES,
  packageSchema,
  type DataPackageBody,
  type Receipt,
  type ReceiptBody,
  type ReceiptReason,
  type ReceiptStage,
} from "./format";
import { serverKey } from "./server-key";
import { registeredKeyVerifier, type PackageVerifier, type SenderKey } from "./verifier";

export interface ReceiveInput {
  bytes: Uint8Array;
  keyId: string | null;
  signature: string | null;
  /** The receiving time (tests). */
  now?: Date;
}

export interface ReceiveResult {
  /** HTTP status of the answer. */
  status: number;
  receipt: Receipt;
  /** True when the receipt is the stored one of an earlier identical delivery. */
  replay: boolean;
}

class Refusal {
  constructor(
    readonly status: number,
    readonly stage: ReceiptStage,
    readonly reasons: ReceiptReason[],
  ) {}
}

const refuse = (status: number, code: string, extra: Omit<ReceiptReason, "code"> = {}): never => {
  throw new Refusal(status, "authentication", [{ code, ...extra }]);
};

/** Decodes and checks the body; a package that is not JSON or not of the format is refused. */
function parsePackage(bytes: Uint8Array): DataPackageBody {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return refuse(400, "notJson");
  }
  const parsed = packageSchema.safeParse(json);
  if (!parsed.success) {
    throw new Refusal(
      400,
      "authentication",
      parsed.error.issues.slice(0, 20).map((i) => ({ code: "notPackage", field: i.path.join(".") || "(root)" })),
    );
  }
  return parsed.data;
}

/** Reasons of a refused hand-over, from the workflow's AppError (field → errors.* key). */
function reasonsOf(error: AppError): ReceiptReason[] {
  const entries = Object.entries(error.fieldErrors);
  if (!entries.length) return [{ code: `app.${error.code}`, params: error.params }];
  return entries.map(([field, key]) => ({
    code: `app.${key}`,
    field,
    ...(Object.keys(error.params).length ? { params: error.params } : {}),
  }));
}

/** The refusal of a hand-over outcome (null when handed over). */
function refusalOf(outcome: HandOverOutcome): Refusal | null {
  switch (outcome.kind) {
    case "submitted":
    case "replay":
      return null;
    case "periodUnknown":
      return new Refusal(422, "validation", [{ code: "periodUnknown" }]);
    case "noActor":
      return new Refusal(422, "submission", [{ code: "noActor" }]);
    case "refused":
      return new Refusal(
        422,
        outcome.error.code === "validation" ? "validation" : "submission",
        reasonsOf(outcome.error),
      );
    case "invalid": {
      const { checked } = outcome;
      const reasons: ReceiptReason[] = checked.problems.map((p) => ({
        code: `app.${p.code}`,
        field: p.key,
        ...(p.params ? { params: p.params } : {}),
      }));
      for (const r of checked.rules) {
        if (r.severity === "error" && r.passed === false)
          reasons.push({ code: "app.reportingWorkflow.ruleFailed", field: `rule.${r.index}` });
        else if (r.needsComment)
          reasons.push({ code: "app.reportingWorkflow.commentRequired", field: `rule.${r.index}` });
      }
      return new Refusal(422, "validation", reasons);
    }
  }
}

/** A unique violation, from the driver (SQLSTATE 23505) or from Prisma (P2002). */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === "23505" || code === "P2002";
}

/** Attempts of a package's transaction that met a concurrent write of the same package or report. */
const ATTEMPTS = 3;

export async function receivePackage(
  input: ReceiveInput,
  verifier: PackageVerifier = registeredKeyVerifier,
): Promise<ReceiveResult> {
  const now = input.now ?? new Date();
  const bytes = input.bytes;
  const sha256 = sha256Hex(bytes);
  const server = await serverKey();
  const base: Omit<ReceiptBody, "format" | "verdict" | "stage" | "reasons"> = {
    packageId: null,
    sha256,
    size: bytes.byteLength,
    receivedAt: now.toISOString(),
    sender: null,
    keyId: input.keyId && input.keyId.length <= 200 ? input.keyId : null,
    form: null,
    year: null,
    period: null,
    submissionId: null,
  };
  const sign = (body: Omit<ReceiptBody, "format">) =>
    signReceipt(body, { keyId: server.keyId, privateKey: server.privateKey });

  let pkg: DataPackageBody | null = null;
  let key: SenderKey;
  try {
    // ── Authentication: nothing below runs for a package that fails any of these. ──
    if (bytes.byteLength > MAX_PACKAGE_BYTES) refuse(413, "tooLarge", { params: { max: MAX_PACKAGE_BYTES } });
    if (!input.keyId || !input.signature) refuse(401, "signatureMissing");
    const verified = await verifier.verify({ keyId: input.keyId!, bytes, signature: input.signature! });
    if (!verified.ok) refuse(401, verified.code);
    key = (verified as { key: SenderKey }).key;
    pkg = parsePackage(bytes);
    Object.assign(base, {
      packageId: pkg.id,
      sender: pkg.sender.bin,
      form: pkg.form,
      year: pkg.year,
      period: pkg.period,
    });
    if (pkg.sender.bin !== key.bin) refuse(403, "senderMismatch");
    const sentAt = new Date(pkg.createdAt);
    if (sentAt.getTime() > now.getTime() + CLOCK_SKEW_MS) refuse(400, "fromFuture");
    if (key.revokedAt && key.revokedAt <= now) refuse(401, "keyRevoked");
    if (sentAt < key.validFrom || sentAt > key.validTo || now > new Date(key.validTo.getTime() + CLOCK_SKEW_MS))
      refuse(401, "keyNotValid");
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return {
      status: error.status,
      receipt: sign({ ...base, verdict: "rejected", stage: error.stage, reasons: error.reasons }),
      replay: false,
    };
  }

  // ── An authenticated package, in one transaction: the replay check, the context of the report, the
  // checks, the hand-over and the stored package with its receipt — all written or nothing. ──
  const authenticated = pkg;
  const storePackage = async (tx: RawSql, receipt: Receipt, retentionYears: number) => {
    const expiresAt = new Date(now);
    expiresAt.setUTCFullYear(expiresAt.getUTCFullYear() + retentionYears);
    await tx.query(
      `INSERT INTO "DataPackage" (id, "organizationId", "keyId", "formCode", year, "periodLabel", bytes, signature, sha256, size, "sentAt", "receivedAt", verdict, "submissionId", receipt, "expiresAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::timestamp, $12::timestamp, $13::"PackageVerdict", $14, $15::jsonb, $16::timestamp)`,
      [
        authenticated.id,
        key.organizationId,
        key.recordId,
        authenticated.form,
        authenticated.year,
        authenticated.period,
        Buffer.from(bytes),
        input.signature!,
        sha256,
        bytes.byteLength,
        new Date(authenticated.createdAt).toISOString(),
        now.toISOString(),
        receipt.receipt.verdict === "accepted" ? "ACCEPTED" : "REJECTED",
        receipt.receipt.submissionId,
        JSON.stringify(receipt),
        expiresAt.toISOString(),
      ],
    );
  };
  let notified: Extract<HandOverOutcome, { kind: "submitted" }>["notified"] = [];
  for (let attempt = 1; ; attempt++) {
    try {
      const received = await database().raw.transaction(async (tx): Promise<ReceiveResult> => {
        const { outcome, retentionYears, earlierPackage } = await handOver(tx, {
          packageId: authenticated.id,
          organizationId: key.organizationId,
          actorId: key.registeredById,
          login: `package:${key.keyId.slice(0, 12)}`,
          displayName: key.bin,
          form: authenticated.form,
          year: authenticated.year,
          period: authenticated.period,
          values: authenticated.payload.values,
          comments: authenticated.payload.comments,
          now,
        });
        // ── Replay: the stored receipt for the same bytes, a refusal for other bytes under the same id. ──
        if (earlierPackage) {
          if (earlierPackage.sha256 !== sha256) {
            return {
              status: 409,
              receipt: sign({
                ...base,
                verdict: "rejected",
                stage: "authentication",
                reasons: [{ code: "replayChanged" }],
              }),
              replay: false,
            };
          }
          return { status: 200, receipt: earlierPackage.receipt as Receipt, replay: true };
        }
        notified = outcome.kind === "submitted" ? outcome.notified : [];
        const refusal = refusalOf(outcome);
        const receipt = refusal
          ? sign({ ...base, verdict: "rejected", stage: refusal.stage, reasons: refusal.reasons })
          : sign({
              ...base,
              verdict: "accepted",
              stage: "submission",
              reasons: [],
              submissionId: (outcome as { submissionId: string }).submissionId,
            });
        await storePackage(tx, receipt, retentionYears);
        return { status: refusal ? 422 : 201, receipt, replay: false };
      });
      // The reviewers' mail, as each chose, once the report is handed over: queued after the raw-SQL
      // transaction (the mail queue is written through Prisma); the notifications themselves are in it.
      if (received.status === 201 && notified.length) await mailNotifications(prisma, notified);
      return received;
    } catch (error) {
      // The same package, or another one of the same report, written at the same moment by another request:
      // everything of this attempt is rolled back, and the next attempt sees what the other one wrote (the
      // stored receipt, or a report already handed over).
      if (!isUniqueViolation(error) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** The stored receipt of a package (R35: the sender fetches it again), or null. */
export async function storedReceipt(id: string): Promise<Receipt | null> {
  if (!/^[0-9a-fA-F-]{36}$/.test(id)) return null;
  const row = await prisma.dataPackage.findUnique({ where: { id }, select: { receipt: true } });
  return row ? (row.receipt as unknown as Receipt) : null;
}
