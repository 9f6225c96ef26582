/**
 * Support vector machines (李航《统计学习方法》第7章): the kernels of §7.3 and `SVC`, trained by
 * SMO (§7.4) with the book's pair choice or libsvm's second-order rule.
 *
 * @module
 */
export { SVC, type SVCOptions, type SVCPairModel, type SVCState } from "./svc.ts";
export type { PlattSigmoid } from "./platt.ts";
export { kernelMatrix, type KernelName, type KernelSpec } from "./kernels.ts";
