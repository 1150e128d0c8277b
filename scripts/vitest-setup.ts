// tsyringe needs the Reflect metadata polyfill before any decorated class is defined.
import "reflect-metadata";
