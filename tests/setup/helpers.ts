/** Helpers shared by the integration tests. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { FileSystemBlobStore, useBlobStore } from "@/lib/files/store";
import { loadViewer } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import { prisma } from "@/lib/db";

/** The viewer of a seeded user id (u_<login>); throws when the user does not exist or is inactive. */
export async function viewer(userId: string): Promise<Viewer> {
  const v = await loadViewer(userId);
  if (!v) throw new Error(`no user ${userId}`);
  return v;
}

/** The AppError a promise rejects with; fails the test when it resolves or rejects with anything else. */
export async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Sets up a second factor for a seeded user (an administrator's requests grant their roles only with one). */
export async function enrolSecondFactor(userId: string): Promise<void> {
  await prisma.secondFactor.upsert({
    where: { userId },
    create: { userId, secret: "JBSWY3DPEHPK3PXP", enabledAt: new Date() },
    update: { enabledAt: new Date() },
  });
}

/** Stored files of this test file in a temporary directory (`prefix` names it), removed after the file's tests. */
export function useTemporaryBlobStore(prefix: string): void {
  let root = "";
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), prefix));
    useBlobStore(new FileSystemBlobStore(join(root, "files")));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));
}
