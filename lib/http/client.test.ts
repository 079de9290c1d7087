import { afterEach, describe, expect, it, vi } from "vitest";

async function load(trustProxy: string) {
  vi.resetModules();
  vi.stubEnv("TRUST_PROXY", trustProxy);
  return import("./client");
}

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("clientAddress", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("believes only the socket by default, whatever X-Forwarded-For says", async () => {
    const { clientAddress, CLIENT_ADDRESS_HEADER } = await load("false");
    const h = headers({ [CLIENT_ADDRESS_HEADER]: "::ffff:10.1.2.3", "x-forwarded-for": "1.1.1.1" });
    expect(clientAddress(h)).toBe("10.1.2.3");
    expect(clientAddress(headers({}))).toBe("unknown");
  });

  it("with one trusted proxy takes the address the proxy saw, not one the client wrote", async () => {
    const { clientAddress, clientProtocol, CLIENT_ADDRESS_HEADER } = await load("true");
    const h = headers({
      [CLIENT_ADDRESS_HEADER]: "127.0.0.1",
      "x-forwarded-for": "6.6.6.6, 203.0.113.9",
      "x-forwarded-proto": "https",
    });
    expect(clientAddress(h)).toBe("203.0.113.9");
    expect(clientProtocol(h)).toBe("https");
  });

  it("with two proxies goes two entries back and refuses garbage", async () => {
    const { clientAddress, CLIENT_ADDRESS_HEADER } = await load("2");
    expect(
      clientAddress(headers({ [CLIENT_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "198.51.100.4, 10.0.0.1" })),
    ).toBe("198.51.100.4");
    expect(
      clientAddress(headers({ [CLIENT_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "<script>, 10.0.0.1" })),
    ).toBe("unknown");
  });

  it("stops the start on a malformed TRUST_PROXY or PUBLIC_URL, naming the variable", async () => {
    const { clientAddress } = await load("yes");
    expect(() => clientAddress(headers({}))).toThrow(/TRUST_PROXY/);
    vi.resetModules();
    vi.stubEnv("TRUST_PROXY", "false");
    vi.stubEnv("PUBLIC_URL", "https://eiso.edu.kz/kk");
    const { publicUrl } = await import("../env");
    expect(() => publicUrl("/x")).toThrow(/PUBLIC_URL/);
  });

  it("builds absolute links on PUBLIC_URL", async () => {
    vi.resetModules();
    vi.stubEnv("PUBLIC_URL", "https://eiso.edu.kz/");
    const { publicUrl } = await import("../env");
    expect(publicUrl("/kk/certificates/verify")).toBe("https://eiso.edu.kz/kk/certificates/verify");
  });
});
