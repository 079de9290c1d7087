import { getTranslations } from "next-intl/server";
import type { DocumentedYear } from "@/lib/configuration/docs";
import type { LocalizedText } from "@/lib/reporting/definition";
import { ruleInWords } from "@/lib/configuration/rule-words";

/**
 * The forms of each year as the configuration documents them: per form its sections (rows, columns or fields
 * with their keys and types) and its rules in words beside their expressions. Used by the administrators'
 * configuration page and the public definitions page.
 */
export async function FormsDocumentation({ years, locale }: { years: DocumentedYear[]; locale: string }) {
  const t = await getTranslations("admin.configuration");
  const tp = await getTranslations("reporting.processes");
  const tl = await getTranslations("reporting.lists");
  const tw = await getTranslations("admin.configuration.words");
  const phrase = (key: string, params?: Record<string, string>) => tw(key as "eq", params);
  const lang = (["kk", "ru", "en"].includes(locale) ? locale : "kk") as keyof LocalizedText;
  const l = (x: LocalizedText) => x[locale as keyof LocalizedText] ?? x.kk;
  return years.map((y) => (
    <div key={y.year} className="mb-4">
      <h3 className="mb-2 text-lg font-semibold">
        {y.year} · {tl(`statuses.${y.status as "DRAFT" | "PUBLISHED"}`)}
      </h3>
      <ul className="space-y-2">
        {y.forms.map((f) => (
          <li key={f.id} className="rounded-lg bg-white p-3 shadow-sm" data-form={f.code}>
            <details>
              <summary className="cursor-pointer font-medium">
                {f.code} — {l(f.name)}{" "}
                <span className="text-sm font-normal text-slate-600">
                  ({t("formMeta", { version: f.version ?? 0, process: f.processCode ?? tp("standard") })})
                </span>
              </summary>
              {f.sections.map((s) => (
                <div key={s.key} className="mt-2 text-sm">
                  <h4 className="font-semibold">
                    {l(s.title)} <code className="text-slate-600">{s.key}</code>
                  </h4>
                  {s.rows.length > 0 && (
                    <p>
                      {t("rows")}: {s.rows.map((r) => l(r.label)).join("; ")}
                    </p>
                  )}
                  <p>
                    {s.rows.length > 0 ? t("columns") : t("fields")}:{" "}
                    {s.cells.map((c) => `${l(c.label)} (${c.key}, ${c.type})`).join("; ")}
                  </p>
                </div>
              ))}
              {f.rules.length > 0 && (
                <div className="mt-2 text-sm">
                  <h4 className="font-semibold">{t("rules")}</h4>
                  <ol className="list-decimal space-y-1 pl-5">
                    {f.rules.map((r, i) => {
                      const words = ruleInWords(r.expression, f.sections, lang, phrase);
                      return (
                        <li key={i}>
                          {l(r.message)} <span className="text-slate-600">({t(`severity.${r.severity}`)})</span>{" "}
                          <code className="break-all text-slate-700">{r.expression}</code>
                          {words && (
                            <span className="block text-slate-700" data-testid="rule-words">
                              {tw("inWords")}: {words}
                            </span>
                          )}
                        </li>
                      );
                    })}
                  </ol>
                </div>
              )}
            </details>
          </li>
        ))}
      </ul>
    </div>
  ));
}
