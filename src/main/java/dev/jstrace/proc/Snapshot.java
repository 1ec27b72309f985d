package dev.jstrace.proc;

import java.util.Arrays;

/**
 * Tracee memory copied while the tracee was stopped, keyed by the address it
 * was read from. Decoders look regions up by address and never touch the
 * tracee; a region that could not be read is recorded as such, so decoding
 * can print the pointer in hex as strace does.
 *
 * <p>Also carries the few non-memory facts a decoder needs from stop time,
 * such as the path behind a file descriptor ({@code -y}).
 */
public final class Snapshot {
    /** A snapshot with nothing in it. */
    public static final Snapshot EMPTY = new Snapshot(new Region[0], 0, null, null, 0);
    /**
     * Ends an fd's path in place of the kernel's {@code " (deleted)"} when the file was unlinked (strace's
     * get_proc_pid_fd_path: the suffix is the kernel's, not the name's, when the name no longer leads to the
     * same inode); a NUL cannot be part of a path.
     */
    public static final String DELETED_MARK = "\0(deleted)";

    /**
     * One copied range.
     *
     * @param address   where it was read in the tracee
     * @param data      the bytes read (for a string, without the NUL); empty when unreadable
     * @param readable  false when not one byte could be read
     * @param complete  for {@link Kind#STRING}: a NUL was found within the limit;
     *                  for {@link Kind#BYTES}: all requested bytes were read
     * @param kind      how it was read
     */
    public record Region(long address, byte[] data, boolean readable, boolean complete, Kind kind) {}

    /** How a region was read. */
    public enum Kind {
        /** Up to a NUL or a limit. */
        STRING,
        /** A fixed number of bytes. */
        BYTES
    }

    private final Region[] regions;
    private final int count;
    private final int[] fds;
    private final String[] fdPaths;
    private final int fdCount;

    Snapshot(Region[] regions, int count, int[] fds, String[] fdPaths, int fdCount) {
        this.regions = regions;
        this.count = count;
        this.fds = fds;
        this.fdPaths = fdPaths;
        this.fdCount = fdCount;
    }

    /** Builds a snapshot; used by the capture side and by tests that replay recorded memory. */
    public static Builder builder() {
        return new Builder();
    }

    /** The region read at {@code address} as {@code kind}, or {@code null} when none was captured. */
    public Region find(long address, Kind kind) {
        for (int i = 0; i < count; i++) {
            Region r = regions[i];
            if (r.address == address && r.kind == kind) return r;
        }
        return null;
    }

    /** The region read at {@code address}, any kind, or {@code null}. */
    public Region find(long address) {
        for (int i = 0; i < count; i++) {
            if (regions[i].address == address) return regions[i];
        }
        return null;
    }

    /** All regions, in the order they were read. */
    public Region[] regions() {
        return Arrays.copyOf(regions, count);
    }

    /** The path behind {@code fd} as read from /proc at stop time, or {@code null}. */
    public String fdPath(int fd) {
        for (int i = 0; i < fdCount; i++) {
            if (fds[i] == fd) return fdPaths[i];
        }
        return null;
    }

    /** The fds whose paths were recorded, in recording order (for codecs that copy a snapshot). */
    public int[] fds() {
        return fds == null ? new int[0] : Arrays.copyOf(fds, fdCount);
    }

    /** Whether nothing was captured. */
    public boolean isEmpty() {
        return count == 0 && fdCount == 0;
    }

    /** Accumulates regions; not thread-safe. */
    public static final class Builder {
        private Region[] regions = new Region[4];
        private int count;
        private int[] fds;
        private String[] fdPaths;
        private int fdCount;

        /** Adds a region. */
        public Builder add(Region r) {
            if (count == regions.length) regions = Arrays.copyOf(regions, count * 2);
            regions[count++] = r;
            return this;
        }

        /** Records the path behind an fd. */
        public Builder fdPath(int fd, String path) {
            if (fds == null) {
                fds = new int[4];
                fdPaths = new String[4];
            } else if (fdCount == fds.length) {
                fds = Arrays.copyOf(fds, fdCount * 2);
                fdPaths = Arrays.copyOf(fdPaths, fdCount * 2);
            }
            fds[fdCount] = fd;
            fdPaths[fdCount++] = path;
            return this;
        }

        /** The region already read at {@code address} as {@code kind}, or null. */
        public Region find(long address, Kind kind) {
            for (int i = 0; i < count; i++) {
                if (regions[i].address == address && regions[i].kind == kind) return regions[i];
            }
            return null;
        }

        /** Whether an fd's path was recorded already. */
        public boolean hasFd(int fd) {
            for (int i = 0; i < fdCount; i++) {
                if (fds[i] == fd) return true;
            }
            return false;
        }

        /** The snapshot (EMPTY when nothing was added); the builder may be reused after {@link #reset}. */
        public Snapshot build() {
            if (count == 0 && fdCount == 0) return EMPTY;
            return new Snapshot(Arrays.copyOf(regions, count), count,
                    fds == null ? null : Arrays.copyOf(fds, fdCount),
                    fdPaths == null ? null : Arrays.copyOf(fdPaths, fdCount), fdCount);
        }

        /** Empties the builder for the next stop. */
        public void reset() {
            Arrays.fill(regions, 0, count, null);
            count = 0;
            fdCount = 0;
        }
    }
}
