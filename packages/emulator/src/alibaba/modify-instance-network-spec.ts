import { AlibabaApiError, invalidParameter } from "./alibaba-envelope.js";
import {
  assertNotLocked,
  assertPublicIpSupported,
  assertRunningOrStopped,
  assignPublicIp,
  findInstance,
  readBooleanParameter,
  type AlibabaActionHandler,
} from "./instance-checks.js";

/** V1 common parameters: they change on every retry, so they are not part of a ClientToken's fingerprint. */
const COMMON_PARAMETERS = new Set([
  "Action",
  "Version",
  "Format",
  "AccessKeyId",
  "Signature",
  "SignatureMethod",
  "SignatureVersion",
  "SignatureNonce",
  "SignatureType",
  "Timestamp",
  "SecurityToken",
  "ClientToken",
]);

/**
 * `ModifyInstanceNetworkSpec` with `InternetMaxBandwidthOut` / `InternetMaxBandwidthIn` and `AllocatePublicIp=true`
 * (reference §3.1). `ClientToken` (≤ 64 ASCII characters) makes it idempotent: the same token with the same
 * parameters returns the first result without a second allocation; with other parameters →
 * `IdempotentParameterMismatch`. A PrePaid instance raised from bandwidth 0 gets an IP automatically.
 */
export const modifyInstanceNetworkSpec: AlibabaActionHandler = (params, context) => {
  const clientToken = params["ClientToken"];
  if (clientToken !== undefined && !/^[\x20-\x7e]{1,64}$/.test(clientToken)) throw invalidParameter("ClientToken");
  const tokenKey = clientToken === undefined ? undefined : `${context.accessKeyId}\n${clientToken}`;
  const fingerprint = fingerprintParameters(params);
  if (tokenKey !== undefined) {
    const remembered = context.store.clientTokens.get(tokenKey);
    if (remembered !== undefined) {
      if (remembered.fingerprint !== fingerprint) throw new AlibabaApiError("IdempotentParameterMismatch");
      return { ...remembered.fields };
    }
  }
  const instance = findInstance(params, context.store);
  assertNotLocked(instance);
  assertRunningOrStopped(instance);
  const bandwidthOut = readBandwidth(params, "InternetMaxBandwidthOut", 0, 100);
  const bandwidthIn = readBandwidth(params, "InternetMaxBandwidthIn", 1, 10_000);
  const allocatePublicIp = readBooleanParameter(params, "AllocatePublicIp") ?? false;
  const effectiveOut = bandwidthOut ?? instance.internetMaxBandwidthOut;
  const prePaidRaisedFromZero =
    instance.instanceChargeType === "PrePaid" && instance.internetMaxBandwidthOut === 0 && effectiveOut > 0;
  if (allocatePublicIp) {
    assertPublicIpSupported(instance);
    if (instance.eipAddress !== undefined) throw new AlibabaApiError("OperationDenied");
    if (effectiveOut <= 0) throw new AlibabaApiError("AllocateIpInvalidInstanceBandwidth");
  }
  const needsIp =
    instance.publicIpAddress === undefined &&
    instance.eipAddress === undefined &&
    (allocatePublicIp || prePaidRaisedFromZero);
  // Allocate first: it is the only step that can still fail, so a failure leaves the bandwidth untouched.
  // Assumption: the ModifyInstanceNetworkSpec docs name no restart, so its IP is effective at once.
  if (needsIp) assignPublicIp(instance, "ModifyInstanceNetworkSpec", context, { effective: true });
  for (const [attribute, value] of [
    ["internetMaxBandwidthOut", bandwidthOut],
    ["internetMaxBandwidthIn", bandwidthIn],
  ] as const) {
    if (value === undefined || instance[attribute] === value) continue;
    context.events.record({
      provider: "alibaba",
      action: "ModifyInstanceNetworkSpec",
      kind: "status",
      resourceId: instance.instanceId,
      detail: { attribute, from: instance[attribute], to: value },
    });
    instance[attribute] = value;
  }
  const fields: Record<string, unknown> = {};
  if (tokenKey !== undefined) context.store.clientTokens.set(tokenKey, { fingerprint, fields: { ...fields } });
  return fields;
};

function readBandwidth(
  params: Readonly<Record<string, string>>,
  name: string,
  minimum: number,
  maximum: number,
): number | undefined {
  const value = params[name];
  if (value === undefined || value === "") return undefined;
  if (!/^\d{1,6}$/.test(value) || Number(value) < minimum || Number(value) > maximum) throw invalidParameter(name);
  return Number(value);
}

function fingerprintParameters(params: Readonly<Record<string, string>>): string {
  const entries = Object.entries(params)
    .filter(([name]) => !COMMON_PARAMETERS.has(name))
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
  return JSON.stringify(entries);
}
