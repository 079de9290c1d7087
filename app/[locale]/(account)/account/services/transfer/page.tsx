import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { scopeOf } from "@/lib/auth/scope";
import { localName } from "@/lib/names";
import { transferOptions } from "@/lib/services/transfer";
import { applyTransferAction } from "@/lib/services/actions";
import { ActionForm } from "@/components/forms/action-form-client";
import { SelectField, TextField } from "@/components/forms/fields-client";

import { ApplicationPage, SchoolSelect, ServicesForbidden } from "@/components/services/application-parts";

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
  if (!scopeOf(viewer, "services.applyForChild")) {
    return <ServicesForbidden />;
  }
  const { children, schools } = await transferOptions(viewer);
  return (
    <ApplicationPage title={t("transfer.title")} intro={t("transfer.intro")}>
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
            <SchoolSelect name="targetOrganizationId" label={t("transfer.school")} schools={schools} locale={locale} />
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
    </ApplicationPage>
  );
}
