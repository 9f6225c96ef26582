/**
 * One tfjs instance for the whole library, on the WebAssembly backend.
 *
 * `lib/table` already loads `@tensorflow/tfjs` (danfojs depends on it), so importing it here costs
 * nothing more; the wasm backend adds about 20-50 ms at import (compiling the SIMD module), which
 * is why it is initialised eagerly: every tfjs op is synchronous, and an op issued before an async
 * backend is ready fails. The Node.js advice banner is silenced (`PROD`).
 *
 * The wasm backend lacks a few kernels that the CPU backend has (the gradient of `gather`, i.e.
 * `UnsortedSegmentSum`; `Conv2DBackpropFilter`; ...). Each of them is bridged: the inputs are
 * copied to the CPU backend, its kernel runs, the output is copied back. Slower, but complete.
 *
 * @module
 */
import * as tfjs from "npm:@tensorflow/tfjs@4.22.0";
import "npm:@tensorflow/tfjs-backend-wasm@4.22.0";

type KernelFunc = tfjs.KernelConfig["kernelFunc"];
type Backend = {
  readSync(dataId: tfjs.DataId): tfjs.backend_util.BackendValues;
  write(
    values: tfjs.backend_util.BackendValues,
    shape: number[],
    dtype: tfjs.DataType,
  ): tfjs.DataId;
  disposeData(dataId: tfjs.DataId, force?: boolean): boolean;
};

/** A wasm kernel that runs the CPU backend's kernel on copies of its inputs. */
function bridge(cpuKernel: KernelFunc): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const wasm = backend as unknown as Backend;
    const cpu = tfjs.findBackend("cpu") as unknown as Backend;
    const cpuInputs: Record<string, tfjs.TensorInfo> = {};
    for (const [name, info] of Object.entries(inputs)) {
      if (info === undefined) continue;
      cpuInputs[name] = {
        dataId: cpu.write(wasm.readSync(info.dataId), info.shape, info.dtype),
        shape: info.shape,
        dtype: info.dtype,
      };
    }
    const out = cpuKernel({
      inputs: cpuInputs,
      backend: cpu as unknown as tfjs.KernelBackend,
      attrs,
    });
    for (const info of Object.values(cpuInputs)) cpu.disposeData(info.dataId, true);
    const move = (info: tfjs.TensorInfo): tfjs.TensorInfo => {
      const values = cpu.readSync(info.dataId);
      cpu.disposeData(info.dataId, true);
      return {
        dataId: wasm.write(values, info.shape, info.dtype),
        shape: info.shape,
        dtype: info.dtype,
      };
    };
    return Array.isArray(out) ? out.map(move) : move(out);
  };
}

/** Registers a bridge for every CPU kernel that the wasm backend does not have. */
function completeWasmKernels(): string[] {
  const have = new Set(tfjs.getKernelsForBackend("wasm").map((k) => k.kernelName));
  const bridged: string[] = [];
  for (const k of tfjs.getKernelsForBackend("cpu")) {
    if (have.has(k.kernelName)) continue;
    tfjs.registerKernel({
      kernelName: k.kernelName,
      backendName: "wasm",
      kernelFunc: bridge(k.kernelFunc),
    });
    bridged.push(k.kernelName);
  }
  return bridged;
}

/**
 * tfjs-wasm's `Identity` copies its input; the CPU backend's shares it (tensors are immutable, and
 * a variable's `assign` swaps its data rather than writing into it). tfjs calls Identity for every
 * `clone()` and every tensor a gradient saves, so a training step copied each saved activation;
 * this kernel shares the data as the CPU backend does, by one more reference.
 */
function shareIdentity(): void {
  type Data = { refCount: number };
  tfjs.unregisterKernel("Identity", "wasm");
  tfjs.registerKernel({
    kernelName: "Identity",
    backendName: "wasm",
    kernelFunc: ({ inputs, backend }) => {
      const x = inputs.x as tfjs.TensorInfo;
      const map = (backend as unknown as { dataIdMap: { get(id: tfjs.DataId): Data } }).dataIdMap;
      map.get(x.dataId).refCount++;
      return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
    },
  });
}

tfjs.env().set("PROD", true);
let backendName = "cpu";
try {
  if (await tfjs.setBackend("wasm")) {
    completeWasmKernels();
    shareIdentity();
    backendName = "wasm";
  } else {
    await tfjs.setBackend("cpu");
  }
} catch {
  await tfjs.setBackend("cpu");
}
await tfjs.ready();

/** The name of the tfjs backend `lib/deep` runs on: "wasm", or "cpu" where wasm cannot load. */
export const deepBackend: string = backendName;

/**
 * The library's one tfjs instance: `@tensorflow/tfjs` 4.22 on the WebAssembly backend, ready at
 * import. Its API is tfjs's own (js.tensorflow.org/api), so it is not repeated in this reference;
 * lib/deep's modules take and return its tensors (`tf.Tensor`).
 * @ignore
 */
export const tf: typeof tfjs = tfjs;

/**
 * The tfjs types that lib/deep's signatures and its users name through `tf` (`tf.Tensor`,
 * `tf.Variable`, ...): tfjs's own types under their own names, not re-documented here. A tfjs
 * type missing from this list is added with one line (`tf.X` is otherwise a type error).
 * @ignore
 */
export declare namespace tf {
  /** tfjs's `Tensor`. */
  export type Tensor<R extends tfjs.Rank = tfjs.Rank> = tfjs.Tensor<R>;
  /** tfjs's `Scalar`. */
  export type Scalar = tfjs.Scalar;
  /** tfjs's `Tensor1D`. */
  export type Tensor1D = tfjs.Tensor1D;
  /** tfjs's `Tensor2D`. */
  export type Tensor2D = tfjs.Tensor2D;
  /** tfjs's `Tensor3D`. */
  export type Tensor3D = tfjs.Tensor3D;
  /** tfjs's `Tensor4D`. */
  export type Tensor4D = tfjs.Tensor4D;
  /** tfjs's `Variable`. */
  export type Variable<R extends tfjs.Rank = tfjs.Rank> = tfjs.Variable<R>;
  /** tfjs's `Rank`. */
  export type Rank = tfjs.Rank;
  /** tfjs's `DataType`. */
  export type DataType = tfjs.DataType;
  /** tfjs's `TensorLike`. */
  export type TensorLike = tfjs.TensorLike;
  /** tfjs's `NamedTensorMap`. */
  export type NamedTensorMap = tfjs.NamedTensorMap;
  /** tfjs's `Optimizer`. */
  export type Optimizer = tfjs.Optimizer;
  /** tfjs's `GradSaveFunc`. */
  export type GradSaveFunc = tfjs.GradSaveFunc;
}
