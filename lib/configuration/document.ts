/**
 * The configuration's documentation as one document (issue 27), built from the same data as the pages:
 * the administrators' whole configuration (`adminDocument`: forms with their rules in words, indicators,
 * classifiers, processes, custom attributes, the roles × permissions matrix, rating methods, and the change
 * history of each) and its public part (`publicDocument`: indicators, the current year's forms, published
 * rating methods — nothing personal, no history). Written out by ./document-render.ts as HTML or PDF.
 */
import "server-only";
import { CATALOGUE, INDICATORS } from "../databank/catalogue";
import { formatDateTime } from "../format";
import { localName } from "../names";
import type { LocalizedText } from "../reporting/definition";
import { listProcesses } from "../reporting/process-admin";
import { listAttributeDefinitions } from "../registry/attributes";
import { classifierOptions } from "../classifiers/queries";
import { changeValue } from "../audit/queries";
import {
  documentedClassifiers,
  documentedForms,
  documentedRatingMethods,
  permissionMatrix,
  type DocumentedYear,
} from "./docs";
import { configurationHistory, type HistoryEntry, type HistorySection } from "./history";
import { ruleInWords } from "./rule-words";
import type { Block, DocumentModel } from "./document-render";

type Lang = keyof LocalizedText;
export type Translate = (key: string, params?: Record<string, string | number>) => string;

const langOf = (locale: string): Lang => (locale === "ru" || locale === "en" ? locale : "kk");

function formBlocks(years: DocumentedYear[], lang: Lang, t: Translate): Block[] {
  const l = (x: LocalizedText) => x[lang] || x.kk;
  const phrase = (key: string, params?: Record<string, string>) => t(`admin.configuration.words.${key}`, params);
  const blocks: Block[] = [];
  for (const y of years) {
    blocks.push({ kind: "h3", text: `${y.year} · ${t(`reporting.lists.statuses.${y.status}`)}` });
    for (const f of y.forms) {
      blocks.push({
        kind: "p",
        text: `${f.code} — ${l(f.name)} (${t("admin.configuration.formMeta", {
          version: f.version ?? 0,
          process: f.processCode ?? t("reporting.processes.standard"),
        })})`,
      });
      const items = f.sections.map(
        (s) =>
          `${l(s.title)} [${s.key}]: ` +
          (s.rows.length ? `${t("admin.configuration.rows")}: ${s.rows.map((r) => l(r.label)).join("; ")}. ` : "") +
          `${s.rows.length ? t("admin.configuration.columns") : t("admin.configuration.fields")}: ` +
          s.cells.map((c) => `${l(c.label)} (${c.key}, ${c.type})`).join("; "),
      );
      if (items.length) blocks.push({ kind: "list", items });
      if (f.rules.length)
        blocks.push({
          kind: "table",
          caption: `${f.code} · ${t("admin.configuration.rules")}`,
          head: [
            t("admin.configuration.rules"),
            t("admin.configuration.words.inWords"),
            t("admin.configuration.expression"),
          ],
          rows: f.rules.map((r) => [
            `${l(r.message)} (${t(`admin.configuration.severity.${r.severity}`)})`,
            ruleInWords(r.expression, f.sections, lang, phrase) ?? "—",
            r.expression,
          ]),
        });
    }
  }
  return blocks;
}

function indicatorBlock(t: Translate): Block {
  const d = (k: string) => t(`open-data.definitions.${k}`);
  return {
    kind: "table",
    caption: d("indicators"),
    head: [d("indicator"), d("source"), d("time"), d("persons"), d("splits")],
    rows: INDICATORS.map((code) => {
      const spec = CATALOGUE[code];
      return [
        `${t(`databank.indicator.${code}`)} (${code})`,
        spec.components
          .map((c) => `${c.formCode} · ${c.fact}${c.weight < 0 ? ` (${d("subtracted")})` : ""}`)
          .join("; "),
        d(`timeKinds.${spec.time}`),
        spec.persons ? d("smallCells") : "—",
        spec.splits.length ? spec.splits.map((s) => t(`databank.dimension.${s}`)).join(", ") : "—",
      ];
    }),
  };
}

function historyBlock(entries: HistoryEntry[], locale: string, t: Translate): Block {
  const h = (k: string) => t(`admin.configuration.history.${k}`);
  if (!entries.length) return { kind: "p", text: `${h("section")}: ${h("none")}`, muted: true };
  return {
    kind: "table",
    caption: h("section"),
    head: [t("admin.configuration.when"), t("admin.configuration.who"), t("admin.configuration.what")],
    rows: entries.map((e) => [
      formatDateTime(e.at, locale),
      e.actor ?? h("system"),
      `${e.entity} · ${h(`actions.${e.action === "create" || e.action === "delete" ? e.action : "update"}`)}: ` +
        e.changes
          .map((c) =>
            "before" in c && "after" in c
              ? `${c.field}: ${changeValue(c.before)} → ${changeValue(c.after)}`
              : `${c.field}: ${changeValue("after" in c ? c.after : c.before)}`,
          )
          .join("; "),
    ]),
  };
}

/** The whole configuration as the administrators' page shows it, with the change history of each part. */
export async function adminDocument(locale: string, t: Translate, now = new Date()): Promise<DocumentModel> {
  const lang = langOf(locale);
  const sections: HistorySection[] = ["forms", "classifiers", "processes", "attributes", "ratings"];
  const [years, classifiers, processes, methods, attributes, kinds, ...histories] = await Promise.all([
    documentedForms(),
    documentedClassifiers(),
    listProcesses(),
    documentedRatingMethods(),
    listAttributeDefinitions(),
    classifierOptions("ORG_KIND", locale),
    ...sections.map((s) => configurationHistory(s, { limit: 50 })),
  ]);
  const history = (s: HistorySection) => historyBlock(histories[sections.indexOf(s)]!, locale, t);
  const c = (k: string, p?: Record<string, string | number>) => t(`admin.configuration.${k}`, p);
  const tp = (k: string, p?: Record<string, string | number>) => t(`reporting.processes.${k}`, p);
  const tr = (k: string, p?: Record<string, string | number>) => t(`organizations.attributes.${k}`, p);
  const l = (x: LocalizedText) => x[lang] || x.kk;
  const kindName = new Map(kinds.map((k) => [k.code, k.label]));
  const matrix = permissionMatrix();
  return {
    lang,
    title: c("title"),
    subtitle: `${c("description")} ${c("generatedAt", { at: formatDateTime(now, locale) })}`,
    blocks: [
      { kind: "h2", text: c("sections.forms"), id: "forms" },
      ...formBlocks(years, lang, t),
      history("forms"),
      { kind: "h2", text: c("sections.indicators"), id: "indicators" },
      indicatorBlock(t),
      { kind: "h2", text: c("sections.classifiers"), id: "classifiers" },
      {
        kind: "table",
        caption: c("sections.classifiers"),
        head: [c("code"), c("name"), c("items")],
        rows: classifiers.map((x) => [x.code, l(x.name), String(x.items)]),
      },
      history("classifiers"),
      { kind: "h2", text: c("sections.processes"), id: "processes" },
      { kind: "p", text: tp("resolution"), muted: true },
      {
        kind: "table",
        caption: c("sections.processes"),
        head: [c("code"), c("name"), tp("chain"), tp("onLate"), tp("returnTo")],
        rows: processes.map((p) => [
          p.code,
          localName(p, locale),
          [
            tp("levels.ORGANIZATION"),
            ...p.levels.map((x) => `${tp(`levels.${x.level}`)} (${tp("days", { days: x.days })})`),
            tp("accepted"),
          ].join(" → "),
          tp(`onLateOptions.${p.onLate}`),
          tp(`returnToOptions.${p.returnTo}`),
        ]),
      },
      history("processes"),
      { kind: "h2", text: c("sections.attributes"), id: "attributes" },
      {
        kind: "table",
        caption: c("sections.attributes"),
        head: [
          c("code"),
          c("name"),
          c("attributes.type"),
          c("attributes.kinds"),
          c("attributes.required"),
          c("attributes.public"),
        ],
        rows: attributes.map((a) => [
          a.code,
          localName(a, locale),
          tr(`types.${a.type}`) +
            (a.type === "NUMBER" && (a.min !== null || a.max !== null)
              ? ` (${tr("range", { min: a.min ?? "—", max: a.max ?? "—" })})`
              : "") +
            (a.classifierCode ? ` (${a.classifierCode})` : ""),
          a.orgKinds.length ? a.orgKinds.map((k) => kindName.get(k) ?? k).join(", ") : tr("allKinds"),
          a.required ? c("yes") : "—",
          a.public ? c("yes") : "—",
        ]),
      },
      history("attributes"),
      { kind: "h2", text: c("sections.permissions"), id: "permissions" },
      {
        kind: "table",
        caption: c("sections.permissions"),
        head: [c("permission"), c("roles")],
        rows: matrix.rows.map((r) => [
          r.permission,
          matrix.roles
            .filter((role) => r.roles.has(role))
            .map((role) => t(`admin.roles.${role}`))
            .join(", "),
        ]),
      },
      { kind: "h2", text: c("sections.ratings"), id: "ratings" },
      {
        kind: "table",
        caption: c("sections.ratings"),
        head: [c("code"), c("name"), c("territory"), c("versions"), c("published")],
        rows: methods.map((m) => [m.code, l(m.name), l(m.territory), String(m.versions), String(m.published ?? "—")]),
      },
      history("ratings"),
    ],
  };
}

/** The public part: the indicator catalogue, the newest published year's forms and the published rating methods. */
export async function publicDocument(locale: string, t: Translate, now = new Date()): Promise<DocumentModel> {
  const lang = langOf(locale);
  const [years, methods] = await Promise.all([documentedForms(), documentedRatingMethods()]);
  const year = years.find((y) => y.status === "PUBLISHED") ?? null;
  const d = (k: string, p?: Record<string, string | number>) => t(`open-data.definitions.${k}`, p);
  const l = (x: LocalizedText) => x[lang] || x.kk;
  const published = methods.filter((m) => m.published !== null);
  return {
    lang,
    title: d("title"),
    subtitle: `${d("description")} ${t("admin.configuration.generatedAt", { at: formatDateTime(now, locale) })}`,
    blocks: [
      { kind: "h2", text: d("indicators") },
      indicatorBlock(t),
      { kind: "h2", text: year ? d("forms", { year: year.year }) : d("title") },
      ...(year ? formBlocks([year], lang, t) : [{ kind: "p" as const, text: d("noForms") }]),
      { kind: "h2", text: d("ratings") },
      published.length
        ? {
            kind: "table",
            caption: d("ratings"),
            head: [d("method"), d("version")],
            rows: published.map((m) => [`${l(m.name)} · ${l(m.territory)}`, String(m.published)]),
          }
        : { kind: "p", text: d("noRatings") },
    ],
  };
}
