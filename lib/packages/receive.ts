/**
 * Receiving a data package (R34–R36): authenticate → replay check → validate against the form → hand
 * over as a submission through the reporting workflow → store the original bytes with the signed receipt.
 *
 * Authentication comes first and is complete before anything else happens: a package with a bad size,
 * signature, key, sender or sending time gets a signed negative receipt and nothing is read further or
 * written. An authenticated package is always stored with its receipt (accepted or rejected), so the same
 * id with the same bytes gets the same receipt again, and the same id with other bytes is refused.
 */
import "server-only";
import { prisma } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../auth/scope";
import { checkValues } from "../reporting/definition";
import { choiceCodes, loadEntry, saveDraft, submitEntry } from "../reporting/entry";
import { sha256Hex, signReceipt } from "./crypto";
import { CLOCK_SKEW_MS, MAX_PACKAGE_BYTES, packageSchema, type DataPackageBody, type Receipt, type ReceiptBody, type ReceiptReason, type ReceiptStage } from "./format";
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

const DEFAULT_RETENTION_YEARS = 5;

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
  return entries.map(([field, key]) => ({ code: `app.${key}`, field, ...(Object.keys(error.params).length ? { params: error.params } : {}) }));
}

/** The organisation acting through a package: its administrator role, in the name of the key's registrant. */
async function packageViewer(key: SenderKey): Promise<Viewer> {
  let userId = key.registeredById;
  if (!userId) {
    const admin = await prisma.roleAssignment.findFirst({ where: { organizationId: key.organizationId, role: "ORG_ADMIN" }, select: { userId: true } });
    userId = admin?.userId ?? null;
  }
  if (!userId) throw new Refusal(422, "submission", [{ code: "noActor" }]);
  const territory = await prisma.organization.findUniqueOrThrow({ where: { id: key.organizationId }, select: { territoryId: true, territory: { select: { path: true } } } });
  return {
    userId,
    login: `package:${key.keyId.slice(0, 12)}`,
    displayName: key.bin,
    roles: [{ role: "ORG_ADMIN", organizationId: key.organizationId, territoryId: territory.territoryId, territoryPath: territory.territory.path }],
  };
}

/**
 * Validates an authenticated package against its form with the checks of handing over (submit mode), then
 * hands it over with the same services the report page uses (save the draft, submit). Nothing is written
 * when the checks fail.
 */
async function process(pkg: DataPackageBody, key: SenderKey): Promise<{ submissionId: string; retentionYears: number } | { refusal: Refusal; retentionYears: number }> {
  const period = await prisma.reportingPeriod.findFirst({
    where: { label: pkg.period, form: { code: pkg.form, formList: { year: pkg.year } } },
    select: { id: true, form: { select: { retentionYears: true } } },
  });
  if (!period) return { refusal: new Refusal(422, "validation", [{ code: "periodUnknown" }]), retentionYears: DEFAULT_RETENTION_YEARS };
  const retentionYears = period.form.retentionYears;
  try {
    const viewer = await packageViewer(key);
    const ctx = await loadEntry(viewer, period.id, key.organizationId);
    if (!ctx.editable) throw new AppError("conflict", { periodId: ctx.period.closedAt ? "reporting.periodClosed" : "reporting.notEditable" });
    const def = ctx.version.definition;
    const checked = checkValues(def, pkg.payload.values, { mode: "submit", comments: pkg.payload.comments, choices: await choiceCodes(def) });
    if (!checked.submittable) {
      const reasons: ReceiptReason[] = checked.problems.map((p) => ({ code: `app.${p.code}`, field: p.key, ...(p.params ? { params: p.params } : {}) }));
      for (const r of checked.rules) {
        if (r.severity === "error" && r.passed === false) reasons.push({ code: "app.reportingWorkflow.ruleFailed", field: `rule.${r.index}` });
        else if (r.needsComment) reasons.push({ code: "app.reportingWorkflow.commentRequired", field: `rule.${r.index}` });
      }
      return { refusal: new Refusal(422, "validation", reasons), retentionYears };
    }
    const saved = await saveDraft(viewer, { periodId: period.id, organizationId: key.organizationId, version: ctx.submission?.version ?? 0, values: pkg.payload.values, comments: pkg.payload.comments });
    const submitted = await submitEntry(viewer, { periodId: period.id, organizationId: key.organizationId, version: saved.submission.version, comments: pkg.payload.comments });
    return { submissionId: submitted.id, retentionYears };
  } catch (error) {
    if (error instanceof Refusal) return { refusal: error, retentionYears };
    if (error instanceof AppError) return { refusal: new Refusal(422, error.code === "validation" ? "validation" : "submission", reasonsOf(error)), retentionYears };
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}

export async function receivePackage(input: ReceiveInput, verifier: PackageVerifier = registeredKeyVerifier): Promise<ReceiveResult> {
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
  const sign = (body: Omit<ReceiptBody, "format">) => signReceipt(body, { keyId: server.keyId, privateKey: server.privateKey });

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
    Object.assign(base, { packageId: pkg.id, sender: pkg.sender.bin, form: pkg.form, year: pkg.year, period: pkg.period });
    if (pkg.sender.bin !== key.bin) refuse(403, "senderMismatch");
    const sentAt = new Date(pkg.createdAt);
    if (sentAt.getTime() > now.getTime() + CLOCK_SKEW_MS) refuse(400, "fromFuture");
    if (key.revokedAt && key.revokedAt <= now) refuse(401, "keyRevoked");
    if (sentAt < key.validFrom || sentAt > key.validTo || now > new Date(key.validTo.getTime() + CLOCK_SKEW_MS)) refuse(401, "keyNotValid");
    // ── Replay: the stored receipt for the same bytes, a refusal for other bytes under the same id. ──
    const earlier = await prisma.dataPackage.findUnique({ where: { id: pkg.id }, select: { sha256: true, receipt: true, verdict: true } });
    if (earlier) {
      if (earlier.sha256 !== sha256) refuse(409, "replayChanged");
      return { status: 200, receipt: earlier.receipt as unknown as Receipt, replay: true };
    }
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return { status: error.status, receipt: sign({ ...base, verdict: "rejected", stage: error.stage, reasons: error.reasons }), replay: false };
  }

  // ── Processing of an authenticated package. ──
  const outcome = await process(pkg, key);
  const receipt =
    "refusal" in outcome
      ? sign({ ...base, verdict: "rejected", stage: outcome.refusal.stage, reasons: outcome.refusal.reasons })
      : sign({ ...base, verdict: "accepted", stage: "submission", reasons: [], submissionId: outcome.submissionId });
  const expiresAt = new Date(now);
  expiresAt.setUTCFullYear(expiresAt.getUTCFullYear() + outcome.retentionYears);
  try {
    await prisma.dataPackage.create({
      data: {
        id: pkg.id,
        organizationId: key.organizationId,
        keyId: key.recordId,
        formCode: pkg.form,
        year: pkg.year,
        periodLabel: pkg.period,
        bytes: Buffer.from(bytes),
        signature: input.signature!,
        sha256,
        size: bytes.byteLength,
        sentAt: new Date(pkg.createdAt),
        receivedAt: now,
        verdict: receipt.receipt.verdict === "accepted" ? "ACCEPTED" : "REJECTED",
        submissionId: receipt.receipt.submissionId,
        receipt: receipt as unknown as Prisma.InputJsonValue,
        expiresAt,
      },
    });
  } catch (error) {
    // The same package delivered twice at once: the first stored receipt is the receipt.
    if (!isUniqueViolation(error)) throw error;
    const stored = await prisma.dataPackage.findUniqueOrThrow({ where: { id: pkg.id }, select: { sha256: true, receipt: true } });
    if (stored.sha256 !== sha256) return { status: 409, receipt: sign({ ...base, verdict: "rejected", stage: "authentication", reasons: [{ code: "replayChanged" }] }), replay: false };
    return { status: 200, receipt: stored.receipt as unknown as Receipt, replay: true };
  }
  return { status: receipt.receipt.verdict === "accepted" ? 201 : 422, receipt, replay: false };
}

/** The stored receipt of a package (R35: the sender fetches it again), or null. */
export async function storedReceipt(id: string): Promise<Receipt | null> {
  if (!/^[0-9a-fA-F-]{36}$/.test(id)) return null;
  const row = await prisma.dataPackage.findUnique({ where: { id }, select: { receipt: true } });
  return row ? (row.receipt as unknown as Receipt) : null;
}
