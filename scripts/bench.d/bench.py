"""scripts/bench: jstrace against strace and the ptrace floor, side by side in one run.

Each workload runs untraced, under strace, under jstrace and under jstrace's
floor (--bench-floor: stop and restart only), alternating A B C D, for several
rounds; medians and ratios are printed with the targets of issue #7.
"""
import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import footprint
import startup

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
JSTRACE = os.path.join(ROOT, "scripts", "jstrace")
STRACE = shutil.which("strace")
TMP = tempfile.mkdtemp(prefix="jstrace-bench-")
OUT = os.path.join(TMP, "trace.txt")


def timed(cmd, env=None):
    """Wall seconds of one run; a failing run aborts the bench (a broken figure is worse than none)."""
    t0 = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    dt = time.perf_counter() - t0
    if r.returncode != 0:
        sys.exit("bench: %s failed (%d): %s" % (" ".join(cmd), r.returncode, r.stderr.decode()[-400:]))
    return dt


def alternate(variants, rounds, mins=None):
    """Runs the variants in turn (A B C A B C ...) so drift hits all alike; returns medians
    (and fills mins, when given, with each variant's fastest run)."""
    times = {k: [] for k in variants}
    for _ in range(rounds):
        for k, cmd in variants.items():
            times[k].append(timed(cmd))
    if mins is not None:
        mins.update({k: min(v) for k, v in times.items()})
    return {k: statistics.median(v) for k, v in times.items()}


def row(label, value, unit, target=None, ok=None):
    verdict = "" if ok is None else ("met" if ok else "MISSED")
    tgt = "" if target is None else target
    print("  %-56s %12s %-6s %-22s %s" % (label, "%.3f" % value if isinstance(value, float) else value, unit,
                                           tgt, verdict))


FLOOR_INFO = "floor + PTRACE_GET_SYSCALL_INFO per stop"
CAPTURE_ONLY = "capture only (tracer as full; consumer drops)"
TRIO_MINS = {}  # the last trio's fastest run per variant


def trio(name, cmd, rounds, jflags=("-f",), sflags=("-f",), floor=True, extra_j=(), floor_info=False):
    """untraced / strace / jstrace / floor for one command; prints and returns the medians.
    floor_info adds the floor plus the one ptrace request any decoding needs at every stop."""
    v = {"untraced": cmd}
    if STRACE:
        v["strace"] = [STRACE, *sflags, "-o", OUT] + cmd
    v["jstrace"] = [JSTRACE, *jflags, *extra_j, "-o", OUT] + cmd
    if floor:
        v["floor"] = [JSTRACE, *jflags, "--bench-floor", "-o", OUT] + cmd
    if floor_info:
        v[FLOOR_INFO] = ["env", "JSTRACE_JAVA_OPTS=-Djstrace.benchFloorInfo=true", JSTRACE, *jflags,
                         "--bench-floor", "-o", OUT] + cmd
        # Everything the tracer thread does in the full run (GET_SYSCALL_INFO, the memory copies of what
        # will be printed, the ring's hand-over); the consumer drops each record undecoded.
        v[CAPTURE_ONLY] = ["env", "JSTRACE_JAVA_OPTS=-Djstrace.benchCaptureOnly=true", JSTRACE, *jflags, *extra_j,
                           "-o", OUT] + cmd
    m = alternate(v, rounds, TRIO_MINS)
    print("\n%s  (%s; %d rounds, medians)" % (name, " ".join(cmd), rounds))
    for k, s in m.items():
        row(k, s, "s")
    if "strace" in m:
        row("strace / untraced", m["strace"] / m["untraced"], "x")
        row("jstrace / untraced", m["jstrace"] / m["untraced"], "x")
    if floor:
        row("floor / untraced", m["floor"] / m["untraced"], "x")
    return m


def dd(count):
    return ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=%d" % count]


def count_tef_events(path):
    with open(path, "rb") as f:
        data = f.read()
    return data.count(b'"ph":')


def jdk():
    out = subprocess.run(["bash", "-c", "source '%s/scripts/jdk.sh' && echo $JSTRACE_JDK" % ROOT],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def tef_and_memory(count, rounds):
    """A large trace to --tef (default flags, its RSS sampled: issue 17's long run) and to
    --perfetto under -Xmx64m; bytes per syscall and events/s."""
    tef = os.path.join(TMP, "t.json")
    pb = os.path.join(TMP, "t.pftrace")
    env = dict(os.environ, JSTRACE_JAVA_OPTS="-Xmx64m")
    print("\n4. large trace  (dd count=%d: ~%d syscalls; %d rounds, medians)" % (count, 2 * count, rounds))
    syscalls = 2 * count
    ts = []
    for _ in range(rounds):
        ts.append(timed([JSTRACE, "-f", "-o", "/dev/null", "--perfetto", pb] + dd(count), env=env))
    wall = statistics.median(ts)
    row("--perfetto wall (completes under -Xmx64m)", wall, "s", "completes", True)
    row("--perfetto bytes per syscall", os.path.getsize(pb) / syscalls, "B")
    row("--perfetto syscalls/s (bounded by ptrace)", syscalls / wall, "sc/s")
    wall = footprint.long_run(row, JSTRACE, STRACE, TMP, count, tef)
    row("--tef bytes per syscall", os.path.getsize(tef) / syscalls, "B")
    ev = count_tef_events(tef)
    row("--tef events written", ev, "")
    row("--tef events/s (bounded by ptrace)", ev / wall, "ev/s")


def jfr_seconds(stamp):
    """Seconds of a JFR JSON time stamp (ISO-8601 with a fraction), for differences."""
    t = stamp.rstrip("Z")
    date_time, _, frac = t.partition(".")
    frac = "".join(ch for ch in frac if ch.isdigit())
    base = time.mktime(time.strptime(date_time[:19], "%Y-%m-%dT%H:%M:%S"))
    return base + (float("0." + frac) if frac else 0.0)


def tracer_allocation(count):
    """The tracer thread's allocation during the dd run, from JFR: the steady-state growth of its
    cumulative counter (jdk.ThreadAllocationStatistics, sampled every 200 ms). Start-up (class
    loading, the first execve's strings, the ring's slots) lands before the window and is not counted."""
    jfr = os.path.join(TMP, "alloc.jfr")
    env = dict(os.environ, JSTRACE_JAVA_OPTS="-XX:StartFlightRecording=filename=%s,settings=profile,"
               "jdk.ThreadAllocationStatistics#period=200ms" % jfr
               + " -Xlog:gc:file=%s" % os.path.join(TMP, "gc.log"))
    timed([JSTRACE, "-f", "-o", OUT] + dd(count), env=env)
    tool = os.path.join(jdk(), "bin", "jfr")
    r = subprocess.run([tool, "print", "--json", "--events", "jdk.ThreadAllocationStatistics", jfr],
                       capture_output=True, text=True)
    series = {}
    try:
        for e in json.loads(r.stdout)["recording"]["events"]:
            v = e["values"]
            th = (v.get("thread") or {}).get("javaName") or "?"
            series.setdefault(th, []).append((v["startTime"], v["allocated"]))
    except (ValueError, KeyError):
        pass
    print("\n5. stop-time allocation (JFR jdk.ThreadAllocationStatistics every 200 ms, dd count=%d, %d stops)"
          % (count, 4 * count))
    for th, pts in sorted(series.items(), key=lambda x: -max(p[1] for p in x[1]))[:4]:
        row("thread %s (total)" % th[:30], max(p[1] for p in pts) / 1e6, "MB")
    tracer = sorted(p for th, pts in series.items() if th.startswith("jstrace-tracer") for p in pts)
    # Steady state: once the ring's 16k slots (each made on first use) exist, ~16k stops in; the window
    # starts at the first sample 0.8 s after the first one, tens of thousands of stops in.
    steady = [p for p in tracer if jfr_seconds(p[0]) - jfr_seconds(tracer[0][0]) >= 0.8]
    if len(steady) >= 3:
        growth = steady[-1][1] - steady[0][1]
        row("tracer thread samples in steady state", len(steady) - 1, "")
        row("tracer thread growth in steady state", growth, "B", "0 (no per-stop alloc)", growth == 0)
    else:
        row("tracer thread samples (run too short to judge)", len(tracer), "")
    with open(os.path.join(TMP, "gc.log")) as f:
        gcs = [l for l in f if "Pause" in l]
    row("GC pauses during the run (all threads)", len(gcs), "")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=3, help="rounds per workload (default 3)")
    ap.add_argument("--quick", action="store_true", help="smaller workloads, for a smoke run")
    ap.add_argument("--big", action="store_true", help="the 5M-syscall --tef run of the issue (minutes)")
    ap.add_argument("--jmh", action="store_true", help="also run the JMH benchmarks (mvn -Pjmh)")
    a = ap.parse_args()
    scale = 10 if a.quick else 1
    subprocess.run([JSTRACE, "-o", "/dev/null", "true"], check=True)  # builds the jar on first use
    print("jstrace bench: %s; strace: %s; %d cores; kernel %s; %s" % (
        time.strftime("%Y-%m-%d %H:%M"), STRACE or "absent", os.cpu_count(), os.uname().release, footprint.load()))

    # Five rounds at least: a ptrace stop's cost here is bimodal (whether a vCPU had halted), and
    # three rounds let one slow run decide a median.
    m = trio("1. syscall-bound dd, full decoding to a file (-f -o FILE)", dd(50000 // scale), max(a.rounds, 5),
             floor_info=True)
    if "strace" in m:
        r = m["jstrace"] / m["strace"]
        footprint.target(row, "dd: jstrace / strace wall (-f -o FILE)", r, "x", "<= 0.95", r <= 0.95,
                         "the stop-and-restart floor alone is %.2fx strace's wall" % (m["floor"] / m["strace"]))
    r = m["jstrace"] / m["floor"]
    # What bounds it, per stop (dd bs=1: 2 stops per call, 2 calls per byte), from the same rounds:
    # the one request any decoding needs at every stop (GET_SYSCALL_INFO: the call's number and
    # arguments at entry, its result at exit), the rest of the tracer thread's work (the memory copies
    # of what strace prints: read's byte at exit, write's at entry; the ring), and the consumer's
    # (decoding, the text). Medians; the fastest runs below (stop costs here are bimodal).
    stops = 4 * (50000 // scale)

    def per_stop(a, b, mm):
        return (mm[a] - mm[b]) / stops * 1e6

    def lo_ratio(a, b):
        return TRIO_MINS[a] / TRIO_MINS[b]

    parts = (per_stop(FLOOR_INFO, "floor", m), per_stop(CAPTURE_ONLY, FLOOR_INFO, m), per_stop("jstrace", CAPTURE_ONLY, m))
    bound = ("the one request any decoding needs at every stop alone gives (floor + GET_SYSCALL_INFO) / floor ="
             " %.2fx (fastest runs %.2fx)" % (m[FLOOR_INFO] / m["floor"], lo_ratio(FLOOR_INFO, "floor")))
    if min(parts) >= 0:
        bound += ("; per stop above the floor's %.2f us: GET_SYSCALL_INFO %.2f us, the tracer's other work (memory"
                  " copies, ring) %.2f us, decoding + writing (consumer) %.2f us" % ((m["floor"] / stops * 1e6,) + parts))
    else:
        bound += ("; the finer split (GET_SYSCALL_INFO %.2f, tracer's other work %.2f, consumer %.2f us per stop)"
                  " has a negative part: this run's spread is larger than the parts, so they are not separated"
                  % parts)
    footprint.target(row, "dd: full decoding / stop-and-restart floor", r, "x", "<= 1.10", r <= 1.10, bound)
    footprint.note(row, "dd: (floor + GET_SYSCALL_INFO per stop) / floor", m[FLOOR_INFO] / m["floor"], "x")
    footprint.note(row, "dd: capture only / floor (the tracer thread's part)", m[CAPTURE_ONLY] / m["floor"], "x")
    footprint.note(row, "dd: full decoding / capture only (the consumer's part)", m["jstrace"] / m[CAPTURE_ONLY],
                   "x")
    lo = TRIO_MINS
    row("fastest runs: jstrace / floor", lo["jstrace"] / lo["floor"], "x")
    row("fastest runs: jstrace / (floor + GET_SYSCALL_INFO)", lo["jstrace"] / lo[FLOOR_INFO], "x")
    row("fastest runs: capture only / floor", lo[CAPTURE_ONLY] / lo["floor"], "x")
    row("fastest runs: floor, per stop", lo["floor"] / stops * 1e6, "us")
    row("fastest runs: GET_SYSCALL_INFO, per stop", per_stop(FLOOR_INFO, "floor", lo), "us")
    row("fastest runs: tracer's other work, per stop", per_stop(CAPTURE_ONLY, FLOOR_INFO, lo), "us")
    row("fastest runs: decoding + writing, per stop", per_stop("jstrace", CAPTURE_ONLY, lo), "us")

    sec = dd(1000000 // scale)
    v = {"untraced": sec,
         "jstrace": [JSTRACE, "-f", "--seccomp-bpf", "-e", "trace=openat", "-o", OUT] + sec,
         "jstrace, same flags, on true (start-up)": [JSTRACE, "-f", "--seccomp-bpf", "-e", "trace=openat",
                                                     "-o", OUT, "true"]}
    if STRACE:
        v["strace"] = [STRACE, "-f", "--seccomp-bpf", "-e", "trace=openat", "-o", OUT] + sec
        v["strace, same flags, on true (start-up)"] = [STRACE, "-f", "--seccomp-bpf", "-e", "trace=openat",
                                                       "-o", OUT, "true"]
    m = alternate(v, max(a.rounds, 5))
    print("\n2. --seccomp-bpf -e trace=openat  (%s; %d rounds, medians; JVM start included)"
          % (" ".join(sec), max(a.rounds, 5)))
    for k, s in m.items():
        row(k, s, "s")
    row("jstrace / untraced", m["jstrace"] / m["untraced"], "x")
    if STRACE:
        row("strace / untraced", m["strace"] / m["untraced"], "x")
        r = m["jstrace"] / m["strace"]
        row("jstrace / strace --seccomp-bpf", r, "x", "<= 1.05", r <= 1.05)
        # What bounds it: the run minus the same tracer's run on `true` is the traced part alone.
        js = m["jstrace"] - m["jstrace, same flags, on true (start-up)"]
        st = m["strace"] - m["strace, same flags, on true (start-up)"]
        row("jstrace minus its start-up", js, "s")
        row("strace minus its start-up", st, "s")
        row("ratio without start-up", js / st, "x")

    startup.run(row, footprint.target, timed, alternate, os.path.join(jdk(), "bin", "java"), JSTRACE, ROOT, HERE,
                TMP, max(a.rounds, 5))

    trio("python3 import-heavy start", ["python3", "-c", "import json, email, http.client, asyncio"], a.rounds)
    trio("8-thread syscall storm", ["python3", os.path.join(HERE, "storm.py"), "8", str(2000 // scale)], a.rounds)
    trio("sh pipeline, many short processes",
         ["sh", "-c", "for i in $(seq %d); do echo $i | cat | wc -c > /dev/null; done" % (100 // scale)], a.rounds)

    tef_and_memory((2500000 if a.big else 250000) // scale, 1)
    tracer_allocation(50000 // scale)
    footprint.footprint(row, JSTRACE, STRACE, HERE, TMP, a.rounds, scale)
    footprint.what_bounds_it(row, JSTRACE, TMP, scale)
    footprint.summary(row)

    if a.jmh:
        jmh()
    shutil.rmtree(TMP, ignore_errors=True)


def jmh():
    print("\n6. JMH (consumer side; targets: decode+strace text >= 1M syscalls/s, TEF >= 2M events/s)")
    env = dict(os.environ, JAVA_HOME=jdk())
    subprocess.run(["mvn", "-q", "-B", "-ntp", "-Pjmh", "-DskipTests", "-DbuildDir=target-jmh", "package",
                    "dependency:build-classpath", "-Dmdep.outputFile=target-jmh/cp.txt", "-Dmdep.includeScope=test"],
                   cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(ROOT, "target-jmh", "cp.txt")) as f:
        cp = os.path.join(ROOT, "target-jmh", "classes") + os.pathsep + f.read().strip()
    subprocess.run([os.path.join(jdk(), "bin", "java"), "--enable-native-access=ALL-UNNAMED", "-cp", cp,
                    "org.openjdk.jmh.Main", "-f", "1", "-wi", "3", "-w", "2s", "-i", "5", "-r", "2s",
                    "-tu", "s", "-bm", "thrpt", "ConsumerBench"], check=True)

if __name__ == "__main__":
    main()
