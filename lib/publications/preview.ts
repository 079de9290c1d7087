"use server";

import { z } from "zod";
import { signedInAction } from "../actions";
import { renderMarkdown } from "../markdown";
import { MAX_BODY } from "./constants";

/**
 * Live preview of the author's Markdown with the same sanitising renderer as the published page: signed-in
 * people only; text past the body's limit is not rendered. Driven by the editor, so the page is not refreshed.
 */
export const previewMarkdownAction = signedInAction({
  schema: z.object({ body: z.string().default("") }),
  refresh: false,
  handler: async ({ input }) => renderMarkdown(input.body.slice(0, MAX_BODY)),
});
