// Issue #14, "Secrets": a server that echoes the secret, the session/STS/Bearer token, the Authorization header or
// the signature — in its request id (body and header), Alibaba's HostId / Recommend / AccessDeniedDetail, the
// message or even the error code; whole, URL-encoded, as base64(id:secret) or split in halves across two fields —
// must not get any of them shown by an error (message, toJSON, util.inspect at any depth, String, cause chain,
// details, requestId, providerCode), a result (allocate, describe, release) or a hook event. All three adapters,
// every credential mode, on success and on error answers. The server is a loopback proxy in front of the emulator.
import { inspect } from "node:util";
import { IpAllocatorError } from "@polycloud/core";
import { collectHookEvents } from "@polycloud/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { findCredentialTraces } from "../support/find-credential-traces.js";
import { listTracedValues, startSecuritySubject, type SecuritySubject } from "../support/security-subjects.js";

const ADAPTERS = ["alibaba-ecs", "zenlayer-eip", "aws-ec2"] as const;
let subject: SecuritySubject | undefined;
afterEach(async () => {
  await subject?.close();
  subject = undefined;
});

/** Every printable form of a value: JSON, util.inspect at full depth, String; for errors each field and cause. */
function renderPrintableForms(value: unknown): string[] {
  const forms = [JSON.stringify(value) ?? "", inspect(value, { depth: Number.POSITIVE_INFINITY }), String(value)];
  if (IpAllocatorError.isInstance(value)) {
    forms.push(
      value.message,
      value.stack ?? "",
      JSON.stringify(value.toJSON()),
      JSON.stringify(value.details),
      value.requestId ?? "",
      value.providerCode ?? "",
      JSON.stringify(value.issues),
    );
    for (
      let cause: unknown = value.cause, depth = 0;
      cause !== undefined && depth < 8;
      cause = (cause as { cause?: unknown }).cause, depth += 1
    )
      forms.push(inspect(cause, { depth: Number.POSITIVE_INFINITY }), String(cause));
  }
  return forms;
}

async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error };
  }
}

describe.each(ADAPTERS)("%s behind a server echoing credentials", (adapter) => {
  it("shows none in allocate, describe and release results when a success answer's request id echoes them", async () => {
    subject = await startSecuritySubject(adapter, "success");
    const events = collectHookEvents();
    const shown: string[] = [];
    const requestIds: string[] = [];
    for (const [index, allocator] of subject.allocators.entries()) {
      const allocated = await allocator.allocate(subject.request(index), { hooks: events.hooks });
      const id = allocated.ips[0]?.id as string;
      const described = await allocator.describe(id, { hooks: events.hooks });
      const released = await allocator.release(id, { hooks: events.hooks });
      for (const result of [allocated, described, released]) shown.push(...renderPrintableForms(result));
      requestIds.push(...[allocated, described, released].map((result) => JSON.stringify(result)));
      shown.push(inspect(allocator, { depth: Number.POSITIVE_INFINITY }), JSON.stringify(allocator));
    }
    shown.push(JSON.stringify(events), inspect(events, { depth: Number.POSITIVE_INFINITY }));
    expect(findCredentialTraces(shown, listTracedValues(subject))).toEqual([]);
    // The echoes really arrived (masked): the request ids carry the placeholder where the credentials were.
    expect(requestIds.join("\n")).toContain("[REDACTED]");
    expect(subject.proxy.authorizations.length + subject.proxy.signatures.length).toBeGreaterThan(0);
  });

  it.each(["error", "error-code"] as const)(
    "shows none in any printable form of the %s answers of allocate, describe and release",
    async (mode) => {
      subject = await startSecuritySubject(adapter, mode);
      const events = collectHookEvents();
      const errors: IpAllocatorError[] = [];
      for (const [index, allocator] of subject.allocators.entries()) {
        const calls: Array<() => Promise<unknown>> = [
          () => allocator.allocate((subject as SecuritySubject).request(index), { hooks: events.hooks }),
          () => allocator.describe((subject as SecuritySubject).knownId, { hooks: events.hooks }),
          () => allocator.release((subject as SecuritySubject).knownId, { hooks: events.hooks }),
        ];
        for (const call of calls) {
          const { error } = await settle(call());
          expect(IpAllocatorError.isInstance(error), `${adapter}: a typed error`).toBe(true);
          errors.push(error as IpAllocatorError);
        }
      }
      const shown = [
        ...errors.flatMap(renderPrintableForms),
        JSON.stringify(events),
        inspect(events, { depth: Number.POSITIVE_INFINITY }),
      ];
      expect(findCredentialTraces(shown, listTracedValues(subject))).toEqual([]);
      // The provider's answer was read (not a transport failure): its fields are there, masked.
      const provided = errors.filter((error) => error.httpStatus === 403);
      expect(provided.length).toBeGreaterThan(0);
      for (const error of provided) expect(`${error.requestId ?? ""} ${error.message}`).toContain("[REDACTED]");
      if (adapter === "alibaba-ecs" && mode === "error")
        expect(provided[0]?.details).toMatchObject({
          hostId: expect.stringContaining("second-half [REDACTED]"),
          recommend: expect.stringContaining("troubleshoot"),
          accessDeniedDetail: expect.any(Object),
        });
    },
  );
});
