import { ClientMessages } from "@/components/i18n/client-messages";

/** The student import form reports its progress and rows in the browser. */
export default async function Layout({ children, params }: LayoutProps<"/[locale]/admin/diary">) {
  const { locale } = await params;
  return (
    <ClientMessages locale={locale} namespaces={["diary.setup"]}>
      {children}
    </ClientMessages>
  );
}
