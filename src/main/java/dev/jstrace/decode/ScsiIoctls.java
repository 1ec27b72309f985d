package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.jstrace.decode.StructLayouts.Member;
import dev.jstrace.proc.TraceeMemory;
import java.lang.foreign.StructLayout;
import java.util.List;
import java.util.Set;

/**
 * The SCSI generic ('"') requests as strace 6.1's src/scsi.c prints them: the ints set and got
 * through the pointer, SG_SET_TRANSFORM's value, SG_SCSI_RESET's value, SG_GET_SCSI_ID's
 * struct sg_scsi_id, and SG_IO's interface id when it is neither v3's 'S' nor v4's 'Q'.
 * SG_IO's sg_io_hdr (v3) and sg_io_v4 headers are {@link SgIoHeaders}'; SG_GET_REQUEST_TABLE's
 * sg_req_info array is not decoded yet: its address prints.
 */
final class ScsiIoctls implements IoctlFamily {
    private static final long SG_IO = IoctlRequests.required("SG_IO"), SG_GET_SCSI_ID = IoctlRequests.required("SG_GET_SCSI_ID"),
            SG_GET_REQUEST_TABLE = IoctlRequests.required("SG_GET_REQUEST_TABLE"), SG_SCSI_RESET = IoctlRequests.required("SG_SCSI_RESET"),
            SG_SET_TRANSFORM = IoctlRequests.required("SG_SET_TRANSFORM"), SG_GET_TIMEOUT = IoctlRequests.required("SG_GET_TIMEOUT");
    private static final Set<Long> SETTERS = codes("SG_NEXT_CMD_LEN SG_SET_COMMAND_Q SG_SET_DEBUG"
            + " SG_SET_FORCE_LOW_DMA SG_SET_FORCE_PACK_ID SG_SET_KEEP_ORPHAN SG_SET_RESERVED_SIZE SG_SET_TIMEOUT");
    private static final Set<Long> GETTERS = codes("SG_EMULATED_HOST SG_GET_ACCESS_COUNT SG_GET_COMMAND_Q"
            + " SG_GET_KEEP_ORPHAN SG_GET_LOW_DMA SG_GET_NUM_WAITING SG_GET_PACK_ID SG_GET_RESERVED_SIZE"
            + " SG_GET_SG_TABLESIZE SG_GET_TRANSFORM SG_GET_VERSION_NUM");
    /** {@code struct sg_scsi_id} (scsi/sg.h): SG_GET_SCSI_ID's answer. */
    static final StructLayout SG_SCSI_ID = structLayout(JAVA_INT.withName("host_no"), JAVA_INT.withName("channel"),
            JAVA_INT.withName("scsi_id"), JAVA_INT.withName("lun"), JAVA_INT.withName("scsi_type"),
            JAVA_SHORT.withName("h_cmd_per_lun"), JAVA_SHORT.withName("d_queue_depth"),
            sequenceLayout(2, JAVA_INT).withName("unused")).withName("struct sg_scsi_id");
    private static final int SCSI_ID = StructLayouts.size(SG_SCSI_ID);
    private static final Member HOST_NO = Member.of(SG_SCSI_ID, "host_no"), CHANNEL = Member.of(SG_SCSI_ID, "channel"),
            SCSI_ID_AT = Member.of(SG_SCSI_ID, "scsi_id"), LUN = Member.of(SG_SCSI_ID, "lun"),
            SCSI_TYPE = Member.of(SG_SCSI_ID, "scsi_type"), H_CMD_PER_LUN = Member.of(SG_SCSI_ID, "h_cmd_per_lun"),
            D_QUEUE_DEPTH = Member.of(SG_SCSI_ID, "d_queue_depth");
    /** The int the other requests take through the pointer (SG_IO's: the interface id that begins both headers). */
    private static final int INT_SIZE = Integer.BYTES;
    /** src/xlat/sg_scsi_reset.in. */
    static final ConstTable RESETS = ConstTable.enumHex("SG_SCSI_RESET_???", "SG_SCSI_RESET_NOTHING"
            + " SG_SCSI_RESET_DEVICE SG_SCSI_RESET_BUS SG_SCSI_RESET_HOST SG_SCSI_RESET_TARGET"
            + " SG_SCSI_RESET_NO_ESCALATE");
    private static final long NO_ESCALATE = HeaderValues.common("SG_SCSI_RESET_NO_ESCALATE");


    /** The requests by name; glibc's scsi/sg.h lacks SG_GET_ACCESS_COUNT (0x2289), which is skipped. */
    private static Set<Long> codes(String names) {
        return java.util.Arrays.stream(names.split(" ")).mapToLong(IoctlRequests::code).filter(c -> c >= 0).boxed()
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public List<CallStructLayouts.Declared> layouts() {
        List<CallStructLayouts.Declared> all = new java.util.ArrayList<>(SgIoHeaders.LAYOUTS);
        all.add(new CallStructLayouts.Declared(SG_SCSI_ID, "#include <scsi/sg.h>\n"));
        return all;
    }

    @Override
    public boolean decodes(long req) {
        return req == SG_IO || req == SG_GET_SCSI_ID || req == SG_GET_REQUEST_TABLE || req == SG_SCSI_RESET
                || req == SG_SET_TRANSFORM || req == SG_GET_TIMEOUT || SETTERS.contains(req) || GETTERS.contains(req);
    }

    @Override
    public boolean printsAtExit(long req) {
        return req == SG_GET_SCSI_ID || req == SG_GET_REQUEST_TABLE || GETTERS.contains(req);
    }

    @Override
    public void captureEntry(long req, long arg, TraceeMemory mem, DecodeOptions opt) {
        if (arg != 0 && req == SG_IO) SgIoHeaders.capture(arg, false, mem, opt);
        else if (arg != 0 && (req == SG_SCSI_RESET || SETTERS.contains(req))) mem.bytes(arg, INT_SIZE);
    }

    @Override
    public boolean capturesAtFailedExit(long req) {
        return req == SG_IO;
    }

    @Override
    public void captureExit(long req, long arg, long rval, TraceeMemory mem, DecodeOptions opt) {
        if (arg == 0) return;
        if (req == SG_IO) {
            // strace reads the header again after the call, whatever it returned.
            SgIoHeaders.capture(arg, true, mem, opt);
        } else if (req == SG_GET_SCSI_ID) mem.bytes(arg, SCSI_ID);
        else if (GETTERS.contains(req)) mem.bytes(arg, INT_SIZE);
    }

    @Override
    public Value arg(CallContext c, long req, long a) {
        if (req == SG_GET_TIMEOUT) return null;
        if (req == SG_SET_TRANSFORM) return new Value.Num(a & 0xffffffffL, Value.Radix.HEX);
        if (printsAtExit(req) && !c.succeeded()) return new Value.Ptr(a);
        if (req == SG_GET_REQUEST_TABLE) return new Value.Ptr(a);
        if (req == SG_GET_SCSI_ID) {
            byte[] b = MemoryView.struct(c.out, a, SCSI_ID);
            if (b == null) return new Value.Ptr(a);
            return new Value.Struct(List.of(IoctlFields.d("host_no", b, HOST_NO), IoctlFields.d("channel", b, CHANNEL),
                    IoctlFields.x("scsi_id", b, SCSI_ID_AT), IoctlFields.d("lun", b, LUN),
                    IoctlFields.x("scsi_type", b, SCSI_TYPE), IoctlFields.d("h_cmd_per_lun", b, H_CMD_PER_LUN),
                    IoctlFields.d("d_queue_depth", b, D_QUEUE_DEPTH)), false);
        }
        byte[] b = MemoryView.struct(GETTERS.contains(req) ? c.out : c.in, a, INT_SIZE);
        if (b == null) return new Value.Ptr(a);
        long v = MemoryView.u32(b, 0);
        if (req == SG_IO) {
            return v == 'S' || v == 'Q' ? SgIoHeaders.decode(c, v, a)
                    : new Value.Array(List.of(new Value.Num(v, Value.Radix.UDEC)), false);
        }
        if (req == SG_SCSI_RESET) {
            if ((v & NO_ESCALATE) == 0) return new Value.Array(List.of(RESETS.sym(v)), false);
            Value rest = RESETS.sym(v & ~NO_ESCALATE);
            return new Value.Text("[" + c.text(RESETS.sym(NO_ESCALATE)) + "|" + c.text(rest) + "]");
        }
        return new Value.Array(List.of(d(MemoryView.s32(b, 0))), false);
    }

    private static Value d(long v) {
        return new Value.Num(v, Value.Radix.DEC);
    }

    private static Value.Field f(String name, Value v) {
        return new Value.Field(name, v);
    }
}
