/** Parses a dotted-quad IPv4 address (no leading zeros) to its 32-bit value; undefined when malformed. */
export function parseIpv4(text: string): number | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (match === null) return undefined;
  let value = 0;
  for (const part of match.slice(1)) {
    if ((part.length > 1 && part.startsWith("0")) || Number(part) > 255) return undefined;
    value = value * 256 + Number(part);
  }
  return value;
}

/** Formats a 32-bit value as a dotted quad. */
export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

/** Parses `a.b.c.d/n` to its first address and size; undefined when malformed. */
export function parseIpv4Cidr(text: string): { first: number; size: number } | undefined {
  const [address, prefixText, extra] = text.split("/");
  if (address === undefined || prefixText === undefined || extra !== undefined || !/^\d{1,2}$/.test(prefixText))
    return undefined;
  const base = parseIpv4(address);
  const prefix = Number(prefixText);
  if (base === undefined || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  return { first: base - (base % size), size };
}

/** Ranges that are not public unicast addresses (RFC 1918, loopback, link-local, CGNAT, test nets, multicast, …). */
const NON_PUBLIC_CIDRS = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/24",
  "192.0.2.0/24",
  "192.168.0.0/16",
  "198.18.0.0/15",
  "198.51.100.0/24",
  "203.0.113.0/24",
  "224.0.0.0/3",
].map((cidr) => parseIpv4Cidr(cidr) as { first: number; size: number });

/** Whether a parsed address is a public unicast address. */
export function isPublicIpv4(value: number): boolean {
  return !NON_PUBLIC_CIDRS.some((range) => value >= range.first && value < range.first + range.size);
}
