import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { canManageUser, getUser } from "@/lib/users/users";
import { formatDateTime } from "@/lib/time";
import { PageHeader } from "@/components/admin/page-header";
import { UserAccountForms } from "@/components/users/user-account-forms";
import { UserRoles } from "@/components/users/user-roles";
import { ResetCodeForm } from "@/components/users/reset-code-client";
import { scopeOf } from "@/lib/auth/scope";

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
  // pupils and parents (who may have no e-mail) get a one-time reset code from their school
  const resetCode =
    manageable &&
    Boolean(scopeOf(viewer, "users.resetCode")) &&
    user.roles.length > 0 &&
    user.roles.every((r) => r.role === "PARENT" || r.role === "STUDENT");
  const tm = await getTranslations("mail.resetCode");
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
      {resetCode && (
        <ResetCodeForm
          userId={user.id}
          labels={{
            title: tm("title"),
            lead: tm("lead"),
            submit: tm("submit"),
            code: tm.raw("code") as string,
            validUntil: tm.raw("validUntil") as string,
          }}
        />
      )}
      <UserRoles userId={user.id} roles={user.roles} viewer={viewer} scope={scope} locale={locale} />
    </div>
  );
}
