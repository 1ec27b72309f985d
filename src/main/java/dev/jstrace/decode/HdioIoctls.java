package dev.jstrace.decode;

import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The HDIO ('\3') requests as strace 6.1 prints them (src/hdio.c and the generated
 * src/gen/gen_hdio.c): HDIO_GETGEO's struct hd_geometry and HDIO_DRIVE_CMD's header and
 * reply, the kernel_ulong getters ({@code [N]}) and setters ({@code N}), the identity
 * buffers, the 3-int arrays, and the nice flags and bus states. The requests strace leaves
 * undecoded (HDIO_GET_QDMA, HDIO_DRIVE_TASK...) are not taken: the generic {@code %#lx} applies.
 */
final class HdioIoctls implements IoctlFamily {
    private static final long GETGEO = code("HDIO_GETGEO"), DRIVE_CMD = code("HDIO_DRIVE_CMD"),
            DRIVE_RESET = code("HDIO_DRIVE_RESET"), SCAN_HWIF = code("HDIO_SCAN_HWIF"),
            GET_IDENTITY = code("HDIO_GET_IDENTITY"), OBSOLETE_IDENTITY = code("HDIO_OBSOLETE_IDENTITY"),
            GET_NICE = code("HDIO_GET_NICE"), SET_NICE = code("HDIO_SET_NICE"),
            GET_BUSSTATE = code("HDIO_GET_BUSSTATE"), SET_BUSSTATE = code("HDIO_SET_BUSSTATE");
    /** The getters of a kernel_ulong_t printed {@code [%llu]}. */
    private static final Set<Long> GETTERS = codes("HDIO_GET_32BIT HDIO_GET_ACOUSTIC HDIO_GET_ADDRESS"
            + " HDIO_GET_DMA HDIO_GET_KEEPSETTINGS HDIO_GET_MULTCOUNT HDIO_GET_NOWERR HDIO_GET_UNMASKINTR"
            + " HDIO_GET_WCACHE");
    /** The setters whose argument is the value, {@code %llu}. */
    private static final Set<Long> SETTERS = codes("HDIO_SET_32BIT HDIO_SET_ACOUSTIC HDIO_SET_ADDRESS"
            + " HDIO_SET_DMA HDIO_SET_KEEPSETTINGS HDIO_SET_MULTCOUNT HDIO_SET_NOWERR HDIO_SET_PIO_MODE"
            + " HDIO_SET_UNMASKINTR HDIO_SET_WCACHE HDIO_UNREGISTER_HWIF");
    /** src/xlat/hdio_busstates.in; values from linux/hdreg.h. */
    static final ConstTable BUSSTATES = ConstTable.enumHex("BUSSTATE_???",
            "BUSSTATE_OFF=0 BUSSTATE_ON=1 BUSSTATE_TRISTATE=2");
    /** src/xlat/hdio_drive_cmds.in (the ATA commands). */
    static final ConstTable DRIVE_CMDS = ConstTable.enumHex("ATA_CMD_???", """
            ATA_CMD_NOP=0x00 ATA_CMD_CFA_REQ_EXT_ERR=0x03 ATA_CMD_DSM=0x06 ATA_CMD_DEV_RESET=0x08
            ATA_CMD_REQ_SENSE_DATA=0x0B ATA_CMD_RESTORE=0x10 ATA_CMD_PIO_READ=0x20 ATA_CMD_READ_LONG=0x22
            ATA_CMD_READ_LONG_ONCE=0x23 ATA_CMD_PIO_READ_EXT=0x24 ATA_CMD_READ_EXT=0x25 ATA_CMD_READ_QUEUED=0x26
            ATA_CMD_READ_NATIVE_MAX_EXT=0x27 ATA_CMD_READ_MULTI_EXT=0x29 ATA_CMD_READ_STREAM_DMA_EXT=0x2A
            ATA_CMD_READ_STREAM_EXT=0x2B ATA_CMD_READ_LOG_EXT=0x2F ATA_CMD_PIO_WRITE=0x30 ATA_CMD_WRITE_LONG=0x32
            ATA_CMD_WRITE_LONG_ONCE=0x33 ATA_CMD_PIO_WRITE_EXT=0x34 ATA_CMD_WRITE_EXT=0x35
            ATA_CMD_WRITE_QUEUED=0x36 ATA_CMD_SET_MAX_EXT=0x37 ATA_CMD_CFA_WRITE_NE=0x38
            ATA_CMD_WRITE_MULTI_EXT=0x39 ATA_CMD_WRITE_STREAM_DMA_EXT=0x3A ATA_CMD_WRITE_STREAM_EXT=0x3B
            ATA_CMD_WRITE_FUA_EXT=0x3D ATA_CMD_WRITE_QUEUED_FUA_EXT=0x3E ATA_CMD_WRITE_LOG_EXT=0x3F
            ATA_CMD_VERIFY=0x40 ATA_CMD_VERIFY_EXT=0x42 ATA_CMD_WRITE_UNCORR_EXT=0x45
            ATA_CMD_READ_LOG_DMA_EXT=0x47 ATA_CMD_ZAC_MGMT_IN=0x4A ATA_CMD_CONFIG_STREAM=0x51
            ATA_CMD_WRITE_LOG_DMA_EXT=0x57 ATA_CMD_TRUSTED_NONDATA=0x5B ATA_CMD_TRUSTED_RCV=0x5C
            ATA_CMD_TRUSTED_RCV_DMA=0x5D ATA_CMD_TRUSTED_SND=0x5E ATA_CMD_TRUSTED_SND_DMA=0x5F
            ATA_CMD_FPDMA_READ=0x60 ATA_CMD_FPDMA_WRITE=0x61 ATA_CMD_NCQ_NON_DATA=0x63 ATA_CMD_FPDMA_SEND=0x64
            ATA_CMD_FPDMA_RECV=0x65 ATA_CMD_CFA_TRANS_SECT=0x87 ATA_CMD_EDD=0x90 ATA_CMD_INIT_DEV_PARAMS=0x91
            ATA_CMD_DOWNLOAD_MICRO=0x92 ATA_CMD_DOWNLOAD_MICRO_DMA=0x93 ATA_CMD_ZAC_MGMT_OUT=0x9F
            ATA_CMD_PACKET=0xA0 ATA_CMD_ID_ATAPI=0xA1 ATA_CMD_SERVICE=0xA2 ATA_CMD_SMART=0xB0
            ATA_CMD_CONF_OVERLAY=0xB1 ATA_CMD_SANITIZE_DEVICE=0xB4 ATA_CMD_CFA_ERASE=0xC0
            ATA_CMD_READ_MULTI=0xC4 ATA_CMD_WRITE_MULTI=0xC5 ATA_CMD_SET_MULTI=0xC6 ATA_CMD_READ=0xC8
            ATA_CMD_WRITE=0xCA ATA_CMD_CFA_WRITE_MULT_NE=0xCD ATA_CMD_WRITE_MULTI_FUA_EXT=0xCE
            ATA_CMD_CHK_MED_CRD_TYP=0xD1 ATA_CMD_MEDIA_LOCK=0xDE ATA_CMD_MEDIA_UNLOCK=0xDF
            ATA_CMD_STANDBYNOW1=0xE0 ATA_CMD_IDLEIMMEDIATE=0xE1 ATA_CMD_STANDBY=0xE2 ATA_CMD_IDLE=0xE3
            ATA_CMD_PMP_READ=0xE4 ATA_CMD_CHK_POWER=0xE5 ATA_CMD_SLEEP=0xE6 ATA_CMD_FLUSH=0xE7
            ATA_CMD_PMP_WRITE=0xE8 ATA_CMD_PMP_READ_DMA=0xE9 ATA_CMD_FLUSH_EXT=0xEA ATA_CMD_PMP_WRITE_DMA=0xEB
            ATA_CMD_ID_ATA=0xEC ATA_CMD_SET_FEATURES=0xEF ATA_CMD_SEC_SET_PASS=0xF1 ATA_CMD_SEC_UNLOCK=0xF2
            ATA_CMD_SEC_ERASE_PREP=0xF3 ATA_CMD_SEC_ERASE_UNIT=0xF4 ATA_CMD_SEC_FREEZE_LOCK=0xF5
            ATA_CMD_SEC_DISABLE_PASS=0xF6 ATA_CMD_READ_NATIVE_MAX=0xF8 ATA_CMD_SET_MAX=0xF9""");
    /** src/xlat/hdio_ide_nice.in: bit numbers (linux/hdreg.h) that strace names {@code 1 << NAME}. */
    private static final String[] NICE_NAMES = {"IDE_NICE_DSC_OVERLAP", "IDE_NICE_ATAPI_OVERLAP", "IDE_NICE_1",
            "IDE_NICE_0", "IDE_NICE_2"};
    private static final int[] NICE_BITS = {0, 1, 3, 2, 4};
    /** sizeof(struct hd_geometry), the offset of its start; hd_drive_cmd_hdr; the identity buffers. */
    private static final int GEOMETRY_SIZE = 16, GEOMETRY_START = 8, CMD_HDR = 4, SECTOR_SIZE = 512,
            IDENTITY = 512, OBSOLETE_IDENTITY_SIZE = 142;

    private static long code(String name) {
        long c = IoctlRequests.code(name);
        if (c < 0) throw new IllegalStateException("ioctl " + name + " is not in the generated table");
        return c;
    }

    private static Set<Long> codes(String names) {
        List<Long> out = new ArrayList<>();
        for (String n : names.split(" ")) out.add(code(n));
        return Set.copyOf(out);
    }

    @Override
    public boolean decodes(long req) {
        return IoctlRequests.type(req) == 3 && IoctlRequests.dir(req) == IoctlRequests.IOC_NONE
                && (GETTERS.contains(req) || SETTERS.contains(req) || req == GETGEO || req == DRIVE_CMD
                || req == DRIVE_RESET || req == SCAN_HWIF || req == GET_IDENTITY || req == OBSOLETE_IDENTITY
                || req == GET_NICE || req == SET_NICE || req == GET_BUSSTATE || req == SET_BUSSTATE);
    }

    @Override
    public void captureEntry(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg == 0) return;
        if (req == DRIVE_CMD) mem.bytes(arg, CMD_HDR);
        else if (req == DRIVE_RESET || req == SCAN_HWIF) mem.bytes(arg, 12);
    }

    @Override
    public void captureExit(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg == 0) return;
        if (req == GETGEO) mem.bytes(arg, GEOMETRY_SIZE);
        else if (GETTERS.contains(req) || req == GET_NICE || req == GET_BUSSTATE) mem.bytes(arg, 8);
        else if (req == GET_IDENTITY || req == OBSOLETE_IDENTITY) {
            mem.bytes(arg, Math.min(req == GET_IDENTITY ? IDENTITY : OBSOLETE_IDENTITY_SIZE, opt.stringLimit()));
        } else if (req == DRIVE_CMD) {
            Snapshot.Region r = mem.bytes(arg, CMD_HDR);
            if (r.readable() && r.data().length == CMD_HDR && r.data()[3] != 0) {
                mem.bytes(arg + CMD_HDR, Math.min((r.data()[3] & 0xff) * SECTOR_SIZE, opt.stringLimit()));
            }
        }
    }

    @Override
    public boolean printsAtExit(long req) {
        return req == GETGEO || GETTERS.contains(req) || req == GET_NICE || req == GET_BUSSTATE
                || req == GET_IDENTITY || req == OBSOLETE_IDENTITY;
    }

    @Override
    public Value arg(CallContext c, long req, long a) {
        if (SETTERS.contains(req)) return new Value.Num(a, Value.Radix.UDEC);
        if (req == SET_NICE) return nice(a);
        if (req == SET_BUSSTATE) return BUSSTATES.sym(a);
        if (req == DRIVE_RESET || req == SCAN_HWIF) {
            return ArrayDecoder.decode(c, c.in, a, 3, 4,
                    (b, off) -> new Value.Num(MemoryView.u32(b, off), Value.Radix.HEX));
        }
        if (req == DRIVE_CMD) return driveCmd(c, a);
        // The getters: umove_or_printaddr at exit.
        if (a == 0 || !c.succeeded()) return new Value.Ptr(a);
        if (req == GET_IDENTITY || req == OBSOLETE_IDENTITY) {
            return c.buffer(c.out, a, req == GET_IDENTITY ? IDENTITY : OBSOLETE_IDENTITY_SIZE, false);
        }
        if (req == GETGEO) {
            byte[] b = MemoryView.struct(c.out, a, GEOMETRY_SIZE);
            if (b == null) return new Value.Ptr(a);
            return new Value.Struct(List.of(
                    new Value.Field("heads", new Value.Num(b[0] & 0xff, Value.Radix.UDEC)),
                    new Value.Field("sectors", new Value.Num(b[1] & 0xff, Value.Radix.UDEC)),
                    new Value.Field("cylinders", new Value.Num(MemoryView.u16(b, 2), Value.Radix.UDEC)),
                    new Value.Field("start", new Value.Num(MemoryView.u64(b, GEOMETRY_START), Value.Radix.UDEC))),
                    false);
        }
        byte[] b = MemoryView.struct(c.out, a, 8);
        if (b == null) return new Value.Ptr(a);
        long v = MemoryView.u64(b, 0);
        Value shown = req == GET_NICE ? nice(v) : req == GET_BUSSTATE ? BUSSTATES.sym(v)
                : new Value.Num(v, Value.Radix.UDEC);
        return new Value.Array(List.of(shown), false);
    }

    /** hd_drive_cmd_hdr at entry, then {@code => {status=, error=, nsector=, buf=}} after success. */
    private static Value driveCmd(CallContext c, long a) {
        byte[] in = MemoryView.struct(c.in, a, CMD_HDR);
        if (in == null) return new Value.Ptr(a);
        Value before = new Value.Struct(List.of(
                new Value.Field("command", DRIVE_CMDS.sym(in[0] & 0xff)),
                new Value.Field("sector_number", new Value.Num(in[1] & 0xff, Value.Radix.UDEC)),
                new Value.Field("feature", new Value.Num(in[2] & 0xff, Value.Radix.UDEC)),
                new Value.Field("sector_count", new Value.Num(in[3] & 0xff, Value.Radix.UDEC))), false);
        byte[] out = c.succeeded() ? MemoryView.struct(c.out, a, CMD_HDR) : null;
        if (out == null) return before;
        List<Value.Field> fs = new ArrayList<>(4);
        fs.add(new Value.Field("status", new Value.Num(out[0] & 0xff, Value.Radix.HEX)));
        fs.add(new Value.Field("error", new Value.Num(out[1] & 0xff, Value.Radix.UDEC)));
        fs.add(new Value.Field("nsector", new Value.Num(out[2] & 0xff, Value.Radix.UDEC)));
        if (out[3] != 0) fs.add(new Value.Field("buf", c.buffer(c.out, a + CMD_HDR, (out[3] & 0xff) * SECTOR_SIZE,
                true)));
        return new Value.Text(c.text(before) + " => " + c.text(new Value.Struct(fs, false)));
    }

    /** printflags64(hdio_ide_nice): {@code 1 << IDE_NICE_0|0xfa00}, the names in the xlat's order. */
    private static Value nice(long v) {
        List<String> names = new ArrayList<>(5);
        long rest = v;
        for (int i = 0; i < NICE_NAMES.length; i++) {
            long bit = 1L << NICE_BITS[i];
            if ((rest & bit) != 0) {
                names.add("1 << " + NICE_NAMES[i]);
                rest &= ~bit;
            }
        }
        return new Value.Sym(v, Value.Radix.HEX, names, rest, names.isEmpty() && v != 0 ? "IDE_NICE_???" : null);
    }
}
