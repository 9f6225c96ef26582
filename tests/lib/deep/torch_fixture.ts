/**
 * Loads a PyTorch parity fixture written by tools/fixtures_torch_deep.py and checks a module's
 * outputs and gradients of the fixture's scalar loss against it.
 */
import { assertEquals } from "@std/assert";
import { type Module, readSafetensors, readSafetensorsHeader, tf } from "../../../lib/mod.ts";

/** One fixture: PyTorch's parameters, inputs, outputs and gradients, by name. */
export interface TorchCase {
  params: Record<string, tf.Tensor>;
  inputs: Record<string, tf.Tensor>;
  outputs: Record<string, tf.Tensor>;
  paramGrads: Record<string, tf.Tensor>;
  inputGrads: Record<string, tf.Tensor>;
  meta: Record<string, string>;
}

export function loadCase(name: string): TorchCase {
  const bytes = Deno.readFileSync(
    new URL(`../../fixtures/deep/${name}.safetensors`, import.meta.url),
  );
  const all = readSafetensors(bytes);
  const pick = (prefix: string) =>
    Object.fromEntries(
      Object.entries(all).filter(([k]) => k.startsWith(prefix)).map((
        [k, v],
      ) => [k.slice(prefix.length), v]),
    );
  return {
    params: pick("param."),
    inputs: pick("input."),
    outputs: pick("output."),
    paramGrads: pick("grad.param."),
    inputGrads: pick("grad.input."),
    meta: readSafetensorsHeader(bytes).metadata,
  };
}

/** max |a − b| over all entries. */
export function maxAbsDiff(a: tf.Tensor, b: tf.Tensor, what: string): number {
  assertEquals(a.shape, b.shape, `${what}: shape`);
  return tf.tidy(() => a.sub(b).abs().max().dataSync()[0]);
}

/**
 * Loads the fixture's weights into `module`, runs `run` (float inputs become variables), and
 * returns the largest forward and gradient errors; asserts forward ≤ 1e-5 and gradients ≤ 1e-4.
 */
export function checkAgainstTorch(
  module: Module,
  c: TorchCase,
  run: (inputs: Record<string, tf.Tensor>) => Record<string, tf.Tensor>,
  { fwdTol = 1e-5, gradTol = 1e-4 }: { fwdTol?: number; gradTol?: number } = {},
): { forward: number; gradient: number } {
  module.loadStateDict(c.params);
  const inputVars: Record<string, tf.Variable> = {};
  const inputs: Record<string, tf.Tensor> = {};
  for (const [k, v] of Object.entries(c.inputs)) {
    if (k === "loss_weight") continue;
    if (v.dtype === "float32" && k in c.inputGrads) inputs[k] = inputVars[k] = tf.variable(v, true);
    else inputs[k] = v;
  }
  let forward = 0;
  const moduleVars = module.variables();
  const { grads } = tf.variableGrads(() => {
    const outs = run(inputs);
    for (const [k, v] of Object.entries(c.outputs)) {
      forward = Math.max(forward, maxAbsDiff(outs[k], v, `output ${k}`));
    }
    let loss = outs.out.mul(c.inputs.loss_weight).sum();
    for (const [k, v] of Object.entries(outs)) {
      if (k !== "out" && k !== "weights") loss = loss.add(v.sum());
    }
    return loss as tf.Scalar;
  }, [...moduleVars, ...Object.values(inputVars)]);
  const expected = module.convertStateDict(c.paramGrads);
  let gradient = 0;
  for (const [name, p] of module.namedParameters()) {
    gradient = Math.max(gradient, maxAbsDiff(grads[p.value.name], expected[name], `grad ${name}`));
  }
  for (const [k, v] of Object.entries(inputVars)) {
    gradient = Math.max(gradient, maxAbsDiff(grads[v.name], c.inputGrads[k], `grad input ${k}`));
  }
  if (!(forward <= fwdTol)) throw new Error(`forward error ${forward} > ${fwdTol}`);
  if (!(gradient <= gradTol)) throw new Error(`gradient error ${gradient} > ${gradTol}`);
  return { forward, gradient };
}
