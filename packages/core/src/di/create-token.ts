import type { DependencyContainer } from "tsyringe";

/**
 * A DI token: a `Symbol.for` key (so two copies of a package agree on it) that also carries the type it
 * resolves to. Use with `@inject(TOKEN)` and {@link resolveToken}.
 * @public
 */
export type Token<T> = symbol & { readonly __tokenType?: T };

/**
 * Creates a typed token. Names are namespaced `@polycloud/<package>/<name>` by convention.
 * @public
 */
export function createToken<T>(name: string): Token<T> {
  return Symbol.for(name) as Token<T>;
}

/** Resolves a typed token from a container. @public */
export function resolveToken<T>(container: DependencyContainer, token: Token<T>): T {
  return container.resolve<T>(token);
}

/** Registers a value for a typed token. @public */
export function registerValue<T>(container: DependencyContainer, token: Token<T>, value: T): void {
  container.register<T>(token, { useValue: value });
}
