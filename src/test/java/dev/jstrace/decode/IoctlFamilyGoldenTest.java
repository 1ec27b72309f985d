package dev.jstrace.decode;

import static dev.jstrace.decode.SyscallDecoderGoldenTest.bytes;
import static dev.jstrace.decode.SyscallDecoderGoldenTest.line;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jstrace.arch.Arch;
import dev.jstrace.proc.Snapshot;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ioctl families of {@link IoctlFamily#ALL} as strace 6.1 prints them; the expected
 * lines are those of strace 6.1's own suite (ioctl_hdio, ...), with their values.
 */
@Tag("unit")
class IoctlFamilyGoldenTest {
    private static final long BADF = -9;
    private static final DecodeOptions ABBREV = new DecodeOptions(32, false, 0, DecodeOptions.Xlat.ABBREV, 0,
            Set.of());
    private static final DecodeOptions VERBOSE = new DecodeOptions(32, false, 0, DecodeOptions.Xlat.VERBOSE, 0,
            Set.of());

    static String ioctl(DecodeOptions o, long req, long arg, Snapshot in, long rval, Snapshot out) {
        return line(o, Arch.X86_64, "ioctl", new long[] {-1, req, arg, 0, 0, 0}, in, rval, out);
    }

    @Test
    void hdioSettersGettersAndFlags() {
        long req = IoctlRequests.code("HDIO_SET_NICE");
        assertEquals("ioctl(-1, HDIO_SET_NICE, 1 << IDE_NICE_DSC_OVERLAP|1 << IDE_NICE_ATAPI_OVERLAP|1 << IDE_NICE_1"
                + "|1 << IDE_NICE_0|1 << IDE_NICE_2|0xfacefeedded2ffe0) = -1 EBADF (Bad file descriptor)",
                ioctl(ABBREV, req, 0xfacefeedded2ffffL, Snapshot.EMPTY, BADF, Snapshot.EMPTY));
        assertEquals("ioctl(-1, HDIO_SET_BUSSTATE, 0xfacefeedded4ffff /* BUSSTATE_??? */) = -1 EBADF (Bad file"
                + " descriptor)", ioctl(ABBREV, IoctlRequests.code("HDIO_SET_BUSSTATE"), 0xfacefeedded4ffffL,
                Snapshot.EMPTY, BADF, Snapshot.EMPTY));
        assertEquals("ioctl(-1, HDIO_SET_32BIT, 18072662652281011951) = -1 EBADF (Bad file descriptor)",
                ioctl(ABBREV, IoctlRequests.code("HDIO_SET_32BIT"), 0xfacefeeddeadbeefL, Snapshot.EMPTY, BADF,
                        Snapshot.EMPTY));
        byte[] geo = {(byte) 0xca, (byte) 0xfe, (byte) 0xbe, (byte) 0xba, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0};
        assertEquals("ioctl(-1, HDIO_GETGEO, {heads=202, sectors=254, cylinders=47806, start=1}) = 0",
                ioctl(ABBREV, IoctlRequests.code("HDIO_GETGEO"), 0x3000, Snapshot.EMPTY, 0, bytes(0x3000, geo)));
        assertEquals("ioctl(-1, HDIO_GETGEO, 0x3000) = -1 EBADF (Bad file descriptor)",
                ioctl(ABBREV, IoctlRequests.code("HDIO_GETGEO"), 0x3000, Snapshot.EMPTY, BADF, bytes(0x3000, geo)));
    }

    @Test
    void hdioDriveCmdPrintsTheHeaderThenTheReply() {
        long req = IoctlRequests.code("HDIO_DRIVE_CMD");
        byte[] hdr = {(byte) 0xca, (byte) 0xff, (byte) 0xee, 0};
        assertEquals("ioctl(-1, HDIO_DRIVE_CMD, {command=ATA_CMD_WRITE, sector_number=255, feature=238,"
                + " sector_count=0} => {status=0xca, error=255, nsector=238}) = 42",
                ioctl(ABBREV, req, 0x2000, bytes(0x2000, hdr), 42, bytes(0x2000, hdr)));
        byte[] unknown = {(byte) 0x80, (byte) 0x81, (byte) 0x82, (byte) 0x83};
        assertEquals("ioctl(-1, 0x31f /* HDIO_DRIVE_CMD */, {command=0x80 /* ATA_CMD_??? */, sector_number=129,"
                + " feature=130, sector_count=131}) = -1 EBADF (Bad file descriptor)",
                ioctl(VERBOSE, req, 0x2000, bytes(0x2000, unknown), BADF, Snapshot.EMPTY));
    }

    @Test
    void evdevBitsetsAreCutToTheResult() {
        // ioctl_evdev-success: EVIOCGBIT(0, 0) returning 8 bytes of EV_ABS|EV_MSC|EV_LED|EV_SND|EV_PWR
        // shows four names then "...", and the whole words read under -X raw and verbose.
        long req = 0x80004520L;
        byte[] words = new byte[32];
        words[0] = 0x18;
        words[2] = 0x46;
        Snapshot out = bytes(0x4000, words);
        assertEquals("ioctl(-1, EVIOCGBIT(0, 0), [EV_ABS EV_MSC EV_LED EV_SND ...]) = 8",
                ioctl(ABBREV, req, 0x4000, Snapshot.EMPTY, 8, out));
        assertEquals("ioctl(-1, EVIOCGBIT(0, 0), [EV_ABS EV_MSC]) = 2",
                ioctl(ABBREV, req, 0x4000, Snapshot.EMPTY, 2, out));
        assertEquals("ioctl(-1, 0x80004520 /* EVIOCGBIT(0, 0) */, [0x3 /* EV_ABS */ 0x4 /* EV_MSC */]"
                + " /* [0x460018] */) = 2", ioctl(VERBOSE, req, 0x4000, Snapshot.EMPTY, 2, out));
        assertEquals("ioctl(-1, EVIOCGBIT(0, 0), 0x4000) = 0", ioctl(ABBREV, req, 0x4000, Snapshot.EMPTY, 0, out));
    }

    @Test
    void makedevKeepsGlibcsUnsignedIntMajorAndMinor() {
        // ioctl_loop-v: lo_device 0x8f8e8d8c8b8a8988 is makedev(0x8f8e8a89, 0xd8c8b888); the minor's
        // top bits come from bits 20..43 only, as glibc's minor() returns an unsigned int.
        assertEquals("makedev(0x8f8e8a89, 0xd8c8b888)", StructDecoders.makedev(0x8f8e8d8c8b8a8988L));
        assertEquals("makedev(0x1, 0x3)", StructDecoders.makedev(0x103));
    }

    @Test
    void nbdAndLoopArguments() {
        assertEquals("ioctl(-1, NBD_DISCONNECT) = -1 EBADF (Bad file descriptor)",
                ioctl(ABBREV, IoctlRequests.code("NBD_DISCONNECT"), 0, Snapshot.EMPTY, BADF, Snapshot.EMPTY));
        assertEquals("ioctl(-1, NBD_SET_FLAGS, NBD_FLAG_READ_ONLY|0xfffff800) = -1 EBADF (Bad file descriptor)",
                ioctl(ABBREV, IoctlRequests.code("NBD_SET_FLAGS"), 0xfffff802L, Snapshot.EMPTY, BADF,
                        Snapshot.EMPTY));
        assertEquals("ioctl(-1, LOOP_GET_STATUS64, NULL) = -1 EBADF (Bad file descriptor)",
                ioctl(ABBREV, IoctlRequests.code("LOOP_GET_STATUS64"), 0, Snapshot.EMPTY, BADF, Snapshot.EMPTY));
    }

    @Test
    void ubiAndScsiValues() {
        // ioctl_scsi: SG_SCSI_RESET's NO_ESCALATE bit, then the reset by name.
        long req = IoctlRequests.code("SG_SCSI_RESET");
        Snapshot in = bytes(0x5000, new byte[] {0, 1, 0, 0});
        assertEquals("ioctl(-1, SG_SCSI_RESET, [SG_SCSI_RESET_NO_ESCALATE|SG_SCSI_RESET_NOTHING]) = -1 EBADF (Bad"
                + " file descriptor)", ioctl(ABBREV, req, 0x5000, in, BADF, Snapshot.EMPTY));
        // ioctl_ubi: UBI_IOCEBMAP's data type.
        Snapshot map = bytes(0x6000, new byte[] {1, 0, 0, 0, 3, 0, 0, 0});
        assertEquals("ioctl(-1, UBI_IOCEBMAP, {lnum=1, dtype=UBI_UNKNOWN}) = -1 EBADF (Bad file descriptor)",
                ioctl(ABBREV, IoctlRequests.code("UBI_IOCEBMAP"), 0x6000, map, BADF, Snapshot.EMPTY));
    }
}
