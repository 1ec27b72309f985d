package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.Snapshot;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
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
    private static final long GETGEO = IoctlRequests.required("HDIO_GETGEO"), DRIVE_CMD = IoctlRequests.required("HDIO_DRIVE_CMD"),
            DRIVE_RESET = IoctlRequests.required("HDIO_DRIVE_RESET"), SCAN_HWIF = IoctlRequests.required("HDIO_SCAN_HWIF"),
            GET_IDENTITY = IoctlRequests.required("HDIO_GET_IDENTITY"), OBSOLETE_IDENTITY = IoctlRequests.required("HDIO_OBSOLETE_IDENTITY"),
            GET_NICE = IoctlRequests.required("HDIO_GET_NICE"), SET_NICE = IoctlRequests.required("HDIO_SET_NICE"),
            GET_BUSSTATE = IoctlRequests.required("HDIO_GET_BUSSTATE"), SET_BUSSTATE = IoctlRequests.required("HDIO_SET_BUSSTATE");
    /** The getters of a kernel_ulong_t printed {@code [%llu]}. */
    private static final Set<Long> GETTERS = codes("HDIO_GET_32BIT HDIO_GET_ACOUSTIC HDIO_GET_ADDRESS"
            + " HDIO_GET_DMA HDIO_GET_KEEPSETTINGS HDIO_GET_MULTCOUNT HDIO_GET_NOWERR HDIO_GET_UNMASKINTR"
            + " HDIO_GET_WCACHE");
    /** The setters whose argument is the value, {@code %llu}. */
    private static final Set<Long> SETTERS = codes("HDIO_SET_32BIT HDIO_SET_ACOUSTIC HDIO_SET_ADDRESS"
            + " HDIO_SET_DMA HDIO_SET_KEEPSETTINGS HDIO_SET_MULTCOUNT HDIO_SET_NOWERR HDIO_SET_PIO_MODE"
            + " HDIO_SET_UNMASKINTR HDIO_SET_WCACHE HDIO_UNREGISTER_HWIF");
    /** src/xlat/hdio_busstates.in. */
    static final ConstTable BUSSTATES = ConstTable.enumHex("BUSSTATE_???",
            "BUSSTATE_OFF BUSSTATE_ON BUSSTATE_TRISTATE");
    /** src/xlat/hdio_drive_cmds.in (the ATA commands, generated from it in its order). */
    static final ConstTable DRIVE_CMDS = ConstTable.enumHex("ATA_CMD_???",
            names(dev.jstrace.arch.gen.Constants.STRACE_ATA_COMMANDS));
    /** src/xlat/hdio_ide_nice.in: bit numbers (linux/hdreg.h, generated) that strace names {@code 1 << NAME}. */
    private static final String[] NICE_NAMES = {"IDE_NICE_DSC_OVERLAP", "IDE_NICE_ATAPI_OVERLAP", "IDE_NICE_1",
            "IDE_NICE_0", "IDE_NICE_2"};
    private static final long[] NICE_BITS = java.util.Arrays.stream(NICE_NAMES).mapToLong(HeaderValues::common).toArray();
    /** sizeof(struct hd_geometry), the offset of its start; hd_drive_cmd_hdr; the identity buffers. */
    /** {@code struct hd_geometry} (linux/hdreg.h): HDIO_GETGEO's answer. */
    static final StructLayout HD_GEOMETRY = structLayout(JAVA_BYTE.withName("heads"), JAVA_BYTE.withName("sectors"),
            JAVA_SHORT.withName("cylinders"), paddingLayout(4), JAVA_LONG.withName("start")).withName("struct hd_geometry");
    /**
     * {@code struct hd_drive_cmd_hdr} (linux/hdreg.h): HDIO_DRIVE_CMD's four bytes before the sectors; the kernel
     * writes back status, error and nsector over the first three, the sector count's data after the header.
     */
    static final StructLayout HD_DRIVE_CMD_HDR = structLayout(JAVA_BYTE.withName("command"),
            JAVA_BYTE.withName("sector_number"), JAVA_BYTE.withName("feature"), JAVA_BYTE.withName("sector_count"))
            .withName("struct hd_drive_cmd_hdr");
    private static final Member HEADS = Member.of(HD_GEOMETRY, "heads"), SECTORS = Member.of(HD_GEOMETRY, "sectors"),
            CYLINDERS = Member.of(HD_GEOMETRY, "cylinders"), START = Member.of(HD_GEOMETRY, "start");
    private static final Member COMMAND = Member.of(HD_DRIVE_CMD_HDR, "command"),
            SECTOR_NUMBER = Member.of(HD_DRIVE_CMD_HDR, "sector_number"),
            FEATURE = Member.of(HD_DRIVE_CMD_HDR, "feature"), SECTOR_COUNT = Member.of(HD_DRIVE_CMD_HDR, "sector_count");
    /** SECTOR_SIZE; the identify data's size (512) and the obsolete one's (142); a getter's unsigned long. */
    private static final int GEOMETRY_SIZE = StructLayouts.size(HD_GEOMETRY), CMD_HDR = StructLayouts.size(HD_DRIVE_CMD_HDR),
            SECTOR_SIZE = 512, IDENTITY = 512, OBSOLETE_IDENTITY_SIZE = 142, ULONG = Long.BYTES;

    /** The names of a generated group, in its order, as a ConstTable declaration. */
    static String names(dev.jstrace.arch.gen.Constants.Named[] set) {
        StringBuilder b = new StringBuilder();
        for (var n : set) b.append(n.name()).append(' ');
        return b.toString();
    }


    private static Set<Long> codes(String names) {
        List<Long> out = new ArrayList<>();
        for (String n : names.split(" ")) out.add(IoctlRequests.required(n));
        return Set.copyOf(out);
    }

    @Override
    public List<CallStructLayouts.Declared> layouts() {
        return List.of(new CallStructLayouts.Declared(HD_GEOMETRY, "#include <linux/hdreg.h>\n"),
                new CallStructLayouts.Declared(HD_DRIVE_CMD_HDR, "#include <linux/hdreg.h>\n"));
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
        else if (req == DRIVE_RESET || req == SCAN_HWIF) mem.bytes(arg, 3 * Integer.BYTES);
    }

    @Override
    public void captureExit(long req, long arg, long rval, TraceeMemory mem, DecodeOptions opt) {
        if (arg == 0) return;
        if (req == GETGEO) mem.bytes(arg, GEOMETRY_SIZE);
        else if (GETTERS.contains(req) || req == GET_NICE || req == GET_BUSSTATE) mem.bytes(arg, ULONG);
        else if (req == GET_IDENTITY || req == OBSOLETE_IDENTITY) {
            mem.bytes(arg, Math.min(req == GET_IDENTITY ? IDENTITY : OBSOLETE_IDENTITY_SIZE, opt.stringLimit()));
        } else if (req == DRIVE_CMD) {
            Snapshot.Region r = mem.bytes(arg, CMD_HDR);
            if (r.readable() && r.data().length == CMD_HDR && SECTOR_COUNT.u(r.data()) != 0) {
                mem.bytes(arg + CMD_HDR, Math.min((int) SECTOR_COUNT.u(r.data()) * SECTOR_SIZE, opt.stringLimit()));
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
            return ArrayDecoder.decode(c, c.in, a, 3, Integer.BYTES,
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
                    IoctlFields.u("heads", b, HEADS), IoctlFields.u("sectors", b, SECTORS),
                    IoctlFields.u("cylinders", b, CYLINDERS), IoctlFields.u("start", b, START)),
                    false);
        }
        byte[] b = MemoryView.struct(c.out, a, ULONG);
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
                IoctlFields.flags("command", DRIVE_CMDS, in, COMMAND), IoctlFields.u("sector_number", in, SECTOR_NUMBER),
                IoctlFields.u("feature", in, FEATURE), IoctlFields.u("sector_count", in, SECTOR_COUNT)), false);
        byte[] out = c.succeeded() ? MemoryView.struct(c.out, a, CMD_HDR) : null;
        if (out == null) return before;
        List<Value.Field> fs = new ArrayList<>(4);
        // The kernel's answer over the header: status where command was, error, nsector.
        fs.add(IoctlFields.x("status", out, COMMAND));
        fs.add(IoctlFields.u("error", out, SECTOR_NUMBER));
        fs.add(IoctlFields.u("nsector", out, FEATURE));
        long sectors = SECTOR_COUNT.u(out);
        if (sectors != 0) fs.add(new Value.Field("buf", c.buffer(c.out, a + CMD_HDR, sectors * SECTOR_SIZE, true)));
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
