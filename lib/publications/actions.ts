"use server";

import { getLocale } from "next-intl/server";
import { z } from "zod";
import { redirect } from "@/i18n/navigation";
import { action, signedInAction } from "../actions";
import { AppError } from "../errors";
import { DECISIONS, MAX_COMMENT } from "./constants";
import { draftSchema, parsePublishAt } from "./schemas";
import { createDraft, decide, deleteDraft, submitForReview, updateDraft } from "./workflow";
import { removeAttachment } from "./attachments";
import { addComment, flagComment, moderateComment, rate } from "./discussion";
import { FLAG_REASONS } from "../forums/moderation";

const id = z.string().min(1).max(100);

export const saveDraftAction = action({
  permission: "publications.write",
  schema: draftSchema,
  handler: async ({ viewer, input }) => {
    const { id: existing, intent, version, ...data } = input;
    let publicationId = existing;
    if (existing) {
      if (version === undefined) throw new AppError("stale");
      await updateDraft(viewer, { id: existing, version, ...data });
    } else publicationId = (await createDraft(viewer, data)).id;
    if (intent === "submit") await submitForReview(viewer, publicationId!);
    if (!existing) redirect({ href: `/account/publications/${publicationId}?saved=1`, locale: await getLocale() });
    return { id: publicationId!, submitted: intent === "submit" };
  },
  success: (r) => ({ key: r.submitted ? "publications.messages.submitted" : "publications.messages.saved" }),
});

export const submitAction = action({
  permission: "publications.write",
  schema: z.object({ id }),
  handler: ({ viewer, input }) => submitForReview(viewer, input.id),
  success: "publications.messages.submitted",
});

export const deleteDraftAction = action({
  permission: "publications.write",
  schema: z.object({ id }),
  handler: async ({ viewer, input }) => {
    await deleteDraft(viewer, input.id);
    redirect({ href: "/account/publications", locale: await getLocale() });
  },
});

export const removeAttachmentAction = action({
  permission: "publications.write",
  schema: z.object({ attachmentId: id }),
  handler: ({ viewer, input }) => removeAttachment(viewer, input.attachmentId),
  success: "publications.messages.attachmentRemoved",
});

export const decideAction = action({
  permission: "publications.review",
  schema: z.object({
    id,
    decision: z.enum(DECISIONS),
    remarks: z.string().max(5000).default(""),
    // a local Almaty date-time from <input type="datetime-local">
    publishAt: z.string().max(40).optional().transform(parsePublishAt),
  }),
  handler: async ({ viewer, input }) => {
    if (input.publishAt && Number.isNaN(input.publishAt.getTime()))
      throw new AppError("validation", { publishAt: "validation.invalidOption" });
    return decide(viewer, input);
  },
  success: (r) => ({ key: `publications.decidedTo.${r.status}` }),
});

export const rateAction = signedInAction({
  schema: z.object({ id, value: z.coerce.number().int().min(1).max(5) }),
  handler: ({ viewer, input }) => rate(viewer, input),
  success: "publications.messages.rated",
});

export const commentAction = signedInAction({
  schema: z.object({ id, body: z.string().trim().min(1).max(MAX_COMMENT) }),
  handler: ({ viewer, input }) => addComment(viewer, input),
  success: (r) => ({
    key: r.status === "HELD" ? "publications.messages.commentHeld" : "publications.messages.commented",
  }),
});

export const moderateCommentAction = signedInAction({
  schema: z.object({ commentId: id, decision: z.enum(["hide", "restore"]) }),
  handler: ({ viewer, input }) => moderateComment(viewer, input),
});

export const flagCommentAction = signedInAction({
  schema: z.object({ commentId: id, reason: z.enum(FLAG_REASONS) }),
  handler: ({ viewer, input }) => flagComment(viewer, input.commentId, input.reason),
  success: "publications.messages.flagged",
});
