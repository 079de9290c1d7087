/**
 * Ed25519 signing and verification with node:crypto, key fingerprints, and the receipt signature. Pure
 * (no database): the server, the sender's CLI and the public receipt check use the same functions.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from "node:crypto";
import { canonicalJson, receiptSchema, RECEIPT_FORMAT, type Receipt, type ReceiptBody } from "./format";

export interface KeyPairPem {
  publicKey: string;
  privateKey: string;
}

export function generateKeyPair(): KeyPairPem {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return {
    publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
    privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Parses an Ed25519 public key: SPKI PEM (line breaks optional, as a one-line form field leaves it) or the
 * bare base64 of the DER; null when it is not one.
 */
export function parsePublicKey(text: string): KeyObject | null {
  try {
    const body = text.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, "").replace(/\s+/g, "");
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || /PRIVATE/.test(text)) return null;
    const key = createPublicKey({ key: Buffer.from(body, "base64"), format: "der", type: "spki" });
    return key.asymmetricKeyType === "ed25519" ? key : null;
  } catch {
    return null;
  }
}

/** The key's id: sha256 of its DER encoding, hex. */
export function fingerprint(key: KeyObject | string): string {
  const k = typeof key === "string" ? createPublicKey(key) : key;
  return sha256Hex(k.export({ type: "spki", format: "der" }));
}

/** The normalised PEM of a public key. */
export function publicKeyPem(key: KeyObject): string {
  return key.export({ type: "spki", format: "pem" }).toString();
}

/** Detached Ed25519 signature of exact bytes, base64. */
export function signBytes(bytes: Uint8Array, privateKeyPem: string | KeyObject): string {
  const key = typeof privateKeyPem === "string" ? createPrivateKey(privateKeyPem) : privateKeyPem;
  return sign(null, bytes, key).toString("base64");
}

/** True when `signature` (base64) is the Ed25519 signature of `bytes` by `publicKey`. Never throws. */
export function verifyBytes(bytes: Uint8Array, signature: string, publicKey: string | KeyObject): boolean {
  try {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return false;
    const sig = Buffer.from(signature, "base64");
    if (sig.length !== 64) return false;
    const key = typeof publicKey === "string" ? createPublicKey(publicKey) : publicKey;
    return verify(null, bytes, key, sig);
  } catch {
    return false;
  }
}

/** Signs a receipt body with the server key. */
export function signReceipt(
  body: Omit<ReceiptBody, "format">,
  server: { keyId: string; privateKey: string | KeyObject },
): Receipt {
  const receipt: ReceiptBody = { format: RECEIPT_FORMAT, ...body };
  const value = signBytes(Buffer.from(canonicalJson(receipt)), server.privateKey);
  return { receipt, signature: { algorithm: "ed25519", keyId: server.keyId, value } };
}

export type ReceiptCheck =
  | { ok: true; receipt: Receipt }
  | { ok: false; reason: "notJson" | "notReceipt" | "otherKey" | "badSignature"; receipt?: Receipt };

/** Checks a receipt's text against the server's public key: its shape, key id and signature. */
export function checkReceipt(text: string, server: { keyId: string; publicKey: string | KeyObject }): ReceiptCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: "notJson" };
  }
  const parsed = receiptSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: "notReceipt" };
  const receipt = parsed.data as Receipt;
  if (receipt.signature.keyId !== server.keyId) return { ok: false, reason: "otherKey", receipt };
  // The signature covers the receipt exactly as sent: re-canonicalise the parsed JSON, not the zod output.
  const body = (json as { receipt: unknown }).receipt;
  if (!verifyBytes(Buffer.from(canonicalJson(body)), receipt.signature.value, server.publicKey))
    return { ok: false, reason: "badSignature", receipt };
  return { ok: true, receipt };
}
