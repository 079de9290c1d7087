"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

interface CheckAnswer {
  valid: boolean;
  problem: string | null;
  receipt: {
    packageId: string | null;
    sha256: string;
    receivedAt: string;
    verdict: "accepted" | "rejected";
    stage: string;
    sender: string | null;
    form: string | null;
    year: number | null;
    period: string | null;
    submissionId: string | null;
  } | null;
  reasons: string[];
  serverKeyId: string;
}

/** Paste or upload a receipt; the server checks its signature and the page says what it acknowledges. */
export function ReceiptCheck() {
  const t = useTranslations("packages.check");
  const locale = useLocale();
  const [text, setText] = useState("");
  const [answer, setAnswer] = useState<CheckAnswer | null>(null);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  async function check(value: string) {
    setBusy(true);
    setFailed(false);
    try {
      const response = await fetch(`/api/v1/packages/receipts/check?locale=${locale}`, {
        method: "POST",
        body: value,
        headers: { "content-type": "text/plain" },
      });
      if (!response.ok) throw new Error(String(response.status));
      setAnswer((await response.json()) as CheckAnswer);
    } catch {
      setAnswer(null);
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  const r = answer?.receipt;
  return (
    <div className="space-y-4">
      <form
        className="space-y-3 rounded-lg bg-white p-4 shadow-sm"
        onSubmit={(e) => {
          e.preventDefault();
          void check(text);
        }}
      >
        <label htmlFor="receipt-text" className="block font-medium">
          {t("paste")}
        </label>
        <textarea
          id="receipt-text"
          name="receipt"
          rows={10}
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="w-full rounded border border-slate-300 p-2 font-mono text-xs"
          spellCheck={false}
        />
        <label className="block text-sm">
          {t("upload")}{" "}
          <input
            type="file"
            accept=".json,application/json"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              const content = await file.text();
              setText(content);
              void check(content);
            }}
          />
        </label>
        <Button type="submit" disabled={busy || !text.trim()}>
          {t("submit")}
        </Button>
      </form>
      {failed && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {t("failed")}
        </p>
      )}
      {answer && (
        <section
          aria-live="polite"
          data-testid="receipt-result"
          className={`rounded-lg border p-4 ${answer.valid ? "border-green-300 bg-green-50" : "border-red-300 bg-red-50"}`}
        >
          <h2 className="text-lg font-semibold">{answer.valid ? t("valid") : t("invalid")}</h2>
          {answer.problem && <p>{answer.problem}</p>}
          {r && (
            <dl className="mt-2 grid grid-cols-3 gap-1 text-sm">
              <dt className="font-medium">{t("acknowledges")}</dt>
              <dd className="col-span-2">{r.verdict === "accepted" ? t("accepted") : t("rejected")}</dd>
              <dt className="font-medium">{t("packageId")}</dt>
              <dd className="col-span-2 break-all font-mono">{r.packageId ?? "—"}</dd>
              <dt className="font-medium">{t("sender")}</dt>
              <dd className="col-span-2 font-mono">{r.sender ?? "—"}</dd>
              <dt className="font-medium">{t("form")}</dt>
              <dd className="col-span-2">{r.form ? `${r.form} · ${r.year} · ${r.period}` : "—"}</dd>
              <dt className="font-medium">{t("receivedAt")}</dt>
              <dd className="col-span-2">{r.receivedAt}</dd>
              <dt className="font-medium">SHA-256</dt>
              <dd className="col-span-2 break-all font-mono text-xs">{r.sha256}</dd>
            </dl>
          )}
          {answer.reasons.length > 0 && (
            <ul className="mt-2 list-disc pl-6 text-sm">
              {answer.reasons.map((reason, i) => (
                <li key={i}>{reason}</li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-xs text-slate-600">{t("serverKey", { keyId: answer.serverKeyId })}</p>
        </section>
      )}
    </div>
  );
}
