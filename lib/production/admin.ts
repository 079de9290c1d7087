/**
 * `npm run admin:create`: the first (or another) ministry administrator, created from the command line.
 * The password comes from standard input or ADMIN_PASSWORD, never from the command line (where the shell
 * history and the process list would keep it). A refusal creates nothing. No "server-only": a script uses it.
 */
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { hashPassword } from "../auth/password";
import { PASSWORD_PROBLEM_TEXT, passwordProblem } from "../auth/password-policy";
import { LOGIN_PATTERN } from "../users/schemas";

export class AdminRefused extends Error {}

/** A command-line argument that looks like a password (`--password x`, `--pass=x`, `-p`): refused. */
export function passwordOnCommandLine(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const name = /^--?([^=]+)/.exec(arg)?.[1];
    if (name && (/pass|pwd|secret/i.test(name) || name === "p")) return arg.split("=")[0]!;
  }
  return null;
}

const input = z.object({
  login: z
    .string()
    .trim()
    .toLowerCase()
    .regex(LOGIN_PATTERN, "the login must be 3–32 characters: Latin letters, digits, dot or hyphen"),
  displayName: z.string().trim().min(2, "the display name must be 2–200 characters").max(200),
  password: z.string().max(256, "the password must be at most 256 characters"),
});

export interface AdminInput {
  login: string;
  displayName: string;
  password: string;
}

/**
 * Creates an active MINISTRY_ADMIN (scoped to the republic when the territory register has one). Throws
 * AdminRefused with the reason for a malformed login or name, a weak password or a login already taken.
 */
export async function createAdministrator(
  prisma: PrismaClient,
  raw: AdminInput,
): Promise<{ id: string; login: string }> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) throw new AdminRefused(`Refused: ${parsed.error.issues[0]!.message}.`);
  const { login, displayName, password } = parsed.data;
  const problem = passwordProblem(password, login);
  if (problem) throw new AdminRefused(`Refused: ${PASSWORD_PROBLEM_TEXT[problem]}. Nothing was created.`);
  const passwordHash = await hashPassword(password);
  const taken = () => new AdminRefused(`Refused: the login "${login}" is already taken. Nothing was created.`);
  return prisma
    .$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { login }, select: { id: true } })) throw taken();
      const republic = await tx.territory.findFirst({ where: { parentId: null }, select: { id: true } });
      const user = await tx.user.create({
        data: {
          login,
          displayName,
          passwordHash,
          roles: { create: [{ role: "MINISTRY_ADMIN", territoryId: republic?.id ?? null }] },
        },
        select: { id: true, login: true },
      });
      return user;
    })
    .catch((error: unknown) => {
      // two creations of one login at once: the unique index refuses the second
      if ((error as { code?: string }).code === "P2002") throw taken();
      throw error;
    });
}
