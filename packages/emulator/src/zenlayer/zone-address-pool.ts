/** An IPv4 network in numeric form. */
export interface Ipv4Network {
  base: number;
  prefixLength: number;
}

/** Smallest pool prefix accepted (a /12 keeps the occupancy bitmap at 1 MiB). */
export const MIN_POOL_PREFIX_LENGTH = 12;

/** Parses `a.b.c.d/n` (host bits must be zero); returns undefined when malformed. */
export function parseIpv4Cidr(text: string): Ipv4Network | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (match === null) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefixLength = Number(match[5]);
  if (octets.some((octet) => octet > 255) || prefixLength > 32) return undefined;
  const base = octets.reduce((value, octet) => value * 256 + octet, 0);
  const blockSize = 2 ** (32 - prefixLength);
  if (base % blockSize !== 0) return undefined;
  return { base, prefixLength };
}

/** Formats a numeric IPv4 address. */
export function formatIpv4(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join(".");
}

/**
 * Hands out aligned address blocks (one per EIP, sized by its netmask) from a zone's CIDR, round-robin
 * from a cursor so that a released address is not handed out again until the pool wraps.
 */
export class ZoneAddressPool {
  readonly #base: number;
  readonly #occupied: Uint8Array;
  #cursor = 0;
  #free: number;

  constructor(network: Ipv4Network) {
    this.#base = network.base;
    this.#occupied = new Uint8Array(2 ** (32 - network.prefixLength));
    // The network and broadcast addresses of the pool never become EIPs.
    this.#occupied[0] = 1;
    this.#occupied[this.#occupied.length - 1] = 1;
    this.#free = Math.max(0, this.#occupied.length - 2);
  }

  /** Addresses not yet taken by any block. */
  get freeAddresses(): number {
    return this.#free;
  }

  /** How many blocks of `blockSize` addresses could be reserved right now (stops counting at `limit`). */
  countAvailableBlocks(blockSize: number, limit: number): number {
    let count = 0;
    for (let offset = 0; offset < this.#occupied.length && count < limit; offset += blockSize) {
      if (this.#isFree(offset, blockSize)) count += 1;
    }
    return count;
  }

  /** Reserves an aligned block; returns its first address, or undefined when none is free. */
  reserve(blockSize: number): number | undefined {
    const size = this.#occupied.length;
    const start = Math.ceil(this.#cursor / blockSize) * blockSize;
    for (let step = 0; step < size; step += blockSize) {
      const offset = (start + step) % size;
      if (offset + blockSize > size || !this.#isFree(offset, blockSize)) continue;
      this.#occupied.fill(1, offset, offset + blockSize);
      this.#free -= blockSize;
      this.#cursor = (offset + blockSize) % size;
      return this.#base + offset;
    }
    return undefined;
  }

  /** Returns a block reserved by {@link reserve}. */
  release(address: number, blockSize: number): void {
    const offset = address - this.#base;
    this.#occupied.fill(0, offset, offset + blockSize);
    this.#free += blockSize;
  }

  #isFree(offset: number, blockSize: number): boolean {
    for (let index = offset; index < offset + blockSize; index += 1) {
      if (this.#occupied[index] === 1) return false;
    }
    return true;
  }
}
