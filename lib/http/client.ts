/**
 * The client's address, for rate limits and the audit log. The server (scripts/start.ts) writes the socket's
 * address into CLIENT_ADDRESS_HEADER on every request, replacing whatever the client sent. X-Forwarded-For is
 * believed only as far as TRUST_PROXY says: with N proxies in front, the client is the N-th entry from the
 * right (each proxy appends the address it saw), so a client cannot choose its own address by sending the header.
 */
import { env } from "../env";

export const CLIENT_ADDRESS_HEADER = "x-eiso-client-address";

/** Used when no address is known (a call outside the HTTP server, e.g. a test or a script). */
export const UNKNOWN_ADDRESS = "unknown";

interface HeaderSource {
  get(name: string): string | null;
}

/** The address to hold responsible for a request, from the socket or the trusted proxies' X-Forwarded-For. */
export function clientAddress(headers: HeaderSource): string {
  const socket = headers.get(CLIENT_ADDRESS_HEADER)?.trim() || UNKNOWN_ADDRESS;
  const hops = env().TRUST_PROXY;
  if (hops === 0) return normalise(socket);
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  // the chain is "client, proxy1, …" plus the socket peer (the last proxy); with N proxies the client is N back
  const chain = [...forwarded, socket];
  const candidate = chain[chain.length - 1 - hops];
  return normalise(candidate ?? forwarded[0] ?? socket);
}

/** The scheme the client used: the socket's own, or X-Forwarded-Proto from a trusted proxy. */
export function clientProtocol(headers: HeaderSource): "http" | "https" {
  if (env().TRUST_PROXY === 0) return "http";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return proto === "https" ? "https" : "http";
}

/** IPv4-mapped IPv6 (::ffff:1.2.3.4) as plain IPv4; anything not an address shape becomes UNKNOWN_ADDRESS. */
function normalise(address: string): string {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return /^[0-9a-f.:]{2,45}$/i.test(plain) ? plain.toLowerCase() : UNKNOWN_ADDRESS;
}
