import type { MetadataRoute } from "next";
import { locales } from "@/i18n/routing";
import { publicUrl } from "@/lib/env";

// Read at request time, so the sitemap's address follows PUBLIC_URL of the running server.
export const dynamic = "force-dynamic";

/**
 * robots.txt: everything public may be crawled; the signed-in areas, personal pages, search results and
 * the machine APIs may not (they are either behind sign-in or not pages). The sitemap index lists the rest.
 */
export default function robots(): MetadataRoute.Robots {
  const personal = [
    "admin",
    "account",
    "sign-in",
    "diary",
    "search",
    "forums/chat",
    "forums/moderation",
    "dictionary/learn/flashcards",
    "verify/certificate",
  ];
  return {
    rules: [
      {
        userAgent: "*",
        allow: "/",
        disallow: ["/api/", ...locales.flatMap((l) => personal.map((p) => `/${l}/${p}`))],
      },
    ],
    sitemap: publicUrl("/sitemap.xml"),
  };
}
