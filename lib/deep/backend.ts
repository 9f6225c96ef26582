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
import * as tf from "npm:@tensorflow/tfjs@4.22.0";
import "npm:@tensorflow/tfjs-backend-wasm@4.22.0";

type KernelFunc = tf.KernelConfig["kernelFunc"];
type Backend = {
  readSync(dataId: tf.DataId): tf.backend_util.BackendValues;
  write(values: tf.backend_util.BackendValues, shape: number[], dtype: tf.DataType): tf.DataId;
  disposeData(dataId: tf.DataId, force?: boolean): boolean;
};

/** A wasm kernel that runs the CPU backend's kernel on copies of its inputs. */
function bridge(cpuKernel: KernelFunc): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const wasm = backend as unknown as Backend;
    const cpu = tf.findBackend("cpu") as unknown as Backend;
    const cpuInputs: Record<string, tf.TensorInfo> = {};
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
      backend: cpu as unknown as tf.KernelBackend,
      attrs,
    });
    for (const info of Object.values(cpuInputs)) cpu.disposeData(info.dataId, true);
    const move = (info: tf.TensorInfo): tf.TensorInfo => {
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
  const have = new Set(tf.getKernelsForBackend("wasm").map((k) => k.kernelName));
  const bridged: string[] = [];
  for (const k of tf.getKernelsForBackend("cpu")) {
    if (have.has(k.kernelName)) continue;
    tf.registerKernel({
      kernelName: k.kernelName,
      backendName: "wasm",
      kernelFunc: bridge(k.kernelFunc),
    });
    bridged.push(k.kernelName);
  }
  return bridged;
}

tf.env().set("PROD", true);
let backendName = "cpu";
try {
  if (await tf.setBackend("wasm")) {
    completeWasmKernels();
    backendName = "wasm";
  } else {
    await tf.setBackend("cpu");
  }
} catch {
  await tf.setBackend("cpu");
}
await tf.ready();

/** The name of the tfjs backend `lib/deep` runs on: "wasm", or "cpu" where wasm cannot load. */
export const deepBackend: string = backendName;

export { tf };
