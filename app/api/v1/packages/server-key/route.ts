import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { serverKey } from "@/lib/packages/server-key";

export const dynamic = "force-dynamic";

/** The public key that signs receipts: `{ algorithm, keyId, publicKey }` (SPKI PEM). */
export const GET = route({
  access: "public",
  handler: async () => {
    const key = await serverKey();
    return NextResponse.json(
      { algorithm: "ed25519", keyId: key.keyId, publicKey: key.publicKeyPem },
      { headers: { "cache-control": "public, max-age=300" } },
    );
  },
});
