/**
 * The outbox worker inside the server process: drains the search outbox every few seconds. Started by
 * scripts/start.ts after migrations (never during `next build`).
 */
import { drainOutbox } from "./outbox";
import { searchEngine } from "./engine";

export function startSearchWorker(intervalMs = 2_000, log: (line: string) => void = console.error): () => void {
  let running = false;
  let lastError = "";
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    drainOutbox(searchEngine())
      .then(() => (lastError = ""))
      .catch((error: unknown) => {
        const message = (error as Error).message;
        if (message !== lastError) log(`Search outbox: ${message}`);
        lastError = message;
      })
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
