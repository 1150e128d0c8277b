const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** First host and host count of an IPv4 CIDR with a /16../30 prefix, or undefined when it is not one. */
export function parseIpv4Cidr(cidr: string): { firstHost: number; hostCount: number } | undefined {
  const match = IPV4_CIDR.exec(cidr);
  if (match === null) return undefined;
  const [a, b, c, d, prefix] = match.slice(1).map(Number) as [number, number, number, number, number];
  if ([a, b, c, d].some((octet) => octet > 255) || prefix < 16 || prefix > 30) return undefined;
  const size = 2 ** (32 - prefix);
  const network = Math.floor((((a * 256 + b) * 256 + c) * 256 + d) / size) * size;
  // The network and broadcast addresses are never handed out.
  return { firstHost: network + 1, hostCount: size - 2 };
}

/** Hands out addresses of one CIDR block; freed addresses become available again. */
export class AddressPool {
  private readonly firstHost: number;
  private readonly hostCount: number;
  private readonly inUse = new Set<number>();

  constructor(cidr: string) {
    const parsed = parseIpv4Cidr(cidr);
    if (parsed === undefined) throw new RangeError(`Not an IPv4 CIDR from /16 to /30: ${cidr}`);
    this.firstHost = parsed.firstHost;
    this.hostCount = parsed.hostCount;
  }

  /** Takes `count` free addresses, or none at all when fewer are free. */
  take(count: number): string[] | undefined {
    const taken: number[] = [];
    for (let offset = 0; offset < this.hostCount && taken.length < count; offset += 1) {
      if (!this.inUse.has(this.firstHost + offset)) taken.push(this.firstHost + offset);
    }
    if (taken.length < count) return undefined;
    for (const address of taken) this.inUse.add(address);
    return taken.map(formatIpv4);
  }

  give(address: string): void {
    const parts = address.split(".").map(Number);
    this.inUse.delete(parts.reduce((value, octet) => value * 256 + octet, 0));
  }
}

function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}
