import { NextResponse } from "next/server";
import { route } from "@/lib/http";
import { PUBLIC_LIMITS } from "@/lib/rate-limit/public";
import { KEY_HEADER, MAX_PACKAGE_BYTES, SIGNATURE_HEADER } from "@/lib/packages/format";
import { receivePackage } from "@/lib/packages/receive";

export const dynamic = "force-dynamic";

/** Reads the body up to `limit + 1` bytes (a larger body is refused without being read to the end). */
async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  return Buffer.concat(chunks);
}

/**
 * Receives a data package (docs/packages.md): the body is the package JSON, the headers carry the key id
 * and the detached Ed25519 signature of the exact body bytes. The answer is always a signed receipt:
 * 201 accepted, 200 a replay of a stored receipt, 422 not accepted by the form's checks, 4xx refused.
 */
export const POST = route({
  // the package's signature is its authentication (docs/packages.md), not a session
  access: "public",
  rateLimit: PUBLIC_LIMITS.packageUpload,
  handler: async ({ request }) => {
    const bytes = await readLimited(request, MAX_PACKAGE_BYTES);
    const result = await receivePackage({
      bytes,
      keyId: request.headers.get(KEY_HEADER),
      signature: request.headers.get(SIGNATURE_HEADER),
    });
    return NextResponse.json(result.receipt, { status: result.status, headers: { "cache-control": "no-store" } });
  },
});
