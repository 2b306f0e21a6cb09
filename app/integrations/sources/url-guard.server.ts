import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

/**
 * Guards URLs a merchant types (a custom endpoint, a self-hosted review API) against server-side
 * request forgery: Pulse must not be talked into calling its own host, the cloud metadata service
 * (169.254.169.254) or anything else on a private network.
 */

/** A URL that Pulse refuses to call, with the reason in words the merchant can act on. */
export class UnsafeUrlError extends Error {
  readonly name = "UnsafeUrlError";
}

/** Resolves a host name to all its addresses (injected in tests). */
export type HostResolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

const defaultResolver: HostResolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

const BLOCKED_HOST_NAMES = [
  /^localhost$/i,
  /\.localhost$/i,
  /\.local$/i,
  /\.internal$/i,
  /^metadata\.google\.internal$/i,
];

function ipv4ToNumber(address: string): number {
  return address.split(".").reduce((value, part) => value * 256 + Number(part), 0);
}

const IPV4_BLOCKS: { cidr: string; reason: string }[] = [
  { cidr: "0.0.0.0/8", reason: "a “this network” address" },
  { cidr: "10.0.0.0/8", reason: "a private network address" },
  { cidr: "100.64.0.0/10", reason: "a carrier-grade NAT address" },
  { cidr: "127.0.0.0/8", reason: "a loopback address (this server)" },
  { cidr: "169.254.0.0/16", reason: "a link-local address (cloud metadata lives here)" },
  { cidr: "172.16.0.0/12", reason: "a private network address" },
  { cidr: "192.0.0.0/24", reason: "an IETF protocol address" },
  { cidr: "192.0.2.0/24", reason: "a documentation address" },
  { cidr: "192.168.0.0/16", reason: "a private network address" },
  { cidr: "198.18.0.0/15", reason: "a benchmarking network address" },
  { cidr: "198.51.100.0/24", reason: "a documentation address" },
  { cidr: "203.0.113.0/24", reason: "a documentation address" },
  { cidr: "224.0.0.0/4", reason: "a multicast address" },
  { cidr: "240.0.0.0/4", reason: "a reserved address" },
];

/** Why an IPv4 address may not be called, or null when it is public. */
function blockedIpv4(address: string): string | null {
  const value = ipv4ToNumber(address);
  for (const { cidr, reason } of IPV4_BLOCKS) {
    const [base, bits] = cidr.split("/") as [string, string];
    const size = 2 ** (32 - Number(bits));
    const start = ipv4ToNumber(base);
    if (value >= start && value < start + size) return reason;
  }
  return null;
}

/** The 8 16-bit groups of an IPv6 address (handles "::" and a trailing dotted IPv4). */
function ipv6Groups(address: string): number[] | null {
  let text = address.toLowerCase().split("%")[0]!;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = ipv4ToNumber(dotted[1]!);
    text = `${text.slice(0, -dotted[1]!.length)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const parse = (part: string) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const first = parse(head);
  const last = tail === undefined ? [] : parse(tail);
  const missing = 8 - first.length - last.length;
  if (tail === undefined ? first.length !== 8 : missing < 0) return null;
  const groups = [...first, ...Array<number>(tail === undefined ? 0 : missing).fill(0), ...last];
  return groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

/** Why an IPv6 address may not be called, or null when it is public. */
function blockedIpv6(address: string): string | null {
  const g = ipv6Groups(address);
  if (!g) return "an address that cannot be read";
  const embeddedV4 = () => `${g[6]! >> 8}.${g[6]! & 0xff}.${g[7]! >> 8}.${g[7]! & 0xff}`;
  if (g.every((x) => x === 0)) return "the unspecified address";
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return "a loopback address (this server)";
  // ::ffff:a.b.c.d (IPv4-mapped), ::a.b.c.d (IPv4-compatible), 64:ff9b::a.b.c.d (NAT64): judge the IPv4 inside.
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0))
    return blockedIpv4(embeddedV4());
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0))
    return blockedIpv4(embeddedV4());
  if ((g[0]! & 0xffc0) === 0xfe80) return "a link-local address";
  if ((g[0]! & 0xfe00) === 0xfc00) return "a private network address (unique local)";
  if ((g[0]! & 0xff00) === 0xff00) return "a multicast address";
  if ((g[0]! & 0xffc0) === 0xfec0) return "a site-local address";
  if (g[0] === 0x2001 && g[1] === 0x0db8) return "a documentation address";
  // 2002::/16 (6to4) carries an IPv4 address in groups 1–2.
  if (g[0] === 0x2002) return blockedIpv4(`${g[1]! >> 8}.${g[1]! & 0xff}.${g[2]! >> 8}.${g[2]! & 0xff}`);
  return null;
}

/**
 * Returns why an IP address may not be called (loopback, private, link-local, CGNAT, multicast,
 * reserved, and IPv4 addresses hidden in IPv6 forms), or null for a public address.
 *
 * @example
 * blockedAddressReason("169.254.169.254"); // "a link-local address (cloud metadata lives here)"
 * blockedAddressReason("::ffff:127.0.0.1"); // "a loopback address (this server)"
 * blockedAddressReason("93.184.216.34"); // null
 */
export function blockedAddressReason(address: string): string | null {
  const family = isIP(address);
  if (family === 4) return blockedIpv4(address);
  if (family === 6) return blockedIpv6(address);
  return "an address that cannot be read";
}

/**
 * Checks a URL a merchant typed before Pulse calls it: http(s) only, no credentials in the URL, a
 * host name that is not local, and every address it resolves to public. Returns the parsed URL;
 * throws UnsafeUrlError with the reason otherwise.
 *
 * Call it right before each request (DNS can change between saving and calling), and send the
 * request with redirects off or re-check each redirect target.
 */
export async function assertPublicUrl(
  input: string | URL,
  options: { resolve?: HostResolver } = {},
): Promise<URL> {
  let url: URL;
  try {
    url = new URL(String(input).trim());
  } catch {
    throw new UnsafeUrlError(
      `“${String(input)}” is not a valid URL. Enter a full address starting with https://.`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new UnsafeUrlError(
      `Only http and https addresses can be used, not ${url.protocol.replace(":", "")}.`,
    );
  if (url.username || url.password)
    throw new UnsafeUrlError(
      "Remove the user name and password from the address; enter credentials in their own fields.",
    );
  const hostname = url.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "");
  if (!hostname) throw new UnsafeUrlError("The address has no host name.");
  if (BLOCKED_HOST_NAMES.some((pattern) => pattern.test(hostname)))
    throw new UnsafeUrlError(
      `${hostname} is a local host name; Pulse only calls addresses on the public internet.`,
    );

  const literal = isIP(hostname) ? [{ address: hostname, family: isIP(hostname) }] : null;
  let addresses: { address: string; family: number }[];
  if (literal) addresses = literal;
  else {
    try {
      addresses = await (options.resolve ?? defaultResolver)(hostname);
    } catch (error) {
      throw new UnsafeUrlError(
        `${hostname} could not be found (${(error as Error).message}). Check the address for typos.`,
      );
    }
    if (addresses.length === 0)
      throw new UnsafeUrlError(`${hostname} has no addresses. Check the address for typos.`);
  }
  for (const { address } of addresses) {
    const reason = blockedAddressReason(address);
    if (reason)
      throw new UnsafeUrlError(
        `${hostname} points to ${address}, ${reason}. Pulse only calls addresses on the public internet.`,
      );
  }
  return url;
}
