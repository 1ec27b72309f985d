package dev.jstrace.decode;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * strace's {@code --decode-pids=pidns}: a pid as the tracee knows it (in its own pid
 * namespace) translated into the tracer's namespace, learned as strace learns it from the
 * {@code NSpid}, {@code NStgid}, {@code NSpgid} and {@code NSsid} lines of
 * {@code /proc/PID/status} (each lists one id per namespace level, outermost first, from the
 * namespace of the mounted {@code /proc} down to the process's own).
 *
 * <p>The level of a namespace in those lists is its depth below the {@code /proc} mount's
 * namespace: the tracer's own level is the length of its own {@code NSpid} list minus one,
 * the tracee's the length of the tracee's. {@code /proc} need not be the tracer's (strace's
 * suite runs it under {@code unshare -Urpf} with the outer {@code /proc}): then the tracee's
 * directory in {@code /proc} is found by its id at the tracer's level, as strace's
 * {@code get_proc_pid} does.
 *
 * <p>strace reads {@code /proc} while the tracee is stopped; jstrace decodes later, so at
 * every stop {@link #learn} records the stopped thread's own ids (a process reaped before its
 * call is decoded keeps its translation), and {@link #translate}, at decoding, uses those
 * pairs first and reads {@code /proc} for any other id. An id it cannot find prints plain,
 * as in strace.
 */
public final class PidNamespaces {
    /** Which id of a process a number is (strace's {@code enum pid_type}). */
    public enum Kind {
        /** A thread id ({@code NSpid}). */
        TID("NSpid:"),
        /** A process (thread group) id ({@code NStgid}). */
        TGID("NStgid:"),
        /** A process group id ({@code NSpgid}). */
        PGID("NSpgid:"),
        /** A session id ({@code NSsid}). */
        SID("NSsid:");

        private final String line;

        Kind(String line) {
            this.line = line;
        }
    }

    private static final Path PROC = Path.of("/proc");
    /** Tracee tid (in the tracer's namespace) to its /proc directory name. */
    private static final Map<Integer, Integer> PROC_PIDS = new ConcurrentHashMap<>();
    private static volatile int ourLevel = -1;
    /** Traced threads (by tid in the tracer's namespace) whose namespace was read. */
    private static final Map<Integer, Tracee> TRACEES = new ConcurrentHashMap<>();
    /** "namespace:number" to the same pid's number in the tracer's namespace. */
    private static final Map<String, Integer> PAIRS = new ConcurrentHashMap<>();
    /** (thread, pid) to whether the pid named the thread's own process when last read ({@link #sameProcess}). */
    private static final Map<Long, Boolean> SAME_PROCESS = new ConcurrentHashMap<>();

    private PidNamespaces() {}

    /**
     * {@return {@code id}, a {@code kind} id as thread {@code traceeTid} sees it, as the tracer sees it;
     * {@code id} itself when the tracee shares the tracer's namespace, 0 when it cannot be translated}
     *
     * @param traceeTid the thread that used the id, by its id in the tracer's namespace
     * @param id        the id in the tracee's namespace
     * @param kind      which id of a process it is
     */
    public static int translate(int traceeTid, int id, Kind kind) {
        if (id <= 0) return 0;
        int level = ourLevel();
        if (level < 0) return 0;
        Tracee t = TRACEES.get(traceeTid);
        if (t == null) t = tracee(traceeTid, level);
        if (t == null) return 0;
        if (t.level() == level) return id;
        Integer known = PAIRS.get(t.ns() + ":" + id);
        if (known != null) return known;
        int r = scan(t.procPid(), id, kind, t.level(), level, t.ns());
        if (r != 0) PAIRS.put(t.ns() + ":" + id, r);
        return r;
    }

    /**
     * {@return strace's comment for a pid the tracee used, {@code 12817 in strace's PID NS}, or null when
     * it prints plain: the tracer knows the pid by the same number, it cannot be translated, or
     * {@code kind} is null (strace's PT_NONE)}
     *
     * @param traceeTid the thread that used the pid, by its id in the tracer's namespace (0: unknown)
     * @param pid       the pid in the tracee's namespace
     * @param kind      which id of a process it is, or null
     */
    public static String comment(int traceeTid, int pid, Kind kind) {
        if (kind == null || traceeTid <= 0 || pid <= 0) return null;
        int ours = translate(traceeTid, pid, kind);
        return ours != 0 && ours != pid ? ours + " in strace's PID NS" : null;
    }

    /**
     * {@return whether {@code pid}, a process id as thread {@code traceeTid} knows it, is that thread's own
     * process (strace's printfd_pid_tracee_ns reads the fds of the process it names)}
     *
     * @param traceeTid the thread, by its id in the tracer's namespace
     * @param pid       a process id in the thread's namespace
     */
    public static boolean sameProcess(int traceeTid, int pid) {
        if (pid <= 0 || traceeTid <= 0) return false;
        long key = (long) traceeTid << 32 | (pid & 0xffffffffL);
        Boolean known = readSameProcess(traceeTid, pid);
        // Decided at the call's stop and kept: when the call is decoded the process may be gone.
        if (known != null) SAME_PROCESS.put(key, known);
        else known = SAME_PROCESS.get(key);
        return known != null && known;
    }

    /** Whether {@code pid} is {@code traceeTid}'s process, read from /proc; null when it cannot be read. */
    private static Boolean readSameProcess(int traceeTid, int pid) {
        int ours = translate(traceeTid, pid, Kind.TGID);
        int dir = procDir(traceeTid);
        if (dir <= 0) return null;
        if (ours <= 0) return false;
        int other = procDir(ours);
        if (other <= 0) return false;
        try {
            for (String l : Files.readAllLines(PROC.resolve(dir + "/status"))) {
                if (l.startsWith("Tgid:")) return Integer.parseInt(l.substring(5).strip()) == other;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /**
     * Records what thread {@code tid} (stopped now) knows: its namespace, and the pair of numbers of each
     * of its ids (thread, process, group, session) in its namespace and in the tracer's. Called at the
     * stops, so that a call decoded after the process was reaped still finds its translation: strace
     * reads /proc while the tracee is stopped, and a number names the same pid at both levels for as
     * long as that pid lives.
     *
     * @param tid the thread, by its id in the tracer's namespace
     */
    public static void learn(int tid) {
        int level = ourLevel();
        if (level < 0) return;
        Tracee t = TRACEES.get(tid);
        if (t == null && (t = tracee(tid, level)) == null) return;
        if (t.level() == level) return;
        for (Kind k : Kind.values()) {
            int[] ids = ids(t.procPid(), k);
            if (ids == null || ids.length <= t.level()) continue;
            if (ids[t.level()] > 0 && ids[level] > 0) PAIRS.put(t.ns() + ":" + ids[t.level()], ids[level]);
        }
    }

    /** A traced thread's namespace: its /proc directory, its level, the namespace's name. */
    private record Tracee(int procPid, int level, String ns) {}

    private static Tracee tracee(int tid, int level) {
        int procPid = procPid(tid, level);
        if (procPid <= 0) return null;
        int[] own = ids(procPid, Kind.TID);
        if (own == null || own.length <= level) return null;
        String ns = namespace(procPid);
        if (ns == null) return null;
        Tracee t = new Tracee(procPid, own.length - 1, ns);
        TRACEES.put(tid, t);
        return t;
    }

    /** strace's search of /proc: the tracee, its parent, then every process (and thread, for a thread id). */
    private static int scan(int procPid, int id, Kind kind, int traceeLevel, int level, String ns) {
        int r = match(procPid, id, kind, traceeLevel, level, ns);
        if (r != 0) return r;
        int ppid = parentOf(procPid);
        if (ppid > 0 && (r = match(ppid, id, kind, traceeLevel, level, ns)) != 0) return r;
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(PROC, p -> isNumber(p.getFileName().toString()))) {
            for (Path p : dir) {
                int pid = Integer.parseInt(p.getFileName().toString());
                if (kind == Kind.TID) {
                    r = inTasks(pid, id, kind, traceeLevel, level, ns);
                    if (r != 0) return r;
                }
                r = match(pid, id, kind, traceeLevel, level, ns);
                if (r != 0) return r;
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static int inTasks(int pid, int id, Kind kind, int traceeLevel, int level, String ns) {
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(PROC.resolve(pid + "/task"),
                p -> isNumber(p.getFileName().toString()))) {
            for (Path p : dir) {
                int tid = Integer.parseInt(p.getFileName().toString());
                if (tid == pid) continue;
                int r = match(pid + "/task/" + tid, id, kind, traceeLevel, level, ns);
                if (r != 0) return r;
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static int match(int procPid, int id, Kind kind, int traceeLevel, int level, String ns) {
        return match(Integer.toString(procPid), id, kind, traceeLevel, level, ns);
    }

    /**
     * The id at the tracer's level of the process in {@code /proc/dir} when its id at the tracee's level is
     * {@code id} and that level is the tracee's namespace (the same namespace when the process lives at
     * that level; a process deeper down is taken as a descendant of it).
     */
    private static int match(String dir, int id, Kind kind, int traceeLevel, int level, String ns) {
        int[] ids = ids(dir, kind);
        if (ids == null || ids.length <= traceeLevel || ids[traceeLevel] != id) return 0;
        if (!within(dir, traceeLevel, ns)) return 0;
        return ids[level];
    }

    /**
     * Whether the process in {@code /proc/dir} lives in namespace {@code ns} (at {@code level}) or below it:
     * the first process met going up its parents that lives at that level must be in {@code ns}. Other
     * namespaces at the same depth (other containers, other {@code unshare}s) reuse the same numbers.
     */
    private static boolean within(String dir, int level, String ns) {
        String d = dir;
        for (int hop = 0; hop < 64; hop++) {
            int[] own = ids(d, Kind.TID);
            if (own == null || own.length <= level) return false;
            if (own.length == level + 1) return ns.equals(namespace(d));
            int ppid = parentOf(d);
            if (ppid <= 0) return false;
            d = Integer.toString(ppid);
        }
        return false;
    }

    /**
     * {@return the directory name under {@code /proc} of thread {@code tid} (by its id in the tracer's
     * namespace): {@code tid} itself when {@code /proc} is the tracer's; under {@code unshare -Urpf},
     * where the mounted {@code /proc} is an outer namespace's, the id that {@code /proc} knows it by,
     * as strace's get_proc_pid finds it (0 when it cannot be found)}
     *
     * @param tid the thread, by its id in the tracer's namespace
     */
    public static int procDir(int tid) {
        int level = ourLevel();
        return level <= 0 ? tid : procPid(tid, level);
    }

    /** The tracer's level: its own {@code NSpid} list's length minus one (0 when /proc is its own). */
    private static int ourLevel() {
        int l = ourLevel;
        if (l < 0) {
            int[] ids = ids("self", Kind.TID);
            l = ids == null ? -1 : ids.length - 1;
            ourLevel = l;
        }
        return l;
    }

    /** {@code tid}'s directory name in /proc: the same number when /proc is the tracer's. */
    private static int procPid(int tid, int level) {
        if (level == 0) return tid;
        Integer cached = PROC_PIDS.get(tid);
        if (cached != null) {
            int[] ids = ids(cached, Kind.TID);
            if (ids != null && ids.length > level && ids[level] == tid) return cached;
            PROC_PIDS.remove(tid);
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(PROC, p -> isNumber(p.getFileName().toString()))) {
            for (Path p : dir) {
                String pid = p.getFileName().toString();
                List<String> dirs = new ArrayList<>();
                dirs.add(pid);
                String[] tasks = PROC.resolve(pid + "/task").toFile().list();
                if (tasks != null) for (String t : tasks) if (!t.equals(pid)) dirs.add(pid + "/task/" + t);
                for (String d : dirs) {
                    int[] ids = ids(d, Kind.TID);
                    if (ids != null && ids.length > level && ids[level] == tid && within(d, level, ourNamespace())) {
                        int found = ids[0];
                        PROC_PIDS.put(tid, found);
                        return found;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static String ourNamespace() {
        String ns = namespace("self");
        return ns == null ? "" : ns;
    }

    private static int parentOf(Object dir) {
        try {
            for (String l : Files.readAllLines(PROC.resolve(dir + "/status"))) {
                if (l.startsWith("PPid:")) return Integer.parseInt(l.substring(5).strip());
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** {@code pid:[4026531836]}, the namespace of the process in {@code /proc/dir}, or null. */
    private static String namespace(Object dir) {
        try {
            return Files.readSymbolicLink(PROC.resolve(dir + "/ns/pid")).toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int[] ids(Object dir, Kind kind) {
        try {
            for (String l : Files.readAllLines(PROC.resolve(dir + "/status"))) {
                if (!l.startsWith(kind.line)) continue;
                String[] f = l.substring(kind.line.length()).strip().split("\\s+");
                int[] r = new int[f.length];
                for (int i = 0; i < f.length; i++) r[i] = Integer.parseInt(f[i]);
                return r;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }
}
