import { ClientMessages } from "@/components/i18n/client-messages";

/** Data entry checks values in the browser and shows errors there. */
export default async function Layout({ children, params }: LayoutProps<"/[locale]/reporting/[periodId]">) {
  const { locale } = await params;
  return (
    <ClientMessages locale={locale} namespaces={["reporting.entry", "reporting.prefill", "errors"]}>
      {children}
    </ClientMessages>
  );
}
