package dev.jstrace.cli;

/** The text of {@code jstrace -h}: every option jstrace accepts. */
final class HelpText {
    private HelpText() {}

    /** jstrace's version, printed by {@code -V}. */
    static final String VERSION = "0.1.0";

    static final String TEXT = """
            Usage: jstrace [-ACffhqqrtttTvVwxxyyzZ] [-a COLUMN] [-e EXPR]... [-o FILE]
                           [-p PID]... [-P PATH]... [-s STRSIZE] [-X FORMAT] [-E VAR=VAL]...
                           [--tef FILE] [--perfetto FILE] { -p PID | [--] PROG [ARGS] }
               or: jstrace -c[fwzZ] [-e EXPR]... [-O OVERHEAD] [-S SORTBY] [-U COLUMNS]
                           { -p PID | [--] PROG [ARGS] }

            strace rebuilt in Java: the same options, the same output.

            General:
              -e EXPR        a qualifying expression: QUALIFIER=[!][?]VALUE1[,[?]VALUE2]...
                 qualifiers: trace, signal, status, abbrev, verbose, raw, quiet, decode-fds,
                 read, write (hex and ASCII dumps of the data read from / written to these fds)

            Startup:
              -E VAR=VAL, --env=VAR=VAL  put VAR=VAL in the environment of the command
              -E VAR, --env=VAR          remove VAR from the environment of the command
              -p PID, --attach=PID       trace process PID (comma-separated lists and repeats allowed);
                                         with a command too, both are traced
              -u USERNAME                not supported: run the command as another user with sudo instead
              -I INTERRUPTIBLE, --interruptible=INTERRUPTIBLE
                 1, anywhere:   no signals are blocked
                 2, waiting:    fatal signals are blocked while decoding syscall (default)
                 3, never:      fatal signals are always blocked (default if '-o FILE PROG')
                 4, never_tstp: fatal signals and SIGTSTP (^Z) are always blocked
              --kill-on-exit             kill all tracees if jstrace is killed

            Tracing:
              --seccomp-bpf                   stop only at the traced calls (-e trace=SET): the
                                              command gets a seccomp-bpf filter before its exec,
                                              inherited by its children. Needs -f and a command;
                                              not for -p (a warning says so and it is disabled)

            Filtering:
              -e trace=[!][?]{{SYSCALL|%CLASS|/REGEX|all|none},...}, --trace=...
                             trace only these syscalls; classes: %file %desc %process %network
                             %net %signal %ipc %memory %creds %clock %pure %stat %lstat %fstat
                             %%stat %statfs %fstatfs %%statfs (and legacy file process network
                             signal ipc desc memory)
              -e signal=SET, --signal=SET     print only these signals
              -e status=SET, --status=SET     print only calls with these outcomes:
                             successful, failed, unfinished, unavailable, detached
              -P PATH, --trace-path=PATH      trace only calls touching PATH (or its real path)
              -z, --successful-only           print only calls that succeeded
              -Z, --failed-only               print only calls that failed

            Output format:
              -a COLUMN, --columns=COLUMN     align results at COLUMN (default 40)
              -e abbrev=SET, -e verbose=SET, -e raw=SET
                                              abbreviate / show in full / print raw these calls
              -f, --follow-forks              trace children and threads
              -ff, --output-separately        with -o FILE: one file FILE.TID per thread
              -o FILE, --output=FILE          write the trace to FILE; -o '|CMD' pipes it to CMD
              -A, --output-append-mode        append to the -o file
              -q, --quiet=attach,personality  no attach/detach messages
              -qq, --quiet=attach,exit,...    no exit messages either
              -r, --relative-timestamps[=PRECISION]  time since the previous line
              -s STRSIZE, --string-limit=STRSIZE     show at most STRSIZE bytes of strings (32)
              -t, --absolute-timestamps       time of day; -tt with microseconds; -ttt seconds
                                              since the epoch
              --absolute-timestamps=[format:]time|unix[,[precision:]s|ms|us|ns]
              -T, --syscall-times[=PRECISION] time spent in each call
              -v, --no-abbrev                 structures, argv and envp in full
              -x                              non-ASCII bytes of strings in hex; -xx all bytes
              --strings-in-hex[=none|non-ascii|all]  as -x (non-ascii) and -xx (all, the default)
              -X FORMAT, --const-print-style=FORMAT  raw, abbrev or verbose constants
              -y, --decode-fds                paths of file descriptors; -yy socket details too
              -n, --syscall-number            the syscall's number before each line
              --decode-pids=pidns, --pidns-translation
                                              pids also as seen in jstrace's pid namespace

            Statistics:
              -c, --summary-only              count time, calls and errors; print a table at the end
              -C, --summary                   the table and the normal output
              -S SORTBY, --summary-sort-by=SORTBY  time (default), min-time, max-time, avg-time,
                                              calls, errors, name, nothing
              -U COLUMNS, --summary-columns=COLUMNS  time-percent, total-time, min-time, max-time,
                                              avg-time, calls, errors, name
              -w, --summary-wall-clock        time as wall-clock latency (entry stop to exit stop)
                                              instead of the system CPU time spent in each call
              -O, --summary-syscall-overhead=OVERHEAD
                                              taken off each call's time (a number: microseconds;
                                              or with s, ms, us, ns)

            Tampering:
              -e inject=SET[:error=ERRNO|:retval=VALUE][:signal=SIG][:syscall=SYSCALL]
                        [:delay_enter=DELAY][:delay_exit=DELAY][:poke_enter=@argN=HEX,...]
                        [:poke_exit=@argN=HEX,...][:when=WHEN], --inject=...
                                              tamper with the syscalls in SET
                   delay: microseconds or NUMBER{s|ms|us|ns}; when: FIRST[..LAST][+[STEP]]
              -e fault=SET[:error=ERRNO][:when=WHEN], --fault=...
                                              -e inject with ERRNO ENOSYS by default

            jstrace's own:
              --tef FILE                      also write a Trace Event Format JSON file (Perfetto UI)
              --perfetto FILE                 also write a Perfetto protobuf trace

            Miscellaneous:
              -h, --help                      this text
              -d, --debug                     only strace's messages about invalid syscall numbers
              -V, --version                   the version
              --tips[=[[id:]ID][,[format:]FORMAT]]
                                              a tip beside strace's ostrich at the end
                                              (FORMAT: none, compact, full)

            Not in jstrace (strace has them): -b execve, -D/-DD/-DDD, -i, -k,
            -Y/--decode-pids=comm, -u USERNAME, -e kvm=. With -p, every thread
            of the process is traced (strace needs -f for the other threads).
            """;
}
