/**
 * Runs once when the server starts. The job runner (lib/jobs) lives inside the server bundle, where the
 * modules its jobs use may be imported; the start script asks for it with EISO_JOB_RUNNER=1 (never during
 * `next build` or tests).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.EISO_JOB_RUNNER !== "1") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startJobs } = await import("./lib/jobs/catalogue");
  await startJobs();
}
