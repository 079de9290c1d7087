import { getTranslations } from "next-intl/server";

/** Links to download a configuration document as one printable HTML file or as PDF, in the reader's language. */
export async function DocumentLinks({ href, locale, testId }: { href: string; locale: string; testId: string }) {
  const t = await getTranslations("admin.configuration");
  const link = (format: "html" | "pdf") => `${href}?locale=${locale}&format=${format}`;
  return (
    <p className="flex flex-wrap items-center gap-3 text-sm" data-testid={testId}>
      <span className="font-medium">{t("download")}:</span>
      <a href={link("html")} download className="text-brand-700 underline" data-format="html">
        {t("downloadHtml")}
      </a>
      <a href={link("pdf")} download className="text-brand-700 underline" data-format="pdf">
        {t("downloadPdf")}
      </a>
    </p>
  );
}
