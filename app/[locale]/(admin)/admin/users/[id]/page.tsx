import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { canManageUser, getUser } from "@/lib/users/users";
import { formatDateTime } from "@/lib/time";
import { PageHeader } from "@/components/admin/page-header";
import { UserAccountForms } from "@/components/users/user-account-forms";
import { UserRoles } from "@/components/users/user-roles";

export default async function UserPage({ params, searchParams }: PageProps<"/[locale]/admin/users/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { viewer, scope } = await authorize("users.manage");
  const user = await getUser(scope, id);
  if (!user) notFound();
  const t = await getTranslations("users");
  const tc = await getTranslations("common");
  const { created } = await searchParams;
  const manageable = canManageUser(viewer, user.roles);
  return (
    <div className="space-y-4">
      <PageHeader
        title={user.displayName}
        description={`${t("login")}: ${user.login} · ${t("lastLoginAt")}: ${user.lastLoginAt ? formatDateTime(user.lastLoginAt, locale) : t("never")}`}
        link={{ href: "/admin/users", label: tc("actions.back") }}
      />
      {created && (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-2 text-sm text-green-800">
          {t("created")}
        </p>
      )}
      {!user.active && (
        <p className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">{t("inactiveText")}</p>
      )}
      {manageable ? (
        <UserAccountForms user={user} self={user.id === viewer.userId} />
      ) : (
        <p
          className="max-w-2xl rounded border border-slate-300 bg-slate-50 p-3 text-sm text-slate-700"
          data-testid="user-outranks"
        >
          {t("outranks")}
        </p>
      )}
      <UserRoles userId={user.id} roles={user.roles} viewer={viewer} scope={scope} locale={locale} />
    </div>
  );
}
