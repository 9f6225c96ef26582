/**
 * Feature preprocessing shared by the model chapters.
 *
 * @module
 */
export {
  StandardScaler,
  type StandardScalerOptions,
  type StandardScalerState,
} from "./standard_scaler.ts";
