import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { getView } from "@/lib/databank/views";

export const dynamic = "force-dynamic";

/** The shareable link of a saved pivot: opens the pivot with the view's settings (in the opener's scope). */
export default async function ViewPage({ params }: PageProps<"/[locale]/admin/databank/views/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  await authorize("databank.pivot");
  const view = await getView(id);
  if (!view) notFound();
  redirect({ href: `/admin/databank/pivot?${view.query}&view=${view.id}`, locale });
}
