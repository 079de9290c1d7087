import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { saveProfile } from "@/lib/import/runs";
import { profileInput } from "@/lib/import/schemas";

export const dynamic = "force-dynamic";

/** Saves the wizard's mapping as a named profile of the person (the same name replaces it). */
export const POST = route({
  permission: "import.use",
  sameOrigin: true,
  body: profileInput,
  handler: async ({ viewer, body }) => {
    const saved = await saveProfile(viewer, body);
    return NextResponse.json({ id: saved.id, name: saved.name });
  },
});
