/** 李航 tables shared by several tests (the data live in lib/data/lihang.ts). */
import { exercise52, loanApplications } from "../../lib/data/mod.ts";
import { type Booster, type RoundInfo, trainBooster } from "../../lib/ensemble/mod.ts";

const loan = loanApplications();
export const LOAN_FEATURES = loan.featureNames;
export const LOAN_X = loan.X;
export const LOAN_Y = loan.y;
export const EX52_X = exercise52().X;
export const EX52_Y = exercise52().y;

/** 例8.2 (表 8.2): x = 1..10 as one-feature rows. */
export const EX82_X: number[][] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((x) => [x]);
/** 例8.2's targets. */
export const EX82_Y: number[] = [5.56, 5.70, 5.91, 6.40, 6.80, 7.05, 8.90, 8.70, 9.00, 9.05];

/**
 * 例8.2 as the book runs it on `trainBooster`: stumps, squared loss, learning rate 1, no
 * regularisation, base score 0, six rounds; `losses` is the book's L(y, f_m) = Σ residual² after
 * each round (10 · train RMSE²).
 */
export function boostExample82(): { booster: Booster; losses: number[] } {
  const losses: number[] = [];
  const booster = trainBooster(
    {
      maxDepth: 1,
      learningRate: 1,
      lambda: 0,
      minChildWeight: 0,
      baseScore: 0,
      treeMethod: "exact",
    },
    EX82_X,
    EX82_Y,
    {
      numBoostRound: 6,
      evals: [{ name: "train", X: EX82_X, y: EX82_Y }],
      callback: (info: RoundInfo) => losses.push(10 * info.metrics.train.rmse ** 2),
    },
  );
  return { booster, losses };
}
