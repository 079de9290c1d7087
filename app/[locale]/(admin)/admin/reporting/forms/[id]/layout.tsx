import { ClientMessages } from "@/components/i18n/client-messages";

/** The form designer and its preview check forms in the browser and show errors there. */
export default async function Layout({ children, params }: LayoutProps<"/[locale]/admin/reporting/forms/[id]">) {
  const { locale } = await params;
  return (
    <ClientMessages locale={locale} namespaces={["reporting.designer", "reporting.entry", "errors"]}>
      {children}
    </ClientMessages>
  );
}
