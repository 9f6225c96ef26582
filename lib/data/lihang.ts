/**
 * Small tables printed in 李航《统计学习方法》(第2版), typed in from the book so notebooks and
 * tests use the same data.
 *
 * @module
 */

/** 表5.1 贷款申请样本数据表 (15 rows): 年龄, 有工作, 有自己的房子, 信贷情况 → 类别 (是/否). */
export function loanApplications(): { X: string[][]; y: string[]; featureNames: string[] } {
  const rows = [
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
  return {
    X: rows.map((r) => r.slice(0, 4)),
    y: rows.map((r) => r[4]),
    featureNames: ["年龄", "有工作", "有自己的房子", "信贷情况"],
  };
}

/** 习题5.2: x = 1..10 (one feature per row) and y. */
export function exercise52(): { X: number[][]; y: number[] } {
  return {
    X: Array.from({ length: 10 }, (_, i) => [i + 1]),
    y: [4.50, 4.75, 4.91, 5.34, 5.80, 7.05, 7.90, 8.23, 8.70, 9.00],
  };
}
