#!/usr/bin/env python3
"""Independent check of docs/protocol/synthetic-challenge.md: re-implements the generator, the product, the row
hashes, the Merkle root (the chain's rule), the challenge derivation and the path check from the spec's text, and
compares every value with the test vectors. Python 3 standard library only.

    python3 docs/protocol/synthetic-challenge-check.py [vectors.json]
"""
import hashlib
import json
import struct
import sys

M64 = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15


def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return z ^ (z >> 31)


def int8(b):
    return b - 256 if b > 127 else b


def check(case):
    key = int.from_bytes(hashlib.sha256(case["seed"].encode("ascii")).digest()[:8], "big")
    assert "%016x" % key == case["key"], "key"
    n = case["matrix_size"]

    def word(t, m, p, w):
        c = (t << 33) | (m << 32) | (p << 16) | w
        return mix((key + (c + 1) * GAMMA) & M64)

    leaves = []
    for it in case["iteration_data"]:
        t = it["iteration"]
        a = [[int8((word(t, 0, i, k // 8) >> (8 * (k % 8))) & 255) for k in range(n)] for i in range(n)]
        b = [[int8((word(t, 1, j, k // 8) >> (8 * (k % 8))) & 255) for j in range(n)] for k in range(n)]
        assert a == it["A"] and b == it["B"], "A or B of iteration %d" % t
        c = [[sum(a[i][k] * b[k][j] for k in range(n)) for j in range(n)] for i in range(n)]
        assert c == it["C"], "C of iteration %d" % t
        for i in range(n):
            h = hashlib.sha256(b"".join(struct.pack("<i", v) for v in c[i])).digest()
            assert h.hex() == it["row_hashes"][i], "row hash %d of iteration %d" % (i, t)
            leaves.append(h)

    level = leaves
    while len(level) > 1:
        if len(level) % 2:
            level = level + [level[-1]]
        level = [hashlib.sha256(level[i] + level[i + 1]).digest() for i in range(0, len(level), 2)]
    root = level[0]
    assert root.hex() == case["result_hash"], "result_hash"

    ch = case["challenge"]
    d = hashlib.sha256(bytes.fromhex(ch["verifier_nonce"]) + bytes.fromhex(ch["block_hash"]) + root).digest()

    def stream():
        counter = 0
        while True:
            block = hashlib.sha256(d + struct.pack(">I", counter)).digest()
            counter += 1
            for q in range(4):
                yield int.from_bytes(block[8 * q:8 * q + 8], "big")

    draws = stream()
    total = len(leaves)
    rows = []
    while len(rows) < min(ch["k"], total):
        x = next(draws) % total
        if x not in rows:
            rows.append(x)
    derived = []
    for r in rows:
        cols = []
        while len(cols) < min(ch["m"], n):
            x = next(draws) % n
            if x not in cols:
                cols.append(x)
        derived.append({"leaf_index": r, "columns": cols})
    assert derived == ch["rows"], "challenge"

    depth = (total - 1).bit_length()
    for opening, row in zip(case["openings"], derived):
        leaf = opening["leaf_index"]
        assert leaf == row["leaf_index"] and len(opening["path"]) == depth
        node = hashlib.sha256(b"".join(struct.pack("<i", v) for v in opening["values"])).digest()
        index = leaf
        for sibling in map(bytes.fromhex, opening["path"]):
            node = hashlib.sha256(sibling + node if index & 1 else node + sibling).digest()
            index >>= 1
        assert node == root, "path of leaf %d" % leaf
        t = case["first_iteration"] + leaf // n
        i = leaf % n
        for j in row["columns"]:
            expected = sum(int8((word(t, 0, i, k // 8) >> (8 * (k % 8))) & 255)
                           * int8((word(t, 1, j, k // 8) >> (8 * (k % 8))) & 255) for k in range(n))
            assert opening["values"][j] == expected, "entry %d of leaf %d" % (j, leaf)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "worker-protocol/src/test/resources/synthetic-challenge-vectors.json"
    with open(path) as f:
        vectors = json.load(f)
    for case in vectors["cases"]:
        check(case)
        print("ok: n = %d, seed %s, %d iteration(s)" % (case["matrix_size"], case["seed"], case["iterations"]))


if __name__ == "__main__":
    main()
