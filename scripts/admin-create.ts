/**
 * `npm run admin:create -- --login <login> --name "<display name>"`: creates a ministry administrator.
 * The password is read from ADMIN_PASSWORD or standard input (typed without echo at a terminal, or piped),
 * never from the command line. The rules are in lib/production/admin.ts.
 */
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { flags, openForCli, run } from "./cli";
import { AdminRefused, createAdministrator, passwordOnCommandLine } from "../lib/production/admin";
import { migrate } from "../lib/db/migrate";

/** The first line of standard input; at a terminal, asked for without echoing what is typed. */
async function readPassword(): Promise<string> {
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  const tty = process.stdin.isTTY === true;
  if (tty) process.stdout.write("Password (not shown): ");
  const rl = createInterface({ input: process.stdin, output: tty ? muted : undefined, terminal: tty });
  try {
    for await (const line of rl) return line;
    return "";
  } finally {
    rl.close();
    if (tty) process.stdout.write("\n");
  }
}

void run(async () => {
  const argv = process.argv.slice(2);
  const onCommandLine = passwordOnCommandLine(argv);
  if (onCommandLine)
    throw new AdminRefused(
      `Refused: a password is never taken from the command line (${onCommandLine}). Give it on standard input or in ADMIN_PASSWORD. Nothing was created.`,
    );
  const args = flags(argv);
  const login = typeof args.login === "string" ? args.login : "";
  const displayName = typeof args.name === "string" ? args.name : "";
  if (!login || !displayName)
    throw new AdminRefused(
      'Usage: npm run admin:create -- --login <login> --name "<display name>" (password on stdin or in ADMIN_PASSWORD)',
    );
  const password = process.env.ADMIN_PASSWORD ?? (await readPassword());
  const db = openForCli();
  try {
    await migrate(db.raw);
    const user = await createAdministrator(db.prisma, { login, displayName, password });
    console.log(`Ministry administrator "${user.login}" created.`);
  } finally {
    await db.close();
  }
});
