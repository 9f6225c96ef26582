/** 李航 tables shared by several tests (the data live in lib/data/lihang.ts). */
import { exercise52, loanApplications } from "../../lib/data/mod.ts";

const loan = loanApplications();
export const LOAN_FEATURES = loan.featureNames;
export const LOAN_X = loan.X;
export const LOAN_Y = loan.y;
export const EX52_X = exercise52().X;
export const EX52_Y = exercise52().y;
