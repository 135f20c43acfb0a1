#!/usr/bin/env python3
"""sympy's `solve` behind the solver protocol of `polycrit check --solver` (README, "Checking
other solvers"): reads {"vars": [...], "polynomials": [...]} on stdin, calls
`sympy.solve(polynomials, symbols, dict=True)` with the symbols in the order given (the seed blog
post's call), and prints every solution: coordinates that are numbers exactly when rational
("-3/4"), else evaluated to 30 digits as {"re", "im"}; a parametric solution (sympy leaves the
free variables out) as expressions in the free variables, in sympy's own printing (`**`, `sqrt`,
`I`), with any CRootOf evaluated. sympy's exceptions are reported as {"error": ...}.

Run: polycrit check --solver "python3 examples/solvers/sympy-solve.py"
Needs python3 with sympy (tested with sympy 1.14).
"""
import json
import sys

import sympy


def value(expr):
    expr = sympy.nsimplify(expr) if expr.is_Float else expr
    if expr.is_Rational:
        return str(expr)
    z = sympy.N(expr, 30)
    re, im = z.as_real_imag()
    return {"re": float(re), "im": float(im)}


def main():
    request = json.load(sys.stdin)
    names = request["vars"]
    symbols = sympy.symbols(names)
    table = dict(zip(names, symbols))
    polys = [sympy.parse_expr(p.replace("^", "**"), local_dict=table) for p in request["polynomials"]]
    solutions = sympy.solve(polys, symbols, dict=True)
    out = []
    for s in solutions:
        point = {}
        for x, expr in s.items():
            if expr.free_symbols:
                roots = {r: sympy.N(r, 30) for r in expr.atoms(sympy.CRootOf)}
                point[str(x)] = str(expr.xreplace(roots))
            else:
                point[str(x)] = value(expr)
        out.append(point)
    return {"domain": "complex", "solutions": out}


if __name__ == "__main__":
    try:
        answer = main()
    except Exception as e:  # the protocol's error answer, not a crash
        answer = {"error": "%s: %s" % (type(e).__name__, e)}
    print(json.dumps(answer))
