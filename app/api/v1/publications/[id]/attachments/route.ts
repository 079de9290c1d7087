import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { MAX_FILE_BYTES } from "@/lib/files/store";
import { addAttachment } from "@/lib/publications/attachments";

export const dynamic = "force-dynamic";

/**
 * Uploads one attachment (or, with `?cover=1`, the cover image) of the author's editable publication. The
 * request body is the file itself (`?name=` gives its file name); it is streamed into the store, never held
 * in memory, and refused when over 20 MB (413) or when its content is not what its name claims (415).
 */
export const POST = route({
  // that the publication is the author's and still editable is checked by addAttachment
  permission: "publications.write",
  params: z.object({ id: z.string() }),
  handler: async ({ request, viewer, params, url }) => {
    const name = url.searchParams.get("name") ?? "";
    if (!name || name.length > 255) throw new AppError("validation", { file: "validation.required" });
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (declared > MAX_FILE_BYTES)
      throw new AppError("validation", { file: "files.tooLarge" }, { max: MAX_FILE_BYTES / 1024 / 1024 });
    if (!request.body) throw new AppError("validation", { file: "files.empty" });
    const result = await addAttachment(
      viewer,
      { id: params.id, fileName: name, cover: url.searchParams.get("cover") === "1" },
      request.body,
    );
    return NextResponse.json(result, { status: 201 });
  },
});
