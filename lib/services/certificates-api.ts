/**
 * Public verification of a certificate of study for integrators (`GET /api/v1/services/certificates/verify`):
 * the answer's schema, its OpenAPI 3.1 description (from the same query schema the page and the route
 * validate with) and the conversion from a verification. Only the holder's initials; nothing personal else.
 * Pure module.
 */
import { z } from "zod";
import { errorAnswer, jsonContent, jsonSchema, localeParameter, openApiDocumentOf } from "../openapi";
import { localName } from "../names";
import { verifyQuery } from "./schemas";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const certificateAnswer = z.object({
  genuine: z.literal(true),
  valid: z.boolean().describe("Still within its validity (Asia/Almaty calendar day)."),
  number: z.string(),
  validUntil: day,
  holderInitials: z.string(),
  classLabel: z.string(),
  school: z.string().describe("The school's name in the asked language."),
});

export const certificateErrorAnswer = errorAnswer(["validation", "notFound", "badRequest", "rateLimited"]);

export interface VerifiedCertificate {
  number: string;
  validUntil: Date;
  valid: boolean;
  holderInitials: string;
  classLabel: string;
  school: { nameKk: string; nameRu: string; nameEn: string };
}

export function certificateJson(v: VerifiedCertificate, locale: string): z.infer<typeof certificateAnswer> {
  return {
    genuine: true,
    valid: v.valid,
    number: v.number,
    validUntil: v.validUntil.toISOString().slice(0, 10),
    holderInitials: v.holderInitials,
    classLabel: v.classLabel,
    school: localName(v.school, locale),
  };
}

export function certificatesOpenApi(): Record<string, unknown> {
  const error = (description: string) => jsonContent(certificateErrorAnswer, description);
  return openApiDocumentOf(
    {
      title: "ЕИСО certificate verification API",
      description:
        "Whether a certificate of study is genuine, by the verification code of its QR code, or its number (SC-…) together with that code; a number alone is refused. Only the holder's initials are given.",
    },
    {
      "/api/v1/services/certificates/verify": {
        get: {
          operationId: "verifyCertificate",
          summary: "Verify a certificate of study",
          parameters: [
            {
              name: "q",
              in: "query",
              required: true,
              description: "The certificate's number or verification code.",
              schema: jsonSchema(verifyQuery.shape.q, "input"),
            },
            localeParameter,
          ],
          responses: {
            "200": jsonContent(certificateAnswer, "The certificate is genuine"),
            "400": error("Not a certificate number or verification code"),
            "404": error("No certificate with this number or code was issued: the document is not genuine"),
            "429": error("Too many checks from one address; try again after Retry-After seconds"),
          },
        },
      },
    },
  );
}
