"""scripts/bench, issue 17: the jstrace process's peak RSS, strace beside it in the same run.

Every figure is taken in alternation with strace on the same workload; the
summary at the end lists each target of the issue with its figure and verdict.
"""
import os
import statistics
import subprocess
import sys
import threading
import time

GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
RSS_TARGET_MIB = 64
TARGETS = []  # (label, figure, unit, target, ok, bound): printed by summary()
NMT = {}  # NMT category -> committed MiB at exit of the dd run (section 7e), for the RSS targets' bounds


def target(row, label, value, unit, goal, ok, bound=None):
    """Prints a row with a target and keeps it for the summary; bound says, from figures measured
    in this run, what the figure is made of (printed under the target in the summary)."""
    row(label, value, unit, goal, ok)
    TARGETS.append((label, value, unit, goal, ok, bound))


def note(row, label, value, unit):
    """Prints a row without a target and keeps it for the summary (what bounds a target)."""
    row(label, value, unit)
    TARGETS.append((label, value, unit, None, None, None))


def rss_bound():
    """What the RSS targets are made of, from section 7e's NMT figures (None before 7e ran)."""
    if not NMT:
        return None
    parts = sorted(NMT.items(), key=lambda x: -x[1])
    return "NMT committed at exit of the dd run (7e): " + ", ".join("%s %.1f MiB" % p for p in parts[:6])


def measured(cmd, tmp, env=None, series=None, smaps=None):
    """One run: (wall seconds, peak RSS in KiB) of the command's process (jstrace's JVM, strace),
    and, when series is a list, (seconds, VmRSS KiB) samples of that process every 100 ms.

    The peak is GNU time's %M (wait4's ru_maxrss) when /usr/bin/time exists: it forks the command
    from a ~1 MiB process, where a fork from this Python would count Python's own ~12 MiB (a
    process's peak outlives its exec: the issue's "measuring floor" of 11.5 MiB). Without it, this
    process's wait4 gives that upper bound. ru_maxrss is the largest of the process and its waited-for
    children; the traced programs (dd, yes, python3) are far smaller than a JVM."""
    rss_file = os.path.join(tmp, "rss.txt")
    full = [GNU_TIME, "-f", "%M", "-o", rss_file] + cmd if GNU_TIME else cmd
    t0 = time.perf_counter()
    p = subprocess.Popen(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    done = threading.Event()
    sampler = None
    if series is not None:
        sampler = threading.Thread(target=sample_rss, args=(p.pid, bool(GNU_TIME), done, t0, series, smaps),
                                   daemon=True)
        sampler.start()
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    if sampler:
        sampler.join()
    if p.returncode != 0:
        sys.exit("bench: %s failed (%d): %s" % (" ".join(cmd), p.returncode, err.decode()[-400:]))
    rss = usage.ru_maxrss
    if GNU_TIME:
        with open(rss_file) as f:
            rss = int(f.read().split()[-1])
    return wall, rss


def sample_rss(top, via_time, done, t0, out, smaps=None):
    """VmRSS of the measured process (GNU time's child, or top itself) every 100 ms until done;
    with smaps (a dict), also its resident KiB per mapping (file name, or [anon]) at the last sample."""
    pid = None
    while not done.wait(0.1):
        try:
            if pid is None:
                if via_time:
                    with open("/proc/%d/task/%d/children" % (top, top)) as f:
                        kids = f.read().split()
                    pid = int(kids[0]) if kids else None
                else:
                    pid = top
            if pid is not None:
                with open("/proc/%d/status" % pid) as f:
                    for line in f:
                        if line.startswith("VmRSS:"):
                            out.append((time.perf_counter() - t0, int(line.split()[1])))
                if smaps is not None:
                    smaps.clear()
                    smaps.update(rss_by_mapping(pid))
        except (OSError, ValueError, IndexError):
            pass


def rss_by_mapping(pid):
    """Resident KiB per mapped file ([anon] for the rest) of a process, from /proc/PID/smaps."""
    by, name = {}, "[anon]"
    with open("/proc/%d/smaps" % pid) as f:
        for line in f:
            head = line.split()
            if "-" in head[0] and len(head) >= 5 and not head[0].endswith(":"):
                name = head[5] if len(head) > 5 and head[5].startswith("/") else "[anon]"
            elif head[0] == "Rss:":
                by[name] = by.get(name, 0) + int(head[1])
    return by


def load():
    return "load %.1f %.1f %.1f" % os.getloadavg()


def pair(row, name, cmd, jstrace, strace, tmp, rounds, jflags, sflags, wall_target=None):
    """jstrace and strace on one workload, alternating: median walls, the largest peak RSS of each."""
    variants = {"jstrace": [jstrace, *jflags] + cmd}
    if strace:
        variants["strace"] = [strace, *sflags] + cmd
    walls = {k: [] for k in variants}
    rss = {k: 0 for k in variants}
    for _ in range(rounds):
        for k, c in variants.items():
            w, r = measured(c, tmp)
            walls[k].append(w)
            rss[k] = max(rss[k], r)
    print("\n%s  (%s; %d rounds alternating; %s)" % (name, " ".join(cmd), rounds, load()))
    for k in variants:
        row("%s wall, median" % k, statistics.median(walls[k]), "s")
    mib = rss["jstrace"] / 1024
    target(row, "%s: jstrace peak RSS" % name.split(". ", 1)[-1], mib, "MiB", "<= %d MiB" % RSS_TARGET_MIB,
           mib <= RSS_TARGET_MIB)
    if strace:
        row("strace peak RSS", rss["strace"] / 1024, "MiB")
        row("jstrace / strace peak RSS", rss["jstrace"] / rss["strace"], "x")
        if wall_target is not None:
            r = statistics.median(walls["jstrace"]) / statistics.median(walls["strace"])
            target(row, "dd wall: jstrace / strace (same runs)", r, "x", "<= %.2f" % wall_target, r <= wall_target)


def footprint(row, jstrace, strace, here, tmp, rounds, scale):
    """Section 7 (section 4 holds the long run): dd to /dev/null, 200 MB of output to a file, the 8-thread storm."""
    out = os.path.join(tmp, "footprint.txt")
    print("\n7. footprint (issue 17): peak RSS of the tracer process (GNU time %%M: %s), strace beside it"
          % ("yes" if GNU_TIME else "absent, so Python's own ~12 MiB is the floor of every figure"))
    dd = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=%d" % (50000 // scale)]
    pair(row, "7a. dd -f -o /dev/null", dd, jstrace, strace, tmp, rounds, ("-f", "-o", "/dev/null"),
         ("-f", "-o", "/dev/null"), wall_target=0.30)
    yes = ["sh", "-c", "yes | head -c %dM" % (200 // scale)]
    pair(row, "7b. 200 MB of output, -f -o FILE", yes, jstrace, strace, tmp, rounds, ("-f", "-o", out),
         ("-f", "-o", out))
    storm = ["python3", os.path.join(here, "storm.py"), "8", str(2000 // scale)]
    pair(row, "7c. 8-thread storm, -f -o FILE", storm, jstrace, strace, tmp, rounds, ("-f", "-o", out),
         ("-f", "-o", out))


def long_run(row, jstrace, strace, tmp, count, tef):
    """The large --tef run (section 4's workload) with its RSS sampled: peak, and RSS at 10%, 50%, 100%."""
    dd = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=%d" % count]
    series = []
    wall, rss = measured([jstrace, "-f", "-o", "/dev/null", "--tef", tef] + dd, tmp, series=series)
    print("\n4b. long run: --tef of %d syscalls (default flags; %s)" % (2 * count, load()))
    row("jstrace --tef wall", wall, "s")
    target(row, "--tef %dk syscalls: jstrace peak RSS" % (2 * count // 1000), rss / 1024, "MiB",
           "<= %d MiB" % RSS_TARGET_MIB, rss / 1024 <= RSS_TARGET_MIB)
    if strace:
        # strace's RSS does not grow with the run; its wall does, ~4x jstrace's here (minutes for the
        # --big run's 5M syscalls), so it runs at most 500k syscalls' worth.
        scount = min(count, 250000)
        sdd = dd[:-1] + ["count=%d" % scount]
        swall, srss = measured([strace, "-f", "-o", "/dev/null"] + sdd, tmp)
        row("strace -f -o /dev/null, %dk syscalls: wall" % (2 * scount // 1000), swall, "s")
        row("strace peak RSS", srss / 1024, "MiB")
    if len(series) < 3:
        row("RSS samples (run too short to judge)", len(series), "")
        return wall
    at = {}
    for frac in (0.1, 0.5, 1.0):
        t = frac * series[-1][0]
        at[frac] = min(series, key=lambda p: abs(p[0] - t))[1] / 1024
        row("RSS at %d%% of the run (%.1f s)" % (frac * 100, t), at[frac], "MiB")
    growth = at[1.0] - at[0.1]
    if wall < 10:
        # 10% of a short run falls inside the JVM's start: no judgement (the default run takes ~15 s or more).
        note(row, "long run: RSS growth 10%->100% (run < 10 s: not judged)", growth, "MiB")
    else:
        target(row, "long run: RSS growth from 10% to 100%", growth, "MiB", "flat (<= 10% of the 10% figure)",
               growth <= 0.10 * at[0.1], "RSS at 10%%, 50%%, 100%% of the %.0f s run: %.1f, %.1f, %.1f MiB"
               % (wall, at[0.1], at[0.5], at[1.0]))
    return wall


def what_bounds_it(row, jstrace, tmp, scale):
    """Section 7e: what the RSS is made of, measured: the JVM's own accounting (NMT, at exit) and
    the resident pages per mapping (smaps, at the last sample of the run)."""
    dd = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=%d" % (50000 // scale)]
    env = dict(os.environ, JSTRACE_JAVA_OPTS="-XX:NativeMemoryTracking=summary -XX:+UnlockDiagnosticVMOptions "
               "-XX:+PrintNMTStatistics")
    full = [jstrace, "-f", "-o", "/dev/null"] + dd
    series, smaps = [], {}
    measured(full, tmp, env=env, series=series, smaps=smaps)
    r = subprocess.run(full, capture_output=True, text=True, env=env)
    print("\n7e. what the RSS is made of (dd -f -o /dev/null; NMT committed at exit; smaps at the run's last sample)")
    for line in r.stdout.splitlines():
        line = line.strip()
        if line.startswith("-") and "committed=" in line:
            name = line[1:line.index("(")].strip()
            kib = int(line.split("committed=")[1].split(")")[0].split(",")[0].rstrip("KB")) / 1024
            if kib >= 256:  # -XX:NativeMemoryTracking prints bytes here; NMT's own overhead is left out
                row("NMT %s" % name, kib / 1024, "MiB")
                if name != "Native Memory Tracking":
                    NMT[name] = kib / 1024
    for name, kib in sorted(smaps.items(), key=lambda x: -x[1])[:5]:
        row("resident: %s" % os.path.basename(name), kib / 1024, "MiB")
    if series:
        row("VmRSS at the last sample (NMT itself adds ~0.3 MiB)", series[-1][1] / 1024, "MiB")


def summary(row):
    """Every issue-17 target of this run, with its figure and verdict."""
    print("\nTargets of issues 15 and 17, this run (%s; %s). Each with its figure and verdict; under"
          " each, what the figure is made of, measured in this run:" % (time.strftime("%Y-%m-%d %H:%M"), load()))
    for label, value, unit, goal, ok, bound in TARGETS:
        row(label, value, unit, goal, ok)
        if bound is None and goal is not None and "RSS" in label:
            bound = rss_bound()
        if bound is not None and ok is not None:
            print("      %s: %s" % ("bounded by" if not ok else "made of", bound))
