import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/http";
import { serverKey } from "@/lib/packages/server-key";

export const dynamic = "force-dynamic";

/** The public key that signs receipts: `{ algorithm, keyId, publicKey }` (SPKI PEM). */
export async function GET(request: Request) {
  try {
    const key = await serverKey();
    return NextResponse.json(
      { algorithm: "ed25519", keyId: key.keyId, publicKey: key.publicKeyPem },
      { headers: { "cache-control": "public, max-age=300" } },
    );
  } catch (error) {
    return errorResponse(error, request);
  }
}
