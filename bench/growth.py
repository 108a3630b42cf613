"""Growth exponents: time a job at a size and at twice that size, in one run, and print
``log2(t(2n) / t(n))`` (1.0 is linear, 2.0 quadratic). Each size takes the best of a
few repetitions of CPU time (process time): the machine is shared and noisy, and wall
time under load says more about the neighbours than about the code."""

from __future__ import annotations

import math
import time
from collections.abc import Callable


def best_time(job: Callable[[], object], repeat: int = 3) -> float:
    best = math.inf
    for _ in range(repeat):
        t0 = time.process_time()
        job()
        best = min(best, time.process_time() - t0)
    return best


def exponent(t_small: float, t_large: float) -> float:
    return math.log2(max(t_large, 1e-9) / max(t_small, 1e-9))


def report(
    name: str, unit: str, n: int, make: Callable[[int], Callable[[], object]], repeat: int = 3
) -> float:
    """Time ``make(n)()`` and ``make(2n)()`` (best of ``repeat``), print both and the
    exponent; return it."""
    t1 = best_time(make(n), repeat)
    t2 = best_time(make(2 * n), repeat)
    e = exponent(t1, t2)
    print(
        f"{name}: {n:>7} {unit} {t1:7.3f} s CPU   {2 * n:>7} {unit} {t2:7.3f} s CPU   "
        f"exponent {e:4.2f} ({'linear' if e < 1.2 else 'SUPERLINEAR'})",
        flush=True,
    )
    return e


def report_doublings(
    name: str, unit: str, n: int, make: Callable[[int], Callable[[], object]], times: int = 2
) -> float:
    """Time ``make(n)()``, ``make(2n)()``, ... (``times`` doublings, each once: a big
    job), print CPU and wall time per size and the exponents of each doubling; return
    the last CPU exponent."""
    cpu: list[float] = []
    wall: list[float] = []
    for k in range(times + 1):
        job = make(n * 2**k)
        t0, w0 = time.process_time(), time.perf_counter()
        job()
        cpu.append(time.process_time() - t0)
        wall.append(time.perf_counter() - w0)
        print(
            f"{name}: {n * 2**k:>7} {unit} {cpu[-1]:7.2f} s CPU {wall[-1]:7.2f} s wall", flush=True
        )
    for k in range(times):
        e, ew = exponent(cpu[k], cpu[k + 1]), exponent(wall[k], wall[k + 1])
        print(
            f"{name}: {n * 2**k} -> {n * 2 ** (k + 1)} {unit}: exponent {e:4.2f} CPU "
            f"({'linear' if e < 1.2 else 'SUPERLINEAR'}), {ew:4.2f} wall",
            flush=True,
        )
    return exponent(cpu[-2], cpu[-1])
