import { ClientMessages } from "@/components/i18n/client-messages";

/** The dictionary's search, flashcards and learning tools need their texts in the browser. */
export default async function Layout({ children, params }: LayoutProps<"/[locale]/dictionary">) {
  const { locale } = await params;
  return (
    <ClientMessages locale={locale} namespaces={["dictionary", "learn"]}>
      {children}
    </ClientMessages>
  );
}
