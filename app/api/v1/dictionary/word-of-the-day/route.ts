import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/http";
import { cachedWordOfTheDay } from "@/lib/dictionary/cache";
import { almatyDate } from "@/lib/time";

export const dynamic = "force-dynamic";

/** Today's word (the day in Asia/Almaty): `{ date, word }`, word null when the dictionary is empty. */
export async function GET(request: Request) {
  try {
    const date = almatyDate();
    const word = await cachedWordOfTheDay(date);
    return NextResponse.json({ date, word }, { headers: { "cache-control": "public, max-age=300, s-maxage=600" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
