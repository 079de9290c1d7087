import { newsFeed } from "@/lib/publications/feeds";

export const dynamic = "force-dynamic";

/** RSS of the newest methodological publications of a locale. */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  return newsFeed((await params).locale, "rss", "methodical");
}
