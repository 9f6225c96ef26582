/**
 * Feature preprocessing shared by the model chapters.
 *
 * @module
 */
export { StandardScaler, type StandardScalerOptions } from "./standard_scaler.ts";
