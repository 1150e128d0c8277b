// Type tests (checked by `tsc -p tsconfig.test.json`, i.e. `turbo run typecheck`): every `@ts-expect-error`
// below must be an error, so the typecheck fails if a typo or an impossible count stops being caught.
import { describe, expect, it } from "vitest";
import { createIpAllocator } from "./create-ip-allocator.js";
import { defineConfig, type ProviderAllocateDefaults } from "./define-config.js";

// What an adapter package's index adds (here two made-up providers, as core depends on no adapter).
declare module "./define-config.js" {
  interface PolycloudProviderRegistry {
    "typed-single": { settings: { region: string; endpoint?: string }; allocate: ProviderAllocateDefaults<1> };
    "typed-many": { settings: { endpoint?: string }; allocate: ProviderAllocateDefaults };
  }
}

describe("defineConfig", () => {
  it("returns the configuration unchanged", () => {
    const config = defineConfig({ provider: "typed-single", region: "eu-1", allocate: { count: 1, location: "eu-1" } });
    expect(config).toEqual({ provider: "typed-single", region: "eu-1", allocate: { count: 1, location: "eu-1" } });
  });

  it("catches misspelt settings and impossible counts of registered providers at compile time", () => {
    // @ts-expect-error regoin is not a typed-single setting
    defineConfig({ provider: "typed-single", regoin: "eu-1" });
    // @ts-expect-error typed-single allocates one address per call
    defineConfig({ provider: "typed-single", region: "eu-1", allocate: { count: 5 } });
    // @ts-expect-error inside providers.<name> too
    defineConfig({ provider: "typed-many", providers: { "typed-single": { regoin: "eu-1" } } });
    // @ts-expect-error and inside a section's allocate
    defineConfig({ provider: "typed-many", providers: { "typed-single": { allocate: { count: 2 } } } });
    // @ts-expect-error a misspelt allocate key
    defineConfig({ provider: "typed-many", allocate: { instanceID: "i-1" } });
    defineConfig({
      provider: "typed-many",
      allocate: { count: 5 },
      providers: { "typed-single": { region: "eu-1", allocate: { count: 1 } } },
    });
    // A plugin path or package name is not registered: anything goes (checked at run time).
    const plugin = { provider: "./my-plugin.js", anything: 1 };
    // At run time defineConfig is the identity: the object reaches createIpAllocator as written.
    expect(defineConfig(plugin)).toBe(plugin);
  });

  it("types createIpAllocator's configuration the same way", async () => {
    // @ts-expect-error regoin is not a typed-single setting
    const misspelt = createIpAllocator({ provider: "typed-single", regoin: "eu-1" }, { plugins: {} });
    await expect(misspelt).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    const parsed = JSON.parse('{ "provider": "typed-many" }') as Record<string, unknown>;
    await expect(createIpAllocator(parsed, { plugins: {} })).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
  });
});
