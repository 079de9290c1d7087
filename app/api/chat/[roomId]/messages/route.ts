import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http";
import { postChatMessage, roomMessages } from "@/lib/forums/chat";
import { MAX_CHAT_LENGTH } from "@/lib/forums/trust";

export const dynamic = "force-dynamic";

const params = z.object({ roomId: z.string() });

/** A page of a room's messages for its members: the latest, those before one (scrolling up) or after one (polling). */
export const GET = route({
  // membership of the room is checked by roomMessages
  access: "signedIn",
  params,
  query: z.object({
    before: z.string().max(100).optional(),
    after: z.string().max(100).optional(),
  }),
  handler: async ({ params, query, viewer }) =>
    NextResponse.json(
      { messages: await roomMessages(viewer, params.roomId, query) },
      { headers: { "cache-control": "no-store" } },
    ),
});

/** A member posts a message; it is stored and sent to every open stream of the room. */
export const POST = route({
  access: "signedIn",
  // JSON only and from this site: a cross-site form cannot post in someone's name.
  sameOrigin: true,
  params,
  body: z.object({ body: z.string().trim().min(1).max(MAX_CHAT_LENGTH) }),
  handler: async ({ params, body, viewer }) =>
    NextResponse.json(
      { message: await postChatMessage(viewer, { roomId: params.roomId, body: body.body }) },
      { status: 201 },
    ),
});
