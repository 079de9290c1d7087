/**
 * `npm run cluster -- start [--instances 2] [--scale demo]` / `npm run cluster -- stop`: a PostgreSQL primary
 * with a streaming replica, several portal instances and nginx in front, on one machine (see
 * scripts/cluster-control.ts; needs root and nginx). The proxy answers on http://127.0.0.1:8088.
 */
import { flags, run } from "./cli";
import { proxyOrigin, startCluster, stopCluster } from "./cluster-control";

await run(async () => {
  const command = process.argv.slice(2).find((a) => !a.startsWith("--"));
  const args = flags();
  if (command === "start") {
    const instances = typeof args.instances === "string" ? Number(args.instances) : 2;
    if (!Number.isInteger(instances) || instances < 1 || instances > 8) throw new Error("--instances must be 1–8");
    await startCluster({ instances, scale: typeof args.scale === "string" ? args.scale : "demo" });
    console.log(`The cluster is running: ${proxyOrigin}/kk — stop it with npm run cluster -- stop`);
  } else if (command === "stop") {
    await stopCluster();
  } else throw new Error("Use: npm run cluster -- start|stop");
});
