package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The MTD ('M') requests as strace 6.1's src/mtd.c prints them: erase and OOB buffers,
 * mtd_write_req, otp_info and OTPSELECT's mode, the bad-block offsets, and the getters'
 * mtd_info_user, nand_oobinfo, nand_ecclayout_user, mtd_ecc_stats and region counts;
 * MEMGETREGIONINFO prints its index at entry and the region after the call. The request
 * names ({@code MIXER_READ(17) or ECCGETLAYOUT}) are {@link IoctlRequests}'.
 */
final class MtdIoctls extends DeclaredIoctls {
    /** The structs (a class of their own, read by the constructor whatever the initialisation order). */
    static final class Layouts {
        private Layouts() {}

        static final StructLayout ERASE_INFO = structLayout(JAVA_INT.withName("start"), JAVA_INT.withName("length"))
                .withName("struct erase_info_user");
        static final StructLayout ERASE_INFO64 = structLayout(JAVA_LONG.withName("start"), JAVA_LONG.withName("length"))
                .withName("struct erase_info_user64");
        static final StructLayout OOB_BUF = structLayout(JAVA_INT.withName("start"), JAVA_INT.withName("length"),
                JAVA_LONG.withName("ptr")).withName("struct mtd_oob_buf");
        static final StructLayout OOB_BUF64 = structLayout(JAVA_LONG.withName("start"), JAVA_INT.withName("pad"),
                JAVA_INT.withName("length"), JAVA_LONG.withName("usr_ptr")).withName("struct mtd_oob_buf64");
        static final StructLayout OTP_INFO = structLayout(JAVA_INT.withName("start"), JAVA_INT.withName("length"),
                JAVA_INT.withName("locked")).withName("struct otp_info");
        static final StructLayout WRITE_REQ = structLayout(JAVA_LONG.withName("start"), JAVA_LONG.withName("len"),
                JAVA_LONG.withName("ooblen"), JAVA_LONG.withName("usr_data"), JAVA_LONG.withName("usr_oob"),
                JAVA_BYTE.withName("mode"), sequenceLayout(7, JAVA_BYTE).withName("padding"))
                .withName("struct mtd_write_req");
        static final StructLayout INFO_USER = structLayout(JAVA_BYTE.withName("type"), paddingLayout(3),
                JAVA_INT.withName("flags"), JAVA_INT.withName("size"), JAVA_INT.withName("erasesize"),
                JAVA_INT.withName("writesize"), JAVA_INT.withName("oobsize"), JAVA_LONG.withName("padding"))
                .withName("struct mtd_info_user");
        static final StructLayout OOBINFO = structLayout(JAVA_INT.withName("useecc"), JAVA_INT.withName("eccbytes"),
                sequenceLayout(16, JAVA_INT).withName("oobfree"), sequenceLayout(32, JAVA_INT).withName("eccpos"))
                .withName("struct nand_oobinfo");
        static final StructLayout OOBFREE = structLayout(JAVA_INT.withName("offset"), JAVA_INT.withName("length"))
                .withName("struct nand_oobfree");
        static final StructLayout ECCLAYOUT = structLayout(JAVA_INT.withName("eccbytes"),
                sequenceLayout(64, JAVA_INT).withName("eccpos"), JAVA_INT.withName("oobavail"),
                sequenceLayout(8, OOBFREE).withName("oobfree")).withName("struct nand_ecclayout_user");
        static final StructLayout ECC_STATS = structLayout(JAVA_INT.withName("corrected"), JAVA_INT.withName("failed"),
                JAVA_INT.withName("badblocks"), JAVA_INT.withName("bbtblocks")).withName("struct mtd_ecc_stats");
        static final StructLayout REGION_INFO = structLayout(JAVA_INT.withName("offset"), JAVA_INT.withName("erasesize"),
                JAVA_INT.withName("numblocks"), JAVA_INT.withName("regionindex")).withName("struct region_info_user");

        /** Every layout with its header, for the probe. */
        static final List<CallStructLayouts.Declared> ALL = java.util.stream.Stream.of(ERASE_INFO, ERASE_INFO64,
                OOB_BUF, OOB_BUF64, OTP_INFO, WRITE_REQ, INFO_USER, OOBINFO, OOBFREE, ECCLAYOUT, ECC_STATS, REGION_INFO)
                .map(l -> new CallStructLayouts.Declared(l, "#include <mtd/mtd-abi.h>\n")).toList();
    }

    /** src/xlat/mtd_mode_options.in, mtd_file_mode_options.in, mtd_type_options.in, ... */
    static final ConstTable MODES = ConstTable.enumHex("MTD_OPS_???", "MTD_OPS_PLACE_OOB MTD_OPS_AUTO_OOB MTD_OPS_RAW");
    static final ConstTable FILE_MODES = ConstTable.enumHex("MTD_FILE_MODE_???", "MTD_FILE_MODE_NORMAL"
            + " MTD_FILE_MODE_OTP_FACTORY MTD_FILE_MODE_OTP_USER MTD_FILE_MODE_RAW");
    static final ConstTable TYPES = ConstTable.enumHex("MTD_???", "MTD_ABSENT MTD_RAM MTD_ROM MTD_NORFLASH"
            + " MTD_NANDFLASH MTD_DATAFLASH MTD_UBIVOLUME MTD_MLCNANDFLASH");
    static final ConstTable FLAGS = ConstTable.flags("MTD_???", "MTD_WRITEABLE MTD_BIT_WRITEABLE MTD_NO_ERASE"
            + " MTD_POWERUP_LOCK MTD_SLC_ON_MLC_EMULATION");
    static final ConstTable OTP = ConstTable.enumHex("MTD_OTP_???", "MTD_OTP_OFF MTD_OTP_FACTORY MTD_OTP_USER");
    static final ConstTable NANDECC = ConstTable.enumHex("MTD_NANDECC_???", "MTD_NANDECC_OFF MTD_NANDECC_PLACE"
            + " MTD_NANDECC_AUTOPLACE MTD_NANDECC_PLACEONLY MTD_NANDECC_AUTOPL_USR");

    private static final long GETREGIONINFO = IoctlRequests.required("MEMGETREGIONINFO");

    MtdIoctls() {
        entry("MEMERASE MEMLOCK MEMUNLOCK MEMISLOCKED", size(Layouts.ERASE_INFO), (c, b, a) -> fields(b, Layouts.ERASE_INFO,
                "x:start x:length"));
        entry("MEMERASE64", size(Layouts.ERASE_INFO64), (c, b, a) -> fields(b, Layouts.ERASE_INFO64, "x:start x:length"));
        entry("MEMWRITEOOB MEMREADOOB", size(Layouts.OOB_BUF), (c, b, a) -> fields(b, Layouts.OOB_BUF, "x:start x:length p:ptr"));
        entry("MEMWRITEOOB64 MEMREADOOB64", size(Layouts.OOB_BUF64), (c, b, a) -> fields(b, Layouts.OOB_BUF64,
                "x:start x:length p:usr_ptr"));
        entry("MEMWRITE", size(Layouts.WRITE_REQ), (c, b, a) -> {
            Value.Struct s = fields(b, Layouts.WRITE_REQ, "x:start x:len x:ooblen p:usr_data p:usr_oob");
            List<Value.Field> fs = new ArrayList<>(s.fields());
            fs.add(f("mode", MODES.sym(Member.of(Layouts.WRITE_REQ, "mode").u(b))));
            return new Value.Struct(fs, false);
        });
        exit("OTPGETREGIONINFO", size(Layouts.OTP_INFO), MtdIoctls::otpInfo);
        entry("OTPLOCK", size(Layouts.OTP_INFO), MtdIoctls::otpInfo);
        entry("OTPSELECT", 4, (c, b, a) -> boxed(OTP.sym(MemoryView.u32(b, 0))));
        value("MTDFILEMODE", (c, a) -> FILE_MODES.sym(a));
        entry("MEMGETBADBLOCK MEMSETBADBLOCK", 8, (c, b, a) -> boxed(u(MemoryView.u64(b, 0))));
        exit("MEMGETINFO", size(Layouts.INFO_USER), (c, b, a) -> {
            List<Value.Field> fs = new ArrayList<>(7);
            fs.add(f("type", TYPES.sym(Member.of(Layouts.INFO_USER, "type").u(b))));
            fs.add(f("flags", FLAGS.sym(Member.of(Layouts.INFO_USER, "flags").u(b))));
            fs.addAll(fields(b, Layouts.INFO_USER, "x:size x:erasesize x:writesize x:oobsize x:padding").fields());
            return new Value.Struct(fs, false);
        });
        exit("MEMGETOOBSEL", size(Layouts.OOBINFO), (c, b, a) -> {
            int free = StructLayouts.offset(Layouts.OOBINFO, "oobfree"), pos = StructLayouts.offset(Layouts.OOBINFO, "eccpos");
            return new Value.Struct(List.of(f("useecc", NANDECC.sym(Member.of(Layouts.OOBINFO, "useecc").u(b))),
                    f("eccbytes", x(Member.of(Layouts.OOBINFO, "eccbytes").u(b))),
                    f("oobfree", IoctlFields.localArray(c, b, free, 8, 8, 8, (bb, o) -> IoctlFields.hexArray32(bb, o, 2))),
                    f("eccpos", IoctlFields.localArray(c, b, pos, 32, 32, 4, MtdIoctls::hex32))), false);
        });
        exit("ECCGETLAYOUT", size(Layouts.ECCLAYOUT), (c, b, a) -> {
            int pos = StructLayouts.offset(Layouts.ECCLAYOUT, "eccpos"), free = StructLayouts.offset(Layouts.ECCLAYOUT, "oobfree");
            int one = size(Layouts.OOBFREE);
            return new Value.Struct(List.of(f("eccbytes", x(Member.of(Layouts.ECCLAYOUT, "eccbytes").u(b))),
                    f("eccpos", IoctlFields.localArray(c, b, pos, 64, 64, 4, MtdIoctls::hex32)),
                    f("oobavail", x(Member.of(Layouts.ECCLAYOUT, "oobavail").u(b))),
                    f("oobfree", IoctlFields.localArray(c, b, free, 8, 8, one,
                            (bb, o) -> fields(bb, o, Layouts.OOBFREE, "x:offset x:length")))), false);
        });
        exit("ECCGETSTATS", size(Layouts.ECC_STATS), (c, b, a) -> fields(b, Layouts.ECC_STATS,
                "x:corrected x:failed x:badblocks x:bbtblocks"));
        exit("OTPGETREGIONCOUNT", 4, (c, b, a) -> boxed(u(MemoryView.u32(b, 0))));
        exit("MEMGETREGIONCOUNT", 4, (c, b, a) -> boxed(d(MemoryView.s32(b, 0))));
        entry("MEMGETREGIONINFO", size(Layouts.REGION_INFO), (c, b, a) -> null);
    }

    @Override
    public List<CallStructLayouts.Declared> layouts() {
        return Layouts.ALL;
    }

    private static int size(StructLayout l) {
        return StructLayouts.size(l);
    }

    private static Value hex32(byte[] b, int off) {
        return x(MemoryView.u32(b, off));
    }

    private static Value otpInfo(CallContext c, byte[] b, long a) {
        return fields(b, Layouts.OTP_INFO, "x:start x:length u:locked");
    }

    @Override
    public void captureExit(long req, long arg, long rval, TraceeMemory mem, DecodeOptions opt) {
        if (req == GETREGIONINFO && arg != 0) mem.bytes(arg, size(Layouts.REGION_INFO));
        else super.captureExit(req, arg, rval, mem, opt);
    }

    @Override
    public Value arg(CallContext c, long req, long a) {
        if (req != GETREGIONINFO) return super.arg(c, req, a);
        // The index at entry; the region strace reads after the call unless it failed.
        byte[] in = IoctlFields.struct(c.in, a, size(Layouts.REGION_INFO));
        if (in == null) return IoctlFields.addr(a);
        List<Value.Field> fs = new ArrayList<>(4);
        fs.add(f("regionindex", x(Member.of(Layouts.REGION_INFO, "regionindex").u(in))));
        byte[] out = c.succeeded() ? IoctlFields.struct(c.out, a, size(Layouts.REGION_INFO)) : null;
        if (out != null) fs.addAll(fields(out, Layouts.REGION_INFO, "x:offset x:erasesize x:numblocks").fields());
        return new Value.Struct(fs, false);
    }
}
