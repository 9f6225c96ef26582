/**
 * Information theory for discrete distributions: entropy, cross-entropy, KL and Jensen-Shannon
 * divergences, joint/conditional entropy and mutual information. Every measure takes a `base`
 * option (nats by default, bits with `{ base: 2 }`) and validates its probabilities.
 *
 * @module
 */
export { crossEntropy, entropy, jsDistance, jsDivergence, klDivergence } from "./divergence.ts";
export {
  conditionalEntropy,
  type JointDistribution,
  jointDistribution,
  jointEntropy,
  mutualInformation,
  mutualInfoScore,
} from "./mutual_information.ts";
export type { InfoOptions } from "./validate.ts";
