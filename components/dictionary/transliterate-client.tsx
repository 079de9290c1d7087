"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { cyrToLat, latToCyr } from "@/lib/text";
import { Button } from "@/components/ui/button";

type Direction = "cyr-lat" | "lat-cyr";

/** Cyrillic ⇄ Latin (2021) transliteration of any text, in the browser. */
export function TransliterateTool() {
  const t = useTranslations("learn.transliterate");
  const [direction, setDirection] = useState<Direction>("cyr-lat");
  const [strict, setStrict] = useState(false);
  const [text, setText] = useState("");
  const [copied, setCopied] = useState(false);
  const output = direction === "cyr-lat" ? cyrToLat(text) : latToCyr(text, strict ? { dottedI: "и" } : {});
  return (
    <div className="space-y-4">
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">{t("direction")}</legend>
        {(["cyr-lat", "lat-cyr"] as const).map((d) => (
          <label key={d} className="flex items-center gap-2">
            <input type="radio" name="direction" value={d} checked={direction === d} onChange={() => setDirection(d)} />
            {t(`directions.${d}`)}
          </label>
        ))}
        {direction === "lat-cyr" && (
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={strict} onChange={(e) => setStrict(e.target.checked)} />
            {t("strict")}
          </label>
        )}
      </fieldset>
      <div className="grid gap-4 md:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("input")}
          <textarea
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setCopied(false);
            }}
            rows={10}
            placeholder={direction === "cyr-lat" ? t("placeholderCyr") : t("placeholderLat")}
            className="rounded border border-slate-300 p-3 font-normal"
            data-testid="translit-input"
          />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("output")}
          <textarea
            value={output}
            readOnly
            rows={10}
            className="rounded border border-slate-300 bg-slate-50 p-3 font-normal"
            data-testid="translit-output"
          />
        </label>
      </div>
      <div className="flex gap-2">
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={() => void navigator.clipboard?.writeText(output).then(() => setCopied(true))}
        >
          {copied ? t("copied") : t("copy")}
        </Button>
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={() => {
            setText(output);
            setDirection(direction === "cyr-lat" ? "lat-cyr" : "cyr-lat");
          }}
        >
          {t("swap")}
        </Button>
      </div>
    </div>
  );
}
