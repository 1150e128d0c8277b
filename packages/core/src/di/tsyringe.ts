// tsyringe reads decorator metadata through the Reflect API, so the polyfill must load first.
import "reflect-metadata";

export { container, inject, injectable, type DependencyContainer } from "tsyringe";
