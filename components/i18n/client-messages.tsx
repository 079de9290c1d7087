import { NextIntlClientProvider } from "next-intl";
import { loadMessages, pickMessages } from "@/i18n/messages";

/** Messages every page's client components may use: the error page's. */
export const BASE_CLIENT_MESSAGES = ["common.errorPage"] as const;

/**
 * Gives the client components inside it the messages under `namespaces` (plus the base ones). The locale
 * layout passes only the base namespaces to the browser; a page that renders client components with their
 * own texts wraps them in this, so a page's HTML carries the messages it uses and no others.
 */
export function ClientMessages({
  locale,
  namespaces,
  children,
}: {
  locale: string;
  namespaces: readonly string[];
  children: React.ReactNode;
}) {
  return (
    <NextIntlClientProvider messages={pickMessages(loadMessages(locale), [...BASE_CLIENT_MESSAGES, ...namespaces])}>
      {children}
    </NextIntlClientProvider>
  );
}
