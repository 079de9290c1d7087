import { ClientMessages } from "@/components/i18n/client-messages";

/** The entry editor needs its texts in the browser. */
export default async function Layout({ children, params }: LayoutProps<"/[locale]/admin/dictionary">) {
  const { locale } = await params;
  return (
    <ClientMessages
      locale={locale}
      namespaces={["dictionary.pos", "dictionary.relations", "learn.themes", "lexicography.editor"]}
    >
      {children}
    </ClientMessages>
  );
}
