package dev.jstrace.proc;

import dev.jstrace.ffi.Libc;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the caller of jstrace handed it, recorded before the JVM changed
 * anything: the environment (raw bytes, in order), the open descriptors, the
 * blocked and ignored signals and the resource limits. The spawn stub rebuilds
 * exactly this in the traced child (see {@link SpawnRequest#ofCaller}).
 *
 * <p>{@code scripts/jstrace} records it with bash builtins and passes it on a
 * descriptor named by the system property {@code jstrace.context}, one item a
 * line: {@code env BYTES} (with {@code \\} and {@code \n} escaped),
 * {@code fds 0 1 2 …}, {@code SigBlk: HEX}, {@code SigIgn: HEX} and one
 * {@code limit …} line of {@code /proc/self/limits} per resource, in resource
 * order. Without that record (the jar run directly) the JVM's own view is
 * the best there is: see {@link #ofThisProcess}.
 *
 * @param environment  the environment entries, each {@code NAME=VALUE} as bytes
 * @param fds          the descriptors the caller passed, ascending
 * @param blocked      the signal mask, bit {@code n-1} for signal {@code n}
 * @param ignored      the signals set to SIG_IGN, same bits
 * @param limits       soft and hard limit of each resource in turn ({@code -1} unlimited), or
 *                     {@code null} to leave the JVM's limits to the child
 */
public record CallerContext(List<byte[]> environment, int[] fds, long blocked, long ignored, long[] limits) {
    /** The system property naming the descriptor that carries the record. */
    public static final String PROPERTY = "jstrace.context";

    /** Copies the arrays. */
    public CallerContext {
        environment = environment.stream().map(byte[]::clone).toList();
        fds = fds.clone();
        Arrays.sort(fds);
        limits = limits == null ? null : limits.clone();
    }

    /** This context with another environment (after {@code -E}). */
    public CallerContext withEnvironment(List<byte[]> env) {
        return new CallerContext(env, fds, blocked, ignored, limits);
    }

    @Override
    public List<byte[]> environment() {
        return environment.stream().map(byte[]::clone).toList();
    }

    @Override
    public int[] fds() {
        return fds.clone();
    }

    @Override
    public long[] limits() {
        return limits == null ? null : limits.clone();
    }

    /**
     * The record {@code scripts/jstrace} passed (the descriptor is read and
     * closed, so it reaches no child), or {@link #ofThisProcess} without one.
     *
     * @throws IllegalStateException when the record is there but unreadable (a launcher bug, not user input)
     */
    public static CallerContext ofCaller() {
        String fd = System.getProperty(PROPERTY);
        if (fd == null || !fd.matches("[0-9]+")) return ofThisProcess();
        byte[] record;
        try (InputStream in = Files.newInputStream(Path.of("/proc/self/fd/" + fd))) {
            record = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the caller's context from descriptor " + fd
                    + " (-D" + PROPERTY + "): " + e.getMessage(), e);
        } finally {
            Libc.close(Integer.parseInt(fd));
        }
        return parse(record);
    }

    /**
     * This JVM's own view, for a jar run without the launcher: its environment
     * as it received it, descriptors 0-2 where open (anything above may be the
     * JVM's own), its ignored signals (the JVM keeps inherited SIG_IGN of
     * SIGINT and friends, and ignores nothing itself), an empty mask, and no
     * limits to restore.
     */
    public static CallerContext ofThisProcess() {
        List<byte[]> env = new ArrayList<>();
        long ignored = 0;
        try {
            env = splitNul(Files.readAllBytes(Path.of("/proc/self/environ")));
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("SigIgn:")) ignored = Long.parseUnsignedLong(l.substring(7).strip(), 16);
            }
        } catch (IOException | RuntimeException e) {
            // No /proc: an empty environment and default dispositions are what is left.
        }
        List<Integer> open = new ArrayList<>();
        for (int fd = 0; fd < 3; fd++) {
            if (Files.exists(Path.of("/proc/self/fd/" + fd))) open.add(fd);
        }
        return new CallerContext(env, open.stream().mapToInt(Integer::intValue).toArray(), 0, ignored, null);
    }

    /** Parses the launcher's record (see the class comment). */
    static CallerContext parse(byte[] record) {
        List<byte[]> env = new ArrayList<>();
        int[] fds = {0, 1, 2};
        long blocked = 0;
        long ignored = 0;
        List<Long> limits = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < record.length; i++) {
            if (record[i] != '\n') continue;
            byte[] line = Arrays.copyOfRange(record, start, i);
            start = i + 1;
            String text = new String(line, StandardCharsets.ISO_8859_1);
            if (text.startsWith("env ")) {
                env.add(unescape(line, 4));
            } else if (text.startsWith("fds")) {
                fds = Arrays.stream(text.substring(3).trim().split(" +")).filter(s -> !s.isEmpty())
                        .mapToInt(Integer::parseInt).toArray();
            } else if (text.startsWith("SigBlk:")) {
                blocked = Long.parseUnsignedLong(text.substring(7).strip(), 16);
            } else if (text.startsWith("SigIgn:")) {
                ignored = Long.parseUnsignedLong(text.substring(7).strip(), 16);
            } else if (text.startsWith("limit ")) {
                // "Max open files            1024                 4096                 files": columns from 26
                String[] f = text.substring(Math.min(text.length(), 6 + 26)).trim().split(" +");
                limits.add(limit(f[0]));
                limits.add(limit(f[1]));
            }
        }
        long[] l = limits.isEmpty() ? null : limits.stream().mapToLong(Long::longValue).toArray();
        return new CallerContext(env, fds, blocked, ignored, l);
    }

    private static long limit(String s) {
        return s.equals("unlimited") ? -1 : Long.parseUnsignedLong(s);
    }

    /** The bytes after {@code from}, with the launcher's {@code \\} and {@code \n} undone. */
    private static byte[] unescape(byte[] line, int from) {
        byte[] out = new byte[line.length - from];
        int n = 0;
        for (int i = from; i < line.length; i++) {
            byte b = line[i];
            if (b == '\\' && i + 1 < line.length) {
                b = line[++i] == 'n' ? (byte) '\n' : line[i];
            }
            out[n++] = b;
        }
        return Arrays.copyOf(out, n);
    }

    /** NUL-terminated strings, as in {@code /proc/self/environ} and {@code cmdline}. */
    public static List<byte[]> splitNul(byte[] raw) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                out.add(Arrays.copyOfRange(raw, start, i));
                start = i + 1;
            }
        }
        if (start < raw.length) out.add(Arrays.copyOfRange(raw, start, raw.length));
        return out;
    }
}
