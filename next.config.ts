import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { locales } from "./i18n/routing";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** hreflang alternates of a localised path (`rest` is "" or "/…"), as an HTTP Link header value. */
const alternates = (rest: string) =>
  [
    ...locales.map((l) => `</${l}${rest}>; rel="alternate"; hreflang="${l}"`),
    `<${rest || "/"}>; rel="alternate"; hreflang="x-default"`,
  ].join(", ");

const config: NextConfig = {
  // NEXT_DIST_DIR lets several builds live side by side (e.g. a benchmark server beside a development one).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Database drivers stay outside the bundle: they load WebAssembly and native modules at run time.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pg",
    "@prisma/adapter-pg",
    "@prisma/client",
  ],
  // Every localised page names its other languages for search engines (without running the proxy).
  async headers() {
    return [
      { source: "/:locale(kk|ru|en)", headers: [{ key: "Link", value: alternates("") }] },
      { source: "/:locale(kk|ru|en)/:path+", headers: [{ key: "Link", value: alternates("/:path+") }] },
    ];
  },
  outputFileTracingIncludes: { "/**": ["./messages/**/*", "./content/**/*"] },
};

export default withNextIntl(config);
