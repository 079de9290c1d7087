/**
 * Every mail of the portal, in one place: one MJML layout (responsive HTML that mail clients render alike)
 * and the templates that fill it, each with an HTML and a plain-text part in the recipient's language, the
 * portal's name and an absolute link (publicUrl) to the exact page. The layout is compiled by MJML once per
 * language and shape and cached; a mail then only escapes its values into the compiled slots, so rendering
 * costs microseconds and a queue of 100,000 notifications is not held up by it.
 */
import mjml2html from "mjml";
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/i18n/messages";
import { isLocale, routing, type Locale } from "@/i18n/routing";
import { publicUrl } from "../env";
import { NotificationKind } from "../notifications/kinds";
import { renderNotification } from "../notifications/registry";
import { formatDate } from "../time";

export const MAIL_TEMPLATES = ["account.verify", "password.reset", "notification", "digest"] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  /** The page the mail leads to (absolute). */
  url: string | null;
  /** One-click unsubscribe (List-Unsubscribe, answered to a POST), for notification mail. */
  unsubscribeUrl: string | null;
}

/** A topic's unsubscribe token as the two links: the one-click POST endpoint and the page with a button. */
function unsubscribeLinks(locale: Locale, token: string) {
  if (!token) return { post: null, page: null };
  return {
    post: publicUrl(`/api/v1/mail/unsubscribe?token=${encodeURIComponent(token)}`),
    page: pageUrl(locale, `/unsubscribe/${encodeURIComponent(token)}`),
  };
}

type Translate = { (key: string, values?: Record<string, string | number | Date>): string; has(key: string): boolean };

const translators = new Map<string, Translate>();

function translator(locale: Locale, namespace: "mail" | "reporting-review" | "common"): Translate {
  const key = `${locale}:${namespace}`;
  let t = translators.get(key);
  if (!t) {
    t = createTranslator({ locale, messages: loadMessages(locale) as never, namespace: namespace as never }) as never;
    translators.set(key, t!);
  }
  return t!;
}

/** The parts of a mail before the layout. */
interface Parts {
  subject: string;
  heading: string;
  paragraphs: string[];
  action: { label: string; url: string } | null;
  note: string | null;
  unsubscribeUrl: string | null;
  unsubscribePage: string | null;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** Slots of the compiled layout: plain words MJML leaves untouched, replaced by escaped values. */
const SLOT = {
  heading: "MAILSLOTHEADING",
  body: "MAILSLOTBODY",
  label: "MAILSLOTLABEL",
  url: "MAILSLOTURL",
  note: "MAILSLOTNOTE",
  unsubscribe: "MAILSLOTUNSUBSCRIBE",
} as const;

const layouts = new Map<string, Promise<string>>();

function layoutMjml(locale: Locale, withAction: boolean, withUnsubscribe: boolean): string {
  const t = translator(locale, "mail");
  const tc = translator(locale, "common");
  const portal = `${tc("siteName")} — ${tc("siteFullName")}`;
  return `<mjml lang="${locale}">
  <mj-head>
    <mj-title>${escapeHtml(portal)}</mj-title>
    <mj-attributes><mj-all font-family="Arial, Helvetica, sans-serif" /><mj-text font-size="15px" line-height="22px" color="#1e293b" /></mj-attributes>
  </mj-head>
  <mj-body background-color="#f1f5f9">
    <mj-section background-color="#0f4c81"><mj-column>
      <mj-text color="#ffffff" font-size="16px" font-weight="bold">${escapeHtml(portal)}</mj-text>
    </mj-column></mj-section>
    <mj-section background-color="#ffffff"><mj-column>
      <mj-text font-size="20px" font-weight="bold">${SLOT.heading}</mj-text>
      <mj-text>${SLOT.body}</mj-text>
      ${
        withAction
          ? `<mj-button href="${SLOT.url}" background-color="#0f4c81" color="#ffffff" align="left">${SLOT.label}</mj-button>
      <mj-text font-size="13px" color="#475569">${escapeHtml(t("openLink"))}<br /><a href="${SLOT.url}">${SLOT.url}</a></mj-text>`
          : ""
      }
      <mj-text font-size="13px" color="#475569">${SLOT.note}</mj-text>
    </mj-column></mj-section>
    <mj-section><mj-column>
      <mj-text font-size="12px" color="#64748b">${escapeHtml(t("footer"))}${
        withUnsubscribe ? ` <a href="${SLOT.unsubscribe}">${escapeHtml(t("unsubscribe"))}</a>` : ""
      }</mj-text>
    </mj-column></mj-section>
  </mj-body>
</mjml>`;
}

async function compiledLayout(locale: Locale, withAction: boolean, withUnsubscribe: boolean): Promise<string> {
  const key = `${locale}:${withAction}:${withUnsubscribe}`;
  let html = layouts.get(key);
  if (!html) {
    html = Promise.resolve(mjml2html(layoutMjml(locale, withAction, withUnsubscribe), { validationLevel: "strict" }))
      .then((r) => {
        if (r.errors.length) throw new Error(`Mail layout: ${r.errors.map((e) => e.formattedMessage).join("; ")}`);
        return r.html;
      })
      .catch((error: unknown) => {
        layouts.delete(key);
        throw error;
      });
    layouts.set(key, html);
  }
  return html;
}

async function layout(locale: Locale, parts: Parts): Promise<RenderedMail> {
  const compiled = await compiledLayout(locale, parts.action !== null, parts.unsubscribePage !== null);
  const values: Record<string, string> = {
    [SLOT.heading]: escapeHtml(parts.heading),
    [SLOT.body]: parts.paragraphs.map((p) => escapeHtml(p)).join("<br /><br />"),
    [SLOT.label]: escapeHtml(parts.action?.label ?? ""),
    [SLOT.url]: escapeHtml(parts.action?.url ?? ""),
    [SLOT.note]: escapeHtml(parts.note ?? ""),
    [SLOT.unsubscribe]: escapeHtml(parts.unsubscribePage ?? ""),
  };
  const html = compiled.replace(/MAILSLOT[A-Z]+/g, (slot) => values[slot] ?? slot);
  const t = translator(locale, "mail");
  const tc = translator(locale, "common");
  const text = [
    `${tc("siteName")} — ${tc("siteFullName")}`,
    "",
    parts.heading,
    "",
    ...parts.paragraphs.flatMap((p) => [p, ""]),
    ...(parts.action ? [`${parts.action.label}: ${parts.action.url}`, ""] : []),
    ...(parts.note ? [parts.note, ""] : []),
    "--",
    t("footer"),
    ...(parts.unsubscribePage ? [`${t("unsubscribe")}: ${parts.unsubscribePage}`] : []),
  ].join("\n");
  return {
    subject: parts.subject,
    html,
    text,
    url: parts.action?.url ?? null,
    unsubscribeUrl: parts.unsubscribeUrl,
  };
}

export type MailParams = Record<string, unknown>;

const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

/** The mail's language: the stored one when it is a locale, else the default. */
export function mailLocale(locale: string | null | undefined): Locale {
  return isLocale(locale) ? locale : routing.defaultLocale;
}

/** A path of the portal in the recipient's language as an absolute URL ("/account" → https://…/ru/account). */
export function pageUrl(locale: Locale, path: string): string {
  return publicUrl(`/${locale}${path.startsWith("/") ? path : `/${path}`}`);
}

/** How a notification reads in the recipient's language (the in-portal renderer of its module). */
function notificationView(locale: Locale, kindName: unknown, payload: unknown) {
  const kind = str(kindName) as NotificationKind;
  if (!(kind in NotificationKind)) throw new Error(`Unknown notification kind "${kind}"`);
  return renderNotification(
    { kind, payload },
    { locale, t: translator(locale, "reporting-review"), formatDate: (d) => formatDate(d, locale) },
  );
}

/**
 * Renders a stored mail. Params by template — account.verify: name, token; password.reset: name, login, token;
 * notification: kind (enum name), payload (as stored on the notification), unsubscribe (signed token, optional);
 * digest: items (kind and payload of each notification).
 */
export async function renderMail(template: string, localeCode: string, params: MailParams): Promise<RenderedMail> {
  const locale = mailLocale(localeCode);
  const t = translator(locale, "mail");
  switch (template) {
    case "account.verify":
      return layout(locale, {
        subject: t("templates.account_verify.subject"),
        heading: t("templates.account_verify.heading"),
        paragraphs: [t("templates.account_verify.body", { name: str(params.name) })],
        action: {
          label: t("templates.account_verify.action"),
          url: pageUrl(locale, `/verify-email/${encodeURIComponent(str(params.token))}`),
        },
        note: t("templates.account_verify.ignore"),
        unsubscribeUrl: null,
        unsubscribePage: null,
      });
    case "password.reset":
      return layout(locale, {
        subject: t("templates.password_reset.subject"),
        heading: t("templates.password_reset.heading"),
        paragraphs: [t("templates.password_reset.body", { name: str(params.name), login: str(params.login) })],
        action: {
          label: t("templates.password_reset.action"),
          url: pageUrl(locale, `/reset-password/${encodeURIComponent(str(params.token))}`),
        },
        note: t("templates.password_reset.ignore"),
        unsubscribeUrl: null,
        unsubscribePage: null,
      });
    case "notification": {
      const view = notificationView(locale, params.kind, params.payload);
      const links = unsubscribeLinks(locale, str(params.unsubscribe));
      return layout(locale, {
        subject: view.text,
        heading: view.text,
        paragraphs: view.detail ? [view.detail] : [],
        action: { label: t("templates.notification.action"), url: pageUrl(locale, view.href ?? "/notifications") },
        note: t("templates.notification.why"),
        unsubscribeUrl: links.post,
        unsubscribePage: links.page,
      });
    }
    case "digest": {
      const items = Array.isArray(params.items) ? (params.items as { kind?: unknown; payload?: unknown }[]) : [];
      const views = items.flatMap((i) => {
        try {
          return [notificationView(locale, i.kind, i.payload)];
        } catch {
          return [];
        }
      });
      return layout(locale, {
        subject: t("templates.digest.subject", { count: views.length }),
        heading: t("templates.digest.heading"),
        paragraphs: views.map((v) => (v.detail ? `${v.text} — ${v.detail}` : v.text)),
        action: { label: t("templates.digest.action"), url: pageUrl(locale, "/notifications") },
        note: t("templates.digest.why"),
        unsubscribeUrl: null,
        unsubscribePage: null,
      });
    }
    default:
      throw new Error(`Unknown mail template "${template}"`);
  }
}
