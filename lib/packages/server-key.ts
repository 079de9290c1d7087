/** The server's receipt-signing key: generated on first use, kept in the database (`ServerKey`). */
import "server-only";
import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { prisma } from "../db";
import { fingerprint, generateKeyPair } from "./crypto";

const ID = "receipts";

export interface ServerSigningKey {
  keyId: string;
  publicKeyPem: string;
  publicKey: KeyObject;
  privateKey: KeyObject;
}

const holder = globalThis as unknown as { __eisoServerKey?: Promise<ServerSigningKey> };

async function load(): Promise<ServerSigningKey> {
  let row = await prisma.serverKey.findUnique({ where: { id: ID } });
  if (!row) {
    const pair = generateKeyPair();
    // Two first requests at once: one insert wins, both read the winner.
    await prisma.serverKey.createMany({
      data: [{ id: ID, publicKey: pair.publicKey, privateKey: pair.privateKey }],
      skipDuplicates: true,
    });
    row = await prisma.serverKey.findUniqueOrThrow({ where: { id: ID } });
  }
  return {
    keyId: fingerprint(row.publicKey),
    publicKeyPem: row.publicKey,
    publicKey: createPublicKey(row.publicKey),
    privateKey: createPrivateKey(row.privateKey),
  };
}

/** The server key (cached for the process). */
export function serverKey(): Promise<ServerSigningKey> {
  holder.__eisoServerKey ??= load().catch((error: unknown) => {
    holder.__eisoServerKey = undefined;
    throw error;
  });
  return holder.__eisoServerKey;
}

/** Forgets the cached key (tests that swap databases). */
export function forgetServerKey(): void {
  holder.__eisoServerKey = undefined;
}
