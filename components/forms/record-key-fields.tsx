/** The hidden id and version of the record a form edits (the version refuses a stale save). */
export function RecordKeyFields({ id, version }: { id: string; version: number }) {
  return (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}
