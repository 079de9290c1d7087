"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { action, signedInAction } from "../actions";
import { createThread, editPost, react, redactPost, replyToThread, setSubscription } from "./forums";
import { decidePost, flagPost, moderateThread, restrictUser } from "./moderation";
import { MAX_POST_LENGTH } from "./trust";

const id = z.string().min(1).max(100);
const body = z.string().trim().min(1).max(MAX_POST_LENGTH);

async function clientIp(): Promise<string | null> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
}

export const createThreadAction = signedInAction({
  schema: z.object({ categoryId: id, title: z.string().trim().min(3).max(200), body }),
  handler: async ({ viewer, input }) => createThread(viewer, input, { ip: await clientIp() }),
  success: (r) => ({ key: r.status === "HELD" ? "forums.held" : "forums.threadCreated" }),
});

export const replyAction = signedInAction({
  schema: z.object({
    threadId: id,
    body,
    replyToId: z
      .string()
      .max(100)
      .optional()
      .transform((v) => v || null),
  }),
  handler: async ({ viewer, input }) => replyToThread(viewer, input, { ip: await clientIp() }),
  success: (r) => ({ key: r.status === "HELD" ? "forums.held" : "forums.replied" }),
});

export const editPostAction = signedInAction({
  schema: z.object({ postId: id, body }),
  handler: ({ viewer, input }) => editPost(viewer, input),
  success: "forums.editedOk",
});

/** The author takes the earlier versions of their post out of its public history. */
export const redactPostAction = signedInAction({
  schema: z.object({ postId: id }),
  handler: ({ viewer, input }) => redactPost(viewer, input),
  success: (r) => ({ key: "forums.redaction.done", params: { count: r.redacted } }),
});

export const reactAction = signedInAction({
  schema: z.object({ postId: id, kind: z.string().min(1).max(20) }),
  handler: ({ viewer, input }) => react(viewer, input),
});

export const flagAction = signedInAction({
  schema: z.object({ postId: id, reason: z.string().min(1).max(20) }),
  handler: ({ viewer, input }) => flagPost(viewer, input),
  success: "forums.flagged",
});

export const subscribeAction = signedInAction({
  schema: z.object({ threadId: id, subscribed: z.enum(["true", "false"]).transform((v) => v === "true") }),
  handler: ({ viewer, input }) => setSubscription(viewer, input),
});

export const decidePostAction = action({
  permission: "forums.moderate",
  schema: z.object({ postId: id, decision: z.enum(["restore", "hide"]) }),
  handler: ({ viewer, input }) => decidePost(viewer, input),
  success: "forums.moderation.done",
});

export const moderateThreadAction = action({
  permission: "forums.moderate",
  schema: z.discriminatedUnion("op", [
    z.object({ threadId: id, op: z.enum(["lock", "unlock", "pin", "unpin", "hide", "restore"]) }),
    z.object({ threadId: id, op: z.literal("move"), categoryId: id }),
    z.object({ threadId: id, op: z.literal("slowMode"), seconds: z.coerce.number().int().min(0).max(86_400) }),
    z.object({ threadId: id, op: z.literal("merge"), intoThreadId: id }),
  ]),
  handler: ({ viewer, input }) => moderateThread(viewer, input),
  success: "forums.moderation.done",
});

export const restrictUserAction = action({
  permission: "forums.moderate",
  schema: z.object({
    userId: id,
    kind: z.enum(["silence", "suspend", "lift"]),
    days: z.coerce.number().int().min(1).max(365).optional(),
    reason: z.string().trim().min(1).max(500),
  }),
  handler: ({ viewer, input }) => restrictUser(viewer, input),
  success: "forums.moderation.done",
});
