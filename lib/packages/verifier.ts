/**
 * The verifier port (R34): how a package's detached signature is tied to a sending organisation.
 *
 * The portal ships one adapter, Ed25519 keys registered per organisation (`PackageKey`). A national PKI
 * (GOST R 34.10 / RSA certificates of the national certification centre) plugs in as another
 * implementation of `PackageVerifier`: it resolves the certificate named by the key header, checks the
 * chain and revocation (OCSP/CRL), verifies the signature, and answers the certificate's BIN and validity.
 * Everything after the port (sender match, sending time, replay, validation, receipt) stays the same.
 */
import "server-only";
import { createPublicKey, type KeyObject } from "node:crypto";
import { prisma } from "../db";
import { verifyBytes } from "./crypto";

/** A sender's key as the port reports it (a registered key or a certificate). */
export interface SenderKey {
  /** The key id the sender named (fingerprint or certificate serial). */
  keyId: string;
  /** Database id of the registered key (stored with the package). */
  recordId: string;
  organizationId: string;
  /** BIN of the key's organisation; the package's sender must be the same. */
  bin: string;
  validFrom: Date;
  validTo: Date;
  revokedAt: Date | null;
  /** The user who registered the key: the submissions it makes are recorded in their name. */
  registeredById: string | null;
}

export type VerifyOutcome = { ok: true; key: SenderKey } | { ok: false; code: "keyUnknown" | "signatureInvalid" };

export interface PackageVerifier {
  /** Finds the key and checks the signature over the exact bytes. Must not throw for bad input. */
  verify(input: { keyId: string; bytes: Uint8Array; signature: string }): Promise<VerifyOutcome>;
}

interface CachedKey {
  key: SenderKey;
  /** Parsed once per cache period (parsing the PEM costs more than the verification itself). */
  publicKey: KeyObject;
  at: number;
}

const CACHE_MS = 10_000;
const cache = new Map<string, CachedKey>();

/** Forgets cached keys (after a revocation in this process; other processes see it within 10 s). */
export function forgetKeys(): void {
  cache.clear();
}

/** The adapter over the keys registered in the portal. */
export const registeredKeyVerifier: PackageVerifier = {
  async verify({ keyId, bytes, signature }) {
    if (!/^[0-9a-f]{64}$/.test(keyId)) return { ok: false, code: "keyUnknown" };
    let entry = cache.get(keyId);
    if (!entry || Date.now() - entry.at > CACHE_MS) {
      const row = await prisma.packageKey.findUnique({
        where: { fingerprint: keyId },
        include: { organization: { select: { bin: true } } },
      });
      if (!row) {
        cache.delete(keyId);
        return { ok: false, code: "keyUnknown" };
      }
      entry = {
        at: Date.now(),
        publicKey: createPublicKey(row.publicKey),
        key: {
          keyId,
          recordId: row.id,
          organizationId: row.organizationId,
          bin: row.organization.bin,
          validFrom: row.validFrom,
          validTo: row.validTo,
          revokedAt: row.revokedAt,
          registeredById: row.createdById,
        },
      };
      cache.set(keyId, entry);
    }
    if (!verifyBytes(bytes, signature, entry.publicKey)) return { ok: false, code: "signatureInvalid" };
    return { ok: true, key: entry.key };
  },
};
