import { describe, expect, it } from "vitest";
import { canonicalJson, receiptSchema, RECEIPT_FORMAT } from "./format";
import {
  checkReceipt,
  fingerprint,
  generateKeyPair,
  parsePublicKey,
  signBytes,
  signReceipt,
  verifyBytes,
} from "./crypto";
import { buildPackage, signPackage } from "./sender";
import { packageSchema } from "./format";

const pair = generateKeyPair();
const server = { keyId: fingerprint(pair.publicKey), privateKey: pair.privateKey, publicKey: pair.publicKey };
const body = {
  packageId: "3b7c2f7e-6a55-4f6c-9a3c-0c3c4f0b9d11",
  sha256: "a".repeat(64),
  size: 10,
  receivedAt: "2026-11-23T10:00:00.000Z",
  verdict: "rejected" as const,
  stage: "validation" as const,
  reasons: [{ code: "app.reporting.value.required", field: "general.director" }],
  sender: "123456789012",
  keyId: "b".repeat(64),
  form: "P-1",
  year: 2026,
  period: "2026",
  submissionId: null,
};

describe("signing and verification", () => {
  it("verifies a signature over the exact bytes only", () => {
    const bytes = Buffer.from('{"a":1}');
    const sig = signBytes(bytes, pair.privateKey);
    expect(verifyBytes(bytes, sig, pair.publicKey)).toBe(true);
    expect(verifyBytes(Buffer.from('{"a":1} '), sig, pair.publicKey)).toBe(false);
    expect(verifyBytes(bytes, sig, generateKeyPair().publicKey)).toBe(false);
    expect(verifyBytes(bytes, "not base64!", pair.publicKey)).toBe(false);
    expect(verifyBytes(bytes, Buffer.alloc(64).toString("base64"), pair.publicKey)).toBe(false);
  });

  it("accepts only Ed25519 public keys and gives a stable fingerprint", () => {
    expect(parsePublicKey(pair.publicKey)).not.toBeNull();
    expect(parsePublicKey(pair.privateKey.replace("PRIVATE", "PUBLIC"))).toBeNull();
    expect(parsePublicKey("garbage")).toBeNull();
    expect(fingerprint(pair.publicKey)).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint(pair.publicKey)).toBe(fingerprint(parsePublicKey(pair.publicKey)!));
  });

  it("builds packages of the documented format", () => {
    const pkg = buildPackage({
      bin: "123456789012",
      form: "P-1",
      year: 2026,
      period: "2026",
      values: { "general.capacity": 10 },
    });
    expect(packageSchema.safeParse(pkg).success).toBe(true);
    const signed = signPackage(pkg, pair);
    expect(signed.keyId).toBe(server.keyId);
    expect(verifyBytes(signed.bytes, signed.signature, pair.publicKey)).toBe(true);
    expect(packageSchema.safeParse({ ...pkg, sender: { bin: "12" } }).success).toBe(false);
    expect(packageSchema.safeParse({ ...pkg, id: "1" }).success).toBe(false);
  });
});

describe("receipts", () => {
  it("canonical JSON sorts keys at every level and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });

  it("signs a receipt of the documented format that verifies whatever its layout", () => {
    const receipt = signReceipt(body, server);
    expect(receipt.receipt.format).toBe(RECEIPT_FORMAT);
    expect(receiptSchema.safeParse(receipt).success).toBe(true);
    expect(checkReceipt(JSON.stringify(receipt), server).ok).toBe(true);
    const reordered = {
      signature: receipt.signature,
      receipt: Object.fromEntries(Object.entries(receipt.receipt).reverse()),
    };
    expect(checkReceipt(JSON.stringify(reordered, null, 4), server).ok).toBe(true);
  });

  it("detects a changed receipt, another key and text that is not a receipt", () => {
    const receipt = signReceipt(body, server);
    const changed = { ...receipt, receipt: { ...receipt.receipt, verdict: "accepted" } };
    expect(checkReceipt(JSON.stringify(changed), server)).toMatchObject({ ok: false, reason: "badSignature" });
    const other = generateKeyPair();
    expect(
      checkReceipt(JSON.stringify(receipt), { keyId: fingerprint(other.publicKey), publicKey: other.publicKey }),
    ).toMatchObject({ ok: false, reason: "otherKey" });
    expect(checkReceipt("{", server)).toMatchObject({ ok: false, reason: "notJson" });
    expect(checkReceipt('{"receipt":1}', server)).toMatchObject({ ok: false, reason: "notReceipt" });
  });
});

describe("public key input", () => {
  it("accepts a PEM whose line breaks were lost and the bare base64", () => {
    const oneLine = pair.publicKey.replace(/\n/g, "");
    expect(fingerprint(parsePublicKey(oneLine)!)).toBe(fingerprint(pair.publicKey));
    const bare = pair.publicKey.replace(/-----[A-Z ]+-----/g, "").replace(/\s/g, "");
    expect(fingerprint(parsePublicKey(bare)!)).toBe(fingerprint(pair.publicKey));
  });
});
