/**
 * mlnotes: machine-learning algorithms from scratch. Every family is re-exported here.
 *
 * @module
 */
export * from "./core/mod.ts";
export * from "./linear/mod.ts";
