/** Renders HTML produced on the server from trusted or sanitised Markdown. */
export function Prose({ html, lang }: { html: string; lang?: string }) {
  return (
    <article
      lang={lang}
      className="prose max-w-3xl rounded-lg bg-white p-6 shadow-sm"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
