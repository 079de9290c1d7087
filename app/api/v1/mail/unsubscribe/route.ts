import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { publicUrl } from "@/lib/env";
import { unsubscribe } from "@/lib/mail/notify";
import { PUBLIC_LIMITS } from "@/lib/rate-limit/public";

export const dynamic = "force-dynamic";

const query = z.object({ token: z.string().min(1).max(200), locale: z.string().optional() }).strict();

/**
 * `POST /api/v1/mail/unsubscribe?token=…`: the one-click unsubscribe of RFC 8058 (the `List-Unsubscribe` and
 * `List-Unsubscribe-Post` headers of notification mail): turns mail of the token's topic off for its person,
 * without signing in. The token is signed; a forged one is refused (404).
 */
export const POST = route({
  access: "public",
  rateLimit: PUBLIC_LIMITS.mailUnsubscribe,
  query,
  handler: async ({ query }) => {
    const done = await unsubscribe(query.token);
    if (!done) throw new AppError("notFound");
    return NextResponse.json({ unsubscribed: done.topic }, { headers: { "cache-control": "no-store" } });
  },
});

/** A person opening the link in a browser gets the page with a button (a GET never changes anything). */
export const GET = route({
  access: "public",
  rateLimit: PUBLIC_LIMITS.mailUnsubscribe,
  query,
  handler: ({ query, locale }) =>
    NextResponse.redirect(publicUrl(`/${locale}/unsubscribe/${encodeURIComponent(query.token)}`), 303),
});
