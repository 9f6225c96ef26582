#!/usr/bin/python3
"""Reference values for lib/hmm from a direct NumPy implementation of 李航 第10章 (scikit-learn has
no HMM and hmmlearn is not packaged for Debian), written to tests/fixtures/hmm_numpy.json.

    /usr/bin/python3 tools/fixtures_hmm.py

The recursions here are the book's, unscaled (算法10.2, 10.3, 10.5, 10.4), on short sequences
where nothing underflows; P(O|λ) is also checked by enumerating every state path.
"""

import itertools
import json
import pathlib

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "hmm_numpy.json"


def forward(pi, A, B, O):
    alpha = [pi * B[:, O[0]]]
    for o in O[1:]:
        alpha.append((alpha[-1] @ A) * B[:, o])
    return np.array(alpha)


def backward(A, B, O):
    beta = [np.ones(len(A))]
    for o in reversed(O[1:]):
        beta.insert(0, A @ (B[:, o] * beta[0]))
    return np.array(beta)


def viterbi(pi, A, B, O):
    delta = pi * B[:, O[0]]
    psi = []
    for o in O[1:]:
        scores = delta[:, None] * A
        psi.append(scores.argmax(0))
        delta = scores.max(0) * B[:, o]
    path = [int(delta.argmax())]
    for back in reversed(psi):
        path.insert(0, int(back[path[0]]))
    return path, float(delta.max())


def baum_welch_step(pi, A, B, seqs):
    N, M = B.shape
    pi_n, xi_s, g_from, emit, g_all = np.zeros(N), np.zeros((N, N)), np.zeros(N), np.zeros((N, M)), np.zeros(N)
    for O in seqs:
        al, be = forward(pi, A, B, O), backward(A, B, O)
        P = al[-1].sum()
        gamma = al * be / P
        pi_n += gamma[0]
        for t in range(len(O) - 1):
            xi_s += al[t][:, None] * A * (B[:, O[t + 1]] * be[t + 1])[None, :] / P
            g_from += gamma[t]
        for t, o in enumerate(O):
            emit[:, o] += gamma[t]
            g_all += gamma[t]
    return pi_n / len(seqs), xi_s / g_from[:, None], emit / g_all[:, None]


def random_model(rng, N, M):
    norm = lambda a: a / a.sum(-1, keepdims=True)
    return norm(rng.uniform(0.2, 1, N)), norm(rng.uniform(0.2, 1, (N, N))), norm(rng.uniform(0.2, 1, (N, M)))


def main():
    rng = np.random.default_rng(0)
    cases = []
    for N, M, T in ((2, 3, 6), (3, 2, 7), (4, 4, 5)):
        pi, A, B = random_model(rng, N, M)
        seqs = [list(map(int, rng.integers(0, M, T))) for _ in range(3)]
        O = seqs[0]
        brute = sum(
            pi[I[0]] * B[I[0], O[0]] * np.prod([A[I[t - 1], I[t]] * B[I[t], O[t]] for t in range(1, T)])
            for I in itertools.product(range(N), repeat=T)
        )
        al, be = forward(pi, A, B, O), backward(A, B, O)
        path, pstar = viterbi(pi, A, B, O)
        pi1, A1, B1 = baum_welch_step(pi, A, B, seqs)
        cases.append({
            "startProb": pi.tolist(), "transmat": A.tolist(), "emissionProb": B.tolist(), "sequences": seqs,
            "probability": float(al[-1].sum()), "enumerated": float(brute),
            "alpha": al.tolist(), "beta": be.tolist(), "gamma": (al * be / al[-1].sum()).tolist(),
            "path": path, "pathProbability": pstar,
            "next": {"startProb": pi1.tolist(), "transmat": A1.tolist(), "emissionProb": B1.tolist()},
        })
    OUT.write_text(json.dumps({"generator": "tools/fixtures_hmm.py", "numpy": np.__version__, "cases": cases}))


if __name__ == "__main__":
    main()
