package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link QuotaFormats}: lines of strace 6.1's quotactl tests. */
@Tag("unit")
class QuotaFormatsGoldenTest {
    private static final Arch X = Arch.X86_64;

    @Test
    void commandsAndStructs() {
        var g = new DecoderGolden().putString(0x1000, "/dev/bogus/").putString(0x2000, "/tmp/bogus/");
        assertEquals("quotactl(QCMD(0xbadc0d /* Q_??? */, 0xed /* ???QUOTA */), NULL, -1, NULL) = -1 EINVAL"
                + " (Invalid argument)", g.line(X, "quotactl", new long[] {0xbadc0ded, 0, -1, 0}, -22));
        assertEquals("quotactl(QCMD(Q_QUOTAON, USRQUOTA), \"/dev/bogus/\", QFMT_VFS_OLD, \"/tmp/bogus/\") = -1 ENOENT"
                + " (No such file or directory)",
                g.line(X, "quotactl", new long[] {0x80000200L, 0x1000, 1, 0x2000}, -2));
        ByteBuffer info = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putLong(1).putLong(2)
                .putInt(0x10001).putInt(4);
        g.put(0x3000, info.array());
        assertEquals("quotactl(QCMD(Q_GETINFO, GRPQUOTA), \"/dev/bogus/\", {dqi_bgrace=1, dqi_igrace=2,"
                + " dqi_flags=DQF_ROOT_SQUASH|DQF_SYS_FILE, dqi_valid=IIF_FLAGS}) = 0",
                g.line(X, "quotactl", new long[] {0x80000501L, 0x1000, 0, 0x3000}, 0));
        assertEquals("quotactl(2147484929 /* QCMD(Q_GETINFO, GRPQUOTA) */, \"/dev/bogus/\", 0x3000) = -1 EFAULT"
                + " (Bad address)", g.line(new DecodeOptions(32, true, 0, DecodeOptions.Xlat.VERBOSE, 0,
                        java.util.Set.of()), X, "quotactl", new long[] {0x80000501L, 0x1000, 0, 0x3000}, -14));
    }

    @Test
    void xfsDiskQuotaAbbreviatedUnlessVerbose() {
        ByteBuffer dq = ByteBuffer.allocate(112).order(ByteOrder.LITTLE_ENDIAN).put((byte) -114).put((byte) 0x8f)
                .putShort((short) 0x9190).putInt((int) 2509542290L).putLong(1);
        var g = new DecoderGolden().putString(0x1000, "/dev/bogus/").put(0x4000, dq.array());
        assertEquals("quotactl(QCMD(Q_XSETQLIM, PRJQUOTA), \"/dev/bogus/\", 3141592653, {d_version=-114,"
                + " d_flags=FS_USER_QUOTA|FS_PROJ_QUOTA|FS_GROUP_QUOTA|0x88, d_fieldmask=0x9190, d_id=2509542290,"
                + " d_blk_hardlimit=1, d_blk_softlimit=0, d_ino_hardlimit=0, d_ino_softlimit=0, d_bcount=0,"
                + " d_icount=0, ...}) = -1 ENOENT (No such file or directory)",
                g.line(X, "quotactl", new long[] {0x580402L, 0x1000, 3141592653L, 0x4000}, -2));
        assertEquals("quotactl(QCMD(Q_XGETQSTAT, USRQUOTA), \"/dev/bogus/\", 0x4000) = -1 ENOENT"
                + " (No such file or directory)", g.line(X, "quotactl", new long[] {0x580500L, 0x1000, 0, 0x4000}, -2));
    }
}
