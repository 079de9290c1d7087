/**
 * What the HTTP server (scripts/start.ts) does around every request: a request id (a trusted proxy's
 * X-Request-Id, or a new one; echoed back), reads routed to the replica or the primary by whether the request carries a session cookie, and,
 * when the answer is sent, one JSON log line and the request metrics. The log line has the method, the
 * path without its query, the status and the duration — no headers, cookies, query or body.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readsFor } from "../db/replica";
import { env } from "../env";
import { recordRequest } from "../metrics";
import { loggablePath, logger, requestId } from ".";

export function serveObserved(
  req: IncomingMessage,
  res: ServerResponse,
  handle: (req: IncomingMessage, res: ServerResponse) => unknown,
): void {
  const started = process.hrtime.bigint();
  // the proxy's id is taken only from a trusted proxy (TRUST_PROXY); a client cannot choose its own
  const id = requestId(env().TRUST_PROXY > 0 ? req.headers["x-request-id"] : undefined, randomUUID);
  req.headers["x-request-id"] = id;
  res.setHeader("x-request-id", id);
  res.once("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const url = req.url ?? "/";
    recordRequest(req.method ?? "GET", url, res.statusCode, ms);
    // assets are counted in the metrics but not logged line by line
    if (url.startsWith("/_next/")) return;
    logger().info(
      {
        event: "http.request",
        reqId: id,
        method: req.method,
        path: loggablePath(url),
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
      },
      "request",
    );
  });
  readsFor(req.headers.cookie, () => handle(req, res));
}
