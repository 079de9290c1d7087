import { ClientMessages } from "@/components/i18n/client-messages";

/** The journal grid enters marks and computes term grades in the browser. */
export default async function Layout({ children, params }: LayoutProps<"/[locale]/diary/journal">) {
  const { locale } = await params;
  return (
    <ClientMessages locale={locale} namespaces={["diary.journal", "diary.grade"]}>
      {children}
    </ClientMessages>
  );
}
