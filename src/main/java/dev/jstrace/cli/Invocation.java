package dev.jstrace.cli;

import dev.jstrace.arch.Arch;
import dev.jstrace.decode.DecodeOptions;
import dev.jstrace.sink.StraceTextOptions;
import dev.jstrace.sink.StraceTimestamps;
import dev.jstrace.sink.SummaryColumn;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a jstrace command line asked for, as {@link OptionParser} read it.
 * Fields are filled in by the parser and read by {@link Main}; defaults are strace's.
 */
public final class Invocation {
    /** {@code -h}. */
    boolean help;
    /** {@code -V}. */
    boolean version;
    /** 0, 1 ({@code -f}) or 2 ({@code -ff}). */
    int followForks;
    /** {@code -o}: a file name, or {@code |command}. */
    String outputFile;
    /** {@code -A}. */
    boolean append;
    /** {@code -q} count; null when no quiet option was given. */
    Set<String> quiet;
    /** {@code -e trace=}: names, or null for all. */
    Set<String> syscalls;
    /** {@code -e signal=}: names, or null for all. */
    Set<String> signals;
    /** {@code -e status=}, {@code -z}, {@code -Z}. */
    Set<StraceTextOptions.Status> statuses = EnumSet.allOf(StraceTextOptions.Status.class);
    /** {@code -P}. */
    final List<String> paths = new ArrayList<>();
    /** {@code -s}. */
    int stringLimit = 32;
    /** {@code -v} / {@code -e verbose=all}. */
    boolean verbose;
    /** {@code -x} count. */
    int hex;
    /** {@code -y} count. */
    int fdPaths;
    /** {@code -X}. */
    DecodeOptions.Xlat xlat = DecodeOptions.Xlat.ABBREV;
    /** {@code -e raw=}. */
    Set<String> raw = Set.of();
    /** {@code -a}. */
    int alignColumn = 40;
    /** {@code -T}. */
    boolean durations;
    /** {@code -T} precision digits. */
    int durationPrecision = 6;
    /** Absolute stamp kind. */
    StraceTimestamps.Absolute absolute = StraceTimestamps.Absolute.NONE;
    /** Absolute stamp precision digits. */
    int absolutePrecision;
    /** {@code -r}. */
    boolean relative;
    /** {@code -r} precision digits. */
    int relativePrecision = 6;
    /** 0 no table, 1 {@code -c} (table only), 2 {@code -C} (lines and table). */
    int summary;
    /** {@code -S}. */
    String sortBy = "time";
    /** Whether {@code -S} was given (strace warns when there is no table to sort). */
    boolean sortBySet;
    /** {@code -w}. */
    boolean wallClock;
    /** {@code -O}: the overhead taken off each call's time in the {@code -c} table, in nanoseconds. */
    long overheadNanos;
    /** {@code --tips}: the tip shown at the end, or null for none. */
    Tips.Choice tips;
    /** {@code -U}; null for strace's default columns. */
    List<SummaryColumn> columns;
    /** {@code -p}. */
    final List<Integer> pids = new ArrayList<>();
    /** {@code -E}: VAR to value, or to null for removal. */
    final Map<String, String> environment = new LinkedHashMap<>();
    /** {@code -E} in the order given: {@code VAR=value} or {@code VAR} (strace applies them in turn). */
    final List<String> environmentEdits = new ArrayList<>();
    /** {@code -d}/{@code --debug}: of strace's debug messages, the one about a syscall it does not know. */
    boolean debug;
    /** {@code --seccomp-bpf}. */
    boolean seccompBpf;
    /** {@code -I}/{@code --interruptible}: 1 anywhere, 2 waiting, 3 never, 4 never_tstp; 0 when not given. */
    int interruptible;
    /** {@code -e read=}, {@code -e write=}. */
    dev.jstrace.decode.IoDumps ioDumps = dev.jstrace.decode.IoDumps.NONE;
    /** {@code -n}/{@code --syscall-number}. */
    boolean syscallNumbers;
    /** {@code --decode-pids=pidns}, {@code --pidns-translation}. */
    boolean pidTranslation;
    /** {@code --kill-on-exit} (newer strace): launched and attached tracees die with jstrace. */
    boolean killOnExit;
    /** {@code -e inject=}, {@code -e fault=}. */
    dev.jstrace.Injections injections = dev.jstrace.Injections.NONE;
    /** {@code --bench-floor} (hidden): stop and restart the tracees, capture and print nothing. */
    boolean benchFloor;
    /** {@code --tef}. */
    String tefFile;
    /** {@code --perfetto}. */
    String perfettoFile;
    /** The command and its arguments. */
    final List<String> command = new ArrayList<>();

    /** The decoding options these flags ask for. */
    public DecodeOptions decodeOptions() {
        DecodeOptions o = new DecodeOptions(stringLimit, verbose, hex, xlat, fdPaths, raw, !paths.isEmpty(),
                pidTranslation, ioDumps);
        // TEF and Perfetto show strings whatever -s is: the capture copies enough for them.
        o = o.withStraceSyscalls(); // the text is strace 6.1's: the calls it does not know print raw
        return tefFile != null || perfettoFile != null ? o.withTimelineStrings() : o;
    }

    /**
     * The calls the trace stops at: {@code -e trace=}'s, and every call strace 6.1 does not know on some
     * arch ({@link Arch#namesStraceLacks}), which strace prints whatever {@code -e trace=} says; the
     * strace text then prints those only where strace 6.1 does not know them ({@code syscall_0x1c3}).
     * Under {@code --seccomp-bpf} only those past the end of strace's table ({@link
     * Arch#namesPastStracesTable}): strace's filter lets the holes inside it run unseen.
     */
    public java.util.Set<String> stoppingSyscalls() {
        if (syscalls == null) return null;
        java.util.Set<String> s = new java.util.HashSet<>(syscalls);
        s.addAll(seccompBpf ? Arch.namesPastStracesTable() : Arch.namesStraceLacks());
        return java.util.Set.copyOf(s);
    }

    /** The command to run, empty with {@code -p}. */
    public List<String> command() {
        return List.copyOf(command);
    }

    /** The pids of {@code -p}. */
    public List<Integer> pids() {
        return List.copyOf(pids);
    }
}
