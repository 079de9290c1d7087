/** RSS 2.0 and Atom 1.0 documents for the news feed of one locale (pure). */
export interface FeedItem {
  id: string;
  title: string;
  summary: string;
  url: string;
  publishedAt: Date;
  updatedAt: Date;
  author: string;
}

export interface Feed {
  title: string;
  description: string;
  siteUrl: string;
  feedUrl: string;
  language: string;
  items: FeedItem[];
}

export function xmlEscape(text: string): string {
  // Characters not allowed in XML 1.0 are dropped.
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function rss(feed: Feed): string {
  const items = feed.items
    .map(
      (i) => `    <item>
      <title>${xmlEscape(i.title)}</title>
      <link>${xmlEscape(i.url)}</link>
      <guid isPermaLink="true">${xmlEscape(i.url)}</guid>
      <pubDate>${i.publishedAt.toUTCString()}</pubDate>
      <description>${xmlEscape(i.summary)}</description>
    </item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${xmlEscape(feed.title)}</title>
    <link>${xmlEscape(feed.siteUrl)}</link>
    <description>${xmlEscape(feed.description)}</description>
    <language>${feed.language}</language>
    <atom:link href="${xmlEscape(feed.feedUrl)}" rel="self" type="application/rss+xml"/>
${items}
  </channel>
</rss>
`;
}

export function atom(feed: Feed): string {
  const updated = feed.items.reduce((max, i) => (i.updatedAt > max ? i.updatedAt : max), new Date(0));
  const entries = feed.items
    .map(
      (i) => `  <entry>
    <id>${xmlEscape(i.url)}</id>
    <title>${xmlEscape(i.title)}</title>
    <link href="${xmlEscape(i.url)}"/>
    <published>${i.publishedAt.toISOString()}</published>
    <updated>${i.updatedAt.toISOString()}</updated>
    <author><name>${xmlEscape(i.author)}</name></author>
    <summary>${xmlEscape(i.summary)}</summary>
  </entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.language}">
  <id>${xmlEscape(feed.feedUrl)}</id>
  <title>${xmlEscape(feed.title)}</title>
  <subtitle>${xmlEscape(feed.description)}</subtitle>
  <link href="${xmlEscape(feed.siteUrl)}"/>
  <link rel="self" href="${xmlEscape(feed.feedUrl)}"/>
  <updated>${updated.toISOString()}</updated>
${entries}
</feed>
`;
}
