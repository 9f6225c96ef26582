"""Parity fixtures for lib/deep from PyTorch (Debian python3-torch 1.13), as safetensors files.

Each file tests/fixtures/deep/<case>.safetensors holds, under PyTorch's own names:
  param.<name>        the module's parameters (state_dict layout),
  input.<name>        inputs (masks as U8 0/1, token ids as I64), and `input.loss_weight` R,
  output.<name>       outputs,
  grad.param.<name>   d loss / d parameter, grad.input.<name> d loss / d input,
for the scalar loss = sum(output * R) (+ the sums of any extra outputs, see each case).
The safetensors writer below is independent of lib/deep's. Run: /usr/bin/python3 tools/fixtures_torch_deep.py
"""
import json
import os
import struct

import torch
from torch import nn

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "deep")
torch.manual_seed(0)

DTYPES = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16", torch.int64: "I64",
          torch.int32: "I32", torch.uint8: "U8", torch.bool: "BOOL", torch.float64: "F64"}


def raw_bytes(t):
    t = t.detach().contiguous().cpu()
    if t.dtype == torch.bfloat16:
        return t.view(torch.int16).numpy().tobytes()
    return t.numpy().tobytes()


def write(name, tensors, metadata=None):
    header, blobs, offset = {}, [], 0
    if metadata:
        header["__metadata__"] = metadata
    for k in sorted(tensors):
        t = tensors[k]
        b = raw_bytes(t)
        header[k] = {"dtype": DTYPES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    h = json.dumps(header).encode()
    with open(os.path.join(OUT, name + ".safetensors"), "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def case(name, module, inputs, run, meta):
    """run(module, inputs) -> dict of outputs; loss = sum(out["out"] * R) + sum of the others."""
    module.train()  # dropout is 0; train mode keeps PyTorch off its fused inference fast path
    for t in inputs.values():
        if t.is_floating_point():
            t.requires_grad_(True)
    outs = run(module, inputs)
    R = torch.randn(outs["out"].shape)
    loss = (outs["out"] * R).sum()
    for k, v in outs.items():
        if k != "out" and k != "weights" and v is not None:
            loss = loss + v.sum()
    loss.backward()
    tensors = {"input.loss_weight": R}
    for k, v in module.state_dict().items():
        tensors["param." + k] = v
    for k, p in module.named_parameters():
        tensors["grad.param." + k] = p.grad
    for k, v in inputs.items():
        tensors["input." + k] = v.to(torch.uint8) if v.dtype == torch.bool else v
        if v.is_floating_point():
            tensors["grad.input." + k] = v.grad
    for k, v in outs.items():
        if v is not None:
            tensors["output." + k] = v
    tensors = {k: v.detach() for k, v in tensors.items()}
    write(name, tensors, {k: str(v) for k, v in meta.items()})


B, T, S, D, H, F = 2, 5, 6, 8, 2, 16


def main():
    os.makedirs(OUT, exist_ok=True)
    # dtypes: one tensor per stored type, values exactly representable in each
    vals = torch.tensor([[0.5, -1.25, 3.0], [1024.0, -0.0078125, 65504.0]])
    write("dtypes", {
        "f32": vals, "f16": vals.half(), "bf16": torch.tensor([[0.5, -1.25, 3.0], [1024.0, -0.0078125, 256.0]]).bfloat16(),
        "i64": torch.tensor([[1, -2, 3], [2**31 - 1, -(2**31), 0]], dtype=torch.int64),
        "f64": vals.double(), "u8": torch.tensor([0, 7, 255], dtype=torch.uint8),
    }, {"format": "pt"})

    ln = nn.LayerNorm(D)
    with torch.no_grad():
        ln.weight.copy_(torch.randn(D))
        ln.bias.copy_(torch.randn(D))
    case("layer_norm", ln, {"x": torch.randn(B, T, D)}, lambda m, i: {"out": m(i["x"])}, {})

    emb = nn.Embedding(11, D, padding_idx=0)
    ids = torch.tensor([[1, 2, 0, 4, 10], [3, 3, 0, 0, 7]])
    case("embedding", emb, {"ids": ids}, lambda m, i: {"out": m(i["ids"])}, {"padding_idx": 0})

    mha = nn.MultiheadAttention(D, H, batch_first=True)
    with torch.no_grad():
        mha.in_proj_bias.copy_(torch.randn(3 * D) * 0.1)
        mha.out_proj.bias.copy_(torch.randn(D) * 0.1)
    kpm = torch.tensor([[False] * S, [False] * 4 + [True] * 2])
    causal = torch.triu(torch.ones(T, S, dtype=torch.bool), diagonal=1)

    def run_mha(m, i):
        out, w = m(i["query"], i["key"], i["value"], key_padding_mask=i["key_padding_mask"], attn_mask=i["attn_mask"])
        return {"out": out, "weights": w}
    case("mha", mha, {"query": torch.randn(B, T, D), "key": torch.randn(B, S, D), "value": torch.randn(B, S, D),
                      "key_padding_mask": kpm, "attn_mask": causal}, run_mha, {"embed_dim": D, "num_heads": H})

    src_kpm = torch.tensor([[False] * T, [False] * 3 + [True] * 2])
    for norm_first in (False, True):
        for act in ("relu", "gelu"):
            layer = nn.TransformerEncoderLayer(D, H, F, dropout=0.0, activation=act, batch_first=True,
                                               norm_first=norm_first)
            with torch.no_grad():
                for n, p in layer.named_parameters():
                    if n.endswith("bias"):
                        p.copy_(torch.randn(p.shape) * 0.1)
            name = f"encoder_layer_{'pre' if norm_first else 'post'}_{act}"
            case(name, layer, {"src": torch.randn(B, T, D), "src_key_padding_mask": src_kpm},
                 lambda m, i: {"out": m(i["src"], src_key_padding_mask=i["src_key_padding_mask"])},
                 {"d_model": D, "nhead": H, "dim_feedforward": F, "activation": act, "norm_first": norm_first})

    dec = nn.TransformerDecoderLayer(D, H, F, dropout=0.0, batch_first=True)
    tgt_mask = torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1)
    mem_kpm = torch.tensor([[False] * S, [False] * 5 + [True]])
    case("decoder_layer", dec, {"tgt": torch.randn(B, T, D), "memory": torch.randn(B, S, D), "tgt_mask": tgt_mask,
                                "memory_key_padding_mask": mem_kpm},
         lambda m, i: {"out": m(i["tgt"], i["memory"], tgt_mask=i["tgt_mask"],
                                memory_key_padding_mask=i["memory_key_padding_mask"])},
         {"d_model": D, "nhead": H, "dim_feedforward": F})

    for name, cls, bi in (("lstm", nn.LSTM, False), ("lstm_bi", nn.LSTM, True), ("gru", nn.GRU, False),
                          ("rnn", nn.RNN, False)):
        rnn = cls(4, 6, num_layers=2, batch_first=True, bidirectional=bi)

        def run_rnn(m, i, lstm=(cls is nn.LSTM)):
            out, state = m(i["x"])
            if lstm:
                return {"out": out, "h_n": state[0], "c_n": state[1]}
            return {"out": out, "h_n": state}
        case(name, rnn, {"x": torch.randn(B, T, 4)}, run_rnn,
             {"input_size": 4, "hidden_size": 6, "num_layers": 2, "bidirectional": bi})


if __name__ == "__main__":
    main()
