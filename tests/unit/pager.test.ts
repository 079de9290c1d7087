import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

// The locale-aware Link needs Next's router; a plain anchor with the same href shows what the pager links to.
vi.mock("@/i18n/navigation", () => ({
  Link: ({
    href,
    children,
    ...rest
  }: {
    href: { pathname: string; query: Record<string, string> };
    children: ReactNode;
  }) => createElement("a", { href: `${href.pathname}?${new URLSearchParams(href.query)}`, ...rest }, children),
}));

const { Pager } = await import("@/components/ui/pager");

const labels = {
  label: "Pages",
  previous: "Previous",
  next: "Next",
  page: "Page {page} of {pages}",
  total: "Total: {total}",
};

describe("Pager", () => {
  it("is a named navigation landmark of links, the current page marked, the list's parameters kept", () => {
    const html = renderToStaticMarkup(
      createElement(Pager, { path: "/forums/x", query: { q: "a b" }, page: 5, pages: 20, labels }),
    );
    expect(html).toMatch(/^<nav aria-label="Pages"/);
    expect(html).toContain("Page 5 of 20");
    expect(html).not.toContain("<button");
    expect(html).toContain('<a href="/forums/x?q=a+b&amp;page=4" rel="prev"');
    expect(html).toContain('<a href="/forums/x?q=a+b&amp;page=6" rel="next"');
    expect(html.match(/aria-current="page"/g)).toHaveLength(1);
    expect(html).toMatch(/<a href="\/forums\/x\?q=a\+b&amp;page=5" aria-current="page"[^>]*>5<\/a>/);
  });

  it("shows nothing for a single page unless asked, and the total when asked", () => {
    expect(renderToStaticMarkup(createElement(Pager, { path: "/p", page: 1, pages: 1, labels }))).toBe("");
    const html = renderToStaticMarkup(
      createElement(Pager, { path: "/p", page: 1, pages: 1, total: 3, labels, showTotal: true, hideWhenSingle: false }),
    );
    expect(html).toContain("Total: 3");
    expect(html).not.toContain("Previous");
  });
});
