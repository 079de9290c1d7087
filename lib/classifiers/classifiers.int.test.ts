import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { loadViewer } from "@/lib/auth/access";
import { AppError } from "@/lib/errors";
import {
  createClassifierItem,
  getClassifier,
  getClassifierItem,
  listClassifiers,
  updateClassifierItem,
} from "./classifiers";
import { classifierItemCreate, classifierItemUpdate } from "./schemas";

const ITEM = "c_language_uz";

async function expectAppError(run: Promise<unknown>, code: AppError["code"], fieldErrors?: Record<string, string>) {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected AppError "${code}"`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (fieldErrors) expect((error as AppError).fieldErrors).toEqual(fieldErrors);
}

async function snapshot() {
  const [items, audit] = await Promise.all([
    prisma.classifierItem.findMany({ orderBy: { id: "asc" } }),
    prisma.auditLog.count(),
  ]);
  return { items, audit };
}

const ministry = () => loadViewer("u_ministry");

describe("classifiers", () => {
  it("lists classifiers with their item counts", async () => {
    const list = await listClassifiers(await ministry());
    const language = list.find((c) => c.code === "LANGUAGE");
    expect(language?._count.items).toBe(
      await prisma.classifierItem.count({ where: { classifier: { code: "LANGUAGE" } } }),
    );
    expect(list.map((c) => c.code)).toEqual(["LANGUAGE", "ORG_KIND", "POSITION", "SUBJECT"]);
    const subject = await getClassifier(await ministry(), "SUBJECT");
    expect(subject?.items[0]?.code).toBe("KAZ_LANG");
  });

  it("lets the ministry edit an item, with the version and an audit entry of what changed", async () => {
    const viewer = (await ministry())!;
    const current = await prisma.classifierItem.findUniqueOrThrow({ where: { id: ITEM } });
    const input = classifierItemUpdate.parse({
      id: ITEM,
      version: String(current.version),
      nameKk: current.nameKk,
      nameRu: "Узбекский язык обучения",
      nameEn: current.nameEn,
      sortOrder: "40",
      validFrom: "2024-09-01",
      validTo: "",
    });
    const updated = await updateClassifierItem(viewer, input);
    expect(updated).toMatchObject({
      nameRu: "Узбекский язык обучения",
      sortOrder: 40,
      version: current.version + 1,
      code: "UZ",
    });
    expect(updated.validFrom?.toISOString()).toBe("2024-09-01T00:00:00.000Z");

    const entry = await prisma.auditLog.findFirstOrThrow({ where: { entity: "ClassifierItem", entityId: ITEM } });
    expect(entry).toMatchObject({ actorId: "u_ministry", action: "update" });
    expect(entry.before).toEqual({ nameRu: current.nameRu, sortOrder: current.sortOrder, validFrom: null });
    expect(entry.after).toEqual({
      nameRu: "Узбекский язык обучения",
      sortOrder: 40,
      validFrom: "2024-09-01T00:00:00.000Z",
    });
  });

  it("refuses a stale version and writes nothing", async () => {
    const viewer = (await ministry())!;
    const current = await prisma.classifierItem.findUniqueOrThrow({ where: { id: ITEM } });
    const before = await snapshot();
    await expectAppError(
      updateClassifierItem(viewer, {
        id: ITEM,
        version: current.version - 1,
        nameKk: "Ескі",
        nameRu: "Старое",
        nameEn: "Old",
        sortOrder: 1,
        validFrom: null,
        validTo: null,
      }),
      "stale",
    );
    expect(await snapshot()).toEqual(before);
  });

  it("adds an item and refuses a duplicate code in the same classifier", async () => {
    const viewer = (await ministry())!;
    const input = classifierItemCreate.parse({
      classifier: "SUBJECT",
      code: "ART",
      nameKk: "Көркем еңбек",
      nameRu: "Художественный труд",
      nameEn: "Art",
      sortOrder: "",
      validFrom: "",
      validTo: "",
    });
    expect(input.sortOrder).toBe(0);
    const created = await createClassifierItem(viewer, input);
    expect(
      await prisma.auditLog.findFirst({ where: { entity: "ClassifierItem", entityId: created.id, action: "create" } }),
    ).not.toBeNull();

    const before = await snapshot();
    await expectAppError(createClassifierItem(viewer, { ...input, nameEn: "Art again" }), "duplicate", {
      code: "classifier.codeDuplicate",
    });
    await expectAppError(createClassifierItem(viewer, { ...input, code: "KK", classifier: "LANGUAGE" }), "duplicate", {
      code: "classifier.codeDuplicate",
    });
    expect(await snapshot()).toEqual(before);
    // The same code in another classifier is a different item.
    await createClassifierItem(viewer, { ...input, classifier: "POSITION" });
  });

  it("validates the code format and the validity range", () => {
    const base = {
      classifier: "SUBJECT",
      nameKk: "Пән",
      nameRu: "Предмет",
      nameEn: "Subject",
      sortOrder: "1",
      validFrom: "",
      validTo: "",
    };
    for (const code of ["lower", "WITH SPACE", "ДЕФИС", "", "A".repeat(33)]) {
      const parsed = classifierItemCreate.safeParse({ ...base, code });
      expect(parsed.success, code).toBe(false);
      expect(parsed.error!.issues[0]!.message).toBe("classifier.codeFormat");
    }
    const range = classifierItemCreate.safeParse({
      ...base,
      code: "X_1",
      validFrom: "2025-09-01",
      validTo: "2025-08-31",
    });
    expect(range.success).toBe(false);
    expect(range.error!.issues).toMatchObject([{ path: ["validTo"], message: "classifier.validRange" }]);
    expect(
      classifierItemCreate.safeParse({ ...base, code: "X_1", validFrom: "2025-09-01", validTo: "2025-09-01" }).success,
    ).toBe(true);
    expect(
      classifierItemCreate.safeParse({ ...base, code: "X_1", validFrom: "2025-02-30" }).error!.issues[0]!.message,
    ).toBe("classifier.date");
  });

  it("refuses everyone but the ministry, in queries and in changes", async () => {
    const region = await loadViewer("u_region");
    const current = await prisma.classifierItem.findUniqueOrThrow({ where: { id: ITEM } });
    const before = await snapshot();
    await expectAppError(listClassifiers(region), "forbidden");
    await expectAppError(getClassifier(region, "LANGUAGE"), "forbidden");
    await expectAppError(getClassifierItem(region, "LANGUAGE", ITEM), "forbidden");
    await expectAppError(
      updateClassifierItem(region!, {
        id: ITEM,
        version: current.version,
        nameKk: "X",
        nameRu: "X",
        nameEn: "X",
        sortOrder: 0,
        validFrom: null,
        validTo: null,
      }),
      "forbidden",
    );
    await expectAppError(
      createClassifierItem(region!, {
        classifier: "LANGUAGE",
        code: "FR",
        nameKk: "Француз тілі",
        nameRu: "Французский язык",
        nameEn: "French",
        sortOrder: 9,
        validFrom: null,
        validTo: null,
      }),
      "forbidden",
    );
    await expectAppError(listClassifiers(null), "unauthenticated");
    expect(await snapshot()).toEqual(before);
  });
});
