/** Where a loaded configuration came from, so later messages name the key as it is written in the file. */
export interface ConfigOrigin {
  /** The file read, if any. */
  file: string | undefined;
  /** Each setting's path in the file, e.g. `region` → `providers.alibaba-ecs.region`. */
  settingPaths: ReadonlyMap<string, string>;
}

// Kept beside the object rather than on it: the config stays a plain object that compares, prints and
// serialises exactly as written.
const origins = new WeakMap<object, ConfigOrigin>();

/** Records where `config`'s settings came from (called by `loadConfig`). */
export function recordConfigOrigin(config: object, origin: ConfigOrigin): void {
  origins.set(config, origin);
}

/** Where `config`'s settings came from, if `loadConfig` produced it. */
export function readConfigOrigin(config: object): ConfigOrigin | undefined {
  return origins.get(config);
}
