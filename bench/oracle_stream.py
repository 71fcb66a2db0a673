#!/usr/bin/env python3
"""Replays a synthetic routing world through a running Switchboard over HTTP and prints the oracle ratio.

Usage: bench/oracle_stream.py [--url http://localhost:8080] [--algorithm linucb] [--rounds 8000] [--seed 1]

The world: 4 tasks x 4 languages and a prompt length; each of --arms models succeeds with probability
sigmoid(base + task effect + language effect - 0.1 * (ln tokens - 6.5)), so different models are best in different
contexts. Rewards are Bernoulli draws. Prints the expected reward of the chosen models over the last quarter as a
share of the per-context oracle's, and the requests per second of the select+feedback loop. Needs only Python 3.
"""
import argparse
import json
import math
import random
import time
import urllib.request

TASKS = ["code", "chat", "math", "translate"]
LANGS = ["en", "de", "zh", "fr"]


def call(url, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        text = response.read()
        return json.loads(text) if text else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--algorithm", default="linucb")
    parser.add_argument("--arms", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=8000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    arms = ["model-%d" % a for a in range(args.arms)]
    base = [rng.uniform(-0.5, 0.5) for _ in arms]
    task = [[rng.uniform(-1.5, 1.5) for _ in TASKS] for _ in arms]
    lang = [[rng.uniform(-1, 1) for _ in LANGS] for _ in arms]
    policy = "oracle-%s-%d" % (args.algorithm, args.seed)
    call(args.url, "PUT", "/policies/" + policy, {"algorithm": args.algorithm, "arms": arms, "params": {}})

    got = best = 0.0
    start = time.time()
    for i in range(args.rounds):
        t, l = rng.randrange(len(TASKS)), rng.randrange(len(LANGS))
        tokens = math.exp(rng.uniform(3, 10))
        p = [1 / (1 + math.exp(-(base[a] + task[a][t] + lang[a][l] - 0.1 * (math.log(tokens) - 6.5))))
             for a in range(len(arms))]
        answer = call(args.url, "POST", "/select", {"policy": policy, "context": {
            "task": TASKS[t], "lang": LANGS[l], "promptTokens": round(tokens)}})
        chosen = arms.index(answer["arm"])
        reward = 1 if rng.random() < p[chosen] else 0
        call(args.url, "POST", "/feedback", {"decisionId": answer["decisionId"], "reward": reward})
        if i >= args.rounds * 3 // 4:
            got += p[chosen]
            best += max(p)
    elapsed = time.time() - start
    print("algorithm=%s arms=%d rounds=%d oracle_ratio_last_quarter=%.4f pairs_per_second=%.0f"
          % (args.algorithm, args.arms, args.rounds, got / best, args.rounds / elapsed))


if __name__ == "__main__":
    main()
