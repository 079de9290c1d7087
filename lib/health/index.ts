import "server-only";
/** Reachability of what the portal needs to serve requests, for `/api/health` and the load balancer's probes. */
import { database } from "../db";

/** Whether the database answers a trivial query. */
export async function databaseReachable(): Promise<boolean> {
  try {
    await database().raw.query("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
