"""PyTorch side of bench/deep_bench.ts: forward + backward of a TransformerEncoderLayer
(d_model 128, 4 heads, FFN 512, dropout 0, batch_first, sequence 64, batch 32), a one-layer
LSTM and a one-layer GRU 128 -> 128 on the same input, loss = mean of the output. Best and median
wall time of N runs in ms (default 10, after 2 warm-ups) and mean CPU time per run (less sensitive to other
jobs on a busy machine), on 1 and on 2 threads, with the load average before and after.
Run: /usr/bin/python3 tools/bench_torch_deep.py [N]

Threads: Debian's PyTorch does its products in OpenBLAS (pthreads), whose thread pool ignores
torch.set_num_threads: "1 thread" used both cores (CPU time per run twice the wall time). So each
thread count runs in a child process started with OPENBLAS_NUM_THREADS, OMP_NUM_THREADS and
MKL_NUM_THREADS set to it, which the libraries read when they load.
"""
import json
import os
import subprocess
import sys
import time

import torch
from torch import nn


def measure(f, n):
    """Best and median wall time of n runs and the mean CPU time of the process per run, in ms."""
    f()
    f()
    walls = []
    c0 = time.process_time()
    for _ in range(n):
        t0 = time.perf_counter()
        f()
        walls.append(time.perf_counter() - t0)
    cpu = (time.process_time() - c0) / n
    walls.sort()
    median = (walls[(n - 1) // 2] + walls[n // 2]) / 2
    return round(walls[0] * 1000, 1), round(median * 1000, 1), round(cpu * 1000, 1)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    torch.manual_seed(0)
    layer = nn.TransformerEncoderLayer(128, 4, 512, dropout=0.0, batch_first=True)
    lstm = nn.LSTM(128, 128, batch_first=True)
    gru = nn.GRU(128, 128, batch_first=True)
    x = torch.randn(32, 64, 128)

    def enc():
        layer.zero_grad()
        layer(x).mean().backward()

    def rnn():
        lstm.zero_grad()
        lstm(x)[0].mean().backward()

    def gru_step():
        gru.zero_grad()
        gru(x)[0].mean().backward()

    threads = int(os.environ["OPENBLAS_NUM_THREADS"])
    torch.set_num_threads(threads)
    out = {}
    for name, f in (("encoder_layer", enc), ("lstm", rnn), ("gru", gru_step)):
        wall, median, cpu = measure(f, n)
        out[f"{name}_ms_{threads}thread"] = wall
        out[f"{name}_median_ms_{threads}thread"] = median
        out[f"{name}_cpu_ms_{threads}thread"] = cpu
    print(json.dumps(out))


def run_all(n):
    """One child process per thread count, its libraries' thread pools sized by environment."""
    out = {"torch": torch.__version__, "load_before": os.getloadavg()[0]}
    for threads in (1, 2):
        env = dict(os.environ, MLNOTES_BENCH_CHILD="1")
        for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            env[var] = str(threads)
        child = subprocess.run([sys.executable, __file__, str(n)], env=env, check=True,
                               capture_output=True, text=True)
        out.update(json.loads(child.stdout))
    out["load_after"] = os.getloadavg()[0]
    print(json.dumps(out))


if __name__ == "__main__":
    if "OPENBLAS_NUM_THREADS" in os.environ and "MLNOTES_BENCH_CHILD" in os.environ:
        main()
    else:
        run_all(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
