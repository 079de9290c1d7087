import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { authorize } from "@/lib/auth/viewer";
import { localName } from "@/lib/names";
import { executorsOf, letterCard, ownOrganizations } from "@/lib/letters/letters";
import { registerLetterAction } from "@/lib/letters/actions";
import { DIRECTIONS, type Direction } from "@/lib/letters/rules";
import { PageHeader } from "@/components/admin/page-header";
import { ActionForm } from "@/components/forms/action-form-client";
import { FormErrors, SelectField, TextField } from "@/components/forms/fields-client";

export const dynamic = "force-dynamic";

/**
 * Registers a letter in one of the viewer's own registers. `?direction=` picks the register; `?replyTo=<id>`
 * registers an outgoing reply to an incoming letter, prefilled from it.
 */
export default async function NewLetterPage({ params, searchParams }: PageProps<"/[locale]/admin/letters/new">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("letters.manage");
  const t = await getTranslations("letters");
  const sp = await searchParams;
  const one = (k: string) => (Array.isArray(sp[k]) ? sp[k][0] : sp[k]) ?? "";
  const replyTo = one("replyTo") ? (await letterCard(viewer, one("replyTo"))).letter : null;
  const organizations = await ownOrganizations(viewer);
  const organization = replyTo
    ? organizations.find((o) => o.id === replyTo.organizationId)
    : (organizations.find((o) => o.id === one("organizationId")) ?? organizations[0]);
  if (!organization) {
    return (
      <div>
        <PageHeader title={t("new.title")} />
        <p className="rounded-lg bg-white p-6 text-slate-600 shadow-sm">{t("new.noOrganization")}</p>
      </div>
    );
  }
  const direction: Direction = replyTo
    ? "OUTGOING"
    : (DIRECTIONS as readonly string[]).includes(one("direction"))
      ? (one("direction") as Direction)
      : "INCOMING";
  const executors = await executorsOf(viewer, organization.id);
  return (
    <div className="max-w-3xl">
      <p className="mb-2 text-sm">
        <Link href={{ pathname: "/admin/letters", query: { direction } }}>{t("card.back")}</Link>
      </p>
      <PageHeader
        title={replyTo ? t("new.titleReply", { number: replyTo.number }) : t("new.title")}
        description={t("new.hint")}
      />
      <ActionForm
        action={registerLetterAction}
        submitLabel={t("new.submit")}
        testId="register-letter"
        className="space-y-4 rounded-lg bg-white p-4 shadow-sm"
      >
        {organizations.length > 1 && !replyTo ? (
          <SelectField
            name="organizationId"
            label={t("fields.organization")}
            required
            defaultValue={organization.id}
            options={organizations.map((o) => ({ value: o.id, label: localName(o, locale) }))}
          />
        ) : (
          <>
            <input type="hidden" name="organizationId" value={organization.id} />
            <p className="text-sm">
              <span className="font-medium">{t("fields.organization")}:</span> {localName(organization, locale)}
            </p>
          </>
        )}
        {replyTo ? (
          <>
            <input type="hidden" name="direction" value="OUTGOING" />
            <input type="hidden" name="replyToId" value={replyTo.id} />
          </>
        ) : (
          <SelectField
            name="direction"
            label={t("fields.direction")}
            required
            defaultValue={direction}
            options={DIRECTIONS.map((d) => ({ value: d, label: t(`direction.${d}`) }))}
          />
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="letterDate" label={t("fields.letterDate")} type="date" />
          <TextField name="letterNumber" label={t("fields.letterNumber")} maxLength={60} />
        </div>
        <TextField
          name="correspondent"
          label={direction === "INCOMING" ? t("fields.correspondentIn") : t("fields.correspondentOut")}
          required
          maxLength={300}
          defaultValue={replyTo?.correspondent}
        />
        <TextField
          name="subject"
          label={t("fields.subject")}
          required
          maxLength={1000}
          defaultValue={replyTo?.subject}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            name="executorId"
            label={t("fields.executor")}
            placeholder={t("new.none")}
            options={executors.map((u) => ({ value: u.id, label: u.displayName }))}
          />
          <TextField name="dueDate" label={t("fields.dueDate")} type="date" />
        </div>
        <TextField name="note" label={t("fields.note")} maxLength={2000} />
        <FormErrors names={["organizationId", "direction", "replyToId"]} />
      </ActionForm>
    </div>
  );
}
