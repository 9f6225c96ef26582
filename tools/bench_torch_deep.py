"""PyTorch side of bench/deep_bench.ts: forward + backward of a TransformerEncoderLayer
(d_model 128, 4 heads, FFN 512, dropout 0, batch_first, sequence 64, batch 32) and a one-layer
LSTM 128 -> 128 on the same input, loss = mean of the output. Best of 5 runs in ms, on 1 thread
and on the default thread count. Run: /usr/bin/python3 tools/bench_torch_deep.py
"""
import json
import time

import torch
from torch import nn


def best(f, n=5):
    f()
    b = float("inf")
    for _ in range(n):
        t0 = time.perf_counter()
        f()
        b = min(b, time.perf_counter() - t0)
    return b * 1000


def main():
    torch.manual_seed(0)
    layer = nn.TransformerEncoderLayer(128, 4, 512, dropout=0.0, batch_first=True)
    lstm = nn.LSTM(128, 128, batch_first=True)
    x = torch.randn(32, 64, 128)

    def enc():
        layer.zero_grad()
        layer(x).mean().backward()

    def rnn():
        lstm.zero_grad()
        lstm(x)[0].mean().backward()

    out = {"torch": torch.__version__, "default_threads": torch.get_num_threads()}
    out["encoder_layer_ms"], out["lstm_ms"] = best(enc), best(rnn)
    torch.set_num_threads(1)
    out["encoder_layer_ms_1thread"], out["lstm_ms_1thread"] = best(enc), best(rnn)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
