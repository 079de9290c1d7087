import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { getClassifierItem } from "@/lib/classifiers/classifiers";
import { updateClassifierItemAction } from "@/lib/classifiers/actions";
import { localName } from "@/lib/names";
import { PageHeader } from "@/components/admin/page-header";
import { ClassifierItemForm } from "@/components/classifiers/classifier-item-form";

export default async function ClassifierItemPage({
  params,
}: PageProps<"/[locale]/admin/classifiers/[code]/items/[id]">) {
  const { locale, code, id } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("classifiers.manage");
  const item = await getClassifierItem(viewer, code, id);
  if (!item) notFound();
  const t = await getTranslations("classifiers");
  return (
    <div>
      <PageHeader
        title={localName(item, locale)}
        description={`${localName(item.classifier, locale)} · ${t("code")}: ${item.code}`}
        link={{ href: `/admin/classifiers/${item.classifier.code}`, label: t("backToClassifier") }}
      />
      <ClassifierItemForm action={updateClassifierItemAction} classifier={item.classifier.code} values={item} />
    </div>
  );
}
