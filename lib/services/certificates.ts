/**
 * Certificates of study: a parent requests one for their child (a student for themselves) and it is
 * issued at once, numbered from a database sequence (unique however many are issued at the same moment)
 * with a random short verification code. Anyone may verify a number or code; the answer states only the
 * holder's initials, the school, the class, the school year and the dates.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { authorizeViewer } from "../auth/access";
import type { Viewer } from "../auth/scope";
import { AppError } from "../errors";
import { recordAudit } from "../audit";
import { familyWhere } from "../diary/access";
import { dateValue } from "../diary/dates";
import { almatyDate } from "../time";
import { localName } from "../names";
import { certificateNumber, dueAt, initials, normaliseQuery, verificationCode } from "./rules";
import { recordStatus } from "./applications";
import { renderCertificatePdf, type PdfLanguage } from "./pdf";
import type { CertificateRequest } from "./schemas";

/** The viewer's children (or the viewer, a student) with the class they are in now. */
export async function eligibleStudents(viewer: Viewer, now = new Date()) {
  authorizeViewer(viewer, "services.apply");
  const today = dateValue(almatyDate(now));
  return prisma.person.findMany({
    where: {
      AND: [
        familyWhere(viewer),
        {
          enrolments: { some: { endedOn: null, academicYear: { startDate: { lte: today }, endDate: { gte: today } } } },
        },
      ],
    },
    select: { id: true, lastName: true, firstName: true, middleName: true },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
  });
}

/** Issues a certificate of study for one of the viewer's children (or the viewer); refused for anyone else. */
export async function issueStudyCertificate(
  viewer: Viewer,
  input: CertificateRequest,
  now = new Date(),
): Promise<{ id: string; number: string; code: string; applicationId: string }> {
  authorizeViewer(viewer, "services.apply");
  const today = dateValue(almatyDate(now));
  return prisma.$transaction(async (tx) => {
    const student = await tx.person.findFirst({
      where: { AND: [{ id: input.studentId }, familyWhere(viewer)] },
      select: {
        id: true,
        iin: true,
        lastName: true,
        firstName: true,
        middleName: true,
        birthDate: true,
        enrolments: {
          where: { endedOn: null, academicYear: { startDate: { lte: today }, endDate: { gte: today } } },
          select: {
            organizationId: true,
            classGroup: { select: { grade: true, letter: true } },
            academicYear: { select: { label: true, endDate: true } },
          },
          take: 1,
        },
      },
    });
    if (!student) throw new AppError("notFound", { studentId: "services.notYourChild" });
    const enrolment = student.enrolments[0];
    if (!enrolment) throw new AppError("conflict", { studentId: "services.notEnrolled" });
    const service = await tx.serviceDefinition.findUnique({ where: { kind: "STUDY_CERTIFICATE" } });
    if (!service?.active) throw new AppError("notFound");
    const application = await tx.serviceApplication.create({
      data: {
        kind: "STUDY_CERTIFICATE",
        status: "ISSUED",
        applicantId: viewer.userId,
        organizationId: enrolment.organizationId,
        childId: student.id,
        childIin: student.iin,
        childLastName: student.lastName,
        childFirstName: student.firstName,
        childMiddleName: student.middleName,
        childBirthDate: student.birthDate,
        language: input.language,
        dueAt: dueAt(now, service.timeLimitDays),
        decidedAt: now,
        createdAt: now,
      },
    });
    await tx.serviceApplicationEvent.create({
      data: { applicationId: application.id, status: "SUBMITTED", actorId: viewer.userId, at: now },
    });
    // The sequence hands out each value once, whatever runs at the same time; the unique indexes stand behind it.
    const [row] = await tx.$queryRaw<
      { seq: bigint | number }[]
    >`SELECT nextval(pg_get_serial_sequence('"Certificate"', 'seq')) AS seq`;
    const value = Number(row!.seq);
    const certificate = await tx.certificate.create({
      data: {
        seq: value,
        number: certificateNumber(value, now.getUTCFullYear()),
        code: verificationCode(randomBytes(8)),
        kind: "STUDY_CERTIFICATE",
        applicationId: application.id,
        studentId: student.id,
        organizationId: enrolment.organizationId,
        holderInitials: initials(student),
        grade: enrolment.classGroup.grade,
        classLabel: `${enrolment.classGroup.grade} ${enrolment.classGroup.letter}`,
        schoolYear: enrolment.academicYear.label,
        language: input.language,
        issuedAt: now,
        validUntil: enrolment.academicYear.endDate,
        issuedById: viewer.userId,
      },
    });
    await recordStatus(tx, application, "ISSUED", null);
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: "create",
      entity: "Certificate",
      entityId: certificate.id,
      after: { number: certificate.number, studentId: student.id },
    });
    return { id: certificate.id, number: certificate.number, code: certificate.code, applicationId: application.id };
  });
}

const documentSelect = {
  id: true,
  number: true,
  code: true,
  issuedAt: true,
  validUntil: true,
  language: true,
  classLabel: true,
  schoolYear: true,
  student: { select: { lastName: true, firstName: true, middleName: true, birthDate: true } },
  organization: { select: { nameKk: true, nameRu: true, nameEn: true } },
} satisfies Prisma.CertificateSelect;

/**
 * The PDF of a certificate for its owner only: the person who requested it, the holder, or a guardian of
 * the holder. Anyone else gets "not found" (the id reveals nothing).
 */
export async function certificatePdf(
  viewer: Viewer,
  id: string,
  origin: string,
): Promise<{ number: string; pdf: Uint8Array }> {
  authorizeViewer(viewer, "services.apply");
  const cert = await prisma.certificate.findFirst({
    where: { id, OR: [{ issuedById: viewer.userId }, { student: familyWhere(viewer) }] },
    select: documentSelect,
  });
  if (!cert) throw new AppError("notFound");
  return { number: cert.number, pdf: await renderDocument(cert, origin) };
}

/** Renders a loaded certificate (shared with the benchmark). */
export function renderDocument(
  cert: Prisma.CertificateGetPayload<{ select: typeof documentSelect }>,
  origin: string,
): Promise<Uint8Array> {
  const language = (["kk", "ru", "en"].includes(cert.language) ? cert.language : "kk") as PdfLanguage;
  const s = cert.student;
  return renderCertificatePdf({
    number: cert.number,
    code: cert.code,
    issuedAt: cert.issuedAt,
    validUntil: cert.validUntil,
    language,
    fullName: [s.lastName, s.firstName, s.middleName].filter(Boolean).join(" "),
    birthDate: s.birthDate,
    schoolName: localName(cert.organization, language),
    classLabel: cert.classLabel,
    schoolYear: cert.schoolYear,
    verifyUrl: `${origin.replace(/\/$/, "")}/${language}/verify/certificate?code=${encodeURIComponent(cert.code)}`,
  });
}

export { documentSelect };

export interface Verification {
  number: string;
  validUntil: Date;
  valid: boolean;
  holderInitials: string;
  classLabel: string;
  school: { nameKk: string; nameRu: string; nameEn: string };
}

/**
 * Public verification by the random code, or by the number together with the code — never by the sequential
 * number alone (that would let anyone count through every certificate issued). A malformed query is refused
 * as invalid, a number without its code with a request for the code, an unknown one as "not genuine": each
 * reveals nothing else. Shows only what confirms the paper in hand: number, initials, school, class, validity.
 * The page that calls this is rate-limited per client address.
 */
export async function verifyCertificate(query: string, now = new Date()): Promise<Verification> {
  const q = normaliseQuery(query);
  if (!q) throw new AppError("validation", { q: "services.codeMalformed" });
  if ("numberOnly" in q) throw new AppError("validation", { q: "services.codeRequired" });
  const cert = await prisma.certificate.findFirst({
    where: { code: q.code, ...(q.number ? { number: q.number } : {}) },
    select: {
      number: true,
      validUntil: true,
      holderInitials: true,
      classLabel: true,
      organization: { select: { nameKk: true, nameRu: true, nameEn: true } },
    },
  });
  if (!cert) throw new AppError("notFound", { q: "services.notGenuine" });
  return {
    number: cert.number,
    validUntil: cert.validUntil,
    valid: cert.validUntil.getTime() >= dateValue(almatyDate(now)).getTime(),
    holderInitials: cert.holderInitials,
    classLabel: cert.classLabel,
    school: cert.organization,
  };
}
