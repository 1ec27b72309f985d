package dev.jstrace.decode;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.List;

/** The control message structs {@link MsghdrDecoder} reads, as the headers declare them (64-bit tracees). */
final class MsghdrLayouts {
    /** {@code struct cmsghdr} (sys/socket.h): a size_t length, the level, the type; the data follows. */
    static final StructLayout CMSGHDR = MemoryLayout.structLayout(JAVA_LONG.withName("cmsg_len"),
            JAVA_INT.withName("cmsg_level"), JAVA_INT.withName("cmsg_type")).withName("struct cmsghdr");
    /** {@code struct ucred} (SCM_CREDENTIALS). */
    static final StructLayout UCRED = MemoryLayout.structLayout(JAVA_INT.withName("pid"), JAVA_INT.withName("uid"),
            JAVA_INT.withName("gid")).withName("struct ucred");
    /** {@code struct in_pktinfo} (IP_PKTINFO). */
    static final StructLayout IN_PKTINFO = MemoryLayout.structLayout(JAVA_INT.withName("ipi_ifindex"),
            JAVA_INT.withName("ipi_spec_dst"), JAVA_INT.withName("ipi_addr")).withName("struct in_pktinfo");
    /** {@code struct sock_extended_err} (linux/errqueue.h, IP_RECVERR); strace reads the offender after it. */
    static final StructLayout SOCK_EXTENDED_ERR = MemoryLayout.structLayout(JAVA_INT.withName("ee_errno"),
            JAVA_BYTE.withName("ee_origin"), JAVA_BYTE.withName("ee_type"), JAVA_BYTE.withName("ee_code"),
            JAVA_BYTE.withName("ee_pad"), JAVA_INT.withName("ee_info"), JAVA_INT.withName("ee_data"))
            .withName("struct sock_extended_err");

    static final StructLayouts.Member CMSG_LEN = m(CMSGHDR, "cmsg_len"), CMSG_LEVEL = m(CMSGHDR, "cmsg_level"),
            CMSG_TYPE = m(CMSGHDR, "cmsg_type"), UC_PID = m(UCRED, "pid"), UC_UID = m(UCRED, "uid"),
            UC_GID = m(UCRED, "gid"), IPI_IFINDEX = m(IN_PKTINFO, "ipi_ifindex"),
            IPI_SPEC_DST = m(IN_PKTINFO, "ipi_spec_dst"), IPI_ADDR = m(IN_PKTINFO, "ipi_addr");
    /** sizeof each, as decode_msg_control's minimum data lengths. */
    static final int CMSG_SIZE = size(CMSGHDR), UCRED_SIZE = size(UCRED), IN_PKTINFO_SIZE = size(IN_PKTINFO),
            SOCK_EE_SIZE = size(SOCK_EXTENDED_ERR), SOCKADDR_IN_SIZE = StructLayouts.size(StructLayouts.SOCKADDR_IN);

    /** The layouts and the headers that declare them, for the probe test. */
    static final List<CallStructLayouts.Declared> LAYOUTS = List.of(
            new CallStructLayouts.Declared(CMSGHDR, "#include <sys/socket.h>\n"),
            new CallStructLayouts.Declared(UCRED, "#define _GNU_SOURCE 1\n#include <sys/socket.h>\n"),
            new CallStructLayouts.Declared(IN_PKTINFO, "#define _GNU_SOURCE 1\n#include <netinet/in.h>\n"),
            new CallStructLayouts.Declared(SOCK_EXTENDED_ERR, "#include <time.h>\n#include <linux/errqueue.h>\n"));

    private MsghdrLayouts() {}

    private static StructLayouts.Member m(StructLayout l, String name) {
        return StructLayouts.Member.of(l, name);
    }

    private static int size(StructLayout l) {
        return (int) l.byteSize();
    }
}
