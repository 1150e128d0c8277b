import { describe, expect, it } from "vitest";
import { systemClock } from "../clock.js";
import { createToken, registerValue, resolveToken } from "./create-token.js";
import { createAllocatorContainer, disposeAllocatorContainer } from "./create-allocator-container.js";
import { CLOCK, HTTP_DISPATCHER, RETRY_BUDGET } from "./tokens.js";
import { inject, injectable } from "./deferred-decorators.js";
import { container } from "./tsyringe.js";

const REGION = createToken<string>("@polycloud/core-test/region");

@injectable()
class RegionalService {
  constructor(@inject(REGION) readonly region: string) {}
}

describe("DI", () => {
  it("creates tokens that match across copies (Symbol.for)", () => {
    expect(createToken<string>("@polycloud/core-test/region")).toBe(REGION);
  });

  it("keeps two differently configured services side by side in child containers", async () => {
    const first = createAllocatorContainer();
    const second = createAllocatorContainer();
    registerValue(first, REGION, "cn-hangzhou");
    registerValue(second, REGION, "cn-beijing");
    first.register(RegionalService, { useClass: RegionalService });
    second.register(RegionalService, { useClass: RegionalService });
    expect(first.resolve(RegionalService).region).toBe("cn-hangzhou");
    expect(second.resolve(RegionalService).region).toBe("cn-beijing");
    expect(resolveToken(first, CLOCK)).toBe(systemClock);
    expect(resolveToken(first, RETRY_BUDGET)).not.toBe(resolveToken(second, RETRY_BUDGET));
    await disposeAllocatorContainer(first);
    await disposeAllocatorContainer(second);
  });

  it("reuses a dispatcher the parent provides instead of creating one", async () => {
    const parent = container.createChildContainer();
    const shared = createAllocatorContainer(parent);
    const sharedDispatcher = resolveToken(shared, HTTP_DISPATCHER);
    parent.register(HTTP_DISPATCHER, { useValue: sharedDispatcher });
    const child = createAllocatorContainer(parent);
    expect(resolveToken(child, HTTP_DISPATCHER)).toBe(sharedDispatcher);
    await disposeAllocatorContainer(child);
    await disposeAllocatorContainer(shared);
  });
});
