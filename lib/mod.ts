/**
 * mlnotes: machine-learning algorithms from scratch. Every family is re-exported here.
 *
 * @module
 */
export * from "./core/mod.ts";
export * from "./linear/mod.ts";
export * from "./data/mod.ts";
export * from "./tree/mod.ts";
