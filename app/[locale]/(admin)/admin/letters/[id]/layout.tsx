import { ClientMessages } from "@/components/i18n/client-messages";

/** The letter card attaches files in the browser and shows the server's answer there. */
export default async function Layout({ children, params }: LayoutProps<"/[locale]/admin/letters/[id]">) {
  const { locale } = await params;
  return (
    <ClientMessages locale={locale} namespaces={["letters.card", "errors.letters", "errors.files"]}>
      {children}
    </ClientMessages>
  );
}
