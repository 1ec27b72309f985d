package dev.jstrace.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jstrace.arch.gen.Constants;
import dev.jstrace.arch.gen.Constants.Named;
import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The generated constant groups: arch differences where the headers have them, values as glibc has them. */
class ConstantsTest {

    private static long value(Named[] group, String name) {
        for (Named n : group) if (n.name().equals(name)) return n.value();
        throw new AssertionError(name + " not in group");
    }

    @Test
    void openFlagsDifferPerArch() {
        Named[] x86 = Constants.OPEN_FLAGS.of(Arch.X86_64);
        Named[] arm = Constants.OPEN_FLAGS.of(Arch.AARCH64);
        assertEquals(040000, value(x86, "O_DIRECT"));
        assertEquals(0200000, value(x86, "O_DIRECTORY"));
        assertEquals(0400000, value(x86, "O_NOFOLLOW"));
        assertEquals(0100000, value(x86, "O_LARGEFILE"));
        assertEquals(040000, value(arm, "O_DIRECTORY"));
        assertEquals(0100000, value(arm, "O_NOFOLLOW"));
        assertEquals(0200000, value(arm, "O_DIRECT"));
        assertEquals(0400000, value(arm, "O_LARGEFILE"));
        assertEquals(02000000, value(arm, "O_CLOEXEC"));
        assertEquals(value(x86, "O_CLOEXEC"), value(arm, "O_CLOEXEC"));
    }

    @Test
    void everyGroupIsNonEmptyWithUniqueNames() throws Exception {
        int groups = 0;
        for (Field f : Constants.class.getFields()) {
            Object v = f.get(null);
            Named[][] variants = v instanceof Constants.ByArch b
                    ? java.util.Arrays.stream(Arch.values()).map(b::of).toArray(Named[][]::new)
                    : new Named[][] {(Named[]) v};
            for (Named[] g : variants) {
                assertTrue(g.length > 0, f.getName());
                Set<String> names = new HashSet<>();
                for (Named n : g) assertTrue(names.add(n.name()), f.getName() + " repeats " + n.name());
            }
            if (v instanceof Constants.ByArch b) {
                assertFalse(java.util.Arrays.stream(Arch.values()).allMatch(a -> java.util.Arrays.equals(b.of(a),
                        b.of(Arch.X86_64))), f.getName() + " is the same on every arch: it should be one Named[]");
            }
            groups++;
        }
        assertTrue(groups >= 30, "groups: " + groups);
    }

    @Test
    void aliasesAndMasksAreLeftOut() {
        for (Named n : Constants.OPEN_FLAGS.of(Arch.X86_64)) {
            assertNotEquals("O_NDELAY", n.name());
            assertNotEquals("O_ACCMODE", n.name());
        }
        for (Named n : Constants.MAP_FLAGS.of(Arch.X86_64)) assertNotEquals(0, n.value(), n.name());
    }

    /** On this x86-64 host python3's os and socket modules expose glibc's values: an independent reading. */
    @Test
    void valuesAgreeWithGlibcOnThisHost() throws Exception {
        assumeTrue(Arch.current() == Arch.X86_64, "python3 here reports the host's values");
        String script = """
                import os, socket, mmap, signal
                for n in ('O_CREAT','O_EXCL','O_NONBLOCK','O_DIRECTORY','O_NOFOLLOW','O_CLOEXEC','O_PATH','O_TMPFILE','O_SYNC','O_DIRECT'):
                    print('OPEN_FLAGS', n, getattr(os, n))
                for n in ('AF_UNIX','AF_INET','AF_INET6','AF_NETLINK','AF_PACKET'):
                    print('ADDRESS_FAMILIES', n, int(getattr(socket, n)))
                for n in ('SOCK_STREAM','SOCK_DGRAM','SOCK_RAW','SOCK_SEQPACKET'):
                    print('SOCKET_TYPES', n, int(getattr(socket, n)))
                for n in ('SOCK_CLOEXEC','SOCK_NONBLOCK'):
                    print('SOCKET_FLAGS', n, int(getattr(socket, n)))
                for n in ('MSG_PEEK','MSG_DONTWAIT','MSG_NOSIGNAL','MSG_CMSG_CLOEXEC','MSG_WAITALL'):
                    print('MSG_FLAGS', n, int(getattr(socket, n)))
                for n in ('IPPROTO_TCP','IPPROTO_UDP','IPPROTO_ICMPV6'.replace('V6','')):
                    print('IP_PROTOCOLS', n, getattr(socket, n))
                for n in ('MAP_ANONYMOUS','MAP_POPULATE','MAP_STACK'):
                    print('MAP_FLAGS', n, getattr(mmap, n))
                for n in ('MADV_DONTNEED','MADV_FREE','MADV_HUGEPAGE'):
                    print('MADVISE_ADVICE', n, getattr(mmap, n))
                for n in ('SIG_BLOCK','SIG_UNBLOCK','SIG_SETMASK'):
                    print('SIGPROCMASK_HOW', n, int(getattr(signal, n)))
                for n in ('SEEK_SET','SEEK_END','SEEK_DATA','SEEK_HOLE'):
                    print('SEEK_WHENCE', n, getattr(os, n))
                for n in ('WNOHANG','WCONTINUED','WEXITED','WNOWAIT'):
                    print('WAIT_OPTIONS', n, getattr(os, n))
                for n in ('RLIMIT_NOFILE','RLIMIT_STACK','RLIMIT_RTTIME'):
                    import resource; print('RLIMIT_RESOURCES', n, getattr(resource, n))
                for n in ('EPOLLIN','EPOLLOUT','EPOLLET','EPOLLONESHOT','EPOLLEXCLUSIVE','EPOLLRDHUP'):
                    import select; print('EPOLL_EVENTS', n, getattr(select, n))
                for n in ('POLLIN','POLLPRI','POLLHUP','POLLNVAL','POLLRDHUP'):
                    import select; print('POLL_EVENTS', n, getattr(select, n))
                """;
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "python3 not installed");
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        int checked = 0;
        for (String line : out.split("\n")) {
            String[] f = line.split(" ");
            Object g = Constants.class.getField(f[0]).get(null);
            Named[] group = g instanceof Constants.ByArch b ? b.of(Arch.X86_64) : (Named[]) g;
            assertEquals(Long.parseLong(f[2]), value(group, f[1]), f[0] + " " + f[1]);
            checked++;
        }
        assertTrue(checked > 50, "checked " + checked);
    }
}
