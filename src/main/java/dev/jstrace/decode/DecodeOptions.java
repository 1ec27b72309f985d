package dev.jstrace.decode;

import java.util.Set;

/**
 * How syscalls are captured and rendered: strace's {@code -s}, {@code -v}, {@code -x}/{@code -xx},
 * {@code -X}, {@code -y}/{@code -yy} and {@code -e raw=}.
 *
 * @param stringLimit    {@code -s N}: bytes of a string shown before {@code ...} (strace's default: 32)
 * @param verbose        {@code -v}: structures and argv/envp in full
 * @param hex            0 normal escaping, 1 {@code -x} (non-ASCII as hex), 2 {@code -xx} (everything as hex),
 *                       3 {@code --strings-in-hex=non-ascii-chars} (non-printable characters as hex)
 * @param xlat           {@code -X}: how named constants print
 * @param fdPaths        0 plain fds, 1 {@code -y} ({@code 3</etc/passwd>}), 2 {@code -yy} (sockets decoded too)
 * @param rawSyscalls    names whose arguments print undecoded in hex ({@code -e raw=})
 * @param fdPathsCaptured whether descriptors' paths are captured at the stop even without {@code -y}
 *                       ({@code -P} matches descriptors by the file they were open on at the call,
 *                       as strace does; they print only under {@code -y})
 * @param pidTranslation {@code --decode-pids=pidns}: pids print with their translation into the tracer's
 *                       pid namespace ({@code 2 /* 1234 in strace's PID NS * /})
 * @param ioDumps        {@code -e read=}/{@code -e write=}: whose data is copied in full for the dumps
 * @param timelineStringBytes bytes of each string and buffer argument copied however small {@code -s}
 *                       is: the timeline sinks (TEF, Perfetto) show that much whatever {@code -s} says
 *                       (0 when no such sink is written; see {@link #withTimelineStrings})
 * @param straceSyscalls whether calls are named and decoded as strace 6.1 does: a number strace 6.1 does
 *                       not know on its arch ({@link dev.jstrace.arch.Arch#straceKnows}) is
 *                       {@code syscall_0x102} with six raw arguments, even where the kernel's table names
 *                       it ({@code riscv_hwprobe}); the command line's strace text sets it
 *                       ({@link #withStraceSyscalls}), the Java API's default keeps the kernel's name
 */
public record DecodeOptions(int stringLimit, boolean verbose, int hex, Xlat xlat, int fdPaths,
                            Set<String> rawSyscalls, boolean fdPathsCaptured, boolean pidTranslation,
                            IoDumps ioDumps, int timelineStringBytes, boolean straceSyscalls) {
    /**
     * What the TEF and Perfetto sinks show of a string or buffer argument: the capture copies this
     * much for them ({@link #withTimelineStrings}), so their values do not depend on {@code -s}.
     */
    public static final int TIMELINE_STRING_BYTES = 4096;

    /** {@code ioDumps} null means none. */
    public DecodeOptions {
        if (ioDumps == null) ioDumps = IoDumps.NONE;
    }

    /**
     * Options naming calls by the kernel's table.
     *
     * @param stringLimit the string limit
     * @param verbose the verbose
     * @param hex the -x level
     * @param xlat the xlat
     * @param fdPaths the fd paths
     * @param rawSyscalls the raw syscalls
     * @param fdPathsCaptured whether descriptor paths are captured without {@code -y}
     * @param pidTranslation {@code --decode-pids=pidns}
     * @param ioDumps the dumps
     * @param timelineStringBytes bytes copied of each string for a timeline sink
     */
    public DecodeOptions(int stringLimit, boolean verbose, int hex, Xlat xlat, int fdPaths, Set<String> rawSyscalls,
                         boolean fdPathsCaptured, boolean pidTranslation, IoDumps ioDumps, int timelineStringBytes) {
        this(stringLimit, verbose, hex, xlat, fdPaths, rawSyscalls, fdPathsCaptured, pidTranslation, ioDumps,
                timelineStringBytes, false);
    }

    /**
     * Options without a timeline sink's capture.
     *
     * @param stringLimit the string limit
     * @param verbose the verbose
     * @param hex the -x level
     * @param xlat the xlat
     * @param fdPaths the fd paths
     * @param rawSyscalls the raw syscalls
     * @param fdPathsCaptured whether descriptor paths are captured without {@code -y}
     * @param pidTranslation {@code --decode-pids=pidns}
     * @param ioDumps the dumps
     */
    public DecodeOptions(int stringLimit, boolean verbose, int hex, Xlat xlat, int fdPaths, Set<String> rawSyscalls,
                         boolean fdPathsCaptured, boolean pidTranslation, IoDumps ioDumps) {
        this(stringLimit, verbose, hex, xlat, fdPaths, rawSyscalls, fdPathsCaptured, pidTranslation, ioDumps, 0);
    }

    /**
     * {@return these options, copying {@link #TIMELINE_STRING_BYTES} of every string and buffer argument
     * for a TEF or Perfetto sink, whatever {@code -s} is (the strace text still shows {@code -s})}
     */
    public DecodeOptions withTimelineStrings() {
        return new DecodeOptions(stringLimit, verbose, hex, xlat, fdPaths, rawSyscalls, fdPathsCaptured,
                pidTranslation, ioDumps, TIMELINE_STRING_BYTES, straceSyscalls);
    }

    /**
     * {@return these options, naming and decoding calls as strace 6.1 does ({@link #straceSyscalls}): what
     * the strace text needs}
     */
    public DecodeOptions withStraceSyscalls() {
        return new DecodeOptions(stringLimit, verbose, hex, xlat, fdPaths, rawSyscalls, fdPathsCaptured,
                pidTranslation, ioDumps, timelineStringBytes, true);
    }

    /**
     * {@return how many bytes of a buffer of known length the capture asks for: strace's printstr_ex
     * reads one byte more than {@code -s} (umoven of min(len, s + 1) bytes), and that read fails as a
     * whole when the byte after the shown ones cannot be read}
     */
    public int bufferCaptureLimit() {
        return Math.max(stringLimit + 1, timelineStringBytes);
    }

    /** {@return how many bytes of a string or buffer argument the capture copies: {@code -s}, or more for a timeline} */
    public int captureLimit() {
        return Math.max(stringLimit, timelineStringBytes);
    }

    /**
     * Options without dumps.
     *
     * @param stringLimit the string limit
     * @param verbose the verbose
     * @param hex the -x level
     * @param xlat the xlat
     * @param fdPaths the fd paths
     * @param rawSyscalls the raw syscalls
     * @param fdPathsCaptured whether descriptor paths are captured without {@code -y}
     * @param pidTranslation {@code --decode-pids=pidns}
     */
    public DecodeOptions(int stringLimit, boolean verbose, int hex, Xlat xlat, int fdPaths, Set<String> rawSyscalls,
                         boolean fdPathsCaptured, boolean pidTranslation) {
        this(stringLimit, verbose, hex, xlat, fdPaths, rawSyscalls, fdPathsCaptured, pidTranslation, IoDumps.NONE);
    }
    /** {@code -X raw|abbrev|verbose}. */
    public enum Xlat {
        /** Numbers only ({@code -X raw}). */
        RAW,
        /** Names, strace's default ({@code -X abbrev}). */
        ABBREV,
        /** Numbers with the names in comments ({@code -X verbose}). */
        VERBOSE
    }

    /**
     * Options capturing descriptor paths only for {@code -y}.
     *
     * @param stringLimit the string limit
     * @param verbose the verbose
     * @param hex the -x level (0 none, 1 non-printable, 2 all)
     * @param xlat the xlat
     * @param fdPaths the fd paths
     * @param rawSyscalls the raw syscalls
     */
    public DecodeOptions(int stringLimit, boolean verbose, int hex, Xlat xlat, int fdPaths, Set<String> rawSyscalls) {
        this(stringLimit, verbose, hex, xlat, fdPaths, rawSyscalls, false);
    }

    /**
     * Options without pid translation.
     *
     * @param stringLimit the string limit
     * @param verbose the verbose
     * @param hex the -x level (0 none, 1 non-printable, 2 all)
     * @param xlat the xlat
     * @param fdPaths the fd paths
     * @param rawSyscalls the raw syscalls
     * @param fdPathsCaptured whether descriptor paths are captured without {@code -y}
     */
    public DecodeOptions(int stringLimit, boolean verbose, int hex, Xlat xlat, int fdPaths, Set<String> rawSyscalls,
                         boolean fdPathsCaptured) {
        this(stringLimit, verbose, hex, xlat, fdPaths, rawSyscalls, fdPathsCaptured, false);
    }

    /** {@return strace's defaults} */
    public static DecodeOptions defaults() {
        return new DecodeOptions(32, false, 0, Xlat.ABBREV, 0, Set.of());
    }

    /** {@return whether descriptor paths are read at the stop ({@code -y}, or a path filter that needs them)} */
    public boolean capturesFdPaths() {
        return fdPaths > 0 || fdPathsCaptured;
    }
}
