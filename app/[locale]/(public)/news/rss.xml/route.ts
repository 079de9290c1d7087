import { newsFeed } from "@/lib/publications/feeds";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  return newsFeed((await params).locale, "rss", new URL(request.url).origin);
}
