import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { PUBLIC_LIMITS } from "@/lib/rate-limit/public";
import { cachedWordOfTheDay } from "@/lib/dictionary/cache";
import { almatyDate } from "@/lib/time";

export const dynamic = "force-dynamic";

/** Today's word (the day in Asia/Almaty): `{ date, word }`, word null when the dictionary is empty. */
export const GET = route({
  access: "public",
  rateLimit: PUBLIC_LIMITS.dictionary,
  handler: async () => {
    const date = almatyDate();
    const word = await cachedWordOfTheDay(date);
    return NextResponse.json({ date, word }, { headers: { "cache-control": "public, max-age=300, s-maxage=600" } });
  },
});
