/**
 * The OpenAPI 3.1 description of the data package APIs (docs/packages.md): sending a signed package, its
 * stored receipt, checking a receipt and the server's receipt key — from the zod schemas of the package and
 * the receipt that the server itself validates with (lib/packages/format.ts). Pure module.
 */
import { z } from "zod";
import { errorAnswer, jsonContent, jsonSchema, localeParameter, openApiDocumentOf } from "../openapi";
import { KEY_HEADER, MAX_PACKAGE_BYTES, SIGNATURE_HEADER, packageSchema, receiptSchema } from "./format";

export const receiptCheckAnswer = z.object({
  valid: z.boolean(),
  problem: z.string().nullable().describe("Why the receipt is not valid, in the asked language."),
  receipt: receiptSchema.shape.receipt.nullable(),
  reasons: z.array(z.string()).describe("The receipt's reasons in words."),
  serverKeyId: z.string(),
});

export const serverKeyAnswer = z.object({
  algorithm: z.literal("ed25519"),
  keyId: z.string(),
  publicKey: z.string().describe("SPKI PEM"),
});

export const packagesErrorAnswer = errorAnswer(["badRequest", "notFound"]);

export function packagesOpenApi(): Record<string, unknown> {
  const receipt = (description: string) => jsonContent(receiptSchema, description);
  return openApiDocumentOf(
    {
      title: "ЕИСО data packages API",
      description:
        "Signed data packages of statistical reports (R5, R6, R35): an organisation sends a package with a detached Ed25519 signature and always gets a receipt signed by the server.",
    },
    {
      "/api/v1/packages": {
        post: {
          operationId: "sendPackage",
          summary: "Send a signed data package",
          parameters: [
            {
              name: KEY_HEADER,
              in: "header",
              required: true,
              description: "Id of the sender's registered key.",
              schema: { type: "string" },
            },
            {
              name: SIGNATURE_HEADER,
              in: "header",
              required: true,
              description: "Base64 Ed25519 signature of the exact body bytes.",
              schema: { type: "string" },
            },
          ],
          requestBody: {
            required: true,
            description: `The package, at most ${MAX_PACKAGE_BYTES} bytes.`,
            content: { "application/json": { schema: jsonSchema(packageSchema, "input") } },
          },
          responses: {
            "201": receipt("Accepted: the signed receipt"),
            "200": receipt("A replay of a package already received: its stored receipt"),
            "422": receipt("Not accepted by the form's checks"),
            "4XX": receipt(
              "Refused (not a package, key or signature refused, too large, another body under a used id): the signed receipt names the reasons",
            ),
          },
        },
      },
      "/api/v1/packages/{id}/receipt": {
        get: {
          operationId: "getReceipt",
          summary: "The stored receipt of a delivered package",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: {
            "200": receipt("The receipt"),
            "404": jsonContent(packagesErrorAnswer, "No package with this id"),
          },
        },
      },
      "/api/v1/packages/receipts/check": {
        post: {
          operationId: "checkReceipt",
          summary: "Check a receipt against the server's key",
          parameters: [localeParameter],
          requestBody: {
            required: true,
            content: { "application/json": { schema: jsonSchema(receiptSchema, "input") } },
          },
          responses: {
            "200": jsonContent(receiptCheckAnswer, "Whether the receipt is genuine, with its reasons in words"),
            "400": jsonContent(packagesErrorAnswer, "The body is too large"),
          },
        },
      },
      "/api/v1/packages/server-key": {
        get: {
          operationId: "getServerKey",
          summary: "The public key that signs receipts",
          responses: { "200": jsonContent(serverKeyAnswer, "The key") },
        },
      },
    },
  );
}
