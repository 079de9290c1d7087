/**
 * Uploads are authorised before they are read: the template upload route refuses a person without the
 * permission, or with it for another organisation, without pulling a byte of the body, and answers a zip
 * bomb from an authorised uploader with a localised 413 in the shared error shape.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { enrolSecondFactor } from "@/tests/setup/helpers";
import { prisma } from "@/lib/db";
import { zipBomb } from "@/tests/fixtures/zip-bomb";
import { POST } from "@/app/api/v1/reporting/template/upload/route";

let session: { user: { id: string } } | null = null;
vi.mock("@/lib/auth/config", () => ({ auth: async () => session }));
beforeEach(() => {
  session = null;
});

const noParams = { params: Promise.resolve({}) };

/** A multipart request whose body records whether anyone started reading it. */
async function upload(file: Uint8Array, query: Record<string, string>, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set("file", new Blob([new Uint8Array(file)]), "report.xlsx");
  const encoded = new Response(form);
  const bytes = new Uint8Array(await encoded.arrayBuffer());
  const state = { read: false };
  // no eager pull: only a reader asking for bytes sets the flag
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        state.read = true;
        controller.enqueue(bytes);
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request(`http://localhost/api/v1/reporting/template/upload?${new URLSearchParams(query)}`, {
    method: "POST",
    body,
    headers: { "content-type": encoded.headers.get("content-type")! },
    duplex: "half",
  } as RequestInit);
  const response = await POST(request, noParams);
  return {
    response,
    read: state.read,
    error: ((await response.json()) as { error?: { code: string; message: string } }).error,
  };
}

describe("the template upload", () => {
  it("refuses a person without the permission before reading the body", async () => {
    session = { user: { id: "u_parent" } };
    const { response, read, error } = await upload(await zipBomb({ mbPerEntry: 40 }), { locale: "en" });
    expect(response.status).toBe(403);
    expect(error?.code).toBe("forbidden");
    expect(read).toBe(false);
  });

  it("refuses another organisation's report before reading the body", async () => {
    await enrolSecondFactor("u_school");
    session = { user: { id: "u_school" } };
    const other = await prisma.organization.findFirstOrThrow({
      where: { roles: { none: { userId: "u_school" } }, kind: { code: "SCHOOL" } },
      select: { id: true },
    });
    const { response, read } = await upload(await zipBomb({ mbPerEntry: 40 }), {
      periodId: "any",
      organizationId: other.id,
    });
    expect(response.status).toBe(403);
    expect(read).toBe(false);
  });

  it("answers an authorised uploader's zip bomb with a localised 413", async () => {
    await enrolSecondFactor("u_school");
    session = { user: { id: "u_school" } };
    const period = await prisma.reportingPeriod.findFirst({
      where: { form: { formList: { status: "PUBLISHED" } }, closedAt: null },
      select: { id: true },
    });
    const organizationId = (
      await prisma.roleAssignment.findFirstOrThrow({
        where: { userId: "u_school", role: "ORG_ADMIN" },
        select: { organizationId: true },
      })
    ).organizationId!;
    expect(period).not.toBeNull();
    const { response, error } = await upload(
      await zipBomb({ mbPerEntry: 40 }),
      { periodId: period!.id, organizationId, locale: "ru" },
      { version: "0" },
    );
    expect([response.status, error?.code]).toEqual([413, "validation"]);
    expect(error?.message).toMatch(/распакованном виде/);
  });
});
