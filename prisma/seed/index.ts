import { hashPassword } from "../../lib/auth/password";
import { iinPrefix, withCheckDigit } from "../../lib/identity";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import { SECOND_FACTOR } from "../../lib/auth/roles";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from "./accounts";
import { CLASSIFIERS } from "./classifiers";
import { seedDictionary } from "./dictionary";
import { FEMALE_FIRST, MALE_FIRST, PATRONYMIC_STEMS, SURNAME_STEMS } from "./people";
import { rng } from "./random";
import { REGIONS, REPUBLIC, districtCode } from "./territories";
import { seedReporting } from "./reporting";
import { seedDiary } from "./diary";
import { seedDatabank } from "./databank";
import { seedRatings } from "./ratings";
import { seedServices } from "./services";
import { seedArchive } from "./archive";
import { seedForums } from "./forums";
import { seedLetters } from "./letters";
import { seedPublications } from "./publications";
import { seedPassport } from "./passport";
import { seedStaff } from "./staff";

export const SCALES = {
  /** Tests: every territory, organisations in two regions only. */
  tiny: { regionsWithSchools: 2, schoolsPerDistrict: 2, peoplePerSchool: 4 },
  /** `npm start`: organisations in every district. */
  demo: { regionsWithSchools: 20, schoolsPerDistrict: 4, peoplePerSchool: 12 },
  /** Benchmarks: about 10,000 organisations. */
  national: { regionsWithSchools: 20, schoolsPerDistrict: 160, peoplePerSchool: 20 },
} as const;

export type Scale = keyof typeof SCALES;

export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from "./accounts";

/** Ids are derived from codes so the seed is deterministic and readable. */
export const ids = {
  territory: (code: string) => `t${code}`,
  classifierItem: (classifier: string, code: string) => `c_${classifier}_${code}`.toLowerCase(),
  organization: (bin: string) => `o${bin}`,
  person: (iin: string) => `p${iin}`,
};

export async function isEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.territory.count()) === 0;
}

export async function seed(prisma: PrismaClient, scale: Scale, log: (line: string) => void = () => {}): Promise<void> {
  const size = SCALES[scale];
  const random = rng(1037_548);

  // Classifiers
  for (const c of CLASSIFIERS) {
    await prisma.classifier.create({
      data: {
        id: `cl_${c.code.toLowerCase()}`,
        code: c.code,
        nameKk: c.kk,
        nameRu: c.ru,
        nameEn: c.en,
        items: {
          create: c.items.map(([code, kk, ru, en], i) => ({
            id: ids.classifierItem(c.code, code),
            code,
            nameKk: kk,
            nameRu: ru,
            nameEn: en,
            sortOrder: i,
          })),
        },
      },
    });
  }
  const kind = (code: string) => ids.classifierItem("ORG_KIND", code);
  const lang = (code: string) => ids.classifierItem("LANGUAGE", code);

  // Territories
  const republicId = ids.territory(REPUBLIC.code);
  const republicPath = `/${republicId}/`;
  const territories = [
    {
      id: republicId,
      code: REPUBLIC.code,
      level: "REPUBLIC" as const,
      parentId: null,
      path: republicPath,
      nameKk: REPUBLIC.kk,
      nameRu: REPUBLIC.ru,
      nameEn: REPUBLIC.en,
    },
  ];
  const districts: { id: string; path: string; regionIndex: number; index: number; city: boolean; nameEn: string }[] =
    [];
  REGIONS.forEach((r, regionIndex) => {
    const id = ids.territory(r.code);
    const path = `${republicPath}${id}/`;
    territories.push({
      id,
      code: r.code,
      level: "REGION" as never,
      parentId: republicId as never,
      path,
      nameKk: r.kk,
      nameRu: r.ru,
      nameEn: r.en,
    });
    r.districts.forEach(([kk, ru, en], index) => {
      const code = districtCode(r.code, index);
      const did = ids.territory(code);
      const dpath = `${path}${did}/`;
      territories.push({
        id: did,
        code,
        level: "DISTRICT" as never,
        parentId: id as never,
        path: dpath,
        nameKk: kk,
        nameRu: ru,
        nameEn: en,
      });
      districts.push({
        id: did,
        path: dpath,
        regionIndex,
        index,
        city: en.endsWith("City") || r.en.endsWith("City"),
        nameEn: en,
      });
    });
  });
  await prisma.territory.createMany({ data: territories });
  log(`territories: ${territories.length}`);

  // Organisations: the ministry, a department per region and district, then schools and others.
  let binSerial = 1;
  const nextBin = (year: number, month: number) => {
    for (;;) {
      const first11 = `${String(year % 100).padStart(2, "0")}${String(month).padStart(2, "0")}40${String(binSerial++).padStart(5, "0")}`;
      const bin = withCheckDigit(first11);
      if (bin) return bin;
    }
  };
  const orgs: Prisma.OrganizationCreateManyInput[] = [];
  const ministryBin = nextBin(1999, 7);
  const ministryId = ids.organization(ministryBin);
  orgs.push({
    id: ministryId,
    bin: ministryBin,
    nameKk: "Қазақстан Республикасы Оқу-ағарту министрлігі",
    nameRu: "Министерство просвещения Республики Казахстан",
    nameEn: "Ministry of Education of the Republic of Kazakhstan",
    kindId: kind("MINISTRY"),
    territoryId: republicId,
    reportsToId: null,
    languageId: lang("KK"),
  });
  const regionDept: string[] = [];
  REGIONS.forEach((r) => {
    const bin = nextBin(2000 + random.int(0, 22), random.int(1, 12));
    const id = ids.organization(bin);
    regionDept.push(id);
    orgs.push({
      id,
      bin,
      nameKk: `${r.kk} білім басқармасы`,
      nameRu: `Управление образования: ${r.ru}`,
      nameEn: `Education Department, ${r.en}`,
      kindId: kind("EDU_DEPT_REGION"),
      territoryId: ids.territory(r.code),
      reportsToId: ministryId,
      languageId: lang("KK"),
    });
  });
  let schoolNumber = 0;
  const schools: { id: string; districtIndex: number }[] = [];
  districts.forEach((d, districtIndex) => {
    const bin = nextBin(2000 + random.int(0, 22), random.int(1, 12));
    const deptId = ids.organization(bin);
    const names = territories.find((t) => t.id === d.id)!;
    orgs.push({
      id: deptId,
      bin,
      nameKk: `${names.nameKk} білім бөлімі`,
      nameRu: `Отдел образования: ${names.nameRu}`,
      nameEn: `Education Department, ${names.nameEn}`,
      kindId: kind("EDU_DEPT_DISTRICT"),
      territoryId: d.id,
      reportsToId: regionDept[d.regionIndex]!,
      languageId: lang("KK"),
      isUrban: d.city,
    });
    if (d.regionIndex >= size.regionsWithSchools && !(scale === "tiny" && REGIONS[d.regionIndex]!.code === "710000000"))
      return;
    for (let n = 1; n <= size.schoolsPerDistrict; n++) {
      schoolNumber++;
      const sbin = nextBin(1995 + random.int(0, 27), random.int(1, 12));
      const id = ids.organization(sbin);
      const isKindergarten = n === size.schoolsPerDistrict && n > 2;
      const language = random.pick(["KK", "KK", "KK", "RU", "KK_RU"]);
      orgs.push(
        isKindergarten
          ? {
              id,
              bin: sbin,
              nameKk: `№${n} «Балапан» бөбекжайы (${names.nameKk})`,
              nameRu: `Ясли-сад №${n} «Балапан» (${names.nameRu})`,
              nameEn: `Kindergarten No. ${n} "Balapan" (${names.nameEn})`,
              kindId: kind("PRESCHOOL"),
              territoryId: d.id,
              reportsToId: deptId,
              languageId: lang(language),
              isUrban: d.city,
            }
          : {
              id,
              bin: sbin,
              nameKk: `№${n} жалпы білім беретін мектеп (${names.nameKk})`,
              nameRu: `Общеобразовательная школа №${n} (${names.nameRu})`,
              nameEn: `Secondary School No. ${n} (${names.nameEn})`,
              kindId: kind("SCHOOL"),
              territoryId: d.id,
              reportsToId: deptId,
              languageId: lang(language),
              isUrban: d.city,
            },
      );
      if (!isKindergarten) schools.push({ id, districtIndex });
    }
  });
  // the demo professional development institute of Akmola region (its administrator keeps its courses)
  const akmolaIndex = REGIONS.findIndex((r) => r.code === "110000000");
  const instituteBin = nextBin(2011, 3);
  const instituteId = ids.organization(instituteBin);
  orgs.push({
    id: instituteId,
    bin: instituteBin,
    nameKk: "«Өрлеу» біліктілікті арттыру орталығының Ақмола облысы бойынша филиалы",
    nameRu: "Филиал центра повышения квалификации «Өрлеу» по Акмолинской области",
    nameEn: "Orleu professional development centre, Akmola branch",
    kindId: kind("PD_INSTITUTE"),
    territoryId: ids.territory(REGIONS[akmolaIndex]!.code),
    reportsToId: ministryId,
    languageId: lang("KK"),
  });
  for (let i = 0; i < orgs.length; i += 2000) await prisma.organization.createMany({ data: orgs.slice(i, i + 2000) });
  log(`organisations: ${orgs.length} (${schoolNumber} schools and kindergartens)`);

  // People: staff and pupils of each school, with valid IINs whose birth date and sex agree.
  const usedIins = new Set<string>();
  const makePerson = (birthYear: number, organizationId: string) => {
    const sex = random.next() < 0.5 ? ("MALE" as const) : ("FEMALE" as const);
    const birthDate = `${birthYear}-${String(random.int(1, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`;
    let iin: string | null = null;
    while (!iin || usedIins.has(iin))
      iin = withCheckDigit(iinPrefix(birthDate, sex) + String(random.int(0, 9999)).padStart(4, "0"));
    usedIins.add(iin);
    const [stem, suffix] = random.pick(SURNAME_STEMS);
    return {
      id: ids.person(iin),
      iin,
      lastName: stem + suffix + (sex === "FEMALE" ? "а" : ""),
      firstName: random.pick(sex === "MALE" ? MALE_FIRST : FEMALE_FIRST),
      middleName: random.pick(PATRONYMIC_STEMS) + (sex === "MALE" ? "ұлы" : "қызы"),
      birthDate: new Date(`${birthDate}T00:00:00Z`),
      sex,
      organizationId,
    };
  };
  const people: ReturnType<typeof makePerson>[] = [];
  for (const school of schools) {
    for (let i = 0; i < size.peoplePerSchool; i++) {
      people.push(
        makePerson(i < size.peoplePerSchool / 4 ? random.int(1965, 1999) : random.int(2009, 2019), school.id),
      );
    }
  }
  for (let i = 0; i < people.length; i += 5000) await prisma.person.createMany({ data: people.slice(i, i + 5000) });
  log(`people: ${people.length}`);

  // Demo accounts
  const akmola = REGIONS.find((r) => r.code === "110000000")!;
  const regionId = ids.territory(akmola.code);
  const districtId = ids.territory(districtCode(akmola.code, 0));
  const [school, school2] = orgs.filter((o) => o.territoryId === districtId && o.kindId === kind("SCHOOL")) as [
    Prisma.OrganizationCreateManyInput,
    Prisma.OrganizationCreateManyInput,
  ];
  const districtDept = orgs.find((o) => o.territoryId === districtId && o.kindId === kind("EDU_DEPT_DISTRICT"))!;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const a of DEMO_ACCOUNTS) {
    const scope =
      a.scope === "republic"
        ? { territoryId: republicId, organizationId: null }
        : a.scope === "region"
          ? { territoryId: regionId, organizationId: null }
          : a.scope === "district"
            ? a.role === "OFFICIAL"
              ? { territoryId: null, organizationId: districtDept.id! }
              : { territoryId: districtId, organizationId: null }
            : a.scope === "provider"
              ? { territoryId: null, organizationId: instituteId }
              : { territoryId: null, organizationId: a.scope === "school2" ? school2.id! : school.id! };
    await prisma.user.create({
      data: {
        id: `u_${a.login}`,
        login: a.login,
        passwordHash,
        displayName: a.displayName,
        roles: { create: [{ role: a.role, ...scope }] },
      },
    });
  }
  log(`demo accounts: ${DEMO_ACCOUNTS.length} (password ${DEMO_PASSWORD})`);

  await seedReporting(prisma, scale, log);
  await seedArchive(prisma);
  await seedDiary(prisma, scale, log);
  await seedDatabank(prisma, log);
  if (scale !== "tiny") await seedRatings(prisma, log);
  await seedServices(prisma, scale, log);
  await seedForums(prisma, log);
  await seedLetters(prisma, scale, log);
  await seedPassport(prisma, log);
  await seedStaff(prisma, log);
  // small demo content; tests create their own publications
  if (scale !== "tiny") await seedPublications(prisma, log);

  // Kazakh dictionary: its own starter vocabulary
  log(`dictionary entries: ${await seedDictionary(prisma)}`);
}

/**
 * Enrols the demo accounts whose roles require a second factor with the fixed DEMO_TOTP_SECRET (those not
 * enrolled yet). Only for the embedded demo database — `npm start` calls it when there is no DATABASE_URL and
 * prints the secret; a PostgreSQL database never gets it. Returns how many accounts were enrolled now.
 */
export async function seedDemoSecondFactor(prisma: PrismaClient): Promise<number> {
  const logins = DEMO_ACCOUNTS.filter((a) => SECOND_FACTOR[a.role] === "required").map((a) => a.login);
  const users = await prisma.user.findMany({ where: { login: { in: logins } }, select: { id: true } });
  const { count } = await prisma.secondFactor.createMany({
    data: users.map((u) => ({ userId: u.id, secret: DEMO_TOTP_SECRET, enabledAt: new Date() })),
    skipDuplicates: true,
  });
  return count;
}
