/** 李航《统计学习方法》 data tables used by several tests and notebooks' checks. */

/** 表5.1 贷款申请样本数据表: 年龄, 有工作, 有自己的房子, 信贷情况 → 类别. */
export const LOAN_FEATURES = ["年龄", "有工作", "有自己的房子", "信贷情况"];
export const LOAN_ROWS = [
  "青年 否 否 一般 否",
  "青年 否 否 好 否",
  "青年 是 否 好 是",
  "青年 是 是 一般 是",
  "青年 否 否 一般 否",
  "中年 否 否 一般 否",
  "中年 否 否 好 否",
  "中年 是 是 好 是",
  "中年 否 是 非常好 是",
  "中年 否 是 非常好 是",
  "老年 否 是 非常好 是",
  "老年 否 是 好 是",
  "老年 是 否 好 是",
  "老年 是 否 非常好 是",
  "老年 否 否 一般 否",
].map((r) => r.split(" "));
export const LOAN_X = LOAN_ROWS.map((r) => r.slice(0, 4));
export const LOAN_Y = LOAN_ROWS.map((r) => r[4]);

/** 习题5.2: x = 1..10 and y. */
export const EX52_X = Array.from({ length: 10 }, (_, i) => [i + 1]);
export const EX52_Y = [4.50, 4.75, 4.91, 5.34, 5.80, 7.05, 7.90, 8.23, 8.70, 9.00];
