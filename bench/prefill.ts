/**
 * `npm run bench:prefill [-- --schools 1000 --staff 50]`: prefilling the staff form (D-3) for every school of a
 * region, as the region administrator's background fill does it (lib/reporting/prefill-region.ts).
 *
 * Builds a throw-away database (in-memory PGlite, or the PostgreSQL of TEST_DATABASE_URL) with the `tiny` seed,
 * adds `--schools` generated schools to the demo region's districts with `--staff` employees each (a main
 * appointment as a teacher, categories, sexes, ages and education spread) — the national order of magnitude
 * is about 380,000 staff across 7,500 schools, 50 a school, and the largest regions have about 1,000 schools —
 * then queues the region's fill of D-3 and times the job's run to the end. Target: ≤ 30 s.
 * Writes bench/results/prefill-<date>-<pglite|postgres>.json.
 */
import { loadavg } from "node:os";
import type { Prisma } from "../lib/generated/prisma/client";
import { iinPrefix, withCheckDigit } from "../lib/identity";
import { loadViewer } from "../lib/auth/access";
import { prisma } from "../lib/db";
import { QUALIFICATION_CATEGORIES } from "../lib/staff/rules";
import { executePrefillRun, startRegionPrefill } from "../lib/reporting/prefill-region";
import { closeBenchDatabase, createBenchSchools, log, ms, openBenchDatabase, option, round, writeResult } from "./lib";

const SCHOOLS = option("schools", 1000);
const STAFF = option("staff", 50);
const TARGET_S = 30;

const { label } = await openBenchDatabase();
try {
  console.log(`Region prefill benchmark on ${label}: ${SCHOOLS} schools × ${STAFF} staff`);
  const region = (await loadViewer("u_region"))!;
  const regionPath = region.roles.find((r) => r.role === "REGION_ADMIN")!.territoryPath!;
  const territory = await prisma.territory.findUniqueOrThrow({ where: { path: regionPath } });
  const districts = await prisma.territory.findMany({ where: { parentId: territory.id }, select: { id: true } });
  const schools = await createBenchSchools(prisma, districts, SCHOOLS, { id: "bench_pf_", binDigit: "8" });
  const position = await prisma.classifierItem.findFirstOrThrow({
    where: { code: "TEACHER", classifier: { code: "POSITION" } },
  });

  const setup = process.hrtime.bigint();
  let serial = 0;
  for (let s = 0; s < schools.length; s += 100) {
    const people: Prisma.PersonCreateManyInput[] = [];
    const employees: Prisma.EmployeeCreateManyInput[] = [];
    const appointments: Prisma.AppointmentCreateManyInput[] = [];
    for (const school of schools.slice(s, s + 100)) {
      for (let k = 0; k < STAFF;) {
        const n = serial++;
        const sex = n % 3 ? "FEMALE" : "MALE";
        const birth = `${1960 + (n % 40)}-0${1 + (n % 9)}-1${n % 9}`;
        const iin = withCheckDigit(iinPrefix(birth, sex) + String(n % 10000).padStart(4, "0"));
        if (!iin || serial > 9_000_000) continue;
        const id = `${n}`;
        const category = QUALIFICATION_CATEGORIES[n % 5]!;
        people.push({
          id: `bpp_${id}`,
          iin,
          lastName: `Бенч${n}`,
          firstName: "Мұғалім",
          birthDate: new Date(`${birth}T00:00:00Z`),
          sex,
          organizationId: school.id,
        });
        employees.push({
          id: `bpe_${id}`,
          personId: `bpp_${id}`,
          category,
          higherEducation: n % 4 !== 0,
          categoryExpiresOn: category === "no_category" ? null : new Date(Date.UTC(2027 + (n % 5), n % 12, 1)),
        });
        appointments.push({
          id: `bpa_${id}`,
          organizationId: school.id,
          employeeId: `bpe_${id}`,
          positionId: position.id,
          kind: n % 10 === 0 ? "PART_TIME" : "MAIN",
          rate: n % 10 === 0 ? 0.5 : 1,
          weeklyHours: 16,
          startDate: new Date(Date.UTC(2005 + (n % 20), 8, 1)),
          createdById: "u_ministry",
        });
        k++;
      }
    }
    await prisma.person.createMany({ data: people, skipDuplicates: true });
    await prisma.employee.createMany({ data: employees });
    await prisma.appointment.createMany({ data: appointments });
  }
  const inRegion = { organization: { territory: { path: { startsWith: regionPath } } } };
  const appointments = await prisma.appointment.count({ where: inRegion });
  log(`setup: ${round(ms(setup) / 1000)} s; appointments in the region: ${appointments}`);

  const load = loadavg().map((x) => round(x, 2));
  const started = process.hrtime.bigint();
  const { id } = await startRegionPrefill(region, { periodId: "rp2026_d3", territoryId: territory.id });
  const run = await executePrefillRun(id);
  const seconds = round(ms(started) / 1000, 2);
  const drafts = await prisma.submission.count({ where: { periodId: "rp2026_d3", ...inRegion } });
  log(
    `schools: ${run.total}, appointments: ${appointments}, filled: ${run.filled}, skipped: ${run.skipped} — ${seconds} s (load ${load.join(" ")})`,
  );
  const ok = run.status === "DONE" && seconds <= TARGET_S;
  console.log(ok ? `OK: ${seconds} s ≤ ${TARGET_S} s` : `SLOW or failed: ${run.status}, ${seconds} s`);
  writeResult(
    "prefill",
    {
      database: label,
      schools: run.total,
      appointments,
      filled: run.filled,
      skipped: run.skipped,
      drafts,
      seconds,
      targetSeconds: TARGET_S,
      loadAverage: load,
    },
    label.startsWith("PostgreSQL") ? "postgres" : "pglite",
  );
} finally {
  await closeBenchDatabase();
}
