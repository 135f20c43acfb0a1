#!/usr/bin/env python3
"""msolve behind the solver protocol of `polycrit check --solver` (README, "Checking other
solvers"): reads {"vars": [...], "polynomials": [...]} on stdin, writes msolve's input file (the
variables line in the order given, characteristic 0, the polynomials separated by commas — the
protocol's integer-coefficient syntax is msolve's), runs `msolve -t 1 -f IN -o OUT`, and reads its
real solutions: `[0, [1, [POINT, ...]]]` where a POINT lists an isolating interval [lo, hi] per
variable with dyadic ends `a / 2^k`, printed here as exact intervals {"lo": "a/2^k", "hi": ...}
(domain "real": msolve lists the real points only). `[-1]` is no solution; `[1, n, -1, []]`, a
positive-dimensional set, for which msolve lists no points, is reported as {"error": ...}.

Run: polycrit check --solver "python3 examples/solvers/msolve-solve.py"
Needs the msolve binary on PATH (or in $MSOLVE); only the standard library of python3.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

MSOLVE = os.environ.get("MSOLVE", "msolve")
# A dyadic end `a / 2^k`, or an integer.
NUMBER = re.compile(r"(-?\d+)\s*/\s*2\^(\d+)|(-?\d+)")


def exact(m):
    if m.group(3) is not None:
        return '"%s"' % m.group(3)
    return '"%s/%d"' % (m.group(1), 2 ** int(m.group(2)))


def main():
    request = json.load(sys.stdin)
    names = request["vars"]
    with tempfile.TemporaryDirectory(prefix="msolve-adapter-") as d:
        infile, outfile = os.path.join(d, "in.ms"), os.path.join(d, "out")
        with open(infile, "w") as f:
            f.write(",".join(names) + "\n0\n" + ",\n".join(request["polynomials"] or ["0"]) + "\n")
        run = subprocess.run([MSOLVE, "-t", "1", "-f", infile, "-o", outfile], capture_output=True, text=True)
        if run.returncode != 0:
            return {"error": "msolve exited with code %d: %s" % (run.returncode, (run.stderr or run.stdout)[-300:])}
        text = open(outfile).read().strip().rstrip(":")
    answer = json.loads(NUMBER.sub(exact, text))
    if answer == ["-1"]:
        return {"domain": "real", "solutions": []}
    if answer[0] == "1":
        return {"error": "msolve: the solution set has positive dimension (it lists no points): %s" % text[:80]}
    if answer[0] != "0":
        return {"error": "unexpected msolve output: %s" % text[:200]}
    points = answer[1][1]
    return {"domain": "real", "solutions": [{v: {"lo": box[0], "hi": box[1]} for v, box in zip(names, p)} for p in points]}


if __name__ == "__main__":
    try:
        answer = main()
    except Exception as e:  # the protocol's error answer, not a crash
        answer = {"error": "%s: %s" % (type(e).__name__, e)}
    print(json.dumps(answer))
