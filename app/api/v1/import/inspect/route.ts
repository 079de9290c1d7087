import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { inspectSource } from "@/lib/import/runs";
import { sourceRef } from "@/lib/import/schemas";

export const dynamic = "force-dynamic";

/** A stored source read again with the encoding, separator or sheet the person chose: columns, first rows, suggestion. */
export const POST = route({
  permission: "import.use",
  sameOrigin: true,
  body: sourceRef,
  handler: async ({ viewer, body }) =>
    NextResponse.json(
      { ref: body, ...(await inspectSource(viewer, body)) },
      { headers: { "cache-control": "no-store" } },
    ),
});
