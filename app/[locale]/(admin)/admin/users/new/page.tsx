import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { createUserAction } from "@/lib/users/actions";
import { PageHeader } from "@/components/admin/page-header";
import { UserCreateForm } from "@/components/users/user-create-form";

export default async function NewUserPage({ params }: PageProps<"/[locale]/admin/users/new">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer, scope } = await authorize("users.manage");
  const t = await getTranslations("users");
  const tc = await getTranslations("common");
  return (
    <div>
      <PageHeader title={t("new")} link={{ href: "/admin/users", label: tc("actions.back") }} />
      <UserCreateForm action={createUserAction} viewer={viewer} scope={scope} locale={locale} />
    </div>
  );
}
