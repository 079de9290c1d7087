/**
 * Markdown → safe HTML on the server (forum posts, publications and their comments). `marked` renders (raw
 * HTML in the source is escaped, not passed through), then `sanitize-html` keeps an allow-list of tags and
 * attributes: no scripts, styles, event handlers or frames; links only to http(s)/mailto or relative paths,
 * with rel="nofollow ugc".
 */
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const marked = new Marked({ gfm: true, breaks: true, async: false });
// Raw HTML written into a post is shown as text, never interpreted.
marked.use({
  renderer: {
    html({ text }) {
      return escapeHtml(text);
    },
    // Images are not embedded (no tracking pixels): they become links to the picture.
    image({ href, text }) {
      return `<a href="${escapeHtml(href)}">${escapeHtml(text || href)}</a>`;
    },
  },
});

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** The only elements sanitised HTML may contain. */
export const ALLOWED_TAGS: readonly string[] = [
  "p",
  "br",
  "hr",
  "strong",
  "em",
  "del",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "a",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "span",
];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...ALLOWED_TAGS],
  allowedAttributes: { a: ["href", "title"], ol: ["start"], span: ["class"] },
  allowedClasses: { span: ["mention"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "escape",
  // Heading 1 is the page's own: a raw <h1> becomes a level-2 heading (Markdown headings are shifted by
  // `shiftHeadings` before sanitising, so they keep their order).
  transformTags: {
    h1: "h2",
    // A link to anything but http(s), mailto or a path of this site keeps its text and loses the link.
    a: (tagName, attribs) =>
      safeHref(attribs.href)
        ? { tagName, attribs: { ...attribs, rel: "nofollow ugc noopener", target: "_blank" } }
        : { tagName: "span", attribs: {} },
  },
};

function safeHref(href: string | undefined): boolean {
  if (!href) return false;
  // sanitize-html hands over the decoded value; control characters and spaces hide schemes from naive checks
  const compact = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
  if (compact.startsWith("//") || compact.startsWith("\\\\") || compact.startsWith("/\\")) return false;
  if (compact.startsWith("/") || compact.startsWith("#")) return true;
  return /^(https?:|mailto:)/.test(compact);
}
// rel and target are added by the transform after filtering, so they are allowed on links explicitly.
SANITIZE.allowedAttributes = { ...SANITIZE.allowedAttributes, a: ["href", "title", "rel", "target"] };

/** Sanitises HTML with the forum allow-list (exported for the tests of the allow-list itself). */
export function sanitize(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}

const MENTION = /(^|[\s(])@([a-z0-9][a-z0-9_.-]{1,31})/gi;

/** Logins mentioned as @login in a post (lower-cased, unique). */
export function mentionsOf(markdown: string): string[] {
  const found = new Set<string>();
  for (const m of markdown.replace(/```[\s\S]*?```|`[^`]*`/g, "").matchAll(MENTION))
    found.add(m[2]!.toLowerCase().replace(/[.-]+$/, ""));
  return [...found];
}

/**
 * Moves a text's headings under the page's own h1: its highest level becomes h2 and the others follow it
 * one step at a time as written ("##" then "####" → h2, h4), so a page never jumps from h1 to h4.
 */
function shiftHeadings(html: string): string {
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
  if (!levels.length) return html;
  const shift = 2 - Math.min(...levels);
  if (shift === 0) return html;
  return html.replace(/<(\/?)h([1-6])([\s>])/g, (_, close: string, level: string, after: string) => {
    return `<${close}h${Math.min(6, Number(level) + shift)}${after}`;
  });
}

/** Renders a post's Markdown to sanitised HTML; mentions become highlighted spans. */
export function renderMarkdown(markdown: string): string {
  const html = shiftHeadings(marked.parse(markdown) as string);
  const withMentions = html.replace(
    /(^|[\s(>])@([a-z0-9][a-z0-9_.-]{1,31})(?![^<]*<\/(?:code|a)>)/gi,
    '$1<span class="mention">@$2</span>',
  );
  return sanitize(withMentions);
}

/** Number of links in a post (the trust level limits them). */
export function linkCount(markdown: string): number {
  const html = marked.parse(markdown) as string;
  return (html.match(/<a\s/gi) ?? []).length;
}

/** Plain text of a post (search documents, notifications). */
export function plainText(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown) as string, { allowedTags: [], allowedAttributes: {} })
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
