"use server";

import { getLocale } from "next-intl/server";
import { redirect } from "@/i18n/navigation";
import { action } from "../actions";
import { expire, TAGS } from "../cache";
import {
  approveRevision,
  proposeCreate,
  proposeDelete,
  proposeUpdate,
  rejectRevision,
  setChecked,
  withdrawRevision,
} from "./editing";
import {
  checkedInput,
  proposeCreateInput,
  proposeDeleteInput,
  proposeUpdateInput,
  reviewInput,
  withdrawInput,
} from "./schemas";

const toRevision = async (id: string) =>
  redirect({ href: `/admin/dictionary/revisions/${id}?sent=1`, locale: await getLocale() });

export const proposeCreateAction = action({
  permission: "dictionary.edit",
  schema: proposeCreateInput,
  handler: async ({ viewer, input }) => {
    const revision = await proposeCreate(viewer, input.draft, input.comment);
    await toRevision(revision.id);
  },
});

export const proposeUpdateAction = action({
  permission: "dictionary.edit",
  schema: proposeUpdateInput,
  handler: async ({ viewer, input }) => {
    const revision = await proposeUpdate(viewer, input);
    await toRevision(revision.id);
  },
});

export const proposeDeleteAction = action({
  permission: "dictionary.edit",
  schema: proposeDeleteInput,
  handler: async ({ viewer, input }) => {
    const revision = await proposeDelete(viewer, input);
    await toRevision(revision.id);
  },
});

export const reviewAction = action({
  permission: "dictionary.review",
  schema: reviewInput,
  handler: async ({ viewer, input }) => {
    if (input.decision === "approve") {
      await approveRevision(viewer, input);
      expire(TAGS.dictionary);
    } else await rejectRevision(viewer, input);
    redirect({ href: `/admin/dictionary/revisions/${input.revisionId}?reviewed=1`, locale: await getLocale() });
  },
});

export const withdrawAction = action({
  permission: "dictionary.edit",
  schema: withdrawInput,
  success: "lexicography.revision.withdrawn",
  handler: async ({ viewer, input }) => {
    await withdrawRevision(viewer, input.revisionId);
  },
});

export const setCheckedAction = action({
  permission: "dictionary.review",
  schema: checkedInput,
  success: "common.state.saved",
  handler: async ({ viewer, input }) => {
    await setChecked(viewer, input);
    expire(TAGS.dictionary);
  },
});
