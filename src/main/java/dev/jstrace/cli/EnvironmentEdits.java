package dev.jstrace.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * strace's {@code -E}, applied to the traced program's environment in the
 * order given (as strace 6.1 does it; its own environment is untouched):
 * {@code -E NAME=VALUE} replaces the first {@code NAME=} entry in place and
 * drops any later ones, or appends when there is none; {@code -E NAME}
 * removes every {@code NAME=} entry.
 */
final class EnvironmentEdits {
    private EnvironmentEdits() {}

    /** {@code env} with {@code edits} (each {@code NAME=VALUE} or {@code NAME}, as bytes) applied. */
    static List<byte[]> apply(List<byte[]> env, List<byte[]> edits) {
        List<byte[]> out = new ArrayList<>(env);
        for (byte[] edit : edits) {
            int eq = indexOf(edit, (byte) '=');
            byte[] name = Arrays.copyOf(edit, eq < 0 ? edit.length : eq);
            boolean placed = eq < 0;
            for (int i = 0; i < out.size(); i++) {
                if (!named(out.get(i), name)) continue;
                if (placed) {
                    out.remove(i--);
                } else {
                    out.set(i, edit.clone());
                    placed = true;
                }
            }
            if (!placed) out.add(edit.clone());
        }
        return out;
    }

    /** Whether {@code entry} is {@code NAME=…}. */
    static boolean named(byte[] entry, byte[] name) {
        return entry.length > name.length && entry[name.length] == '='
                && Arrays.equals(entry, 0, name.length, name, 0, name.length);
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == x) return i;
        }
        return -1;
    }
}
