// tsyringe reads decorator metadata through the Reflect API, so the polyfill must load first.
import "reflect-metadata";
import * as tsyringe from "tsyringe";
import { applyDeferredDecorators } from "./deferred-decorators.js";

// From here on, classes decorated with polycloud's @injectable()/@inject() are known to tsyringe.
applyDeferredDecorators(tsyringe);

export { container, type DependencyContainer } from "tsyringe";
