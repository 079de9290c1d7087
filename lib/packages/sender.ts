/** The sender's side (CLI, tests, benchmark): build a package, sign its bytes, send it. Pure except `send`. */
import { randomUUID } from "node:crypto";
import { fingerprint, signBytes } from "./crypto";
import { KEY_HEADER, PACKAGE_FORMAT, SIGNATURE_HEADER, type DataPackageBody, type Receipt } from "./format";

export function buildPackage(input: {
  bin: string;
  form: string;
  year: number;
  period: string;
  values: Record<string, string | number | boolean | null>;
  comments?: Record<string, string>;
  id?: string;
  createdAt?: Date;
}): DataPackageBody {
  return {
    format: PACKAGE_FORMAT,
    id: input.id ?? randomUUID(),
    sender: { bin: input.bin },
    form: input.form,
    year: input.year,
    period: input.period,
    createdAt: (input.createdAt ?? new Date()).toISOString(),
    payload: { values: input.values, comments: input.comments ?? {} },
  };
}

export interface SignedPackage {
  bytes: Uint8Array;
  keyId: string;
  signature: string;
}

/** Serialises and signs: the signature covers exactly these bytes. */
export function signPackage(
  body: DataPackageBody | Uint8Array,
  key: { publicKey: string; privateKey: string },
): SignedPackage {
  const bytes = body instanceof Uint8Array ? body : Buffer.from(JSON.stringify(body));
  return { bytes, keyId: fingerprint(key.publicKey), signature: signBytes(bytes, key.privateKey) };
}

/** POSTs a signed package to a portal; answers the HTTP status and the receipt. */
export async function sendPackage(
  baseUrl: string,
  signed: SignedPackage,
): Promise<{ status: number; receipt: Receipt }> {
  const response = await fetch(new URL("/api/v1/packages", baseUrl), {
    method: "POST",
    headers: { "content-type": "application/json", [KEY_HEADER]: signed.keyId, [SIGNATURE_HEADER]: signed.signature },
    body: signed.bytes as Uint8Array<ArrayBuffer>,
  });
  return { status: response.status, receipt: (await response.json()) as Receipt };
}
