import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const config: NextConfig = {
  // NEXT_DIST_DIR lets several builds live side by side (e.g. a benchmark server beside a development one).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // A prerendered page's ETag is set by the server from the bytes it sends (lib/http/page-csp.ts), natively;
  // the framework's own is a hash of the whole page string in JavaScript on every response.
  generateEtags: false,
  // Database drivers stay outside the bundle: they load WebAssembly and native modules at run time.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pg",
    "@prisma/adapter-pg",
    "@prisma/client",
    // SQLite import sources: sql.js loads its WebAssembly file from beside itself
    "sql.js",
    // the mail layout compiler and the SMTP client run as they are published
    "mjml",
    "nodemailer",
  ],
  outputFileTracingIncludes: { "/**": ["./messages/**/*", "./content/**/*"] },
};

export default withNextIntl(config);
