"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";

/**
 * Uploads a file as the raw request body (streamed by the browser and by the server, never buffered whole),
 * then refreshes the page to show it. The server's localised refusal (too large, wrong content) is shown.
 */
export function Uploader({
  publicationId,
  locale,
  labels,
}: {
  publicationId: string;
  locale: string;
  labels: {
    file: string;
    upload: string;
    uploadCover: string;
    uploading: string;
    uploaded: string;
    chooseFile: string;
  };
}) {
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function send(cover: boolean) {
    const file = input.current?.files?.[0];
    if (!file) return setMessage({ ok: false, text: labels.chooseFile });
    setBusy(true);
    setMessage(null);
    try {
      const query = new URLSearchParams({ name: file.name, locale, ...(cover ? { cover: "1" } : {}) });
      const response = await fetch(`/api/v1/publications/${encodeURIComponent(publicationId)}/attachments?${query}`, {
        method: "POST",
        body: file,
        headers: { "Content-Type": "application/octet-stream" },
      });
      if (response.ok) {
        setMessage({ ok: true, text: labels.uploaded.replace("{name}", file.name) });
        if (input.current) input.current.value = "";
        router.refresh();
      } else {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        setMessage({ ok: false, text: body?.error?.message ?? response.statusText });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-2" data-testid="uploader">
      <label className="block text-sm font-medium">
        {labels.file}
        <input
          ref={input}
          type="file"
          name="file"
          accept=".pdf,.docx,.pptx,.xlsx,.png,.jpg,.jpeg,.gif,.webp"
          className="mt-1 block text-sm"
          data-testid="upload-input"
        />
      </label>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={busy}
          onClick={() => send(false)}
          className="rounded bg-brand-700 px-3 py-1.5 text-sm text-white disabled:opacity-50"
          data-testid="upload-button"
        >
          {busy ? labels.uploading : labels.upload}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => send(true)}
          className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm disabled:opacity-50"
        >
          {labels.uploadCover}
        </button>
      </div>
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`rounded border p-2 text-sm ${message.ok ? "border-green-300 bg-green-50 text-green-800" : "border-red-300 bg-red-50 text-red-800"}`}
          data-testid="upload-message"
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
