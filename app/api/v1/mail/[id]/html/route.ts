import { z } from "zod";
import { route } from "@/lib/http";
import { MAIL_HTML_POLICY, mailDetail } from "@/lib/mail/admin";

export const dynamic = "force-dynamic";

/**
 * The HTML part of one mail of the outbox, for the ministry administrator's /admin/mail/<id> (framed there).
 * Served under a policy that lets nothing run or load: inline styles and data: images only, no scripts,
 * sandboxed, framed only by the portal's own pages.
 */
export const GET = route({
  permission: "mail.read",
  params: z.object({ id: z.string().regex(/^[0-9]{1,18}$/) }),
  handler: async ({ params, viewer }) => {
    const { mail } = await mailDetail(viewer, params.id);
    return new Response(mail.html, {
      headers: {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": MAIL_HTML_POLICY,
        "x-frame-options": "SAMEORIGIN",
        "referrer-policy": "no-referrer",
        "cache-control": "no-store",
      },
    });
  },
});
