package dev.jstrace.decode;

import static dev.jstrace.decode.StructDecoders.f;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
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
    /** linux/dqblk_xfs.h's fs_disk_quota (112 bytes), fs_quota_stat (80) and fs_quota_statv (160). */
    private static final int DISK_QUOTA_SIZE = 112, QSTAT_SIZE = 80, QSTATV_SIZE = 160;
    /** linux/quota.h's struct if_dqblk: eight __u64 then __u32 dqb_valid (72 with padding). */
    private static final int DQBLK_SIZE = 72, DQB_VALID = 64;
    /** struct if_nextdqblk: if_dqblk's members, then __u32 dqb_id at 68. */
    private static final int NEXTDQBLK_SIZE = 72, DQB_ID = 68;
    /** struct if_dqinfo: __u64 dqi_bgrace, dqi_igrace, __u32 dqi_flags, dqi_valid. */
    private static final int DQINFO_SIZE = 24;
    private static final String[] DQBLK_U64 = {"dqb_bhardlimit", "dqb_bsoftlimit", "dqb_curspace",
        "dqb_ihardlimit", "dqb_isoftlimit", "dqb_curinodes"};

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
            else if (cmd == XQUOTAON || cmd == XQUOTAOFF || cmd == XQUOTARM) mem.bytes(a, Integer.BYTES);
        }

        @Override
        public void captureExit(Arch arch, long[] args, long rval, TraceeMemory mem, DecodeOptions opt) {
            long cmd = qcmd(args) >>> 8;
            long a = args[3];
            if (a == 0) return;
            if (cmd == GETQUOTA) mem.bytes(a, DQBLK_SIZE);
            else if (cmd == GETNEXTQUOTA) mem.bytes(a, NEXTDQBLK_SIZE);
            else if (cmd == GETINFO) mem.bytes(a, DQINFO_SIZE);
            else if (cmd == GETFMT) mem.bytes(a, Integer.BYTES);
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
                byte[] b = c.succeeded() ? MemoryView.struct(c.out, a, Integer.BYTES) : null;
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
                byte[] b = MemoryView.struct(c.in, a, Integer.BYTES);
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
            for (int i = 0; i < DQBLK_U64.length; i++) fs.add(f(DQBLK_U64[i], u64(b, 8 * i)));
            boolean more = !c.opt.verbose();
            if (!more) {
                fs.add(f("dqb_btime", u64(b, 48)));
                fs.add(f("dqb_itime", u64(b, 56)));
                fs.add(f("dqb_valid", DQBLK_VALID.sym(MemoryView.u32(b, DQB_VALID))));
            }
            if (next) fs.add(f("dqb_id", new Value.Num(MemoryView.u32(b, DQB_ID), Value.Radix.DEC)));
            return new Value.Struct(fs, more);
        }

        /** strace's fs_disk_quota: the limits and counts, the timers and warnings only under -v. */
        private static Value diskQuota(CallContext c, Snapshot mem, long a) {
            byte[] b = MemoryView.struct(mem, a, DISK_QUOTA_SIZE);
            if (b == null) return new Value.Ptr(a);
            List<Value.Field> fs = new ArrayList<>(20);
            fs.add(f("d_version", new Value.Num(b[0], Value.Radix.DEC)));
            fs.add(f("d_flags", XFS_DQBLK_FLAGS.sym(b[1] & 0xff)));
            fs.add(f("d_fieldmask", new Value.Num(MemoryView.u16(b, 2), Value.Radix.HEX)));
            fs.add(f("d_id", new Value.Num(MemoryView.u32(b, 4), Value.Radix.DEC)));
            String[] limits = {"d_blk_hardlimit", "d_blk_softlimit", "d_ino_hardlimit", "d_ino_softlimit", "d_bcount",
                "d_icount"};
            for (int i = 0; i < limits.length; i++) fs.add(f(limits[i], u64(b, 8 + 8 * i)));
            boolean more = !c.opt.verbose();
            if (!more) {
                fs.add(f("d_itimer", new Value.Num(MemoryView.s32(b, 56), Value.Radix.DEC)));
                fs.add(f("d_btimer", new Value.Num(MemoryView.s32(b, 60), Value.Radix.DEC)));
                fs.add(f("d_iwarns", new Value.Num(MemoryView.u16(b, 64), Value.Radix.DEC)));
                fs.add(f("d_bwarns", new Value.Num(MemoryView.u16(b, 66), Value.Radix.DEC)));
                fs.add(f("d_rtb_hardlimit", u64(b, 72)));
                fs.add(f("d_rtb_softlimit", u64(b, 80)));
                fs.add(f("d_rtbcount", u64(b, 88)));
                fs.add(f("d_rtbtimer", new Value.Num(MemoryView.s32(b, 96), Value.Radix.DEC)));
                fs.add(f("d_rtbwarns", new Value.Num(MemoryView.u16(b, 100), Value.Radix.DEC)));
            }
            return new Value.Struct(fs, more);
        }

        /** fs_quota_stat / fs_quota_statv: the version, the rest only under -v. */
        private static Value quotaStat(CallContext c, long a, boolean v) {
            byte[] b = MemoryView.struct(c.out, a, v ? QSTATV_SIZE : QSTAT_SIZE);
            if (b == null) return new Value.Ptr(a);
            List<Value.Field> fs = new ArrayList<>(12);
            fs.add(f("qs_version", new Value.Num(b[0], Value.Radix.DEC)));
            boolean more = !c.opt.verbose();
            if (!more) {
                fs.add(f("qs_flags", XFS_QUOTA_FLAGS.sym(MemoryView.u16(b, 2))));
                if (v) {
                    fs.add(f("qs_incoredqs", new Value.Num(MemoryView.u32(b, 4), Value.Radix.DEC)));
                    fs.add(f("qs_uquota", filestat(b, 8)));
                    fs.add(f("qs_gquota", filestat(b, 32)));
                    fs.add(f("qs_pquota", filestat(b, 56)));
                } else {
                    fs.add(f("qs_uquota", filestat(b, 8)));
                    fs.add(f("qs_gquota", filestat(b, 32)));
                    fs.add(f("qs_incoredqs", new Value.Num(MemoryView.u32(b, 56), Value.Radix.DEC)));
                }
                int t = v ? 80 : 60;
                fs.add(f("qs_btimelimit", new Value.Num(MemoryView.s32(b, t), Value.Radix.DEC)));
                fs.add(f("qs_itimelimit", new Value.Num(MemoryView.s32(b, t + 4), Value.Radix.DEC)));
                fs.add(f("qs_rtbtimelimit", new Value.Num(MemoryView.s32(b, t + 8), Value.Radix.DEC)));
                fs.add(f("qs_bwarnlimit", new Value.Num(MemoryView.u16(b, t + 12), Value.Radix.DEC)));
                fs.add(f("qs_iwarnlimit", new Value.Num(MemoryView.u16(b, t + 14), Value.Radix.DEC)));
            }
            return new Value.Struct(fs, more);
        }

        /** struct fs_qfilestat(v): __u64 qfs_ino, __u64 qfs_nblks, __u32 qfs_nextents. */
        private static Value filestat(byte[] b, int off) {
            return new Value.Struct(List.of(f("qfs_ino", u64(b, off)), f("qfs_nblks", u64(b, off + 8)),
                    f("qfs_nextents", new Value.Num(MemoryView.u32(b, off + 16), Value.Radix.DEC))), false);
        }

        private static Value dqinfo(Snapshot mem, long a) {
            byte[] b = MemoryView.struct(mem, a, DQINFO_SIZE);
            if (b == null) return new Value.Ptr(a);
            return new Value.Struct(List.of(f("dqi_bgrace", u64(b, 0)), f("dqi_igrace", u64(b, 8)),
                    f("dqi_flags", DQINFO_FLAGS.sym(MemoryView.u32(b, 16))),
                    f("dqi_valid", DQINFO_VALID.sym(MemoryView.u32(b, 20)))), false);
        }

        private static Value u64(byte[] b, int off) {
            return new Value.Num(MemoryView.u64(b, off), Value.Radix.UDEC);
        }
    }
}
