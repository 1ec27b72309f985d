package dev.jstrace.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

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
    /**
     * {@return the command line, one element per argument ({@code /proc/PID/cmdline}), or null when unknown}
     *
     * @param pid the process id
     */
    List<String> commandLine(int pid);

    /**
     * {@return the thread's comm ({@code /proc/PID/task/TID/comm}), or null when unknown}
     *
     * @param pid the process id
     * @param tid the thread id
     */
    String threadName(int pid, int tid);

    /**
     * {@return the process's open file descriptors, or null when unknown}
     *
     * @param pid the process id
     */
    BitSet openFds(int pid);

    /**
     * The process's open file descriptors just after its latest successful
     * exec; asked once per exec, in order. Live, that is {@link #openFds} now.
     *
     * @param pid the process that exec'd
     * @return its descriptors, or null when unknown
     */
    default BitSet openFdsAfterExec(int pid) {
        return openFds(pid);
    }

    /** Knows nothing: for writing a recorded trace and for tests. */
    PerfettoProcessInfo NONE = new PerfettoProcessInfo() {
        @Override
        public List<String> commandLine(int pid) {
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
        /** Longer command lines are cut: a track is not the place for a megabyte of argv. */
        private static final int MAX_COMMAND_BYTES = 64 * 1024;

        @Override
        public List<String> commandLine(int pid) {
            byte[] raw = read(Path.of("/proc", Integer.toString(pid), "cmdline"));
            if (raw == null || raw.length == 0) {
                return null; // kernel threads and zombies have an empty cmdline
            }
            int end = Math.min(raw.length, MAX_COMMAND_BYTES);
            List<String> argv = new ArrayList<>();
            int start = 0;
            for (int i = 0; i <= end; i++) {
                if (i == end || raw[i] == 0) {
                    if (i > start || i < end) {
                        argv.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                    }
                    start = i + 1;
                }
            }
            return argv.isEmpty() ? null : argv;
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
