import { getTranslations, setRequestLocale } from "next-intl/server";
import { authorize } from "@/lib/auth/viewer";
import { backups } from "@/lib/archive/service";
import { startBackupAction, updateSettingAction } from "@/lib/archive/actions";
import { PageHeader } from "@/components/admin/page-header";
import { Table } from "@/components/ui/table";
import { ActionForm } from "@/components/forms/action-form-client";
import { BackupJob } from "@/components/archive/backup-job-client";
import { CheckboxField, TextField } from "@/components/forms/fields-client";
import type { KeysOf, Messages } from "@/i18n/keys";
import { almatyHourOfUtc, formatDateTime } from "@/lib/format";

/** Backups (R26): start an export, download it, see the last one, set the daily schedule. */
export default async function BackupsPage({ params }: PageProps<"/[locale]/admin/archive/backups">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { viewer } = await authorize("archive.manage");
  const t = await getTranslations("archive.backups");
  const tc = await getTranslations("common");
  const { rows, setting, last, running } = await backups(viewer);
  /** Times in Almaty, like every time a person reads. */
  const time = (d: Date | null) => (d ? formatDateTime(d, locale) : "—");
  const labels = {
    start: t("start"),
    starting: t("starting"),
    progress: t("progress"),
    phases: {
      tables: t("phases.tables"),
      packages: t("phases.packages"),
      files: t("phases.files"),
      finishing: t("phases.finishing"),
    },
    done: t("done"),
    failed: t("failed"),
    download: t("download"),
  };
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        link={{ href: "/admin/archive", label: tc("actions.back") }}
      />
      <p role="status" data-testid="last-backup" className="rounded-lg bg-white p-4 shadow-sm">
        {last ? t("last", { at: time(last.finishedAt), size: Number(last.size ?? 0) }) : t("never")}
      </p>
      <BackupJob action={startBackupAction} labels={labels} running={running} />
      <Table
        caption={t("title")}
        testId="backups"
        columns={[
          t("startedAt"),
          t("kind"),
          t("status"),
          { label: t("size"), numeric: true },
          "SHA-256",
          { label: t("download"), hiddenLabel: true },
        ]}
        rows={rows}
        empty={t("never")}
      >
        {(b) => (
          <tr key={b.id} className="border-t border-slate-100">
            <td className="px-3 py-2 whitespace-nowrap">{time(b.startedAt)}</td>
            <td className="px-3 py-2">{t(`kinds.${b.kind as KeysOf<Messages["archive"]["backups"]["kinds"]>}`)}</td>
            <td className="px-3 py-2">
              {t(`statuses.${b.status as KeysOf<Messages["archive"]["backups"]["statuses"]>}`)}
              {b.error ? `: ${b.error}` : ""}
            </td>
            <td className="px-3 py-2 text-right tabular-nums">{b.size !== null ? Number(b.size) : "—"}</td>
            <td className="px-3 py-2 font-mono text-xs" title={b.sha256 ?? ""}>
              {b.sha256?.slice(0, 16) ?? "—"}
            </td>
            <td className="px-3 py-2">
              {b.status === "DONE" && <a href={`/api/v1/archive/backups/${b.id}`}>{t("download")}</a>}
            </td>
          </tr>
        )}
      </Table>
      <section aria-labelledby="schedule" className="max-w-xl">
        <h2 id="schedule" className="mb-2 text-lg font-semibold">
          {t("schedule")}
        </h2>
        <ActionForm
          action={updateSettingAction}
          submitLabel={tc("actions.save")}
          testId="backup-schedule"
          className="space-y-3 rounded-lg bg-white p-4 shadow-sm"
        >
          <CheckboxField name="daily" label={t("daily")} defaultChecked={setting.daily} />
          <TextField
            name="hour"
            label={t("hour")}
            inputMode="numeric"
            defaultValue={almatyHourOfUtc(setting.hourUtc)}
          />
          <TextField name="keep" label={t("keep")} inputMode="numeric" defaultValue={setting.keep} />
        </ActionForm>
        <p className="mt-2 text-sm text-slate-600">{t("cliHint")}</p>
      </section>
    </div>
  );
}
