package dev.jstrace.proc;

import java.util.ArrayList;
import java.util.List;

/**
 * The tracees by tid: an open-addressing table keyed by a plain {@code int},
 * so the lookup at every stop boxes nothing (a {@code HashMap<Integer, ...>}
 * allocates an {@code Integer} per stop for any tid above 127). Tracer
 * thread only.
 */
final class TraceeTable {
    private int[] keys = new int[16];
    private Tracee[] values = new Tracee[16];
    private int size;

    private int slot(int tid, int[] k) {
        int mask = k.length - 1;
        int i = (tid * 0x9E3779B9) >>> 16 & mask;
        return i;
    }

    /** The tracee {@code tid}, or null. */
    Tracee get(int tid) {
        int mask = keys.length - 1;
        for (int i = slot(tid, keys); values[i] != null; i = (i + 1) & mask) {
            if (keys[i] == tid) return values[i];
        }
        return null;
    }

    boolean containsKey(int tid) {
        return get(tid) != null;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Adds or replaces {@code tid}'s entry. */
    void put(int tid, Tracee t) {
        if ((size + 1) * 2 > keys.length) grow();
        int mask = keys.length - 1;
        int i = slot(tid, keys);
        while (values[i] != null) {
            if (keys[i] == tid) {
                values[i] = t;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = tid;
        values[i] = t;
        size++;
    }

    /** Removes {@code tid}'s entry; returns it, or null. */
    Tracee remove(int tid) {
        int mask = keys.length - 1;
        int i = slot(tid, keys);
        while (values[i] != null && keys[i] != tid) i = (i + 1) & mask;
        Tracee gone = values[i];
        if (gone == null) return null;
        values[i] = null;
        size--;
        // Re-insert the rest of the probe run so later lookups do not stop at the hole.
        for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int k = keys[j];
            Tracee v = values[j];
            values[j] = null;
            size--;
            put(k, v);
        }
        return gone;
    }

    /** Whether some tracee belongs to process {@code pid}. */
    boolean anyOfProcess(int pid) {
        for (Tracee t : values) {
            if (t != null && t.pid == pid) return true;
        }
        return false;
    }

    /** A copy of the tracees (for the rare paths that walk them all). */
    List<Tracee> all() {
        List<Tracee> out = new ArrayList<>(size);
        for (Tracee t : values) {
            if (t != null) out.add(t);
        }
        return out;
    }

    private void grow() {
        int[] oldKeys = keys;
        Tracee[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Tracee[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) put(oldKeys[i], oldValues[i]);
        }
    }
}
