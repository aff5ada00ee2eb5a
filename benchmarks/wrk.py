"""wrk (Debian's package) as the load generator: C, two threads, so the app server gets the CPU."""

import re
import shutil
import subprocess

WRK_LINE = re.compile(r"Requests/sec:\s+([\d.]+)")
ERRORS = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
NON_2XX = re.compile(r"Non-2xx or 3xx responses: (\d+)")
LATENCY_50 = re.compile(r"^\s+50%\s+([\d.]+)(us|ms|s)\s*$", re.M)


def available():
    return shutil.which("wrk") is not None


def wrk(port, path, seconds, connections, threads=2, headers=None):
    """Requests per second, errors (socket errors plus non-2xx answers) and the median latency."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--latency"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    run = subprocess.run([*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True)
    errors = ERRORS.search(run.stdout)
    non_2xx = NON_2XX.search(run.stdout)
    median = LATENCY_50.search(run.stdout)
    scale = {"us": 0.001, "ms": 1, "s": 1000}
    return {
        "rps": float(WRK_LINE.search(run.stdout).group(1)),
        "errors": (sum(map(int, errors.groups())) if errors else 0) + (int(non_2xx.group(1)) if non_2xx else 0),
        "median_ms": round(float(median.group(1)) * scale[median.group(2)], 1) if median else None,
    }
