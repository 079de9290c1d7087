import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { sitemapIndex } from "@/lib/seo/sitemap";

export const dynamic = "force-dynamic";

/** The sitemap index: a sitemap per locale and section (`/sitemaps/<locale>-<section>-<n>.xml`). */
export const GET = route({
  access: "public",
  handler: async () =>
    new NextResponse(await sitemapIndex(), {
      headers: {
        "content-type": "application/xml; charset=utf-8",
        "cache-control": "public, max-age=3600, s-maxage=3600, stale-while-revalidate=86400",
      },
    }),
});
