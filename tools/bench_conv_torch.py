"""PyTorch CPU side of tools/bench_conv.ts: Conv2d 32→32 3×3 forward+backward, batch 64, 28×28.

Median of 5 after 2 warm-ups, with 1 and with 2 intra-op threads (the machine has 2 cores).
Run: /usr/bin/python3 tools/bench_conv_torch.py
"""
import json
import time

import torch


def bench(threads):
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    conv = torch.nn.Conv2d(32, 32, 3, padding=1)
    x = torch.rand(64, 32, 28, 28)
    times = []
    for i in range(7):
        t = time.perf_counter()
        conv.zero_grad()
        conv(x).square().mean().backward()
        if i >= 2:
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {"threads": threads, "minMs": times[0], "medianMs": times[2], "times": times}


for n in (1, 2):
    print(json.dumps(bench(n)))
