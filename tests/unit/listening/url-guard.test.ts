import { describe, expect, it } from "vitest";
import {
  assertPublicUrl,
  blockedAddressReason,
  type HostResolver,
} from "~/integrations/sources/url-guard.server";

const resolver =
  (table: Record<string, string[]>): HostResolver =>
  async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) throw new Error(`getaddrinfo ENOTFOUND ${hostname}`);
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };

describe("blockedAddressReason", () => {
  it.each([
    ["127.0.0.1", /loopback/],
    ["10.1.2.3", /private/],
    ["172.16.0.1", /private/],
    ["172.31.255.255", /private/],
    ["192.168.1.1", /private/],
    ["169.254.169.254", /link-local/],
    ["100.64.0.1", /carrier-grade NAT/],
    ["0.0.0.0", /this network/],
    ["224.0.0.1", /multicast/],
    ["::1", /loopback/],
    ["::", /unspecified/],
    ["fe80::1", /link-local/],
    ["fc00::1", /private/],
    ["fd12:3456::1", /private/],
    ["ff02::1", /multicast/],
    ["::ffff:127.0.0.1", /loopback/],
    ["::ffff:7f00:1", /loopback/],
    ["::ffff:a9fe:a9fe", /link-local/],
    ["::10.0.0.1", /private/],
    ["64:ff9b::192.168.0.1", /private/],
  ])("blocks %s", (address, reason) => {
    expect(blockedAddressReason(address)).toMatch(reason);
  });

  it.each(["93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700::6810:84e5", "::ffff:93.184.216.34"])(
    "allows %s",
    (address) => {
      expect(blockedAddressReason(address)).toBeNull();
    },
  );
});

describe("assertPublicUrl", () => {
  const resolve = resolver({
    "reviews.example.com": ["93.184.216.34"],
    "rebind.example.com": ["93.184.216.34", "10.0.0.5"],
    "metadata.example.com": ["169.254.169.254"],
    "v6.example.com": ["::ffff:127.0.0.1"],
  });

  it("accepts a public https URL", async () => {
    const url = await assertPublicUrl("https://reviews.example.com/api?x=1", { resolve });
    expect(url.hostname).toBe("reviews.example.com");
  });

  it.each([
    ["ftp://reviews.example.com/", /Only http and https/],
    ["file:///etc/passwd", /Only http and https/],
    ["not a url", /not a valid URL/],
    ["https://user:pw@reviews.example.com/", /Remove the user name and password/],
    ["http://localhost:3000/", /local host name/],
    ["http://api.localhost/", /local host name/],
    ["http://127.0.0.1/", /loopback/],
    ["http://2130706433/", /loopback/],
    ["http://0x7f.1/", /loopback/],
    ["http://[::1]/", /loopback/],
    ["http://[::ffff:169.254.169.254]/", /link-local/],
    ["https://metadata.example.com/", /169\.254\.169\.254, a link-local/],
    ["https://rebind.example.com/", /10\.0\.0\.5, a private network/],
    ["https://v6.example.com/", /loopback/],
    ["https://missing.example.com/", /could not be found/],
  ])("refuses %s", async (input, message) => {
    await expect(assertPublicUrl(input, { resolve })).rejects.toThrow(message);
  });
});
