"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "@/i18n/navigation";
import { Button } from "@/components/ui/button";

const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Attaches a file to a letter: the file goes as the request body to the letter's file route, which streams
 * it into the file store (lib/files), which checks its type by content. A refusal shows the server's localised message.
 */
export function AttachFile({ letterId, version }: { letterId: string; version: number }) {
  const t = useTranslations("letters.card");
  const te = useTranslations("errors.letters");
  const tf = useTranslations("errors.files");
  const locale = useLocale();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function upload(event: React.FormEvent) {
    event.preventDefault();
    if (!file) return setState({ ok: false, message: te("fileMissing") });
    if (file.size > MAX_BYTES) return setState({ ok: false, message: tf("tooLarge", { max: 20 }) });
    setPending(true);
    try {
      const query = new URLSearchParams({ version: String(version), name: file.name, locale });
      const response = await fetch(`/api/v1/letters/${encodeURIComponent(letterId)}/file?${query}`, {
        method: "PUT",
        body: file,
        headers: { "content-type": "application/octet-stream" },
      });
      if (response.ok) {
        setState({ ok: true, message: t("uploaded") });
        router.refresh();
      } else {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        setState({ ok: false, message: body?.error?.message ?? String(response.status) });
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={upload} className="space-y-2" data-testid="attach-file">
      {state && (
        <p
          role={state.ok ? "status" : "alert"}
          className={`rounded border p-2 text-sm ${state.ok ? "border-green-300 bg-green-50 text-green-800" : "border-red-300 bg-red-50 text-red-800"}`}
        >
          {state.message}
        </p>
      )}
      <label className="block text-sm">
        <span className="mb-1 block font-medium">{t("chooseFile")}</span>
        <input
          type="file"
          name="file"
          accept=".pdf,.docx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          className="block text-sm"
        />
        <span className="mt-1 block text-xs text-slate-500">{t("attachHint")}</span>
      </label>
      <Button type="submit" disabled={pending}>
        {pending ? t("uploading") : t("attach")}
      </Button>
    </form>
  );
}
