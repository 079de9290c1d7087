import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link, redirect } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { localName } from "@/lib/names";
import { transferOptions } from "@/lib/services/transfer";
import { applyTransferAction } from "@/lib/services/actions";
import { ActionForm } from "@/components/forms/action-form-client";
import { SelectField, TextField } from "@/components/forms/fields-client";

export const dynamic = "force-dynamic";

/** A parent's request to move a child to another school. */
export default async function TransferPage({ params }: PageProps<"/[locale]/account/services/transfer">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await getViewer();
  if (!viewer)
    return redirect({
      href: { pathname: "/sign-in", query: { callbackUrl: `/${locale}/account/services/transfer` } },
      locale,
    });
  const t = await getTranslations("services");
  const ta = await getTranslations("admin");
  if (!scopeOf(viewer, "services.applyForChild")) {
    return (
      <div role="alert" className="mx-auto max-w-xl rounded-lg bg-white p-6 shadow-sm">
        <h1 className="text-xl font-bold">{ta("forbiddenTitle")}</h1>
        <p className="mt-2 text-slate-600">{ta("forbiddenText")}</p>
      </div>
    );
  }
  const { children, schools } = await transferOptions(viewer);
  return (
    <div className="max-w-2xl space-y-4">
      <p className="text-sm">
        <Link href="/account/services">{t("my.title")}</Link>
      </p>
      <h1 className="text-2xl font-bold">{t("transfer.title")}</h1>
      <p className="text-slate-700">{t("transfer.intro")}</p>
      <div className="rounded-lg bg-white p-4 shadow-sm">
        {children.length === 0 ? (
          <p className="text-slate-600">{t("my.noStudents")}</p>
        ) : (
          <ActionForm action={applyTransferAction} submitLabel={t("transfer.submit")} testId="transfer-form">
            <SelectField
              name="studentId"
              label={t("transfer.child")}
              required
              placeholder="—"
              options={children.map((c) => {
                const e = c.enrolments[0]!;
                return {
                  value: c.id,
                  label: `${[c.lastName, c.firstName].join(" ")} — ${e.classGroup.grade} ${e.classGroup.letter}, ${localName(e.academicYear.organization, locale)}`,
                };
              })}
            />
            <SelectField
              name="targetOrganizationId"
              label={t("transfer.school")}
              required
              placeholder="—"
              options={schools.map((s) => ({
                value: s.id,
                label: `${localName(s, locale)} — ${localName(s.territory, locale)}`,
              }))}
            />
            <SelectField
              name="targetGrade"
              label={t("transfer.grade")}
              required
              options={Array.from({ length: 11 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))}
            />
            <TextField name="note" label={t("transfer.note")} maxLength={1000} />
          </ActionForm>
        )}
      </div>
    </div>
  );
}
