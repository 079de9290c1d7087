/**
 * Organisation passports for every school (every scale): buildings with what they contain, shifts,
 * equipment, connectivity, transport and last year's budget (this year's first quarters too). A realistic
 * spread: most schools within capacity, about one in eight overcrowded (and then often in two shifts), some
 * buildings needing major repair, a few in emergency condition, about one school in seven without a gym,
 * some without internet, rare three-shift schools; the demo guarantees at least one three-shift school and
 * one emergency building outside the demo admin's school. Written with createMany in chunks (national scale).
 */
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import { almatyYear } from "../../lib/passport/rules";
import { rebuildPassportFacts } from "../../lib/databank/passport-facts";
import { refreshSummary } from "../../lib/databank/summary";
import { rng } from "./random";

const CHUNK = 5000;

async function insert<T>(rows: T[], write: (data: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

export async function seedPassport(
  prisma: PrismaClient,
  log: (line: string) => void = () => {},
  now = new Date(),
): Promise<void> {
  const random = rng(2025_0925);
  const schools = await prisma.organization.findMany({
    where: { kind: { code: "SCHOOL" } },
    select: { id: true, address: true, nameRu: true, isUrban: true },
    orderBy: { bin: "asc" },
  });
  if (!schools.length) return;
  const demoAdmin = await prisma.roleAssignment.findFirst({ where: { userId: "u_school", role: "ORG_ADMIN" } });
  const demoSchool = demoAdmin?.organizationId ?? null;
  const creator = (await prisma.user.findFirst({ where: { id: "u_ministry" }, select: { id: true } }))?.id;
  if (!creator) return;
  const year = almatyYear(now);
  const since = new Date(Date.UTC(year - 1, 8, 1, 3));
  const buildings: Prisma.PassportBuildingCreateManyInput[] = [];
  const profiles: Prisma.PassportProfileCreateManyInput[] = [];
  const budget: Prisma.BudgetLineCreateManyInput[] = [];
  // demo guarantees (skipping the demo admin's own school, which the end-to-end test changes)
  const others = schools.filter((s) => s.id !== demoSchool);
  const threeShift = others[Math.min(2, others.length - 1)]?.id;
  const emergency = others[Math.min(3, others.length - 1)]?.id;

  for (const s of schools) {
    const demo = s.id === demoSchool;
    const count = demo ? 1 : random.next() < 0.2 ? 2 : 1;
    let capacity = 0;
    for (let n = 1; n <= count; n++) {
      const places = demo ? 800 : (s.isUrban ? random.int(6, 24) : random.int(2, 10)) * 50;
      capacity += places;
      const r = random.next();
      const condition =
        s.id === emergency && n === 1
          ? "EMERGENCY"
          : demo
            ? "NORMAL"
            : r < 0.02
              ? "EMERGENCY"
              : r < 0.15
                ? "NEEDS_REPAIR"
                : "NORMAL";
      const built = demo ? 1978 : random.int(1935, year - 2);
      buildings.push({
        organizationId: s.id,
        number: n,
        address: s.address ?? `${s.nameRu}, корпус ${n}`,
        yearBuilt: built,
        capacity: places,
        floors: places > 600 ? random.int(3, 4) : random.int(1, 3),
        ownership: random.next() < 0.95 ? "STATE" : "RENTED",
        condition,
        inspectedOn: new Date(Date.UTC(year - 1, random.int(0, 11), random.int(1, 28))),
        inspectionDoc: `АКТ-${year - 1}/${random.int(1, 999)}`,
        accessible: random.next() < 0.4,
        gym: demo || (n === 1 && random.next() > 0.15),
        assemblyHall: places >= 400 && random.next() < 0.7,
        library: n === 1,
        canteenSeats: Math.round((places * random.int(20, 40)) / 100),
        scienceRooms: Math.max(1, Math.round(places / 250)),
        computerRooms: Math.max(1, Math.round(places / 400)),
        boardingPlaces: !s.isUrban && random.next() < 0.1 ? random.int(20, 80) : 0,
        status: "CONFIRMED",
        validFrom: since,
        createdById: creator,
        createdAt: since,
        decidedById: creator,
        decidedAt: since,
      });
    }
    const crowded = !demo && (random.next() < 0.12 || s.id === threeShift);
    const enrolment = demo
      ? 640
      : Math.round(capacity * (crowded ? 1.05 + random.next() * 0.4 : 0.55 + random.next() * 0.4));
    const shifts = s.id === threeShift ? 3 : crowded || random.next() < 0.15 ? 2 : 1;
    const split =
      shifts === 1
        ? [enrolment, 0, 0]
        : shifts === 2
          ? [Math.ceil(enrolment * 0.6), enrolment - Math.ceil(enrolment * 0.6), 0]
          : [Math.ceil(enrolment * 0.45), Math.ceil(enrolment * 0.35), 0];
    if (shifts === 3) split[2] = enrolment - split[0]! - split[1]!;
    const classes = split.map((p) => Math.ceil(p / 25));
    const noInternet = !demo && random.next() < (s.isUrban ? 0.01 : 0.08);
    const internet = noInternet
      ? "NONE"
      : demo
        ? "FIBRE"
        : random.pick(["FIBRE", "FIBRE", "ADSL", "MOBILE", "SATELLITE"] as const);
    const buses = !s.isUrban && random.next() < 0.5 ? random.int(1, 3) : 0;
    profiles.push({
      organizationId: s.id,
      enrolment,
      shifts,
      shift1Pupils: split[0]!,
      shift2Pupils: split[1]!,
      shift3Pupils: split[2]!,
      shift1Classes: classes[0]!,
      shift2Classes: classes[1]!,
      shift3Classes: classes[2]!,
      computers: Math.round(enrolment / random.int(8, 25)),
      computersAge: random.int(1, 9),
      boards: Math.round(classes[0]! * random.next()),
      internet,
      internetMbps: internet === "NONE" ? 0 : internet === "FIBRE" ? random.pick([50, 100, 200]) : random.int(4, 20),
      wifiClassrooms: internet !== "NONE" && random.next() < 0.6,
      buses,
      pupilsCarried: buses ? buses * random.int(15, 35) : 0,
      validFrom: since,
      createdById: creator,
      createdAt: since,
    });
    // last year: four quarters of the main lines; this year: the first quarters (not for the demo admin's school)
    const perPupil = random.int(380, 720) * 1000;
    const lines = [
      ["PER_CAPITA", "SALARIES", 0.72],
      ["LOCAL", "UTILITIES", 0.12],
      ["LOCAL", "FOOD", 0.1],
      ["LOCAL", "REPAIRS", 0.06],
    ] as const;
    for (const [y, quarters] of [
      [year - 1, 4],
      [year, demo ? 0 : 2],
    ] as const)
      for (let q = 1; q <= quarters; q++)
        for (const [source, expense, share] of lines) {
          const planned = Math.round((enrolment * perPupil * share) / 4 / 1000) * 1000;
          const spent = Math.round((planned * (0.9 + random.next() * 0.1)) / 1000) * 1000;
          budget.push({
            organizationId: s.id,
            year: y,
            source,
            expense,
            quarter: q,
            planned,
            spent,
            updatedById: creator,
            status: "CONFIRMED",
            decidedById: creator,
            confirmedPlanned: planned,
            confirmedSpent: spent,
            confirmedVersion: 1,
          });
        }
  }
  await insert(buildings, (data) => prisma.passportBuilding.createMany({ data }));
  await insert(profiles, (data) => prisma.passportProfile.createMany({ data }));
  await insert(budget, (data) => prisma.budgetLine.createMany({ data }));
  // the passport's figures in the data bank (the current year's facts and that year's summary)
  const facts = await rebuildPassportFacts(prisma, { year });
  await refreshSummary(prisma, year);
  log(
    `passports: ${profiles.length} schools, ${buildings.length} buildings, ${budget.length} budget lines, ${facts} data bank facts`,
  );
}
