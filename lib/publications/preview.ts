"use server";

import { getViewer } from "../auth/viewer";
import { renderMarkdown } from "../markdown";
import { MAX_BODY } from "./constants";

/** Live preview of the author's Markdown with the same sanitising renderer as the published page. */
export async function previewMarkdown(body: string): Promise<string> {
  if (typeof body !== "string" || !(await getViewer())) return "";
  return renderMarkdown(body.slice(0, MAX_BODY));
}
