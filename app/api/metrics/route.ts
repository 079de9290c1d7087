import { timingSafeEqual } from "node:crypto";
import { route } from "@/lib/http";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { metricsText } from "@/lib/metrics";

export const dynamic = "force-dynamic";

/** Whether an Authorization header carries `Bearer <token>` (compared in constant time). */
function bearerMatches(header: string | null, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/i.exec(header ?? "")?.[1]?.trim() ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Prometheus metrics in the text exposition format, for a scraper holding METRICS_TOKEN as a Bearer token.
 * Without METRICS_TOKEN the endpoint does not exist (404); a missing or wrong token is a 401.
 */
export const GET = route({
  access: "public",
  handler: async ({ request }) => {
    const token = env().METRICS_TOKEN;
    if (!token) throw new AppError("notFound");
    if (!bearerMatches(request.headers.get("authorization"), token)) throw new AppError("unauthenticated");
    const { contentType, body } = await metricsText();
    return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  },
});
