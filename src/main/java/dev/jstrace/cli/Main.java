package dev.jstrace.cli;

import dev.jstrace.Attachment;
import dev.jstrace.ListenerFanOut;
import dev.jstrace.SyscallClasses;
import dev.jstrace.TraceListener;
import dev.jstrace.TraceOptions;
import dev.jstrace.TraceRefusedException;
import dev.jstrace.TracedProcess;
import dev.jstrace.Tracer;
import dev.jstrace.arch.Arch;
import dev.jstrace.arch.gen.Errnos;
import dev.jstrace.ffi.Libc;
import dev.jstrace.ffi.NativeException;
import dev.jstrace.proc.CallerContext;
import dev.jstrace.proc.ProgramSearch;
import dev.jstrace.proc.SpawnRequest;
import dev.jstrace.sink.FilterByPath;
import dev.jstrace.sink.PerfettoSink;
import dev.jstrace.sink.StraceOutput;
import dev.jstrace.sink.StraceTextOptions;
import dev.jstrace.sink.StraceTextSink;
import dev.jstrace.sink.StraceTimestamps;
import dev.jstrace.sink.Summary;
import dev.jstrace.sink.TefSink;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code jstrace} command: strace's command line over the jstrace API.
 * {@link #execute} does the work and returns how jstrace should end, so tests
 * can run it in-process; {@link #main} then exits with that status or dies of
 * the traced command's signal.
 */
public final class Main {
    private Main() {}

    /** How a jstrace run ends: an exit status, or death by a signal (then {@code signal != 0}). */
    public record Outcome(int status, int signal) {}

    /**
     * The program name in messages: as strace prints its {@code argv[0]}, the name jstrace was invoked
     * by, which the launcher script passes as {@code -Djstrace.program="$0"} (the JVM cannot see it).
     */
    static final String NAME = System.getProperty("jstrace.program", "jstrace");

    /** Runs jstrace and ends the JVM as strace would end. */
    public static void main(String[] args) {
        // First: the caller's context and argument bytes, before anything else opens a file.
        CallerContext caller = CallerContext.ofCaller();
        CommandLine line = CommandLine.ofThisProcess(args);
        Warmup.start();
        Outcome o = execute(line, caller, System.out, System.err, System.getProperty(CallerContext.PROPERTY) != null);
        System.out.flush();
        System.err.flush();
        if (o.signal() != 0) SignalDeath.die(o.signal());
        System.exit(o.status());
    }

    /**
     * Parses {@code args}, traces, and reports how jstrace should end. A
     * launched command gets this JVM's context ({@link CallerContext#ofThisProcess}).
     */
    public static Outcome execute(List<String> args, PrintStream stdout, PrintStream stderr) {
        return execute(CommandLine.of(args), CallerContext.ofThisProcess(), stdout, stderr, false);
    }

    /**
     * @param ownStandardFds whether this JVM's descriptors 0 and 1 are the caller's (started by the
     *                       launcher) and may be replaced once the command runs (see {@link StandardFds})
     */
    private static Outcome execute(CommandLine line, CallerContext caller, PrintStream stdout, PrintStream stderr,
                                   boolean ownStandardFds) {
        List<String> warnings = new ArrayList<>();
        Invocation inv;
        try {
            inv = OptionParser.parse(line.text(), warnings);
        } catch (UsageException e) {
            return usageError(e, stderr);
        }
        if (inv.help) {
            stdout.print(HelpText.TEXT);
            return new Outcome(0, 0);
        }
        if (inv.version) {
            stdout.println("jstrace -- version " + HelpText.VERSION); // strace prints its package name here, not $0
            return new Outcome(0, 0);
        }
        for (String w : warnings) stderr.println(NAME + ": " + w);
        try {
            Outcome o = new Run(inv, line, caller, stderr, ownStandardFds).run();
            stderr.print(Tips.render(inv.tips)); // strace's print_totd, last before it exits
            stderr.flush();
            return o;
        } catch (UsageException e) {
            return usageError(e, stderr);
        }
    }

    private static Outcome usageError(UsageException e, PrintStream stderr) {
        stderr.println(NAME + ": " + e.getMessage());
        if (e.tryHelp()) stderr.println("Try '" + NAME + " -h' for more information.");
        return new Outcome(1, 0);
    }

    /** One traced run: outputs, sinks, the launch or attaches, the wait, the cleanup. */
    private static final class Run {
        private final Invocation inv;
        private final CommandLine line;
        private final CallerContext caller;
        private final PrintStream stderr;
        private StraceOutput output;
        /** Whether descriptors 0 and 1 may be let go once the command runs (see {@link StandardFds}). */
        private final boolean ownStandardFds;
        private Summary summary;
        private final List<AutoCloseable> extraSinks = new ArrayList<>();
        private ListenerFanOut fanOut;

        Run(Invocation inv, CommandLine line, CallerContext caller, PrintStream stderr, boolean ownStandardFds) {
            this.ownStandardFds = ownStandardFds;
            this.inv = inv;
            this.line = line;
            this.caller = caller;
            this.stderr = stderr;
        }

        Outcome run() throws UsageException {
            byte[] program = null;
            List<byte[]> argv = null;
            if (!inv.command.isEmpty()) {
                argv = commandBytes();
                program = ProgramSearch.find(argv.getFirst(), variable(caller.environment(), "PATH"));
                if (program == null) {
                    throw new UsageException("Can't stat '" + inv.command.getFirst() + "': No such file or directory",
                            false);
                }
            }
            List<TraceListener> sinks = new ArrayList<>();
            try {
                output = openOutput();
                // strace's -d message comes at the entry, before the call's line.
                if (inv.debug) sinks.add(new InvalidSyscallMessage(stderr, NAME, inv.summary != 1));
                if (inv.summary != 1) sinks.add(new StraceTextSink(textOptions(), output, stderr, NAME, inv.ioDumps));
                if (!inv.command.isEmpty()) sinks.add(new ExecFailureMessage(stderr));
                if (inv.summary != 0) {
                    summary = new Summary(inv.wallClock, inv.overheadNanos);
                    sinks.add(summary);
                }
            } catch (IOException e) {
                throw new UsageException("Can't fopen '" + e.getMessage(), false);
            }
            if (inv.tefFile != null) {
                TefSink tef = fileSink(inv.tefFile, TefSink::new);
                sinks.add(tef);
                extraSinks.add(tef);
            }
            if (inv.perfettoFile != null) {
                PerfettoSink perfetto = fileSink(inv.perfettoFile, PerfettoSink::new);
                sinks.add(perfetto);
                extraSinks.add(perfetto);
            }
            fanOut = new ListenerFanOut(sinks, sessions());
            TraceOptions options = TraceOptions.defaults().withFollowForks(inv.followForks > 0)
                    .withSyscalls(inv.stoppingSyscalls()).withDecode(inv.decodeOptions()).withEntries(inv.summary != 1)
                    .withSeccompBpf(inv.seccompBpf).withBenchFloor(inv.benchFloor).withKillOnExit(inv.killOnExit)
                    .withInjections(inv.injections.withOnlyReported(true)) // strace's rule
                    .withSystemTimes(inv.summary != 0 && !inv.wallClock);
            if (inv.command.isEmpty()) return attach(options);
            if (inv.pids.isEmpty()) return launch(argv, program, options, List.of());
            // strace starts the command first, then attaches to the -p processes, and ends when all are gone.
            return launch(argv, program, options, null);
        }

        /** One trace session for the command (when there is one) and one per {@code -p} process. */
        private int sessions() {
            return Math.max(1, inv.pids.size() + (inv.command.isEmpty() ? 0 : 1));
        }

        /**
         * The command's words exactly as the caller passed them: the last arguments, taken as bytes
         * (never through a String: under LC_ALL=C the JVM's decoding would lose every non-ASCII byte).
         */
        private List<byte[]> commandBytes() {
            int n = inv.command.size();
            List<byte[]> all = line.bytes();
            List<byte[]> words = all.subList(all.size() - n, all.size());
            for (int i = 0; i < n; i++) {
                if (!CommandLine.decode(words.get(i)).equals(inv.command.get(i))) {
                    throw new IllegalStateException("the command is not the tail of the arguments: " + inv.command);
                }
            }
            return List.copyOf(words);
        }

        /** The value of {@code NAME} in {@code env}, or null. */
        private static byte[] variable(List<byte[]> env, String name) {
            byte[] n = name.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            for (byte[] e : env) {
                if (EnvironmentEdits.named(e, n)) return Arrays.copyOfRange(e, n.length + 1, e.length);
            }
            return null;
        }

        /**
         * Runs the command; {@code attached} null means: also attach to the {@code -p} processes once
         * it runs, and wait for them too after the command ended.
         */
        private Outcome launch(List<byte[]> argv, byte[] program, TraceOptions options, List<Attachment> attached) {
            List<byte[]> env = EnvironmentEdits.apply(caller.environment(),
                    inv.environmentEdits.stream().map(CommandLine::encode).toList());
            SpawnRequest request = SpawnRequest.ofCaller(argv, program, caller.withEnvironment(env));
            // Set up before the launch, so no signal finds the JVM's own handling (an exit) in place. strace's
            // cleanup(): every tracee is detached, the command it started gets SIGCONT and the signal, and
            // jstrace exits; the programs run on (their handlers too) untraced.
            java.util.concurrent.atomic.AtomicReference<TracedProcess> launched =
                    new java.util.concurrent.atomic.AtomicReference<>();
            List<Attachment> alsoAttached = new java.util.concurrent.CopyOnWriteArrayList<>();
            InterruptHandler.install(interruptLevel(), sig -> {
                TracedProcess running = launched.get();
                if (running != null) running.detachAll(sig);
                alsoAttached.forEach(Attachment::close);
            });
            // strace's command does not run before the -p processes are attached (it waits stopped at its
            // exec until strace's loop starts): attach first, or a quick command races the -p processes.
            List<Attachment> also = attached != null ? attached : attachAll(options);
            alsoAttached.addAll(also);
            TracedProcess p;
            try {
                p = dev.jstrace.internal.CallerLaunch.launch(request, options, fanOut);
                if (ownStandardFds) StandardFds.letGo(caller.fds());
            } catch (IOException e) {
                also.forEach(Attachment::close);
                finish();
                stderr.println(NAME + ": exec: " + execError(e));
                return new Outcome(1, 0);
            } catch (TraceRefusedException e) {
                // The child could not be traced (this JVM is itself traced, a security policy):
                // strace's "ptrace(...): Operation not permitted". The child is already gone.
                also.forEach(Attachment::close);
                finish();
                if (e.getCause() instanceof NativeException n) {
                    String reason = Errnos.message(n.errno());
                    stderr.println(NAME + ": " + n.call() + ": "
                            + (reason != null ? reason : NativeException.describe(n.errno())));
                } else {
                    stderr.println(NAME + ": " + e.getMessage());
                }
                return new Outcome(1, 0);
            }
            launched.set(p);
            int early = InterruptHandler.received();
            if (early != 0) { // came during the launch or the attaches
                p.detachAll(early);
                also.forEach(Attachment::close);
            }
            try {
                awaitCommand(p);
            } catch (InterruptedException | RuntimeException e) {
                finish();
                stderr.println(NAME + ": " + runError(e));
                return new Outcome(1, 0);
            }
            for (Attachment a : also) a.awaitEnd(Long.MAX_VALUE / 2);
            finish();
            // Interrupted, strace dies of the signal it got (re-raised after its cleanup), as when the command died of one.
            int got = InterruptHandler.received();
            if (got != 0) return new Outcome(128 + got, got);
            int status = p.exitValue();
            int sig = p.terminationSignal();
            return sig != 0 ? new Outcome(128 + sig, sig) : new Outcome(status, 0);
        }

        /** strace's -I: as given, else 3 (never) for {@code -o FILE} with a command, 2 (waiting) otherwise. */
        private int interruptLevel() {
            if (inv.interruptible != 0) return inv.interruptible;
            return inv.outputFile != null && !inv.command.isEmpty() ? 3 : 2;
        }

        /** How long detaching may take after an interrupt before jstrace exits anyway (the kernel then detaches). */
        private static final long DETACH_LIMIT_MILLIS = 5_000;

        /** Waits for the command and the end of its trace, or, once interrupted, for every tracee's detach. */
        private void awaitCommand(TracedProcess p) throws InterruptedException {
            while (InterruptHandler.received() == 0) {
                if (p.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS) && p.awaitTraceEnd(50)) {
                    p.awaitTraceEnd(); // returns at once; throws when the tracing failed
                    return;
                }
            }
            p.awaitTraceEnd(DETACH_LIMIT_MILLIS);
        }

        private Outcome attach(TraceOptions options) {
            // The handler comes first, as strace's: a signal that arrives as soon as the first trace line
            // is out must detach, not end the JVM with the tracee still seized.
            List<Attachment> attached = new java.util.concurrent.CopyOnWriteArrayList<>();
            InterruptHandler.install(interruptLevel(), sig -> attached.forEach(Attachment::close));
            attached.addAll(attachAll(options));
            if (attached.isEmpty()) {
                finish();
                return new Outcome(1, 0);
            }
            for (Attachment a : attached) a.awaitEnd(Long.MAX_VALUE / 2);
            finish();
            // strace detaches, then dies of the signal it got: a shell sees 130 for SIGINT, 143 for SIGTERM.
            int sig = InterruptHandler.received();
            return sig != 0 ? new Outcome(128 + sig, sig) : new Outcome(0, 0);
        }

        /** Attaches to every {@code -p} process; a refusal is reported and that process left out. */
        private List<Attachment> attachAll(TraceOptions options) {
            List<Attachment> attached = new ArrayList<>();
            for (int pid : inv.pids) {
                try {
                    attached.add(Tracer.attach(pid, options, fanOut));
                } catch (TraceRefusedException | IllegalArgumentException e) {
                    fanOut.sessionFailed();
                    stderr.println(NAME + ": " + attachError(e));
                }
            }
            return attached;
        }

        /**
         * strace's words for a refused attach, {@code attach: ptrace(PTRACE_SEIZE, 1): Operation not permitted};
         * the API's longer explanation is for library users.
         */
        private static String attachError(RuntimeException e) {
            if (e.getCause() instanceof NativeException n) {
                String text = Errnos.message(n.errno());
                return "attach: " + n.call() + ": " + (text != null ? text : NativeException.describe(n.errno()));
            }
            return e.getMessage();
        }

        /**
         * A failure during the trace; a {@code -ff} file that cannot be created (opened when its
         * thread first writes) reads as strace's {@code Can't fopen 'out.123': No such file or directory}.
         */
        private static String runError(Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
                    return "Can't fopen '" + f.getFile() + "': " + describe(f);
                }
            }
            return e.getMessage();
        }

        /** strace's {@code exec: Permission denied}: the reason from ProcessBuilder's message. */
        private static String execError(IOException e) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("error=\\d+, (.*)$|error: \\d+ \\((.*)\\)")
                    .matcher(String.valueOf(e.getMessage()).strip());
            if (m.find()) return m.group(1) != null ? m.group(1) : m.group(2);
            return String.valueOf(e.getMessage());
        }

        /** Ends the sinks, prints the table, closes every file. */
        private void finish() {
            fanOut.endNow();
            if (summary != null) {
                summary.print(output.summaryStream(stderr), inv.sortBy,
                        inv.columns != null ? inv.columns : Summary.DEFAULT_COLUMNS);
            }
            for (AutoCloseable c : extraSinks) {
                try {
                    c.close();
                } catch (Exception e) {
                    stderr.println(NAME + ": " + e.getMessage());
                }
            }
            output.close();
            // strace's outf_perror: the output file could not be written (-o /dev/full); the status stays.
            if (output.writeError() != null) stderr.println(NAME + ": " + output.writeError());
        }

        /** strace quotes the paths with the -x in force when it reads -P (the final one here: -x -P order). */
        private String quoted(String path) {
            byte[] b = path.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return dev.jstrace.decode.StringQuoter.quote(b, b.length, false, inv.hex);
        }

        private StraceTextOptions textOptions() {
            StraceTimestamps stamps = new StraceTimestamps(inv.absolute, inv.absolutePrecision, inv.relative,
                    inv.relativePrecision, null);
            // strace implies -q when it runs a command with -o (its output then holds only the trace).
            boolean quietAttach = inv.quiet != null ? inv.quiet.contains("attach")
                    : inv.outputFile != null && inv.pids.isEmpty();
            boolean quietExit = inv.quiet != null && inv.quiet.contains("exit");
            FilterByPath paths = inv.paths.isEmpty() ? null
                    : new FilterByPath(new java.util.LinkedHashSet<>(inv.paths), SyscallClasses.members("%desc"));
            if (paths != null) {
                paths.resolvedPaths().forEach((given, real) -> stderr.println(NAME + ": Requested path "
                        + quoted(given) + " resolved into " + quoted(real)));
            }
            return new StraceTextOptions(inv.alignColumn, stamps, inv.durations, inv.durationPrecision,
                    inv.followForks > 0, sessions(), quietAttach, quietExit,
                    inv.syscalls == null ? n -> true : n -> inv.syscalls.contains(n) || Arch.isRawName(n),
                    inv.signals == null ? n -> true : inv.signals::contains, inv.statuses, paths)
                    .withSyscallNumbers(inv.syscallNumbers)
                    .withQuietThreadExecve(inv.quiet != null && inv.quiet.contains("thread-execve"));
        }

        private StraceOutput openOutput() throws IOException {
            String f = inv.outputFile;
            if (f == null) return StraceOutput.stderr(stderr);
            if (f.startsWith("|") || f.startsWith("!")) return StraceOutput.pipe(f.substring(1));
            if (inv.followForks == 2) return StraceOutput.perThread(Path.of(f), inv.append);
            try {
                return StraceOutput.file(Path.of(f), inv.append);
            } catch (IOException e) {
                throw new IOException(f + "': " + describe(e), e);
            }
        }

        private static String describe(IOException e) {
            return switch (e) {
                case java.nio.file.NoSuchFileException x -> "No such file or directory";
                case java.nio.file.AccessDeniedException x -> "Permission denied";
                case java.nio.file.FileSystemException x when x.getReason() != null -> x.getReason();
                default -> String.valueOf(e.getMessage());
            };
        }

        /** A sink that writes {@code file} ({@code --tef}, {@code --perfetto}); a file that cannot be created reads as strace's {@code -o} error. */
        private <T> T fileSink(String file, FileSinkFactory<T> factory) throws UsageException {
            try {
                return factory.open(Path.of(file));
            } catch (IOException e) {
                closeOpened();
                throw new UsageException("Can't fopen '" + file + "': " + describe(e), false);
            }
        }

        /** Closes what was opened before a later output failed to open. */
        private void closeOpened() {
            for (AutoCloseable c : extraSinks) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // the run is failing already; the first error is the one to report
                }
            }
            if (output != null) output.close();
        }

        /** A sink constructor that may fail to create its file. */
        @FunctionalInterface
        private interface FileSinkFactory<T> {
            T open(Path file) throws IOException;
        }
    }
}
