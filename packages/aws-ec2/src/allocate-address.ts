import { randomUUID } from "node:crypto";
import {
  IpAllocatorError,
  attachAllocatedIds,
  convergeAllocation,
  releaseAllocated,
  toIpAllocatorError,
  type AllocationResult,
  type KeyedAllocation,
  type Operation,
} from "@polycloud/core";
import { associateAddress } from "./associate-address.js";
import type { AwsEc2Client } from "./aws-ec2-client.js";
import { AWS_EC2_DEFAULT_RECONCILE, AWS_EC2_PROVIDER, type ResolvedAwsEc2Settings } from "./aws-ec2-settings.js";
import { findAddressesByKey } from "./describe-addresses.js";
import { checkInstanceRunning } from "./describe-instance.js";
import { mapAddressToAllocatedIp, parseAllocateAddress, readTag, type Ec2Address } from "./parse-aws-ec2-response.js";
import { releaseAddress } from "./release-address.js";
import {
  CREATED_AT_TAG_KEY,
  IDEMPOTENCY_TAG_KEY,
  INSTANCE_TAG_KEY,
  type ValidatedAwsEc2Request,
} from "./validate-aws-ec2-request.js";

/**
 * Allocates one Elastic IP, and associates it when the request names an instance. The instance is checked first
 * (unknown or not running: a typed error before anything is billed). AllocateAddress has no client token and
 * bills at once: the address is tagged with the idempotency key (the caller's, or a fresh one) and core's
 * `convergeAllocation` does the rest (lookup of a caller's key, read-back by tag after an ambiguous answer, a
 * retry with the same key when nothing was allocated, surplus released so every caller with one key keeps the
 * same address). A converged address already on the instance is returned as is. When the association fails,
 * the address is released (`reconcile.releaseOnFailure: false` keeps it) or, with a caller's key, kept; the
 * error names it either way.
 * @internal
 */
export async function allocateAddress(
  operation: Operation,
  client: AwsEc2Client,
  { request, providerOptions }: ValidatedAwsEc2Request,
  settings: ResolvedAwsEc2Settings,
): Promise<AllocationResult> {
  const { instanceId } = request;
  if (instanceId !== undefined) await checkInstanceRunning(operation, client, instanceId);
  const key = request.idempotencyKey ?? `polycloud-${randomUUID()}`;
  const shared = request.idempotencyKey !== undefined;
  const reconcile = { ...AWS_EC2_DEFAULT_RECONCILE, ...settings.reconcile };
  const release = (releasing: Operation, allocationId: string) => releaseAddress(releasing, client, allocationId, true);
  const declaration: KeyedAllocation<Ec2Address> = {
    key,
    shared,
    count: 1,
    async send(context) {
      let tags: Array<{ key: string; value: string }> = [];
      // Stamped when the attempt is signed (after any rate-limit wait): a retry after "nothing was allocated" is a new allocation.
      const parameters = (signedAt: number) => {
        tags = [
          ...Object.entries(request.tags).map(([tagKey, value]) => ({ key: tagKey, value })),
          { key: IDEMPOTENCY_TAG_KEY, value: key },
          { key: CREATED_AT_TAG_KEY, value: new Date(signedAt).toISOString() },
        ];
        if (instanceId !== undefined) tags.push({ key: INSTANCE_TAG_KEY, value: instanceId });
        const fields: Record<string, string> = { Domain: "vpc", "TagSpecification.1.ResourceType": "elastic-ip" };
        tags.forEach((tag, index) => {
          fields[`TagSpecification.1.Tag.${index + 1}.Key`] = tag.key;
          fields[`TagSpecification.1.Tag.${index + 1}.Value`] = tag.value;
        });
        if (providerOptions.networkBorderGroup !== undefined)
          fields.NetworkBorderGroup = providerOptions.networkBorderGroup;
        if (providerOptions.publicIpv4Pool !== undefined) fields.PublicIpv4Pool = providerOptions.publicIpv4Pool;
        return fields;
      };
      const { response, requestId } = await client.call("AllocateAddress", parameters, parseAllocateAddress, context);
      const { allocationId, publicIp, networkBorderGroup } = response;
      return {
        resources: [
          {
            allocationId,
            publicIp,
            domain: "vpc",
            networkBorderGroup,
            associationId: undefined,
            instanceId: undefined,
            tagSet: tags,
          },
        ],
        requestId,
      };
    },
    findByKey: (reading) => findAddressesByKey(reading, client, key, reconcile.checks * reconcile.intervalMs),
    release,
    idOf: (address) => address.allocationId,
    checkExisting: (found) => checkSameInstance(found, instanceId, key),
    settle: { reads: reconcile.checks, intervalMs: reconcile.intervalMs },
    retryWhenAbsent: reconcile.retryWhenAbsent,
    releaseOnFailure: reconcile.releaseOnFailure,
  };
  const converged = await convergeAllocation(operation, declaration);
  let address = converged.resources[0] as Ec2Address;
  if (instanceId !== undefined && address.instanceId !== instanceId) {
    try {
      address = {
        ...address,
        instanceId,
        associationId: await associateAddress(operation, client, address.allocationId, instanceId),
      };
    } catch (thrown) {
      const error = toIpAllocatorError(thrown, { provider: AWS_EC2_PROVIDER, operation: operation.name });
      const allocatedIds = [address.allocationId];
      // Another caller may hold a shared key's address (and a retry with the key returns it): kept and named.
      if (shared || reconcile.releaseOnFailure === false)
        throw attachAllocatedIds(error, {
          allocatedIds,
          releasedIds: [],
          idempotencyKey: key,
          returnedOnly: shared && converged.reconciled,
        });
      const outcome = await releaseAllocated(operation, allocatedIds, release);
      throw attachAllocatedIds(error, { allocatedIds, releasedIds: outcome.released, idempotencyKey: key });
    }
  }
  return {
    provider: AWS_EC2_PROVIDER,
    ips: [mapAddressToAllocatedIp(address, settings.region)],
    requestId: operation.requestId,
    idempotencyKey: key,
    reconciled: converged.reconciled,
    metadata: operation.metadata(),
    warnings: converged.warnings,
  };
}

/** A key names one request: an address found with it for another instance (or none) is a conflict. */
function checkSameInstance(
  found: Ec2Address[],
  instanceId: string | undefined,
  key: string,
): IpAllocatorError | undefined {
  const foreign = found.find((address) => readTag(address, INSTANCE_TAG_KEY) !== instanceId);
  if (foreign === undefined) return undefined;
  return new IpAllocatorError({
    code: "ALREADY_EXISTS",
    message: `idempotencyKey "${key}" already allocated ${foreign.allocationId} for instance ${readTag(foreign, INSTANCE_TAG_KEY) ?? "(none)"}, not ${instanceId ?? "(none)"}; use a new key for a different request.`,
    provider: AWS_EC2_PROVIDER,
    operation: "allocate",
    details: { idempotencyKey: key, allocationIds: found.map((address) => address.allocationId) },
  });
}
