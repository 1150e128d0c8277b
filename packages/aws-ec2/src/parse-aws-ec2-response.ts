import type { AllocatedIp } from "@polycloud/core";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { z } from "zod";

// Attributes (xmlns) are noise; values stay strings ("true", ids with leading zeros); `item` is always a list.
const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) => name === "item",
});

/** Parses an EC2 XML answer into plain objects (`<a><item>…</item></a>` → `{ a: { item: […] } }`); undefined unless well-formed XML. @internal */
export function parseEc2Xml(body: string): Record<string, unknown> | undefined {
  // The parser is lenient (a truncated answer parses partially): only a well-formed document is read.
  if (XMLValidator.validate(body) !== true) return undefined;
  try {
    const parsed: unknown = parser.parse(body);
    return typeof parsed === "object" && parsed !== null && Object.keys(parsed).length > 0
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** An optional element; EC2 writes absent values as empty elements too. */
const text = z
  .string()
  .optional()
  .transform((value) => (value === "" ? undefined : value));

/** A `<xSet><item>…</item></xSet>` list; an empty set (`<xSet/>`) or none is `[]`. */
function list<Item extends z.ZodType>(item: Item) {
  return z
    .union([z.literal(""), z.looseObject({ item: z.array(item) })])
    .optional()
    .transform((value): Array<z.output<Item>> => (typeof value === "object" ? value.item : []));
}

const TagSchema = z.looseObject({ key: z.string().min(1), value: z.string().optional() });

/** One `addressesSet` item of DescribeAddresses: only what the adapter reads; the rest stays in `raw`. @public */
export const Ec2AddressSchema = z.looseObject({
  allocationId: z.string().min(1),
  publicIp: text,
  domain: text,
  associationId: text,
  instanceId: text,
  networkBorderGroup: text,
  tagSet: list(TagSchema),
});

/** @public */
export type Ec2Address = z.output<typeof Ec2AddressSchema>;

const InstanceSchema = z.looseObject({
  instanceId: z.string().min(1),
  instanceState: z.looseObject({ name: z.string().min(1) }),
});

/** @internal */
export type Ec2Instance = z.output<typeof InstanceSchema>;

/** A parse function accepting the content of `<ActionResponse>` when `schema` does (undefined: unreadable). @internal */
function parseWith<Schema extends z.ZodType>(schema: Schema): (json: unknown) => z.output<Schema> | undefined {
  return (json) => schema.safeParse(json).data;
}

/** @internal */
export const parseAllocateAddress = parseWith(
  z.looseObject({ allocationId: z.string().min(1), publicIp: z.string().min(1), networkBorderGroup: text }),
);
/** @internal */
export const parseDescribeAddresses = parseWith(z.looseObject({ addressesSet: list(Ec2AddressSchema) }));
/** @internal */
export const parseAssociateAddress = parseWith(z.looseObject({ associationId: z.string().min(1) }));
/** `<return>true</return>` of DisassociateAddress and ReleaseAddress. @internal */
export const parseReturn = parseWith(z.looseObject({ return: z.string().optional() }));
/** @internal */
export const parseDescribeInstances = parseWith(
  z.looseObject({ reservationSet: list(z.looseObject({ instancesSet: list(InstanceSchema) })) }),
);

/** The value of one tag of an address. @internal */
export function readTag(address: Ec2Address, key: string): string | undefined {
  const tag = address.tagSet.find((candidate) => candidate.key === key);
  return tag === undefined ? undefined : (tag.value ?? "");
}

/**
 * An Elastic IP in neutral form: always `ready` (EC2 assigns the address synchronously), `instanceId` when
 * associated, `providerState` `associated` / `unassociated`. polycloud's own `polycloud:*` tags are hidden from
 * `tags` (they stay in `raw`).
 * @public
 */
export function mapAddressToAllocatedIp(address: Ec2Address, region: string): AllocatedIp {
  const tags = Object.fromEntries(
    address.tagSet.filter((tag) => !tag.key.startsWith("polycloud:")).map((tag) => [tag.key, tag.value ?? ""]),
  );
  return {
    id: address.allocationId,
    ...(address.publicIp ? { address: address.publicIp } : {}),
    state: "ready",
    location: { region },
    ...(address.instanceId ? { instanceId: address.instanceId } : {}),
    tags,
    providerState: address.associationId ? "associated" : "unassociated",
    raw: address,
  };
}
