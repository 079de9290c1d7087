"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { useFormResult } from "@/components/forms/action-form-client";
import { PARTS_OF_SPEECH, RELATION_KINDS, THEMES } from "@/lib/dictionary/constants";
import type { EntryDraft } from "@/lib/dictionary/schemas";
import { Button } from "@/components/ui/button";
import { fieldClass } from "@/components/ui/input";

interface SenseState {
  partOfSpeech: string;
  gloss: string;
  ru: string;
  en: string;
  examples: string;
}

interface RelatedState {
  slug: string;
  kind: string;
}

const split = (s: string) =>
  s
    .split(/[;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

function toState(draft: EntryDraft | null) {
  return {
    lemma: draft?.lemma ?? "",
    themes: draft?.themes ?? [],
    senses: (draft?.senses.length ? draft.senses : [null]).map((s): SenseState => ({
      partOfSpeech: s?.partOfSpeech ?? "",
      gloss: s?.gloss ?? "",
      ru: s?.ru.join("; ") ?? "",
      en: s?.en.join("; ") ?? "",
      examples: s?.examples.map((e) => [e.kk, e.ru ?? "", e.en ?? ""].join(" | ")).join("\n") ?? "",
    })),
    related: (draft?.related ?? []).map((r): RelatedState => ({ slug: r.slug, kind: r.kind })),
  };
}

/**
 * The fields of an entry draft: headword, themes, senses (part of speech, gloss, translations, examples)
 * and related words. Rendered inside an ActionForm; the draft travels as one JSON field and the server
 * validates it (errors come back under "draft.…" and are shown next to the fields).
 */
export function EntryEditor({ initial }: { initial: EntryDraft | null }) {
  const t = useTranslations("lexicography.editor");
  const tp = useTranslations("dictionary.pos");
  const tt = useTranslations("learn.themes");
  const tr = useTranslations("dictionary.relations");
  const state = useFormResult();
  const restored = (() => {
    const raw = state && !state.ok ? state.values?.draft : undefined;
    if (!raw) return null;
    try {
      return JSON.parse(raw) as EntryDraft;
    } catch {
      return null;
    }
  })();
  const [form, setForm] = useState(() => toState(restored ?? initial));
  const id = useId();
  const errors = state?.fieldErrors ?? {};
  const error = (...paths: string[]) => paths.map((p) => errors[p]).find(Boolean);

  const draft = {
    lemma: form.lemma,
    themes: form.themes,
    senses: form.senses.map((s) => ({
      partOfSpeech: s.partOfSpeech || null,
      gloss: s.gloss || null,
      ru: split(s.ru),
      en: split(s.en),
      examples: s.examples
        .split("\n")
        .map((line) => line.split("|").map((x) => x.trim()))
        .filter((parts) => parts[0])
        .map(([kk, ru, en]) => ({ kk: kk!, ru: ru || null, en: en || null })),
    })),
    related: form.related.filter((r) => r.slug.trim()).map((r) => ({ slug: r.slug.trim(), kind: r.kind })),
  };

  const setSense = (i: number, patch: Partial<SenseState>) =>
    setForm((f) => ({ ...f, senses: f.senses.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
  const input = fieldClass({ className: "w-full" });

  return (
    <div className="space-y-5" data-testid="entry-editor">
      <input type="hidden" name="draft" value={JSON.stringify(draft)} />
      <div>
        <label htmlFor={`${id}-lemma`} className="mb-1 block text-sm font-medium">
          {t("lemma")} <span className="text-red-700">*</span>
        </label>
        <input
          id={`${id}-lemma`}
          lang="kk"
          value={form.lemma}
          onChange={(e) => setForm((f) => ({ ...f, lemma: e.target.value }))}
          className={input}
          aria-invalid={Boolean(error("draft.lemma", "lemma"))}
        />
        <p className="mt-1 text-xs text-slate-500">{t("lemmaHint")}</p>
        <Err text={error("draft.lemma", "lemma")} />
      </div>

      <fieldset>
        <legend className="mb-1 text-sm font-medium">{t("themes")}</legend>
        <div className="flex flex-wrap gap-3">
          {THEMES.map((theme) => (
            <label key={theme} className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                checked={form.themes.includes(theme)}
                onChange={(e) =>
                  setForm((f) => ({
                    ...f,
                    themes: e.target.checked ? [...f.themes, theme] : f.themes.filter((x) => x !== theme),
                  }))
                }
              />
              {tt(theme)}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="space-y-4">
        <h2 className="text-lg font-semibold">{t("senses")}</h2>
        <Err text={error("draft.senses")} />
        {form.senses.map((s, i) => (
          <fieldset key={i} className="space-y-3 rounded border border-slate-200 p-4">
            <legend className="px-1 text-sm font-semibold">{t("sense", { n: i + 1 })}</legend>
            <div className="grid gap-3 md:grid-cols-2">
              <label className="text-sm">
                <span className="mb-1 block font-medium">{t("partOfSpeech")}</span>
                <select
                  value={s.partOfSpeech}
                  onChange={(e) => setSense(i, { partOfSpeech: e.target.value })}
                  className={input}
                >
                  <option value="">—</option>
                  {PARTS_OF_SPEECH.map((p) => (
                    <option key={p} value={p}>
                      {tp(p)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="text-sm">
                <span className="mb-1 block font-medium">{t("gloss")}</span>
                <input
                  value={s.gloss}
                  lang="kk"
                  onChange={(e) => setSense(i, { gloss: e.target.value })}
                  className={input}
                />
                <Err text={error(`draft.senses.${i}.gloss`)} />
              </label>
              <label className="text-sm">
                <span className="mb-1 block font-medium">{t("ru")}</span>
                <input value={s.ru} lang="ru" onChange={(e) => setSense(i, { ru: e.target.value })} className={input} />
                <span className="mt-1 block text-xs text-slate-500">{t("listHint")}</span>
                <Err text={error(`draft.senses.${i}.ru`, ...[0, 1, 2, 3].map((k) => `draft.senses.${i}.ru.${k}`))} />
              </label>
              <label className="text-sm">
                <span className="mb-1 block font-medium">{t("en")}</span>
                <input value={s.en} lang="en" onChange={(e) => setSense(i, { en: e.target.value })} className={input} />
                <span className="mt-1 block text-xs text-slate-500">{t("listHint")}</span>
                <Err text={error(`draft.senses.${i}.en`, ...[0, 1, 2, 3].map((k) => `draft.senses.${i}.en.${k}`))} />
              </label>
            </div>
            <label className="block text-sm">
              <span className="mb-1 block font-medium">{t("examples")}</span>
              <textarea
                value={s.examples}
                rows={3}
                onChange={(e) => setSense(i, { examples: e.target.value })}
                className={input}
              />
              <span className="mt-1 block text-xs text-slate-500">{t("examplesHint")}</span>
              <Err
                text={error(
                  `draft.senses.${i}.examples`,
                  ...[0, 1, 2].map((k) => `draft.senses.${i}.examples.${k}.kk`),
                )}
              />
            </label>
            {form.senses.length > 1 && (
              <RemoveButton
                label={t("removeSense")}
                onClick={() => setForm((f) => ({ ...f, senses: f.senses.filter((_, j) => j !== i) }))}
              />
            )}
          </fieldset>
        ))}
        <AddButton
          label={t("addSense")}
          onClick={() =>
            setForm((f) => ({
              ...f,
              senses: [...f.senses, { partOfSpeech: "", gloss: "", ru: "", en: "", examples: "" }],
            }))
          }
        />
      </div>

      <div className="space-y-2">
        <h2 className="text-lg font-semibold">{t("related")}</h2>
        <p className="text-xs text-slate-500">{t("relatedHint")}</p>
        <Err text={error("draft.related", "related")} />
        {form.related.map((r, i) => (
          <div key={i} className="flex flex-wrap gap-2">
            <input
              value={r.slug}
              aria-label={t("relatedSlug")}
              placeholder={t("relatedSlug")}
              onChange={(e) =>
                setForm((f) => ({
                  ...f,
                  related: f.related.map((x, j) => (j === i ? { ...x, slug: e.target.value } : x)),
                }))
              }
              className="min-w-48 flex-1 rounded border border-slate-300 px-3 py-1.5"
            />
            <select
              value={r.kind}
              aria-label={t("relatedKind")}
              onChange={(e) =>
                setForm((f) => ({
                  ...f,
                  related: f.related.map((x, j) => (j === i ? { ...x, kind: e.target.value } : x)),
                }))
              }
              className="rounded border border-slate-300 px-2 py-1.5"
            >
              {RELATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {tr(k)}
                </option>
              ))}
            </select>
            <RemoveButton
              label={t("remove")}
              onClick={() => setForm((f) => ({ ...f, related: f.related.filter((_, j) => j !== i) }))}
            />
          </div>
        ))}
        <AddButton
          label={t("addRelated")}
          onClick={() => setForm((f) => ({ ...f, related: [...f.related, { slug: "", kind: "RELATED" }] }))}
        />
      </div>

      <label className="block text-sm">
        <span className="mb-1 block font-medium">{t("comment")}</span>
        <textarea
          name="comment"
          rows={2}
          defaultValue={state && !state.ok ? (state.values?.comment ?? "") : ""}
          className={input}
        />
        <span className="mt-1 block text-xs text-slate-500">{t("commentHint")}</span>
      </label>
    </div>
  );
}

/** A field's error under it, when there is one. */
function Err({ text }: { text?: string }) {
  return text ? <p className="mt-1 text-sm text-red-700">{text}</p> : null;
}

/** Removes one sense or related word from the draft. */
function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="text-sm text-red-700 underline" onClick={onClick}>
      {label}
    </button>
  );
}

/** Adds a sense or related word to the draft. */
function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button type="button" variant="secondary" size="sm" onClick={onClick}>
      {label}
    </Button>
  );
}
