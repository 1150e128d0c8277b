import { ALIBABA_ACTION_CATALOGUE } from "./alibaba-action-catalogue.js";
import { ALIBABA_ALLOCATE_CATALOGUE } from "./alibaba-allocate-catalogue.js";
import type { AlibabaCatalogueEntry } from "./alibaba-catalogue-entry.js";
import { ALIBABA_GATEWAY_CATALOGUE } from "./alibaba-gateway-catalogue.js";

export type { AlibabaCatalogueEntry } from "./alibaba-catalogue-entry.js";

/**
 * The catalogue, grouped: AllocatePublicIpAddress (seed pages), ReleasePublicIpAddress, other actions, gateway.
 * The README table lists it in this order, row for row.
 */
export const ALIBABA_ERROR_CATALOGUE: readonly AlibabaCatalogueEntry[] = [
  ...ALIBABA_ALLOCATE_CATALOGUE,
  ...ALIBABA_ACTION_CATALOGUE,
  ...ALIBABA_GATEWAY_CATALOGUE,
];

/** Status and message for a code: the entry of `action` first, then a gateway entry, then any entry of the code. */
export function findCatalogueEntry(code: string, action?: string): AlibabaCatalogueEntry | undefined {
  return (
    ALIBABA_ERROR_CATALOGUE.find((entry) => entry.code === code && entry.action === action && action !== undefined) ??
    ALIBABA_ERROR_CATALOGUE.find((entry) => entry.code === code && entry.action === undefined) ??
    ALIBABA_ERROR_CATALOGUE.find((entry) => entry.code === code)
  );
}
