package dev.jstrace.decode;

import static dev.jstrace.decode.StructDecoders.f;
import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.jstrace.arch.Arch;
import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * quotactl and quotactl_fd as strace 6.1 prints them (src/quota.c): {@code QCMD(Q_GETQUOTA, USRQUOTA)}
 * (names always, the number before them under {@code -X raw}/{@code verbose}), then the arguments each
 * command takes: the id, the format, a path, the VFS structs (if_dqblk, if_nextdqblk, if_dqinfo) read
 * at entry for the SET commands and after a successful call for the GET ones, the XFS flag words.
 */
final class QuotaFormats {
    static final ConstTable CMDS = ConstTable.enumHex("Q_???", """
            Q_SYNC Q_QUOTAON Q_QUOTAOFF Q_GETFMT Q_GETINFO Q_SETINFO Q_GETQUOTA Q_SETQUOTA Q_GETNEXTQUOTA
            Q_XQUOTAON Q_XQUOTAOFF Q_XGETQUOTA Q_XSETQLIM Q_XGETQSTAT Q_XQUOTARM Q_XQUOTASYNC Q_XGETQSTATV
            Q_XGETNEXTQUOTA""");
    static final ConstTable TYPES = ConstTable.enumHex("???QUOTA", "USRQUOTA GRPQUOTA PRJQUOTA");
    static final ConstTable FORMATS = ConstTable.enumHex("QFMT_VFS_???", "QFMT_VFS_OLD QFMT_VFS_V0 QFMT_OCFS2 QFMT_VFS_V1");
    static final ConstTable DQBLK_VALID = ConstTable.flags("QIF_???",
            "QIF_BLIMITS QIF_SPACE QIF_ILIMITS QIF_INODES QIF_BTIME QIF_ITIME");
    static final ConstTable DQINFO_FLAGS = ConstTable.flags("DQF_???", "DQF_ROOT_SQUASH DQF_SYS_FILE");
    static final ConstTable DQINFO_VALID = ConstTable.flags("IIF_???", "IIF_BGRACE IIF_IGRACE IIF_FLAGS");
    static final ConstTable XFS_QUOTA_FLAGS = ConstTable.flags("FS_QUOTA_???", """
            FS_QUOTA_UDQ_ACCT FS_QUOTA_UDQ_ENFD FS_QUOTA_GDQ_ACCT FS_QUOTA_GDQ_ENFD FS_QUOTA_PDQ_ACCT
            FS_QUOTA_PDQ_ENFD""");
    static final ConstTable XFS_DQBLK_FLAGS = ConstTable.flags("FS_???_QUOTA",
            "FS_USER_QUOTA FS_PROJ_QUOTA FS_GROUP_QUOTA");
    private static final long SYNC = CMDS.parse("Q_SYNC"), QUOTAON = CMDS.parse("Q_QUOTAON"),
            QUOTAOFF = CMDS.parse("Q_QUOTAOFF"), GETFMT = CMDS.parse("Q_GETFMT"), GETINFO = CMDS.parse("Q_GETINFO"),
            SETINFO = CMDS.parse("Q_SETINFO"), GETQUOTA = CMDS.parse("Q_GETQUOTA"),
            SETQUOTA = CMDS.parse("Q_SETQUOTA"), GETNEXTQUOTA = CMDS.parse("Q_GETNEXTQUOTA"),
            XQUOTAON = CMDS.parse("Q_XQUOTAON"), XQUOTAOFF = CMDS.parse("Q_XQUOTAOFF"),
            XQUOTARM = CMDS.parse("Q_XQUOTARM"), XQUOTASYNC = CMDS.parse("Q_XQUOTASYNC"),
            XGETQUOTA = CMDS.parse("Q_XGETQUOTA"), XGETNEXTQUOTA = CMDS.parse("Q_XGETNEXTQUOTA"),
            XSETQLIM = CMDS.parse("Q_XSETQLIM"), XGETQSTAT = CMDS.parse("Q_XGETQSTAT"),
            XGETQSTATV = CMDS.parse("Q_XGETQSTATV");
    /** linux/quota.h's {@code struct if_dqblk} (Q_GETQUOTA, Q_SETQUOTA). */
    static final StructLayout IF_DQBLK = structLayout(JAVA_LONG.withName("dqb_bhardlimit"),
            JAVA_LONG.withName("dqb_bsoftlimit"), JAVA_LONG.withName("dqb_curspace"),
            JAVA_LONG.withName("dqb_ihardlimit"), JAVA_LONG.withName("dqb_isoftlimit"),
            JAVA_LONG.withName("dqb_curinodes"), JAVA_LONG.withName("dqb_btime"), JAVA_LONG.withName("dqb_itime"),
            JAVA_INT.withName("dqb_valid"), paddingLayout(4)).withName("struct if_dqblk");
    /** {@code struct if_nextdqblk} (Q_GETNEXTQUOTA): if_dqblk's members, then dqb_id. */
    static final StructLayout IF_NEXTDQBLK = structLayout(JAVA_LONG.withName("dqb_bhardlimit"),
            JAVA_LONG.withName("dqb_bsoftlimit"), JAVA_LONG.withName("dqb_curspace"),
            JAVA_LONG.withName("dqb_ihardlimit"), JAVA_LONG.withName("dqb_isoftlimit"),
            JAVA_LONG.withName("dqb_curinodes"), JAVA_LONG.withName("dqb_btime"), JAVA_LONG.withName("dqb_itime"),
            JAVA_INT.withName("dqb_valid"), JAVA_INT.withName("dqb_id")).withName("struct if_nextdqblk");
    /** {@code struct if_dqinfo} (Q_GETINFO, Q_SETINFO). */
    static final StructLayout IF_DQINFO = structLayout(JAVA_LONG.withName("dqi_bgrace"),
            JAVA_LONG.withName("dqi_igrace"), JAVA_INT.withName("dqi_flags"), JAVA_INT.withName("dqi_valid"))
            .withName("struct if_dqinfo");
    /** linux/dqblk_xfs.h's {@code struct fs_disk_quota} (Q_XGETQUOTA, Q_XSETQLIM). */
    static final StructLayout FS_DISK_QUOTA = structLayout(JAVA_BYTE.withName("d_version"),
            JAVA_BYTE.withName("d_flags"), JAVA_SHORT.withName("d_fieldmask"), JAVA_INT.withName("d_id"),
            JAVA_LONG.withName("d_blk_hardlimit"), JAVA_LONG.withName("d_blk_softlimit"),
            JAVA_LONG.withName("d_ino_hardlimit"), JAVA_LONG.withName("d_ino_softlimit"),
            JAVA_LONG.withName("d_bcount"), JAVA_LONG.withName("d_icount"), JAVA_INT.withName("d_itimer"),
            JAVA_INT.withName("d_btimer"), JAVA_SHORT.withName("d_iwarns"), JAVA_SHORT.withName("d_bwarns"),
            JAVA_BYTE.withName("d_itimer_hi"), JAVA_BYTE.withName("d_btimer_hi"), JAVA_BYTE.withName("d_rtbtimer_hi"),
            JAVA_BYTE.withName("d_padding2"), JAVA_LONG.withName("d_rtb_hardlimit"),
            JAVA_LONG.withName("d_rtb_softlimit"), JAVA_LONG.withName("d_rtbcount"), JAVA_INT.withName("d_rtbtimer"),
            JAVA_SHORT.withName("d_rtbwarns"), JAVA_SHORT.withName("d_padding3"),
            sequenceLayout(8, JAVA_BYTE).withName("d_padding4")).withName("struct fs_disk_quota");
    /** {@code struct fs_qfilestat} (in fs_quota_stat). */
    static final StructLayout FS_QFILESTAT = structLayout(JAVA_LONG.withName("qfs_ino"),
            JAVA_LONG.withName("qfs_nblks"), JAVA_INT.withName("qfs_nextents"), paddingLayout(4))
            .withName("struct fs_qfilestat");
    /** {@code struct fs_qfilestatv} (in fs_quota_statv). */
    static final StructLayout FS_QFILESTATV = structLayout(JAVA_LONG.withName("qfs_ino"),
            JAVA_LONG.withName("qfs_nblks"), JAVA_INT.withName("qfs_nextents"), JAVA_INT.withName("qfs_pad"))
            .withName("struct fs_qfilestatv");
    /** {@code struct fs_quota_stat} (Q_XGETQSTAT). */
    static final StructLayout FS_QUOTA_STAT = structLayout(JAVA_BYTE.withName("qs_version"), paddingLayout(1),
            JAVA_SHORT.withName("qs_flags"), JAVA_BYTE.withName("qs_pad"), paddingLayout(3),
            FS_QFILESTAT.withName("qs_uquota"), FS_QFILESTAT.withName("qs_gquota"), JAVA_INT.withName("qs_incoredqs"),
            JAVA_INT.withName("qs_btimelimit"), JAVA_INT.withName("qs_itimelimit"),
            JAVA_INT.withName("qs_rtbtimelimit"), JAVA_SHORT.withName("qs_bwarnlimit"),
            JAVA_SHORT.withName("qs_iwarnlimit"), paddingLayout(4)).withName("struct fs_quota_stat");
    /** {@code struct fs_quota_statv} (Q_XGETQSTATV). */
    static final StructLayout FS_QUOTA_STATV = structLayout(JAVA_BYTE.withName("qs_version"),
            JAVA_BYTE.withName("qs_pad1"), JAVA_SHORT.withName("qs_flags"), JAVA_INT.withName("qs_incoredqs"),
            FS_QFILESTATV.withName("qs_uquota"), FS_QFILESTATV.withName("qs_gquota"),
            FS_QFILESTATV.withName("qs_pquota"), JAVA_INT.withName("qs_btimelimit"), JAVA_INT.withName("qs_itimelimit"),
            JAVA_INT.withName("qs_rtbtimelimit"), JAVA_SHORT.withName("qs_bwarnlimit"),
            JAVA_SHORT.withName("qs_iwarnlimit"), JAVA_SHORT.withName("qs_rtbwarnlimit"), JAVA_SHORT.withName("qs_pad3"),
            JAVA_INT.withName("qs_pad4"), sequenceLayout(7, JAVA_LONG).withName("qs_pad2"))
            .withName("struct fs_quota_statv");
    /** The layouts above with their headers, for the probe. */
    static final List<CallStructLayouts.Declared> LAYOUTS = List.of(
            new CallStructLayouts.Declared(IF_DQBLK, "#include <linux/quota.h>\n"),
            new CallStructLayouts.Declared(IF_NEXTDQBLK, "#include <linux/quota.h>\n"),
            new CallStructLayouts.Declared(IF_DQINFO, "#include <linux/quota.h>\n"),
            new CallStructLayouts.Declared(FS_DISK_QUOTA, "#include <linux/dqblk_xfs.h>\n"),
            new CallStructLayouts.Declared(FS_QFILESTAT, "#include <linux/dqblk_xfs.h>\n"),
            new CallStructLayouts.Declared(FS_QFILESTATV, "#include <linux/dqblk_xfs.h>\n"),
            new CallStructLayouts.Declared(FS_QUOTA_STAT, "#include <linux/dqblk_xfs.h>\n"),
            new CallStructLayouts.Declared(FS_QUOTA_STATV, "#include <linux/dqblk_xfs.h>\n"));
    private static final int DQBLK_SIZE = StructLayouts.size(IF_DQBLK), NEXTDQBLK_SIZE = StructLayouts.size(IF_NEXTDQBLK),
            DQINFO_SIZE = StructLayouts.size(IF_DQINFO), DISK_QUOTA_SIZE = StructLayouts.size(FS_DISK_QUOTA),
            QSTAT_SIZE = StructLayouts.size(FS_QUOTA_STAT), QSTATV_SIZE = StructLayouts.size(FS_QUOTA_STATV);
    /** if_dqblk's members strace prints always, then those only under -v (if_nextdqblk begins the same). */
    private static final String[] DQBLK_ALWAYS = {"dqb_bhardlimit", "dqb_bsoftlimit", "dqb_curspace",
        "dqb_ihardlimit", "dqb_isoftlimit", "dqb_curinodes"};
    private static final Member DQB_BTIME = Member.of(IF_DQBLK, "dqb_btime"),
            DQB_ITIME = Member.of(IF_DQBLK, "dqb_itime"), DQB_VALID = Member.of(IF_DQBLK, "dqb_valid"),
            DQB_ID = Member.of(IF_NEXTDQBLK, "dqb_id");
    private static final String[] DISK_QUOTA_LIMITS = {"d_blk_hardlimit", "d_blk_softlimit", "d_ino_hardlimit",
        "d_ino_softlimit", "d_bcount", "d_icount"};
    private static final Member D_VERSION = Member.of(FS_DISK_QUOTA, "d_version"),
            D_FLAGS = Member.of(FS_DISK_QUOTA, "d_flags"), D_FIELDMASK = Member.of(FS_DISK_QUOTA, "d_fieldmask"),
            D_ID = Member.of(FS_DISK_QUOTA, "d_id"), D_ITIMER = Member.of(FS_DISK_QUOTA, "d_itimer"),
            D_BTIMER = Member.of(FS_DISK_QUOTA, "d_btimer"), D_IWARNS = Member.of(FS_DISK_QUOTA, "d_iwarns"),
            D_BWARNS = Member.of(FS_DISK_QUOTA, "d_bwarns"),
            D_RTB_HARDLIMIT = Member.of(FS_DISK_QUOTA, "d_rtb_hardlimit"),
            D_RTB_SOFTLIMIT = Member.of(FS_DISK_QUOTA, "d_rtb_softlimit"),
            D_RTBCOUNT = Member.of(FS_DISK_QUOTA, "d_rtbcount"), D_RTBTIMER = Member.of(FS_DISK_QUOTA, "d_rtbtimer"),
            D_RTBWARNS = Member.of(FS_DISK_QUOTA, "d_rtbwarns");
    private static final Member DQI_BGRACE = Member.of(IF_DQINFO, "dqi_bgrace"),
            DQI_IGRACE = Member.of(IF_DQINFO, "dqi_igrace"), DQI_FLAGS = Member.of(IF_DQINFO, "dqi_flags"),
            DQI_VALID = Member.of(IF_DQINFO, "dqi_valid");
    /** A u32 through the pointer (Q_GETFMT's format, the XFS flag words). */
    private static final int U32 = Integer.BYTES;

    /** The formats, by syscall name. */
    static final Map<String, CallFormat> FORMATS_BY_NAME = Map.of(
            "quotactl", new Quotactl(false), "quotactl_fd", new Quotactl(true));

    private QuotaFormats() {}

    /** strace's print_qcmd: QCMD(cmd, type) always abbreviated, the number first unless -X abbrev. */
    private static Value qcmd(CallContext c, long qcmd) {
        String q = "QCMD(" + CMDS.render(qcmd >>> 8, DecodeOptions.Xlat.ABBREV) + ", "
                + TYPES.render(qcmd & 0xff, DecodeOptions.Xlat.ABBREV) + ")";
        return switch (c.opt.xlat()) {
            case ABBREV -> new Value.Text(q);
            case RAW -> new Value.Text(Long.toString(qcmd));
            case VERBOSE -> new Value.Text(qcmd + " /* " + q + " */");
        };
    }

    /** quotactl(cmd, special, id, addr) and quotactl_fd(fd, cmd, id, addr). */
    static final class Quotactl implements CallFormat {
        private static final ArgListFormat.Arg PATH = ArgListFormat.path(), FD = ArgListFormat.fd();
        private final boolean byFd;

        Quotactl(boolean byFd) {
            this.byFd = byFd;
        }

        private long qcmd(long[] args) {
            return args[byFd ? 1 : 0] & 0xffffffffL;
        }

        @Override
        public void captureEntry(Arch arch, long[] args, TraceeMemory mem, DecodeOptions opt) {
            if (byFd) FD.capture(args[0], mem, opt);
            else PATH.capture(args[1], mem, opt);
            long cmd = qcmd(args) >>> 8;
            long a = args[3];
            if (a == 0) return;
            if (cmd == QUOTAON) PATH.capture(a, mem, opt);
            else if (cmd == SETQUOTA) mem.bytes(a, DQBLK_SIZE);
            else if (cmd == SETINFO) mem.bytes(a, DQINFO_SIZE);
            else if (cmd == XSETQLIM) mem.bytes(a, DISK_QUOTA_SIZE);
            else if (cmd == XQUOTAON || cmd == XQUOTAOFF || cmd == XQUOTARM) mem.bytes(a, U32);
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            long cmd = qcmd(args) >>> 8;
            long a = args[3];
            if (a == 0) return;
            if (cmd == GETQUOTA) mem.bytes(a, DQBLK_SIZE);
            else if (cmd == GETNEXTQUOTA) mem.bytes(a, NEXTDQBLK_SIZE);
            else if (cmd == GETINFO) mem.bytes(a, DQINFO_SIZE);
            else if (cmd == GETFMT) mem.bytes(a, U32);
            else if (cmd == XGETQUOTA || cmd == XGETNEXTQUOTA) mem.bytes(a, DISK_QUOTA_SIZE);
            else if (cmd == XGETQSTAT) mem.bytes(a, QSTAT_SIZE);
            else if (cmd == XGETQSTATV) mem.bytes(a, QSTATV_SIZE);
        }

        @Override
        public Decoded decode(CallContext c) {
            long qcmd = qcmd(c.args), cmd = qcmd >>> 8, a = c.arg(3);
            Value id = ArgDecoder.uid(c.arg(2));
            List<Value> out = new ArrayList<>(4);
            if (byFd) {
                out.add(FD.decode(c, 0));
                out.add(QuotaFormats.qcmd(c, qcmd));
            } else {
                out.add(QuotaFormats.qcmd(c, qcmd));
                out.add(PATH.decode(c, 1));
            }
            int entry;
            if (cmd == QUOTAOFF || cmd == SYNC || cmd == XQUOTASYNC) {
                return Decoded.atEntry(out);
            } else if (cmd == QUOTAON) {
                out.add(FORMATS.sym(c.arg(2) & 0xffffffffL));
                out.add(PATH.decode(c, 3));
                return Decoded.atEntry(out);
            } else if (cmd == SETQUOTA) {
                out.add(id);
                out.add(dqblk(c, c.in, a, false));
                return Decoded.atEntry(out);
            } else if (cmd == GETQUOTA || cmd == GETNEXTQUOTA) {
                out.add(id);
                entry = out.size();
                out.add(c.succeeded() ? dqblk(c, c.out, a, cmd == GETNEXTQUOTA) : new Value.Ptr(a));
            } else if (cmd == SETINFO) {
                out.add(dqinfo(c.in, a));
                return Decoded.atEntry(out);
            } else if (cmd == GETINFO) {
                entry = out.size();
                out.add(c.succeeded() ? dqinfo(c.out, a) : new Value.Ptr(a));
            } else if (cmd == GETFMT) {
                entry = out.size();
                byte[] b = c.succeeded() ? MemoryView.struct(c.out, a, U32) : null;
                out.add(b == null ? new Value.Ptr(a)
                        : new Value.Text("[" + c.text(FORMATS.sym(MemoryView.u32(b, 0))) + "]"));
            } else if (cmd == XSETQLIM) {
                out.add(id);
                out.add(diskQuota(c, c.in, a));
                return Decoded.atEntry(out);
            } else if (cmd == XGETQUOTA || cmd == XGETNEXTQUOTA) {
                out.add(id);
                entry = out.size();
                out.add(c.succeeded() ? diskQuota(c, c.out, a) : new Value.Ptr(a));
            } else if (cmd == XGETQSTAT || cmd == XGETQSTATV) {
                entry = out.size();
                out.add(c.succeeded() ? quotaStat(c, a, cmd == XGETQSTATV) : new Value.Ptr(a));
            } else if (cmd == XQUOTAON || cmd == XQUOTAOFF || cmd == XQUOTARM) {
                byte[] b = MemoryView.struct(c.in, a, U32);
                ConstTable t = cmd == XQUOTARM ? XFS_DQBLK_FLAGS : XFS_QUOTA_FLAGS;
                out.add(b == null ? new Value.Ptr(a) : new Value.Text("[" + c.text(t.sym(MemoryView.u32(b, 0))) + "]"));
                return Decoded.atEntry(out);
            } else {
                out.add(id);
                out.add(new Value.Ptr(a));
                return Decoded.atEntry(out);
            }
            return new Decoded(out, entry, null);
        }

        private static Value dqblk(CallContext c, Snapshot mem, long a, boolean next) {
            byte[] b = MemoryView.struct(mem, a, next ? NEXTDQBLK_SIZE : DQBLK_SIZE);
            if (b == null) return new Value.Ptr(a);
            List<Value.Field> fs = new ArrayList<>(11);
            for (String name : DQBLK_ALWAYS) fs.add(f(name, udec(b, Member.of(IF_DQBLK, name))));
            boolean more = !c.opt.verbose();
            if (!more) {
                fs.add(f("dqb_btime", udec(b, DQB_BTIME)));
                fs.add(f("dqb_itime", udec(b, DQB_ITIME)));
                fs.add(f("dqb_valid", DQBLK_VALID.sym(DQB_VALID.u(b))));
            }
            if (next) fs.add(f("dqb_id", new Value.Num(DQB_ID.u(b), Value.Radix.DEC)));
            return new Value.Struct(fs, more);
        }

        /** strace's fs_disk_quota: the limits and counts, the timers and warnings only under -v. */
        private static Value diskQuota(CallContext c, Snapshot mem, long a) {
            byte[] b = MemoryView.struct(mem, a, DISK_QUOTA_SIZE);
            if (b == null) return new Value.Ptr(a);
            List<Value.Field> fs = new ArrayList<>(20);
            fs.add(f("d_version", dec(D_VERSION.s(b))));
            fs.add(f("d_flags", XFS_DQBLK_FLAGS.sym(D_FLAGS.u(b))));
            fs.add(f("d_fieldmask", new Value.Num(D_FIELDMASK.u(b), Value.Radix.HEX)));
            fs.add(f("d_id", dec(D_ID.u(b))));
            for (String name : DISK_QUOTA_LIMITS) fs.add(f(name, udec(b, Member.of(FS_DISK_QUOTA, name))));
            boolean more = !c.opt.verbose();
            if (!more) {
                fs.add(f("d_itimer", dec(D_ITIMER.s(b))));
                fs.add(f("d_btimer", dec(D_BTIMER.s(b))));
                fs.add(f("d_iwarns", dec(D_IWARNS.u(b))));
                fs.add(f("d_bwarns", dec(D_BWARNS.u(b))));
                fs.add(f("d_rtb_hardlimit", udec(b, D_RTB_HARDLIMIT)));
                fs.add(f("d_rtb_softlimit", udec(b, D_RTB_SOFTLIMIT)));
                fs.add(f("d_rtbcount", udec(b, D_RTBCOUNT)));
                fs.add(f("d_rtbtimer", dec(D_RTBTIMER.s(b))));
                fs.add(f("d_rtbwarns", dec(D_RTBWARNS.u(b))));
            }
            return new Value.Struct(fs, more);
        }

        /** fs_quota_stat / fs_quota_statv: the version, the rest only under -v. */
        private static Value quotaStat(CallContext c, long a, boolean v) {
            StructLayout l = v ? FS_QUOTA_STATV : FS_QUOTA_STAT;
            byte[] b = MemoryView.struct(c.out, a, StructLayouts.size(l));
            if (b == null) return new Value.Ptr(a);
            List<Value.Field> fs = new ArrayList<>(12);
            fs.add(f("qs_version", dec(Member.of(l, "qs_version").s(b))));
            boolean more = !c.opt.verbose();
            if (!more) {
                fs.add(f("qs_flags", XFS_QUOTA_FLAGS.sym(Member.of(l, "qs_flags").u(b))));
                Value incore = dec(Member.of(l, "qs_incoredqs").u(b));
                if (v) fs.add(f("qs_incoredqs", incore));
                fs.add(f("qs_uquota", filestat(b, l, "qs_uquota")));
                fs.add(f("qs_gquota", filestat(b, l, "qs_gquota")));
                if (v) fs.add(f("qs_pquota", filestat(b, l, "qs_pquota")));
                else fs.add(f("qs_incoredqs", incore));
                for (String name : List.of("qs_btimelimit", "qs_itimelimit", "qs_rtbtimelimit")) {
                    fs.add(f(name, dec(Member.of(l, name).s(b))));
                }
                for (String name : List.of("qs_bwarnlimit", "qs_iwarnlimit")) {
                    fs.add(f(name, dec(Member.of(l, name).u(b))));
                }
            }
            return new Value.Struct(fs, more);
        }

        /** struct fs_qfilestat(v) {@code member} of {@code l}: qfs_ino, qfs_nblks, qfs_nextents. */
        private static Value filestat(byte[] b, StructLayout l, String member) {
            return new Value.Struct(List.of(f("qfs_ino", udec(b, Member.of(l, member + ".qfs_ino"))),
                    f("qfs_nblks", udec(b, Member.of(l, member + ".qfs_nblks"))),
                    f("qfs_nextents", dec(Member.of(l, member + ".qfs_nextents").u(b)))), false);
        }

        private static Value dqinfo(Snapshot mem, long a) {
            byte[] b = MemoryView.struct(mem, a, DQINFO_SIZE);
            if (b == null) return new Value.Ptr(a);
            return new Value.Struct(List.of(f("dqi_bgrace", udec(b, DQI_BGRACE)), f("dqi_igrace", udec(b, DQI_IGRACE)),
                    f("dqi_flags", DQINFO_FLAGS.sym(DQI_FLAGS.u(b))),
                    f("dqi_valid", DQINFO_VALID.sym(DQI_VALID.u(b)))), false);
        }

        private static Value udec(byte[] b, Member m) {
            return new Value.Num(m.u(b), Value.Radix.UDEC);
        }

        private static Value dec(long v) {
            return new Value.Num(v, Value.Radix.DEC);
        }
    }
}
