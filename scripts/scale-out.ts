/**
 * What lets several instances of `npm start` behave as one, and stop without losing anything: the chat bus
 * over PostgreSQL LISTEN/NOTIFY, the job runner (started inside the server bundle by instrumentation.ts when
 * EISO_JOB_RUNNER=1) and the graceful stop on SIGTERM/SIGINT.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { chatBus } from "../lib/forums/bus";
import { stopJobRunner } from "../lib/jobs/runner";

/** How long in-flight requests and running jobs may take to finish after SIGTERM/SIGINT. */
export const STOP_GRACE_MS = Number(process.env.STOP_GRACE_MS) || 10_000;

/** Connects the chat bus to PostgreSQL (instances share chat messages) and lets the server run the jobs. */
export async function startScaleOut(databaseUrl: string | undefined): Promise<void> {
  if (databaseUrl) await chatBus.connect(databaseUrl, (line) => console.error(line));
  // read by instrumentation.ts inside the server: `next build` and the tests never start the runner
  process.env.EISO_JOB_RUNNER = "1";
}

/** Server-Sent Event responses are ended at once on a stop (their readers reconnect to another instance). */
const streams = new Set<ServerResponse>();
export function trackStream(req: IncomingMessage, res: ServerResponse): void {
  if (!(req.headers.accept ?? "").includes("text/event-stream")) return;
  streams.add(res);
  res.on("close", () => streams.delete(res));
}

/**
 * The graceful stop: no new connections; in-flight requests finish (at most STOP_GRACE_MS, then the
 * remaining connections are closed); the job runner waits for its running jobs and releases its leases;
 * the LISTEN connection is closed. The caller then closes Next and the database.
 */
export async function stopGracefully(server: Server, log: (line: string) => void = console.log): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  for (const res of streams) res.end();
  const idle = setInterval(() => server.closeIdleConnections(), 200);
  let timer: NodeJS.Timeout | undefined;
  const finished = await Promise.race([
    closed.then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), STOP_GRACE_MS))),
  ]);
  clearInterval(idle);
  clearTimeout(timer);
  if (!finished) {
    log(`Requests still running after ${STOP_GRACE_MS} ms: closing their connections.`);
    server.closeAllConnections();
  }
  await stopJobRunner(STOP_GRACE_MS).catch((error: unknown) => log(`jobs: ${(error as Error).message}`));
  await chatBus.close();
}
