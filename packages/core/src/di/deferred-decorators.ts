import type * as Tsyringe from "tsyringe";
import type { Token } from "./create-token.js";

type TsyringeModule = typeof Tsyringe;

let tsyringe: TsyringeModule | undefined;
const pending: Array<(module: TsyringeModule) => void> = [];

// Decorators run when a class is defined, i.e. when its module loads; tsyringe (with reflect-metadata and
// tslib, ~35 files) is only needed once a container resolves something. Recording the decorations and
// replaying them when `@polycloud/core/di` loads keeps DI off the import path of factory and config users.
function whenTsyringeLoads(apply: (module: TsyringeModule) => void): void {
  if (tsyringe === undefined) pending.push(apply);
  else apply(tsyringe);
}

/**
 * Marks a class as constructible by a container (tsyringe's `@injectable()`, applied once DI is in use).
 * @public
 */
export function injectable(): ClassDecorator {
  return (target) => whenTsyringeLoads((module) => module.injectable()(target as never));
}

/**
 * Names the token a constructor parameter resolves to (tsyringe's `@inject(token)`, applied once DI is in use).
 * Every injected parameter carries one: polycloud never relies on emitted decorator metadata.
 * @public
 */
export function inject(token: Token<unknown>): ParameterDecorator {
  return (target, propertyKey, parameterIndex) =>
    whenTsyringeLoads((module) => module.inject(token)(target, propertyKey as never, parameterIndex));
}

/**
 * Applies the decorations recorded so far, in their original order, and every later one immediately.
 * Called by `@polycloud/core/di` when it loads tsyringe.
 * @internal
 */
export function applyDeferredDecorators(module: TsyringeModule): void {
  tsyringe ??= module;
  for (const apply of pending.splice(0)) apply(tsyringe);
}
