/**
 * Data for the notebooks: scikit-learn's bundled sets (`loadIris` ...), ESL's prostate and
 * South African heart data, Fashion-MNIST's IDX files, seeded synthetic generators, a CSV reader,
 * and `toFrame` for a danfojs view.
 *
 * Bundled loaders are synchronous (the CSVs ship in `data/`); loaders that may download,
 * decompress or import danfojs return Promises.
 *
 * @module
 */
export type { Dataset } from "./types.ts";
export {
  type CsvOptions,
  type CsvTable,
  type NumericTable,
  parseCsv,
  parseNumber,
  parseNumericCsv,
} from "./csv.ts";
export {
  type DiabetesOptions,
  loadBreastCancer,
  loadDiabetes,
  loadDigits,
  loadIris,
  loadToyDataset,
  loadWine,
  type ToyDatasetName,
} from "./toy.ts";
export { type DanfoDataFrame, toFrame, type ToFrameOptions } from "./frame.ts";
export type { DirLike } from "./cache.ts";
export {
  ESL_BASE_URL,
  type EslOptions,
  loadProstate,
  loadSAHeart,
  parseProstate,
  parseSAHeart,
  type ProstateData,
  type SAHeartData,
} from "./esl.ts";
export {
  makeBlobs,
  type MakeBlobsOptions,
  makeMoons,
  type MakeMoonsOptions,
  makeTwoGaussians,
  type MakeTwoGaussiansOptions,
  syntheticData,
  type SyntheticDataOptions,
  type XY,
} from "./synthetic.ts";
export { gunzip, type IdxArray, type IdxData, isGzip, parseIdx, readIdxFile } from "./idx.ts";
export {
  defaultFashionMnistDir,
  FASHION_MNIST_CLASSES,
  FASHION_MNIST_FILES,
  FASHION_MNIST_SYSTEM_DIR,
  type FashionMnist,
  type FashionMnistOptions,
  loadFashionMnist,
} from "./fashion_mnist.ts";
export { exercise52, loanApplications } from "./lihang.ts";
