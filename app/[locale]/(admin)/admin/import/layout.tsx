import { ClientMessages } from "@/components/i18n/client-messages";

/** The import wizard and a run's progress work in the browser. */
export default async function Layout({ children, params }: LayoutProps<"/[locale]/admin/import">) {
  const { locale } = await params;
  return (
    <ClientMessages locale={locale} namespaces={["import"]}>
      {children}
    </ClientMessages>
  );
}
