import { setRequestLocale } from "next-intl/server";
import { SectionComing } from "@/components/layout/section-coming";

export default async function Page({ params }: PageProps<"/[locale]/forums">) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <SectionComing section="forums" />;
}
