import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { parseSitemapName, sitemapXml } from "@/lib/seo/sitemap";

export const dynamic = "force-dynamic";

/** One sitemap of the index: `<locale>-<section>-<n>.xml`, at most 50,000 URLs. */
export const GET = route({
  access: "public",
  params: z.object({ name: z.string().max(64) }),
  handler: async ({ params }) => {
    const parsed = parseSitemapName(params.name);
    if (!parsed) throw new AppError("notFound");
    const xml = await sitemapXml(parsed.locale, parsed.section, parsed.part);
    if (xml === null) throw new AppError("notFound");
    return new NextResponse(xml, {
      headers: {
        "content-type": "application/xml; charset=utf-8",
        "cache-control": "public, max-age=3600, s-maxage=3600, stale-while-revalidate=86400",
      },
    });
  },
});
