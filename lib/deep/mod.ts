/**
 * Deep learning on tfjs (wasm backend): a PyTorch-shaped module system, layers, safetensors,
 * attention and the Transformer, recurrent nets. `tf` is the library's one tfjs instance.
 *
 * @module
 */
export { deepBackend, tf } from "./backend.ts";
export { affine, matMul2d, sumRows, transpose2d } from "./matmul.ts";
export { getNumThreads, setNumThreads } from "./kernels/pool.ts";
export { deepRandom, fanInUniform, type Initializer, manualSeed, xavierUniform } from "./init.ts";
export {
  buildShapeOnly,
  countParameters,
  type LoadReport,
  Module,
  ModuleBuffer,
  ModuleParameter,
} from "./module.ts";
export {
  checkIds,
  Dropout,
  Embedding,
  GELU,
  Identity,
  LayerNorm,
  Linear,
  ModuleList,
  ReLU,
  Sequential,
  Sigmoid,
  Tanh,
} from "./layers.ts";
export {
  readSafetensors,
  readSafetensorsHeader,
  type SafetensorsDtype,
  type SafetensorsEntry,
  type SafetensorsHeader,
  writeSafetensors,
  type WriteSafetensorsOptions,
} from "./safetensors.ts";
export {
  AdditiveAttention,
  type AttentionMasks,
  causalMask,
  DotProductAttention,
  maskedSoftmax,
  MultiHeadAttention,
  type MultiHeadAttentionOptions,
} from "./attention.ts";
export {
  AddNorm,
  type DecoderMasks,
  type EncoderMasks,
  LearnedPositionalEncoding,
  PositionalEncoding,
  PositionWiseFFN,
  Transformer,
  TransformerDecoder,
  TransformerDecoderLayer,
  TransformerEncoder,
  TransformerEncoderLayer,
  type TransformerLayerOptions,
  type TransformerOptions,
} from "./transformer.ts";
export { GRU, LSTM, RecurrentBase, type RecurrentCell, RNN, type RNNOptions } from "./rnn.ts";
export {
  type CrossEntropyOptions,
  setLearningRate,
  tokenCrossEntropy,
  trainStep,
  type TrainStepOptions,
  warmupLR,
  type WarmupOptions,
} from "./training.ts";
export { CharVocab, padSequences, SPECIAL_TOKENS } from "./text.ts";
export { DATE_FORMATS, type DatePair, makeDatePairs } from "./date_task.ts";
export {
  type Seq2SeqModel,
  Seq2SeqRNN,
  type Seq2SeqRNNOptions,
  Seq2SeqTransformer,
  type Seq2SeqTransformerOptions,
} from "./seq2seq.ts";
export { beamSearch, type BeamSearchOptions, type DecodeOptions, greedyDecode } from "./decode.ts";
export {
  fitSeq2Seq,
  type FitSeq2SeqOptions,
  seq2seqAccuracy,
  type Seq2SeqVocab,
  seq2seqVocab,
  translate,
} from "./seq2seq_train.ts";
export { checkNCHW, Conv2d, type Conv2dOptions, convOutputSize, type Size2 } from "./conv.ts";
export { BatchNorm2d, type BatchNorm2dOptions } from "./batchnorm.ts";
export {
  AdaptiveAvgPool2d,
  AvgPool2d,
  Flatten,
  MaxPool2d,
  Pool2d,
  type Pool2dOptions,
} from "./pool.ts";
export {
  BasicBlock,
  type BlockOptions,
  Bottleneck,
  ResNet,
  resnet101,
  resnet18,
  resnet34,
  resnet50,
  type ResNetOptions,
} from "./resnet.ts";
export { buildDateModel, DATE_SCHEDULE, DATE_TASK } from "./date_models.ts";
export {
  EncoderCNN,
  type EncoderCNNOptions,
  ErnieMEmbeddings,
  ErnieMModel,
  type ErnieMOptions,
  ErnieMPooler,
} from "./ernie_m.ts";
export {
  buildNotesNetwork,
  ErnieMResNetClassifier,
  type Modality,
  type NotesNetworkOptions,
  type NotesNetworkOutput,
  SMALL_NOTES_NETWORK,
} from "./notes_network.ts";
export { type GenerateOptions, GPT, type GPTOptions, sampleLogits } from "./gpt.ts";
export {
  AdamW,
  type AdamWOptions,
  getBatch,
  type LanguageModel,
  trainLanguageModel,
  type TrainLMOptions,
  type TrainLMResult,
} from "./gpt_train.ts";
export {
  BERT,
  BertClassifier,
  BertEmbeddings,
  BertForPreTraining,
  type BERTOptions,
  type BertOutput,
} from "./bert.ts";
export {
  BERT_SPECIAL_TOKENS,
  type BertEncoding,
  BertTokenizer,
  bookClassification,
  type BookSentence,
  type MaskedTokens,
  maskTokens,
  orderTask,
  type SentencePair,
  sentencePairs,
  type SentenceTaskOptions,
  splitSentences,
} from "./bert_data.ts";
export { BPETokenizer, type BPETrainOptions, CONTINUATION, preTokenize } from "./tokenizer.ts";
export {
  bertSchedule,
  classifierAccuracy,
  fineTuneClassifier,
  type FineTuneOptions,
  type LabelledText,
  pretrainBERT,
  type PretrainOptions,
  type PretrainResult,
} from "./bert_train.ts";
export {
  CAPTION_CLASSES,
  type CaptionedFashion,
  captionVocab,
  FASHION_CATEGORY,
  makeCaptionedFashion,
} from "./captioned_fashion.ts";
export {
  evaluateNotesNetwork,
  fitNotesNetwork,
  type FitNotesOptions,
  imageTowerAccuracy,
  ImageTowerClassifier,
  type NotesEvaluation,
  pretrainImageTower,
  pretrainTextEncoder,
  type PretrainTowerOptions,
  textEncoderAccuracy,
  TextEncoderClassifier,
} from "./notes_train.ts";
export { conv2dByHand, learnKernel, SOBEL_X } from "./conv_by_hand.ts";
export {
  checkPixelRange,
  fitImageClassifier,
  type FitImageOptions,
  type ImageEpochInfo,
  predictImageClasses,
} from "./image_train.ts";
export { augmentBatch, type AugmentDraw, type AugmentOptions } from "./augment.ts";
export { loadPaddleStateDict, paddleToTorchStateDict } from "./paddle.ts";
