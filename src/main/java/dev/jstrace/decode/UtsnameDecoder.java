package dev.jstrace.decode;

import static dev.jstrace.decode.StructDecoders.f;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.Snapshot;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code struct utsname} of uname as strace 6.1 prints it: {@code {sysname="Linux",
 * nodename="host", ...}}, all six with {@code -v}.
 */
final class UtsnameDecoder extends StructDecoder {
    /** The members in C order, each a char[65] (__NEW_UTS_LEN + 1). */
    private static final String[] NAMES = {"sysname", "nodename", "release", "version", "machine", "domainname"};
    /** {@code struct utsname} (sys/utsname.h with _GNU_SOURCE, which names domainname without underscores). */
    static final StructLayout LAYOUT = structLayout(sequenceLayout(65, JAVA_BYTE).withName(NAMES[0]),
            sequenceLayout(65, JAVA_BYTE).withName(NAMES[1]), sequenceLayout(65, JAVA_BYTE).withName(NAMES[2]),
            sequenceLayout(65, JAVA_BYTE).withName(NAMES[3]), sequenceLayout(65, JAVA_BYTE).withName(NAMES[4]),
            sequenceLayout(65, JAVA_BYTE).withName(NAMES[5])).withName("struct utsname");
    private static final Member[] MEMBERS = new Member[NAMES.length];

    static {
        for (int k = 0; k < NAMES.length; k++) MEMBERS[k] = Member.of(LAYOUT, NAMES[k]);
    }

    UtsnameDecoder() {
        super("#include <sys/utsname.h>\n", LAYOUT);
    }

    @Override
    Value decode(CallContext c, Snapshot mem, long addr, byte[] b) {
        int n = c.opt.verbose() ? NAMES.length : 2;
        List<Value.Field> fs = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int s = MEMBERS[k].offset(), e = s;
            while (e < s + MEMBERS[k].size() && b[e] != 0) e++;
            fs.add(f(NAMES[k], Value.Str.whole(Arrays.copyOfRange(b, s, e), false)));
        }
        return new Value.Struct(fs, !c.opt.verbose());
    }
}
