"use client";

import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "@/i18n/navigation";
import { Button } from "@/components/ui/button";
import { Input, Select, Textarea } from "@/components/ui/input";

type Target = "organizations" | "pupils" | "classifierItems" | "marks" | "attendance" | "budgetLines";
type Options = {
  encoding?: "utf-8" | "windows-1251";
  delimiter?: "," | ";" | "\t";
  sheet?: string;
  table?: string;
  query?: string;
};
type FieldMap = { column?: string; constant?: string; transform: string };
type Mapping = Record<string, FieldMap>;
type Outcome = "new" | "update" | "unchanged" | "duplicate" | "invalid";

interface Inspected {
  ref: { target: Target; sourceName: string; sourceSha256: string; options: Options };
  info: {
    kind: "csv" | "xlsx" | "sqlite";
    encoding?: string;
    delimiter?: string;
    sheets?: string[];
    sheet?: string;
    tables?: string[];
    table?: string;
    query?: string;
  };
  columns: string[];
  preview: string[][];
  fields: { name: string; required: boolean }[];
  suggestion: Mapping;
  profiles: { id: string; name: string; mapping: Mapping }[];
}

interface DryRun {
  counts: Record<Outcome, number>;
  results: { line: number; key: string; outcome: Outcome; changes: string[]; field?: string; reason?: string }[];
}

type Connection = {
  engine: "mysql" | "postgres";
  host: string;
  port: string;
  database: string;
  user: string;
  password: string;
};

const TRANSFORMS = ["none", "upper", "lower", "date", "decimal", "surname", "name", "patronymic"] as const;
const DELIMITER_KEYS = { ",": "comma", ";": "semicolon", "\t": "tab" } as const;
const OUTCOMES: Outcome[] = ["new", "update", "unchanged", "duplicate", "invalid"];

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) throw new Error(body?.error?.message ?? response.statusText);
  return body as T;
}

/**
 * The import wizard: upload → encoding, separator or sheet → mapping (suggested, or a saved profile) → dry
 * run with its report → run (then the run's page shows progress and the rollback).
 */
export function ImportWizard({ targets, databases = false }: { targets: Target[]; databases?: boolean }) {
  const t = useTranslations("import");
  const locale = useLocale();
  const router = useRouter();
  const [target, setTarget] = useState<Target>(targets[0]!);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [source, setSource] = useState<Inspected | null>(null);
  const [options, setOptions] = useState<Options>({});
  const [mapping, setMapping] = useState<Mapping>({});
  const [dry, setDry] = useState<DryRun | null>(null);
  const [profileName, setProfileName] = useState("");
  const [saved, setSaved] = useState(false);
  const [sourceKind, setSourceKind] = useState<"file" | "database">("file");
  const [connection, setConnection] = useState<Connection>({
    engine: "mysql",
    host: "",
    port: "",
    database: "",
    user: "",
    password: "",
  });
  const [tables, setTables] = useState<string[] | null>(null);
  const [liveTable, setLiveTable] = useState("");
  const [liveQuery, setLiveQuery] = useState("");
  const [readRows, setReadRows] = useState<number | null>(null);

  const api = (path: string) => `/api/v1/import/${path}${path.includes("?") ? "&" : "?"}locale=${locale}`;
  const post = (path: string, body: unknown) =>
    fetch(api(path), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  async function step<T>(label: string, work: () => Promise<T>): Promise<T | null> {
    setBusy(label);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError((e as Error).message);
      return null;
    } finally {
      setBusy(null);
    }
  }

  function show(inspected: Inspected) {
    setSource(inspected);
    setOptions({
      encoding: inspected.info.encoding as Options["encoding"],
      delimiter: inspected.info.delimiter as Options["delimiter"],
      sheet: inspected.info.sheet,
      table: inspected.info.table,
      query: inspected.info.query,
    });
    setMapping(inspected.suggestion);
    setDry(null);
  }

  async function upload() {
    if (!file) return;
    const inspected = await step("uploading", async () =>
      answer<Inspected>(
        await fetch(api(`sources?name=${encodeURIComponent(file.name)}&target=${target}`), {
          method: "POST",
          headers: { "content-type": "application/octet-stream" },
          body: file,
        }),
      ),
    );
    if (inspected) show(inspected);
  }

  const live = (action: "tables" | "read") => ({
    target,
    action,
    connection: { ...connection, port: connection.port || undefined },
    ...(action === "read" && liveQuery.trim()
      ? { query: liveQuery }
      : action === "read" && liveTable
        ? { table: liveTable }
        : {}),
  });

  async function listTables() {
    const answered = await step("uploading", async () =>
      answer<{ tables: string[] }>(await post("database", live("tables"))),
    );
    if (answered) {
      setTables(answered.tables);
      setLiveTable(answered.tables[0] ?? "");
    }
  }

  async function readDatabase() {
    const inspected = await step("uploading", async () =>
      answer<Inspected & { rows: number }>(await post("database", live("read"))),
    );
    if (inspected) {
      setReadRows(inspected.rows);
      show(inspected);
    }
  }

  const setConn = (change: Partial<Connection>) => setConnection((c) => ({ ...c, ...change }));

  async function reread() {
    if (!source) return;
    // a SELECT replaces the table: the two are not sent together
    const chosen = options.query?.trim() ? { ...options, table: undefined } : { ...options, query: undefined };
    const clean = Object.fromEntries(Object.entries(chosen).filter(([, v]) => v)) as Options;
    const inspected = await step("uploading", async () =>
      answer<Inspected>(await post("inspect", { ...source.ref, options: clean })),
    );
    if (inspected) show(inspected);
  }

  const mapped = () => ({
    ...source!.ref,
    mapping: Object.fromEntries(
      Object.entries(mapping)
        .filter(([, m]) => m.column || m.constant)
        .map(([k, m]) => [
          k,
          m.column ? { column: m.column, transform: m.transform } : { constant: m.constant, transform: m.transform },
        ]),
    ),
  });

  async function dryRun() {
    const report = await step("dryRunning", async () => answer<DryRun>(await post("dry-run", mapped())));
    if (report) setDry(report);
  }

  async function downloadReport() {
    await step("dryRunning", async () => {
      const response = await fetch(api("dry-run"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...mapped(), format: "csv" }),
      });
      if (!response.ok) await answer(response);
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = "import-dry-run.csv";
      a.click();
      URL.revokeObjectURL(url);
    });
  }

  async function run() {
    const started = await step("running", async () => answer<{ id: string }>(await post("runs", mapped())));
    if (started) router.push(`/admin/import/runs/${started.id}`);
  }

  async function saveProfile() {
    const ok = await step("running", async () =>
      answer(
        await post("profiles", { target, name: profileName, columns: source!.columns, mapping: mapped().mapping }),
      ),
    );
    if (ok) setSaved(true);
  }

  const set = (field: string, change: Partial<FieldMap>) =>
    setMapping((m) => ({ ...m, [field]: { transform: "none", ...m[field], ...change } }));

  return (
    <div className="space-y-6">
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="import-source">
        <h2 id="import-source" className="text-lg font-semibold">
          {t("source")}
        </h2>
        <div className="flex flex-wrap items-end gap-3">
          <label className="block text-sm">
            {t("target")}
            <Select
              name="target"
              value={target}
              onChange={(e) => {
                setTarget(e.target.value as Target);
                setSource(null);
              }}
              className="mt-1 block"
            >
              {targets.map((name) => (
                <option key={name} value={name}>
                  {t(`targets.${name}`)}
                </option>
              ))}
            </Select>
          </label>
          {databases && (
            <label className="block text-sm">
              {t("sourceKind")}
              <Select
                name="sourceKind"
                value={sourceKind}
                onChange={(e) => {
                  setSourceKind(e.target.value as "file" | "database");
                  setSource(null);
                }}
                className="mt-1 block"
              >
                <option value="file">{t("sourceKinds.file")}</option>
                <option value="database">{t("sourceKinds.database")}</option>
              </Select>
            </label>
          )}
          {sourceKind === "file" && (
            <>
              <label className="block text-sm">
                {t("file")}
                <input
                  type="file"
                  name="file"
                  accept=".csv,.tsv,.txt,.xlsx,.sqlite,.sqlite3,.db"
                  className="mt-1 block max-w-full text-sm"
                  onChange={(e) => setFile(e.target.files?.[0] ?? null)}
                />
              </label>
              <Button onClick={upload} disabled={!file || busy !== null}>
                {busy === "uploading" ? t("uploading") : t("upload")}
              </Button>
            </>
          )}
        </div>
        {sourceKind === "database" && (
          <div className="space-y-3" data-testid="import-database">
            <p className="text-sm text-slate-600">{t("connectionNote")}</p>
            <div className="flex flex-wrap items-end gap-3">
              <label className="block text-sm">
                {t("engine")}
                <Select
                  name="engine"
                  value={connection.engine}
                  onChange={(e) => setConn({ engine: e.target.value as Connection["engine"] })}
                  className="mt-1 block"
                >
                  <option value="mysql">MySQL / MariaDB</option>
                  <option value="postgres">PostgreSQL</option>
                </Select>
              </label>
              {(["host", "port", "database", "user", "password"] as const).map((key) => (
                <label key={key} className="block text-sm">
                  {t(key)}
                  <Input
                    name={key}
                    type={key === "password" ? "password" : key === "port" ? "number" : "text"}
                    autoComplete={key === "password" ? "new-password" : "off"}
                    value={connection[key]}
                    onChange={(e) => setConn({ [key]: e.target.value })}
                    className={key === "port" ? "mt-1 block w-24" : "mt-1 block w-full max-w-48"}
                  />
                </label>
              ))}
              <Button
                variant="secondary"
                onClick={listTables}
                disabled={!connection.host || !connection.database || !connection.user || busy !== null}
              >
                {t("connect")}
              </Button>
            </div>
            <div className="flex flex-wrap items-end gap-3">
              {tables && (
                <label className="block text-sm">
                  {t("table")}
                  <Select
                    name="liveTable"
                    value={liveTable}
                    onChange={(e) => setLiveTable(e.target.value)}
                    className="mt-1 block max-w-full"
                  >
                    {tables.map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </Select>
                </label>
              )}
              <label className="block w-full text-sm">
                {t("query")}
                <Textarea
                  name="liveQuery"
                  rows={3}
                  maxLength={10000}
                  value={liveQuery}
                  onChange={(e) => setLiveQuery(e.target.value)}
                  aria-describedby="import-live-query-hint"
                  density="sm"
                  className="mt-1 block w-full font-mono text-sm"
                />
                <span id="import-live-query-hint" className="text-xs text-slate-600">
                  {t("queryHint")}
                </span>
              </label>
              <Button
                onClick={readDatabase}
                disabled={(!liveTable && !liveQuery.trim()) || !connection.host || busy !== null}
              >
                {busy === "uploading" ? t("uploading") : t("read")}
              </Button>
            </div>
            {readRows !== null && source && <p role="status">{t("readRows", { rows: readRows })}</p>}
          </div>
        )}
        {error && (
          <p role="alert" className="text-sm text-red-800">
            {error}
          </p>
        )}
      </section>

      {source && (
        <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="import-read">
          <h2 id="import-read" className="text-lg font-semibold">
            {source.ref.sourceName}
          </h2>
          <div className="flex flex-wrap items-end gap-3">
            {source.info.kind === "csv" ? (
              <>
                <label className="block text-sm">
                  {t("encoding")}
                  <Select
                    value={options.encoding ?? ""}
                    onChange={(e) => setOptions({ ...options, encoding: e.target.value as Options["encoding"] })}
                    className="mt-1 block"
                  >
                    <option value="utf-8">UTF-8</option>
                    <option value="windows-1251">Windows-1251</option>
                  </Select>
                </label>
                <label className="block text-sm">
                  {t("delimiter")}
                  <Select
                    value={options.delimiter ?? ","}
                    onChange={(e) => setOptions({ ...options, delimiter: e.target.value as Options["delimiter"] })}
                    className="mt-1 block"
                  >
                    {([",", ";", "\t"] as const).map((d) => (
                      <option key={d} value={d}>
                        {t(`delimiters.${DELIMITER_KEYS[d]}`)}
                      </option>
                    ))}
                  </Select>
                </label>
              </>
            ) : source.info.kind === "sqlite" ? (
              <>
                <label className="block text-sm">
                  {t("table")}
                  <Select
                    name="table"
                    value={options.table ?? ""}
                    onChange={(e) => setOptions({ ...options, table: e.target.value, query: undefined })}
                    className="mt-1 block"
                  >
                    <option value="" disabled>
                      —
                    </option>
                    {(source.info.tables ?? []).map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </Select>
                </label>
                <label className="block w-full text-sm">
                  {t("query")}
                  <Textarea
                    name="query"
                    rows={3}
                    maxLength={10000}
                    value={options.query ?? ""}
                    onChange={(e) => setOptions({ ...options, query: e.target.value })}
                    aria-describedby="import-query-hint"
                    density="sm"
                    className="mt-1 block w-full font-mono text-sm"
                  />
                  <span id="import-query-hint" className="text-xs text-slate-600">
                    {t("queryHint")}
                  </span>
                </label>
              </>
            ) : (
              <label className="block text-sm">
                {t("sheet")}
                <Select
                  value={options.sheet ?? ""}
                  onChange={(e) => setOptions({ ...options, sheet: e.target.value })}
                  className="mt-1 block"
                >
                  {(source.info.sheets ?? []).map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </Select>
              </label>
            )}
            <Button variant="secondary" onClick={reread} disabled={busy !== null}>
              {t("reread")}
            </Button>
          </div>
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("preview")}>
            <table className="min-w-full text-sm">
              <caption className="text-left font-medium">{t("preview")}</caption>
              <thead>
                <tr>
                  {source.columns.map((c) => (
                    <th key={c} scope="col" className="border-b px-2 py-1 text-left">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {source.preview.map((row, i) => (
                  <tr key={i}>
                    {source.columns.map((c, j) => (
                      <td key={c} className="border-b border-slate-100 px-2 py-1">
                        {row[j] ?? ""}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      {source && (
        <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="import-mapping">
          <h2 id="import-mapping" className="text-lg font-semibold">
            {t("mapping")}
          </h2>
          {source.profiles.length > 0 && (
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span>{t("profiles")}:</span>
              {source.profiles.map((p) => (
                <Button key={p.id} size="sm" variant="secondary" onClick={() => setMapping(p.mapping)}>
                  {t("useProfile")}: {p.name}
                </Button>
              ))}
            </div>
          )}
          <div className="space-y-2">
            {source.fields.map((f) => {
              const m = mapping[f.name];
              const label = `${t(`fields.${f.name}` as "fields.bin")}${f.required ? ` (${t("required")})` : ""}`;
              return (
                <fieldset
                  key={f.name}
                  className="flex flex-wrap items-end gap-2 border-b border-slate-100 pb-2"
                  data-field={f.name}
                >
                  <legend className="text-sm font-medium">{label}</legend>
                  <label className="block text-xs">
                    {t("column")}
                    <Select
                      density="sm"
                      name={`column-${f.name}`}
                      value={m?.column ?? ""}
                      onChange={(e) => set(f.name, { column: e.target.value || undefined, constant: undefined })}
                      className="mt-1 block"
                    >
                      <option value="">{t("notMapped")}</option>
                      {source.columns.map((c) => (
                        <option key={c} value={c}>
                          {c}
                        </option>
                      ))}
                    </Select>
                  </label>
                  <label className="block text-xs">
                    {t("transform")}
                    <Select
                      density="sm"
                      name={`transform-${f.name}`}
                      value={m?.transform ?? "none"}
                      onChange={(e) => set(f.name, { transform: e.target.value })}
                      className="mt-1 block"
                    >
                      {TRANSFORMS.map((tr) => (
                        <option key={tr} value={tr}>
                          {t(`transforms.${tr}`)}
                        </option>
                      ))}
                    </Select>
                  </label>
                  <label className="block text-xs">
                    {t("constant")}
                    <Input
                      density="sm"
                      name={`constant-${f.name}`}
                      value={m?.constant ?? ""}
                      onChange={(e) => set(f.name, { constant: e.target.value || undefined, column: undefined })}
                      className="mt-1 block w-40"
                    />
                  </label>
                </fieldset>
              );
            })}
          </div>
          <div className="flex flex-wrap items-end gap-2">
            <label className="block text-sm">
              {t("profileName")}
              <Input value={profileName} onChange={(e) => setProfileName(e.target.value)} className="mt-1 block" />
            </label>
            <Button variant="secondary" onClick={saveProfile} disabled={!profileName.trim() || busy !== null}>
              {t("saveProfile")}
            </Button>
            {saved && <span role="status">{t("profileSaved")}</span>}
          </div>
          <div className="flex flex-wrap gap-2">
            <Button onClick={dryRun} disabled={busy !== null}>
              {busy === "dryRunning" ? t("dryRunning") : t("dryRun")}
            </Button>
          </div>
        </section>
      )}

      {source && dry && (
        <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="import-dry">
          <h2 id="import-dry" className="text-lg font-semibold">
            {t("dryRun")}
          </h2>
          <p role="status">{t("dryRunDone")}</p>
          <ul className="flex flex-wrap gap-3 text-sm" data-testid="dry-counts">
            {OUTCOMES.map((o) => (
              <li key={o} data-outcome={o}>
                {t(`outcomes.${o}`)}: <strong>{dry.counts[o]}</strong>
              </li>
            ))}
          </ul>
          {dry.results.length > 0 && (
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("dryRun")}>
              <table className="min-w-full text-sm" data-testid="dry-rows">
                <thead>
                  <tr>
                    {[t("line"), t("key"), t("outcome"), t("changes"), t("reason")].map((h) => (
                      <th key={h} scope="col" className="border-b px-2 py-1 text-left">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {dry.results.map((r) => (
                    <tr key={r.line} data-outcome={r.outcome}>
                      <td className="px-2 py-1 tabular-nums">{r.line}</td>
                      <td className="px-2 py-1 font-mono">{r.key}</td>
                      <td className="px-2 py-1">{t(`outcomes.${r.outcome}`)}</td>
                      <td className="px-2 py-1">{r.changes.map((c) => c.replace(/Id$/, "")).join(", ")}</td>
                      <td className="px-2 py-1">{r.reason ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="flex flex-wrap items-center gap-2">
            <Button variant="secondary" onClick={downloadReport} disabled={busy !== null}>
              {t("downloadReport")}
            </Button>
            <Button onClick={run} disabled={busy !== null}>
              {busy === "running" ? t("running") : t("run")}
            </Button>
            <span className="text-sm text-slate-600">{t("invalidSkipped")}</span>
          </div>
        </section>
      )}
    </div>
  );
}
