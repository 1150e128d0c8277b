import type { AllocateDefaultsInput } from "./parse-allocate-defaults.js";

/**
 * The providers TypeScript knows, by name. Empty in core; each adapter package adds itself by declaration
 * merging, so importing `@polycloud/alibaba-ecs` makes `defineConfig` and `createIpAllocator` check
 * `alibaba-ecs` settings and allocate defaults:
 *
 * ```ts
 * declare module "@polycloud/core" {
 *   interface PolycloudProviderRegistry {
 *     "my-cloud": { settings: MyCloudSettingsInput; allocate: ProviderAllocateDefaults<1> };
 *   }
 * }
 * ```
 * @public
 */
// biome-ignore lint/suspicious/noEmptyInterface: an interface, so that adapters can augment it (a type alias cannot be)
export interface PolycloudProviderRegistry {}

/** The names in {@link PolycloudProviderRegistry}. @public */
export type RegisteredProvider = Extract<keyof PolycloudProviderRegistry, string>;

/**
 * Allocate defaults of a provider that allocates at most `MaxCount` addresses per call (`1` for Alibaba
 * ECS and AWS EC2), so `count: 5` is a type error there.
 * @public
 */
export type ProviderAllocateDefaults<MaxCount extends number = number> = Omit<AllocateDefaultsInput, "count"> & {
  count?: MaxCount;
};

/** A registered provider's settings (as written), or any object for other providers. @public */
export type ProviderSettings<Provider extends string> = Provider extends RegisteredProvider
  ? PolycloudProviderRegistry[Provider] extends { settings: infer Settings }
    ? Settings
    : Record<string, unknown>
  : Record<string, unknown>;

/** A registered provider's allocate defaults, or the neutral ones. @public */
export type ProviderAllocateDefaultsOf<Provider extends string> = Provider extends RegisteredProvider
  ? PolycloudProviderRegistry[Provider] extends { allocate: infer Allocate }
    ? Allocate
    : AllocateDefaultsInput
  : AllocateDefaultsInput;

/** What `createIpAllocator` takes: `provider` plus its settings, typed for registered providers. @public */
export type ProviderConfig<Provider extends string = string> = { provider: Provider } & ProviderSettings<Provider>;

/** One `providers.<name>` section: settings plus allocate defaults. @public */
export type ProviderSection<Provider extends string> = Partial<ProviderSettings<Provider>> & {
  allocate?: ProviderAllocateDefaultsOf<Provider>;
};

/**
 * The configuration file format (`polycloud.config.json`), typed for the provider it names: top-level
 * settings and `allocate` defaults are that provider's, and `providers` holds a section per registered
 * provider. Without a registered `provider` the settings are not checked.
 * @public
 */
export type PolycloudConfigFile<Provider extends string = string> = {
  /** JSON schema URL for editors; ignored. */
  $schema?: string;
  /** The provider used unless `POLYCLOUD_PROVIDER` or an override selects another. */
  provider?: Provider;
  /** Defaults for `allocator.allocate(…)`, for every provider; a section's `allocate` is merged over them. */
  allocate?: ProviderAllocateDefaultsOf<Provider>;
  /** Settings per provider, used when that provider is selected. */
  providers?: Provider extends RegisteredProvider
    ? { [Name in RegisteredProvider]?: ProviderSection<Name> }
    : Record<string, Record<string, unknown>>;
} & (Provider extends RegisteredProvider ? Partial<ProviderSettings<Provider>> : Record<string, unknown>);

/**
 * Identity helper that type-checks a configuration object (e.g. one written to `polycloud.config.json` by a
 * script, or passed to `createIpAllocator`): with the adapter packages imported, a misspelt setting
 * (`regoin`) or `allocate.count: 5` on a provider allocating one address per call is a compile error.
 * @public
 */
export function defineConfig<const Provider extends string = string>(
  config: PolycloudConfigFile<Provider>,
): PolycloudConfigFile<Provider> {
  return config;
}
