import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kindCode, NOTIFICATION_KINDS, type NotificationKind } from "./kinds";
import { renderNotification } from "./registry";
import type { RenderContext } from "./render";

function messagesOf(locale: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`messages/${locale}/reporting-review.json`, "utf8"));
}

function lookup(tree: Record<string, unknown>, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
}

/** A translator over the English messages that shows the key and its values, enough to see what was chosen. */
const en = messagesOf("en");
const t = Object.assign(
  (key: string, values?: Record<string, string | number | Date>) => `${key}${values ? JSON.stringify(values) : ""}`,
  { has: (key: string) => typeof lookup(en, key) === "string" },
);
const ctx: RenderContext = { locale: "en", t, formatDate: (d) => d.toISOString().slice(0, 10) };

describe("notification kinds", () => {
  it("every kind has its text in the three languages", () => {
    for (const locale of ["kk", "ru", "en"]) {
      const tree = messagesOf(locale);
      for (const kind of NOTIFICATION_KINDS)
        expect(typeof lookup(tree, `notifications.kinds.${kindCode(kind)}`), `${locale} ${kind}`).toBe("string");
    }
  });

  it("every kind renders through its module and leads where it did", () => {
    const href = (kind: NotificationKind, payload: Record<string, unknown>) =>
      renderNotification({ kind, payload }, ctx).href;
    expect(href("reporting_submitted", { submissionId: "s1", periodId: "p1" })).toBe("/admin/reporting/submissions/s1");
    expect(href("reporting_returned", { submissionId: "s1", periodId: "p1" })).toBe("/reporting/p1");
    expect(href("reporting_overdue_list", { periodId: "p1" })).toBe("/admin/reporting/board?period=p1&state=overdue");
    expect(href("services_new", { applicationId: "a1" })).toBe("/admin/services/a1");
    expect(href("services_approved", { applicationId: "a1" })).toBe("/account/services");
    expect(href("diary_message", {})).toBe("/diary");
    expect(href("forums_reply", { threadId: "t1", postNumber: 3 })).toBe("/forums/t/t1#post-3");
    expect(href("forums_mention", {})).toBeNull();
    for (const kind of NOTIFICATION_KINDS) expect(renderNotification({ kind, payload: {} }, ctx).text).toBeTruthy();
  });

  it("fills the texts from the payload and shows a reason", () => {
    const view = renderNotification(
      {
        kind: "reporting_returned",
        payload: {
          formCode: "D-1",
          periodLabel: "2026",
          organizationNameKk: "Мектеп",
          organizationNameRu: "Школа",
          organizationNameEn: "School",
          level: "DISTRICT",
          reason: "Check row 3",
        },
      },
      ctx,
    );
    expect(view.text).toContain('"organization":"School"');
    expect(view.text).toContain('"level":"levels.DISTRICT"');
    expect(view.detail).toBe('notifications.reason{"reason":"Check row 3"}');
    const moved = renderNotification({ kind: "services_queue_moved", payload: { from: 5, to: 3 } }, ctx);
    expect(moved.text).toBe('notifications.kinds.services.queue_moved{"from":"5","to":"3"}');
  });

  it("a kind without a text of its own shows the generic line with its code", () => {
    const bare: RenderContext = { ...ctx, t: Object.assign(t.bind(null), { has: () => false }) };
    expect(renderNotification({ kind: "forums_reply", payload: null }, bare)).toEqual({
      text: 'notifications.kinds.other{"kind":"forums.reply"}',
      detail: null,
      href: null,
    });
  });
});
