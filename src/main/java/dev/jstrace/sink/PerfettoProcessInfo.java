package dev.jstrace.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * What the live system can say about a traced process when the Perfetto and
 * TEF sinks first meet it: its command line, a thread's comm, its open file
 * descriptors. The sinks ask once per process or thread, never per event.
 *
 * <p>{@link #PROCFS} reads {@code /proc}, which is right while tracing live.
 * {@link #NONE} answers nothing, which is right when writing a recorded trace
 * after the run (the pids may belong to other processes by then) and in tests;
 * the sinks then name processes from their {@code execve} calls or
 * {@code pid N}.
 */
public interface PerfettoProcessInfo {
    /** The command line, arguments separated by spaces, or null when unknown. */
    String commandLine(int pid);

    /** The thread's comm ({@code /proc/PID/task/TID/comm}), or null when unknown. */
    String threadName(int pid, int tid);

    /** The process's open file descriptors, or null when unknown. */
    BitSet openFds(int pid);

    /** Knows nothing: for writing a recorded trace and for tests. */
    PerfettoProcessInfo NONE = new PerfettoProcessInfo() {
        @Override
        public String commandLine(int pid) {
            return null;
        }

        @Override
        public String threadName(int pid, int tid) {
            return null;
        }

        @Override
        public BitSet openFds(int pid) {
            return null;
        }
    };

    /** Reads {@code /proc} of the live system; a vanished process answers null. */
    PerfettoProcessInfo PROCFS = new PerfettoProcessInfo() {
        /** Longer command lines are cut: a track name is not the place for a whole argv. */
        private static final int MAX_COMMAND_CHARS = 120;

        @Override
        public String commandLine(int pid) {
            byte[] raw = read(Path.of("/proc", Integer.toString(pid), "cmdline"));
            if (raw == null || raw.length == 0) {
                return null; // kernel threads and zombies have an empty cmdline
            }
            int end = raw.length;
            while (end > 0 && raw[end - 1] == 0) {
                end--;
            }
            for (int i = 0; i < end; i++) {
                if (raw[i] == 0) {
                    raw[i] = ' ';
                }
            }
            String s = new String(raw, 0, end, StandardCharsets.UTF_8);
            return s.length() > MAX_COMMAND_CHARS ? s.substring(0, MAX_COMMAND_CHARS) + "..." : s;
        }

        @Override
        public String threadName(int pid, int tid) {
            byte[] raw = read(Path.of("/proc", Integer.toString(pid), "task", Integer.toString(tid), "comm"));
            if (raw == null) {
                return null;
            }
            String s = new String(raw, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? null : s;
        }

        @Override
        public BitSet openFds(int pid) {
            BitSet fds = new BitSet();
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of("/proc", Integer.toString(pid), "fd"))) {
                for (Path p : dir) {
                    fds.set(Integer.parseInt(p.getFileName().toString()));
                }
                return fds;
            } catch (IOException | RuntimeException e) {
                return null; // gone, or not ours to read
            }
        }

        private static byte[] read(Path p) {
            try {
                return Files.readAllBytes(p);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    };
}
