"""scripts/bench's start-up section: the command line's bare run and the self-trace's first and later
Tracer.start(), each beside `java -version` in the same run (issues 15 and 17).

Start-up figures follow the machine's load more than anything else: each round runs every variant
once, in turn, and the ratios are of medians of the same rounds; the load average is printed.
"""
import glob
import os
import statistics
import subprocess
import sys
import time


def run(row, target, timed, alternate, java, jstrace, root, here, tmp, rounds):
    """Prints section 3 (the command line) and 3b (the self-trace)."""
    bindir = os.path.dirname(java)
    classes = os.path.join(tmp, "hello")
    os.makedirs(classes, exist_ok=True)
    subprocess.run([os.path.join(bindir, "javac"), "-d", classes, os.path.join(here, "Hello.java"),
                    os.path.join(here, "FfmHello.java")], check=True)
    # The FFM floor runs as scripts/jstrace runs jstrace: the same flags and an AOT cache of its own
    # (an AOT cache takes class paths of jars only).
    ffm_flags = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                 "--enable-native-access=ALL-UNNAMED", "-Xlog:aot=off", "-Xlog:cds=off"]
    ffm_jar = os.path.join(tmp, "ffmhello.jar")
    subprocess.run([os.path.join(bindir, "jar"), "cf", ffm_jar, "-C", classes, "FfmHello.class"], check=True)
    ffm_cache = os.path.join(tmp, "ffm.aot")
    subprocess.run([java, *ffm_flags, "-XX:AOTCacheOutput=" + ffm_cache, "-cp", ffm_jar, "FfmHello"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not os.path.exists(ffm_cache):
        sys.exit("bench: could not build the AOT cache for FfmHello")
    ffm = [java, *ffm_flags, "-XX:AOTCache=" + ffm_cache, "-cp", ffm_jar, "FfmHello"]
    timed([jstrace, "-o", "/dev/null", "true"])  # scripts/jstrace makes its AOT cache on first use
    version, hello, floor, cli = ("java -version", "java Hello", "java FfmHello (one downcall; FFM floor)",
                                  "jstrace -o /dev/null true")
    # The launcher and the JVM's boot with jstrace's own flags and AOT cache, no Java code run:
    # scripts/jstrace with -version among the JVM options (java prints its version and exits).
    boot = "scripts/jstrace up to the JVM's boot (-version)"
    m = alternate({version: [java, "-version"], hello: [java, "-Xshare:auto", "-cp", classes, "Hello"],
                   floor: ffm, boot: ["env", "JSTRACE_JAVA_OPTS=-version", jstrace, "-o", "/dev/null", "true"],
                   cli: [jstrace, "-o", "/dev/null", "true"]}, rounds)
    print("\n3. command-line start-up (%d rounds, medians; load %.1f %.1f %.1f)" % ((rounds,) + os.getloadavg()))
    for k, s in m.items():
        row(k, s * 1000, "ms")
    r = m[cli] / m[version]
    v = m[version]
    bound = ("java -version %.1f ms; the launcher (bash: the caller's context, the JDK, the build check) and"
             " the JVM's boot with jstrace's flags and AOT cache %.1f ms (%.2fx); the FFM floor (a JVM that"
             " links and makes one downcall) %.1f ms (%.2fx); jstrace's Java part (main to exit: linking its"
             " downcalls, spawning and tracing `true`, C1 compiling) %.1f ms"
             % (v * 1000, m[boot] * 1000, m[boot] / v, m[floor] * 1000, m[floor] / v, (m[cli] - m[boot]) * 1000))
    target(row, "start-up: jstrace true / java -version", r, "x", "<= 2.0", r <= 2.0, bound)
    row("launcher + JVM boot / java -version", m[boot] / v, "x")
    row("FfmHello / java -version (the FFM floor)", m[floor] / m[version], "x")
    row("jstrace true above the FFM floor", (m[cli] - m[floor]) * 1000, "ms")
    row("jstrace true / FfmHello (jstrace's own part)", m[cli] / m[floor], "x")
    self_trace(row, target, timed, java, root, rounds)


def helper_cache(root, since):
    """The helper's class-data caches made since `since` (HelperArchive: ~/.cache/jstrace/helper-*)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    found = glob.glob(os.path.join(base, "jstrace", "helper-*.aot")) + glob.glob(
        os.path.join(base, "jstrace", "helper-*.jsa"))
    return [f for f in found if os.path.getmtime(f) >= since]


def latency(java, cp, extra=(), args=()):
    out = subprocess.run([java, "--enable-native-access=ALL-UNNAMED", *extra, "-cp", cp,
                          "dev.jstrace.examples.SelfTraceLatency", "21", *args], capture_output=True, text=True,
                         check=True)
    return dict(l.split("=", 1) for l in out.stdout.split())


def self_trace(row, target, timed, java, root, rounds):
    """Tracer.start() in a fresh JVM each round, alternating with `java -version` (the issue's
    yardstick). Warm: the helper JVM maps its class-data cache (made once per JDK and jar by the
    training at the end of the first helper's life, waited for here); cold: no cache
    (-Djstrace.helperCache=off), as the very first start() on a machine. The target counts warm.
    Shown beside: the first start() of a JVM that called Tracer.prepare() 300 ms before (as the JUnit
    extension does while JUnit sets up a test class)."""
    jar = os.path.join(root, "target", "jstrace.jar")
    cp = jar + os.pathsep + os.path.join(root, "target", "lib", "*")
    latency(java, cp)
    deadline = time.time() + 180
    while not helper_cache(root, os.path.getmtime(jar)) and time.time() < deadline:
        time.sleep(1)
    cache = helper_cache(root, os.path.getmtime(jar))
    warm, cold, prepared, reused, reused_max, version = [], [], [], [], [], []
    for _ in range(rounds):
        version.append(timed([java, "-version"]) * 1000)
        lat = latency(java, cp)
        warm.append(float(lat["first_ms"]))
        reused.append(float(lat["reused_median_ms"]))
        reused_max.append(float(lat["reused_max_ms"]))
        cold.append(float(latency(java, cp, ["-Djstrace.helperCache=off"])["first_ms"]))
        prepared.append(float(latency(java, cp, args=["prepare", "300"])["first_ms"]))
    v = statistics.median(version)
    print("\n3b. self-trace start-up (%d rounds, medians; a fresh JVM each round; load %.1f %.1f %.1f)"
          % ((rounds,) + os.getloadavg()))
    row("helper cache", os.path.basename(cache[0]) if cache else "none made (timed out)", "")
    row("java -version", v, "ms")
    row("first Tracer.start(), warm (helper cache)", statistics.median(warm), "ms")
    row("first Tracer.start(), cold (no cache)", statistics.median(cold), "ms")
    r = statistics.median(warm) / v
    target(row, "start-up: first start() (warm) / java -version", r, "x", "<= 2", r <= 2,
           "a first start() starts a second JVM (the helper; a process cannot ptrace its own threads) that"
           " links FFM downcalls and attaches: cold (no class-data cache) %.1f ms, warm %.1f ms, beside"
           " java -version %.1f ms; 300 ms after Tracer.prepare() %.1f ms"
           % (statistics.median(cold), statistics.median(warm), v, statistics.median(prepared)))
    row("first start() (cold) / java -version", statistics.median(cold) / v, "x")
    row("first start() 300 ms after Tracer.prepare()", statistics.median(prepared), "ms")
    target(row, "start-up: later start(), median", statistics.median(reused), "ms", "< 5",
           statistics.median(reused) < 5,
           "a later start() reuses the helper: one command over its pipe, its PTRACE_SEIZE of the calling"
           " thread and the start marker's stop, then the answer (a round trip between two processes, each"
           " waking the other's thread); slowest of 20 in a round, median over the rounds %.1f ms"
           % statistics.median(reused_max))
