/**
 * `npm run bench:staff [-- --appointments 5000 --district-share 0.5 --runs 100 | --national]`: the district
 * admin's staff list and the authorities' staff aggregates.
 *
 * Builds a throw-away database (in-memory PGlite, or the PostgreSQL of TEST_DATABASE_URL) with the `tiny`
 * seed (its staff registry included), adds `--appointments` generated employees with a main appointment
 * each — the `--district-share` of them in the demo district's schools, the rest spread over the other
 * schools — then times, as the demo district admin (scope in the WHERE), over `--runs`: the first page of 25
 * by name, sorted by category expiry, the "due within 12 months" filter, and a name search (p50/p95).
 * Target: p95 ≤ 150 ms. `--national` is the country's order of magnitude: 380,000 appointments, a district's
 * share of them (1 of about 220 districts). Then the staff aggregates (categories, age bands, expiring
 * categories, vacancies) of the district, its region and the republic: target p95 ≤ 300 ms.
 * Then adds `--applications` open attestation applications (one per generated employee below the top
 * category, each at its category's commission level) and times the district commission's queue (first pages
 * of 50, oldest first) and its decided tab.
 * Writes bench/results/staff-<date>-<pglite|postgres>.json.
 */
import type { Prisma } from "../lib/generated/prisma/client";
import { iinPrefix, withCheckDigit } from "../lib/identity";
import { loadViewer } from "../lib/auth/access";
import { scopeOf } from "../lib/auth/scope";
import { prisma } from "../lib/db";
import { parseListParams } from "../lib/data-table/params";
import { listStaff, STAFF_FILTERS, STAFF_SORTS } from "../lib/staff/staff";
import { COMMISSION_LEVEL, nextCategory, QUALIFICATION_CATEGORIES } from "../lib/staff/rules";
import { commissionQueue } from "../lib/staff/attestation";
import { attestationQuery } from "../lib/staff/schemas";
import { staffAggregates } from "../lib/staff/analytics";
import { closeBenchDatabase, flag, log, openBenchDatabase, option, timeRuns, writeResult } from "./lib";

const NATIONAL = flag("national");
const APPOINTMENTS = option("appointments", NATIONAL ? 380_000 : 5000);
const DISTRICT_SHARE = option("district-share", NATIONAL ? 1 / 220 : 0.5, { integer: false });
const RUNS = option("runs", NATIONAL ? 40 : 100);
const APPLICATIONS = option("applications", 3000);
const TARGET_P95_MS = 150;
const AGGREGATES_TARGET_P95_MS = 300;

const { label } = await openBenchDatabase();
try {
  console.log(
    `Staff list benchmark on ${label}: ${APPOINTMENTS} generated appointments, ${DISTRICT_SHARE} of them in the demo district`,
  );
  const district = (await loadViewer("u_district"))!;
  const scope = scopeOf(district, "staff.read")!;
  const districtPath = district.roles[0]!.territoryPath!;
  const schools = await prisma.organization.findMany({
    where: { kind: { code: "SCHOOL" } },
    select: { id: true, territory: { select: { path: true } } },
  });
  const inDistrict = schools.filter((s) => s.territory.path.startsWith(districtPath));
  const outside = schools.filter((s) => !s.territory.path.startsWith(districtPath));
  const position = await prisma.classifierItem.findFirstOrThrow({
    where: { code: "TEACHER", classifier: { code: "POSITION" } },
  });
  const creator = "u_ministry";
  const people: Prisma.PersonCreateManyInput[] = [];
  const employees: Prisma.EmployeeCreateManyInput[] = [];
  const appointments: Prisma.AppointmentCreateManyInput[] = [];
  const surnames = ["Ахметов", "Серіков", "Жұмабаев", "Омаров", "Қасымов", "Нұрланов", "Бекова", "Ержанова"];
  // every 1/DISTRICT_SHARE-th employee works in the demo district
  const every = Math.max(1, Math.round(1 / DISTRICT_SHARE));
  for (let i = 0, serial = 0; people.length < APPOINTMENTS; i++) {
    // 9,000 serial numbers a birth date, then the next day (born 1960–2002)
    const born = new Date(Date.UTC(1960, 0, 1) + (Math.floor(serial / 9000) % 15_000) * 86_400_000);
    const birthDate = born.toISOString().slice(0, 10);
    const iin = withCheckDigit(
      iinPrefix(birthDate, i % 2 ? "MALE" : "FEMALE") + String(serial++ % 9000).padStart(4, "0"),
    );
    if (!iin) continue;
    const n = people.length;
    const school = n % every === every - 1 ? inDistrict[n % inDistrict.length]! : outside[n % outside.length]!;
    const category = QUALIFICATION_CATEGORIES[n % 5]!;
    people.push({
      id: `bp_${iin}`,
      iin,
      lastName: `${surnames[n % surnames.length]}${n}`,
      firstName: "Бенч",
      birthDate: born,
      sex: i % 2 ? "MALE" : "FEMALE",
      organizationId: school.id,
    });
    employees.push({
      id: `be_${iin}`,
      personId: `bp_${iin}`,
      category,
      categoryExpiresOn: category === "no_category" ? null : new Date(Date.UTC(2027 + (n % 5), n % 12, 1)),
    });
    appointments.push({
      id: `ba_${iin}`,
      organizationId: school.id,
      employeeId: `be_${iin}`,
      positionId: position.id,
      kind: "MAIN",
      rate: 1,
      weeklyHours: 16,
      startDate: new Date(Date.UTC(2010 + (n % 15), 8, 1)),
      createdById: creator,
    });
    // one in ten has ended
    if (n % 10 === 0) appointments[appointments.length - 1]!.endDate = new Date("2025-06-30T00:00:00Z");
  }
  for (let i = 0; i < people.length; i += 5000) await prisma.person.createMany({ data: people.slice(i, i + 5000) });
  for (let i = 0; i < employees.length; i += 5000)
    await prisma.employee.createMany({ data: employees.slice(i, i + 5000) });
  for (let i = 0; i < appointments.length; i += 5000)
    await prisma.appointment.createMany({ data: appointments.slice(i, i + 5000) });
  await prisma.$executeRawUnsafe("ANALYZE");
  const total = await prisma.appointment.count();
  const seen = (
    await listStaff(scope, parseListParams({}, { sortable: STAFF_SORTS, defaultSort: "name", filters: STAFF_FILTERS }))
  ).total;
  log(`appointments in the database: ${total}; current ones in the demo district: ${seen}`);

  const params = (extra: Record<string, string>) =>
    parseListParams(extra, { sortable: STAFF_SORTS, defaultSort: "name", filters: STAFF_FILTERS });
  const byName = await timeRuns(RUNS, (i) => listStaff(scope, params({ page: String(1 + (Math.abs(i) % 5)) })));
  const byExpiry = await timeRuns(RUNS, () => listStaff(scope, params({ sort: "expiry", dir: "asc" })));
  const due = await timeRuns(RUNS, () => listStaff(scope, params({ due: "1" })));
  const search = await timeRuns(RUNS, (i) => listStaff(scope, params({ q: surnames[Math.abs(i) % surnames.length]! })));
  log(`first pages of 25 by name: ${JSON.stringify(byName)} ms`);
  log(`sorted by category expiry: ${JSON.stringify(byExpiry)} ms`);
  log(`due within 12 months: ${JSON.stringify(due)} ms`);
  log(`name search: ${JSON.stringify(search)} ms`);

  // the authorities' aggregates: the district, its region, the republic
  const aggregates: Record<string, Awaited<ReturnType<typeof timeRuns>>> = {};
  for (const login of ["u_district", "u_region", "u_ministry"]) {
    const viewer = await loadViewer(login);
    const aggregateScope = viewer ? scopeOf(viewer, "staff.read") : null;
    if (!aggregateScope) {
      log(`${login}: no staff.read scope, aggregates skipped`);
      continue;
    }
    aggregates[login] = await timeRuns(Math.min(RUNS, 20), () => staffAggregates(aggregateScope));
    log(`staff aggregates as ${login}: ${JSON.stringify(aggregates[login])} ms`);
  }

  // the commission queue: open applications of the generated employees, at their categories' levels
  const applications: Prisma.AttestationApplicationCreateManyInput[] = [];
  for (let n = 0; n < employees.length && applications.length < APPLICATIONS; n++) {
    const e = employees[n]!;
    const next = nextCategory(e.category ?? "no_category");
    if (!next) continue;
    applications.push({
      employeeId: e.id!,
      organizationId: appointments.find((a) => a.employeeId === e.id)!.organizationId,
      fromCategory: e.category ?? "no_category",
      category: next,
      level: COMMISSION_LEVEL[next],
      submittedAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000),
    });
  }
  for (let i = 0; i < applications.length; i += 5000)
    await prisma.attestationApplication.createMany({ data: applications.slice(i, i + 5000) });
  const queued = (await commissionQueue(district, attestationQuery.parse({}))).total;
  log(`open applications: ${applications.length}; in the demo district commission's queue: ${queued}`);
  const queue = await timeRuns(RUNS, (i) =>
    commissionQueue(district, attestationQuery.parse({ page: String(1 + (Math.abs(i) % 5)) })),
  );
  const decided = await timeRuns(RUNS, () => commissionQueue(district, attestationQuery.parse({ status: "decided" })));
  log(`commission queue, pages of 50: ${JSON.stringify(queue)} ms`);
  log(`commission decided tab: ${JSON.stringify(decided)} ms`);
  const worst = Math.max(byName.p95, byExpiry.p95, due.p95, search.p95, queue.p95, decided.p95);
  log(`worst p95 ${worst} ms (target ≤ ${TARGET_P95_MS} ms): ${worst <= TARGET_P95_MS ? "met" : "NOT met"}`);
  const worstAggregates = Math.max(...Object.values(aggregates).map((a) => a.p95));
  log(
    `worst aggregates p95 ${worstAggregates} ms (target ≤ ${AGGREGATES_TARGET_P95_MS} ms): ${worstAggregates <= AGGREGATES_TARGET_P95_MS ? "met" : "NOT met"}`,
  );
  writeResult(
    "staff",
    {
      database: label,
      appointments: total,
      inDistrict: seen,
      runs: RUNS,
      byName,
      byExpiry,
      due,
      search,
      applications: applications.length,
      queued,
      queue,
      decided,
      targetP95Ms: TARGET_P95_MS,
      districtShare: DISTRICT_SHARE,
      aggregates,
      aggregatesTargetP95Ms: AGGREGATES_TARGET_P95_MS,
    },
    label.includes("PostgreSQL") ? "postgres" : "pglite",
  );
} finally {
  await closeBenchDatabase();
}
