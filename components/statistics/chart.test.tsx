import { describe, expect, it, vi } from "vitest";
import type { ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { StatChart, type ChartDatum } from "./chart";

// the locale-aware link needs the framework's router; a plain anchor stands in for it
vi.mock("@/i18n/navigation", () => ({ Link: (props: ComponentProps<"a">) => <a {...props} /> }));

const render = (props: Parameters<typeof StatChart>[0]) => renderToStaticMarkup(<StatChart {...props} />);
const data: ChartDatum[] = [
  { label: "Ақмола", href: "/statistics/11", values: { boys: 30, girls: 10 } },
  { label: "Абай", values: { boys: 15, girls: 5 } },
  { label: "Алматы", values: { boys: null, girls: null } },
];

describe("the server-drawn chart", () => {
  it("draws bars in proportion on a rounded scale, stacks a stack and writes each value", () => {
    const html = render({
      kind: "bar",
      data,
      locale: "en",
      label: "Pupils",
      series: [
        { key: "boys", name: "Boys", stack: "all" },
        { key: "girls", name: "Girls", stack: "all" },
      ],
    });
    // 40 and 20 on a 0–40 scale: one bar full, one half; the hidden one has no bar and a dash
    expect(html).toContain("width:100%");
    expect(html).toContain("width:50%");
    expect(html).toContain(">40<");
    expect(html).toContain(">20<");
    expect(html).toContain(">—<");
    // stacked parts grow by their value; the legend names both series
    expect(html).toContain("flex-grow:30");
    expect(html).toContain("flex-grow:10");
    expect(html).toMatch(/Boys[\s\S]*Girls/);
    // the table beside it is what assistive technology reads
    expect(html).toMatch(/^<figure[^>]*aria-hidden="true"/);
    // a bar with a link drills down on click, out of the keyboard's way (the table's link is the one to tab to)
    expect(html).toMatch(/<a href="\/statistics\/11" tabindex="-1"/i);
  });

  it("breaks a line where a value is missing and puts rank 1 on top", () => {
    const years = [2021, 2022, 2023, 2024].map((y, i) => ({ label: String(y), values: { rank: [3, 1, null, 2][i]! } }));
    const html = render({
      kind: "line",
      data: years,
      locale: "en",
      label: "Rank",
      reverseY: true,
      series: [{ key: "rank", name: "Rank" }],
    });
    const d = /<path d="([^"]+)"/.exec(html)![1]!;
    expect(d.match(/M/g)).toHaveLength(2);
    // rank 1 at the top edge of the plot, rank 3 at the bottom
    expect(html).toContain("top:0%");
    expect(html).toContain("top:100%");
    expect(html).toContain("2022: 1");
  });

  it("shares of a donut, leaving out empty ones, and nothing at all without data", () => {
    const html = render({ kind: "donut", data, locale: "en", label: "Boys", series: [{ key: "boys", name: "Boys" }] });
    expect(html.match(/<path /g)).toHaveLength(2);
    expect(html).toContain("Ақмола: <span");
    expect(render({ kind: "bar", data: [], locale: "en", label: "x", series: [{ key: "a", name: "A" }] })).toBe("");
  });
});
