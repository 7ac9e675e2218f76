"""Run every regular expression of confdata, and the functions that read URIs with several
of them, on adversarial inputs of growing size.

Prints the time per input size; a linear regex doubles its time when the input doubles,
a backtracking one explodes. Part of ``make fuzz`` (timings are printed, never asserted).
"""

from __future__ import annotations

import re
import time

import confdata._cli.jsontext
import confdata._core.gen.guards
import confdata._core.rules.entry_points
import confdata._core.text

SHAPES = {
    "spaces": " ",
    "letters": "a",
    "scheme-ish": "a+",
    "slashes": "/",
    "digits": "0",
    "quotes-and-backslashes": '\\"',
    "host-then-colon": "a.",
    "controls": "\x01",
    "query-pairs": "?a=",
    "ampersands": "&",
    "secret-pairs": "&pwd=",
    "userinfo-ish": "a:@",
    "at-signs": "@",
}

REPEATS = 3

# Functions that combine several searches: each search must move forward only.
FUNCTIONS = {"mask_uri_secrets": confdata._core.text.mask_uri_secrets}


def main() -> None:
    patterns = {
        f"{module.__name__}.{name}": value
        for module in (
            confdata._core.rules.entry_points,
            confdata._core.text,
            confdata._core.gen.guards,
            confdata._cli.jsontext,
        )
        for name, value in vars(module).items()
        if isinstance(value, re.Pattern)
    }
    print(f"{'pattern':<40} {'shape':<24} " + " ".join(f"{n:>9}" for n in ("10k", "20k", "40k")))
    worst = 0.0
    runs = {
        name: lambda text, pattern=pattern: (
            pattern.search(text),
            pattern.match(text),
            list(pattern.finditer(text)),
        )
        for name, pattern in patterns.items()
    } | FUNCTIONS
    for name, run in runs.items():
        for shape, unit in SHAPES.items():
            times = []
            for size in (10_000, 20_000, 40_000):
                text = "https://" + unit * size + "\x00"
                best = float("inf")
                for _ in range(REPEATS):  # the best of a few: other processes only add time
                    start = time.perf_counter()
                    run(text)
                    best = min(best, time.perf_counter() - start)
                times.append(best)
            growth = times[2] / max(times[0], 1e-9)
            worst = max(worst, growth)
            print(f"{name:<40} {shape:<24} " + " ".join(f"{t * 1e3:8.2f}ms" for t in times))
    print(f"largest growth from 10k to 40k characters: {worst:.1f}x (linear is about 4x)")


if __name__ == "__main__":
    main()
