import { formatIpv4, parseIpv4Cidr } from "./ipv4.js";

/**
 * Public IPs in use across an emulated region, plus deterministic allocation of fresh ones from a CIDR:
 * a seeded random starting point, then the next free usable address, so runs under one seed agree.
 */
export class PublicIpPool {
  readonly #first: number;
  readonly #size: number;
  readonly #random: () => number;
  readonly #inUse = new Set<string>();

  constructor(cidr: string, random: () => number) {
    const range = parseIpv4Cidr(cidr);
    if (range === undefined) throw new TypeError(`Invalid public IP CIDR "${cidr}"`);
    this.#first = range.first;
    this.#size = range.size;
    this.#random = random;
  }

  /** Whether an address is held by some instance (as a public IP or an EIP). */
  isInUse(ipAddress: string): boolean {
    return this.#inUse.has(ipAddress);
  }

  /** Marks an address as held (seeded IPs, explicitly requested IPs). */
  reserve(ipAddress: string): void {
    this.#inUse.add(ipAddress);
  }

  /** Returns an address to the pool. */
  release(ipAddress: string): void {
    this.#inUse.delete(ipAddress);
  }

  /** Draws and reserves a free address; undefined when the pool is exhausted (Alibaba answers InsufficientPublicIp, AWS AddressLimitExceeded). */
  allocate(): string | undefined {
    const start = Math.floor(this.#random() * this.#size);
    for (let step = 0; step < this.#size; step += 1) {
      const value = this.#first + ((start + step) % this.#size);
      const lastOctet = value % 256;
      // Skip .0 and .255 so no fake IP looks like a network or broadcast address.
      if (this.#size > 2 && (lastOctet === 0 || lastOctet === 255)) continue;
      const candidate = formatIpv4(value);
      if (this.#inUse.has(candidate)) continue;
      this.#inUse.add(candidate);
      return candidate;
    }
    return undefined;
  }
}
