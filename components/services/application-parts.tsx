import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { localName } from "@/lib/names";
import { SelectField, TextField } from "@/components/forms/fields-client";
import { Notice } from "@/components/ui/notice";

type Named = Parameters<typeof localName>[0];

/** A parent's application page: the way back to "my applications", the heading and what the service is. */
export function ApplicationPage({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  const t = useTranslations("services");
  return (
    <div className="max-w-2xl space-y-4">
      <p className="text-sm">
        <Link href="/account/services">{t("my.title")}</Link>
      </p>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="text-slate-700">{intro}</p>
      {children}
    </div>
  );
}

/** Shown instead of a service page to an account that may not use it. */
export function ServicesForbidden() {
  const t = useTranslations("admin");
  return (
    <div className="mx-auto max-w-xl">
      <Notice title={t("forbiddenTitle")}>{t("forbiddenText")}</Notice>
    </div>
  );
}

/** The child an application is for: IIN and full name. */
export function ChildFields() {
  const t = useTranslations("services.firstGrade");
  return (
    <>
      <TextField
        name="childIin"
        label={t("childIin")}
        hint={t("childIinHint")}
        required
        inputMode="numeric"
        maxLength={12}
        autoComplete="off"
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <TextField name="childLastName" label={t("lastName")} required maxLength={100} />
        <TextField name="childFirstName" label={t("firstName")} required maxLength={100} />
        <TextField name="childMiddleName" label={t("middleName")} maxLength={100} />
      </div>
    </>
  );
}

/** A required choice of school, each named with its territory. */
export function SchoolSelect({
  name,
  label,
  schools,
  locale,
}: {
  name: string;
  label: string;
  schools: readonly (Named & { id: string; territory: Named })[];
  locale: string;
}) {
  return (
    <SelectField
      name={name}
      label={label}
      required
      placeholder="—"
      options={schools.map((s) => ({
        value: s.id,
        label: `${localName(s, locale)} — ${localName(s.territory, locale)}`,
      }))}
    />
  );
}
