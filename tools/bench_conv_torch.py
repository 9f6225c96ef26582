"""PyTorch CPU side of tools/bench_conv.ts: Conv2d 32→32 3×3 forward+backward, batch 64, 28×28."""
import json
import time

import torch

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
print(json.dumps({"threads": torch.get_num_threads(), "medianMs": times[2], "times": times}))
