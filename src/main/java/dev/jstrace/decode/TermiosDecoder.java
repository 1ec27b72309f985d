package dev.jstrace.decode;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.sequenceLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.jstrace.decode.StructLayouts.Member;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's {@code struct termios} (asm-generic/termbits.h, the same on x86-64 and aarch64)
 * as strace 6.1 prints it for TCGETS and the TCSETS family: the four flag words, the
 * delay and size fields of c_oflag/c_cflag spelled out ({@code NL0|CR0|...}), then {@code ...}
 * unless {@code -v} adds c_line and c_cc.
 */
final class TermiosDecoder {
    /** The kernel's {@code struct termios} (asm/termbits.h, not glibc's): four tcflag_t, c_line, c_cc[NCCS]. */
    static final StructLayout LAYOUT = MemoryLayout.structLayout(JAVA_INT.withName("c_iflag"),
            JAVA_INT.withName("c_oflag"), JAVA_INT.withName("c_cflag"), JAVA_INT.withName("c_lflag"),
            JAVA_BYTE.withName("c_line"), MemoryLayout.sequenceLayout(19, JAVA_BYTE).withName("c_cc"))
            .withName("struct termios");
    /** sizeof(struct termios). */
    static final int SIZE = (int) LAYOUT.byteSize();
    private static final Member IFLAG = Member.of(LAYOUT, "c_iflag"), OFLAG = Member.of(LAYOUT, "c_oflag"),
            CFLAG = Member.of(LAYOUT, "c_cflag"), LFLAG = Member.of(LAYOUT, "c_lflag"),
            LINE = Member.of(LAYOUT, "c_line"), CC = Member.of(LAYOUT, "c_cc");

    private static final ConstTable IFLAGS = ConstTable.flags("???", """
            IGNBRK BRKINT IGNPAR PARMRK INPCK ISTRIP INLCR IGNCR ICRNL
            IUCLC IXON IXANY IXOFF IMAXBEL IUTF8""");
    private static final ConstTable OFLAGS = ConstTable.flags("???", """
            OPOST OLCUC ONLCR OCRNL ONOCR ONLRET OFILL OFDEL""");
    /** strace's xlat/term_lflags.in order, which is not numeric (IEXTEN before ECHOCTL). */
    private static final ConstTable LFLAGS = ConstTable.flags("???", """
            ISIG ICANON XCASE ECHO ECHOE ECHOK ECHONL NOFLSH IEXTEN
            ECHOCTL ECHOPRT ECHOKE FLUSHO PENDIN TOSTOP EXTPROC""");
    private static final ConstTable CFLAGS = ConstTable.flags("???", """
            CSTOPB CREAD PARENB PARODD HUPCL CLOCAL CMSPAR
            CRTSCTS""");
    private static final ConstTable BAUD = ConstTable.enumHex("B???", """
            B0 B50 B75 B110 B134 B150 B200 B300 B600 B1200 B1800 B2400
            B4800 B9600 B19200 B38400 BOTHER B57600 B115200 B230400
            B460800 B500000 B576000 B921600 B1000000 B1152000
            B1500000 B2000000 B2500000 B3000000 B3500000 B4000000""");
    private static final ConstTable CSIZE = ConstTable.enumHex("CS?", "CS5 CS6 CS7 CS8");
    private static final ConstTable LDISC = ConstTable.enumHex("N_???", """
            N_TTY N_SLIP N_MOUSE N_PPP N_STRIP N_AX25 N_X25 N_6PACK N_MASC N_R3964
            N_PROFIBUS_FDL N_IRDA N_SMSBLOCK N_HDLC N_SYNC_PPP N_HCI N_GIGASET_M101
            N_SLCAN N_PPS N_V253 N_CAIF N_GSM0710 N_TI_WL N_TRACESINK N_TRACEROUTER
            N_NCI N_SPEAKUP N_NULL N_MCTP N_DEVELOPMENT N_CAN327""");
    /** The delay fields of c_oflag, each a mask and its values, in strace's order. */
    private static final String[][] DELAYS = {
        {"NLDLY", "NL0 NL1", "NL?"}, {"CRDLY", "CR0 CR1 CR2 CR3", "CR?"},
        {"TABDLY", "XTABS TAB0 TAB1 TAB2 TAB3", "TAB?"}, {"BSDLY", "BS0 BS1", "BS?"},
        {"VTDLY", "VT0 VT1", "VT?"}, {"FFDLY", "FF0 FF1", "FF?"},
    };
    private static final ConstTable[] DELAY_TABLES = new ConstTable[DELAYS.length];
    private static final long[] DELAY_MASKS = new long[DELAYS.length];
    private static final String[] CC_NAMES = {
        "VINTR", "VQUIT", "VERASE", "VKILL", "VEOF", "VTIME", "VMIN", "VSWTC", "VSTART", "VSTOP", "VSUSP",
        "VEOL", "VREPRINT", "VDISCARD", "VWERASE", "VLNEXT", "VEOL2",
    };
    private static final long CBAUD = HeaderValues.common("CBAUD"), CIBAUD = HeaderValues.common("CIBAUD"),
            CSIZE_MASK = HeaderValues.common("CSIZE");
    private static final int IBSHIFT = (int) HeaderValues.common("IBSHIFT"), NCCS = CC.size();

    static {
        for (int i = 0; i < DELAYS.length; i++) {
            DELAY_MASKS[i] = HeaderValues.common(DELAYS[i][0]);
            DELAY_TABLES[i] = ConstTable.enumHex(DELAYS[i][2], DELAYS[i][1]);
        }
    }

    private TermiosDecoder() {}

    /** {@code {c_iflag=ICRNL|IXON, c_oflag=NL0|...|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=..., ...}}. */
    static Value render(CallContext c, byte[] b) {
        List<Value.Field> fs = flags(c, IFLAG.u(b), OFLAG.u(b), CFLAG.u(b), LFLAG.u(b));
        if (!c.opt.verbose()) return new Value.Struct(fs, true);
        fs.add(line(c, LINE.u(b)));
        fs.add(cc(b, CC.offset(), NCCS));
        return new Value.Struct(fs, false);
    }

    /** The kernel's {@code struct termios2}: struct termios's members, then c_ispeed and c_ospeed. */
    static final StructLayout TERMIOS2 = MemoryLayout.structLayout(JAVA_INT.withName("c_iflag"),
            JAVA_INT.withName("c_oflag"), JAVA_INT.withName("c_cflag"), JAVA_INT.withName("c_lflag"),
            JAVA_BYTE.withName("c_line"), MemoryLayout.sequenceLayout(19, JAVA_BYTE).withName("c_cc"),
            JAVA_INT.withName("c_ispeed"), JAVA_INT.withName("c_ospeed")).withName("struct termios2");
    /** {@code struct termio} (asm-generic/termios.h): 16-bit flag words, c_line, c_cc[NCC]. */
    static final StructLayout TERMIO = MemoryLayout.structLayout(JAVA_SHORT.withName("c_iflag"),
            JAVA_SHORT.withName("c_oflag"), JAVA_SHORT.withName("c_cflag"), JAVA_SHORT.withName("c_lflag"),
            JAVA_BYTE.withName("c_line"), MemoryLayout.sequenceLayout(8, JAVA_BYTE).withName("c_cc"),
            MemoryLayout.paddingLayout(1)).withName("struct termio");
    /** The layouts here and the header that declares all three (it includes asm/termbits.h). */
    static final List<CallStructLayouts.Declared> LAYOUTS = java.util.stream.Stream.of(LAYOUT, TERMIOS2, TERMIO)
            .map(l -> new CallStructLayouts.Declared(l, "#include <asm/termios.h>\n")).toList();
    /** sizeof(struct termios2), sizeof(struct termio). */
    static final int SIZE2 = StructLayouts.size(TERMIOS2), TERMIO_SIZE = StructLayouts.size(TERMIO);
    private static final Member ISPEED = Member.of(TERMIOS2, "c_ispeed"), OSPEED = Member.of(TERMIOS2, "c_ospeed");
    private static final Member TIO_IFLAG = Member.of(TERMIO, "c_iflag"), TIO_OFLAG = Member.of(TERMIO, "c_oflag"),
            TIO_CFLAG = Member.of(TERMIO, "c_cflag"), TIO_LFLAG = Member.of(TERMIO, "c_lflag"),
            TIO_LINE = Member.of(TERMIO, "c_line"), TIO_CC = Member.of(TERMIO, "c_cc");

    /** struct termios2 (TCGETS2 and the TCSETS2 family): termios's fields, then the two speeds under -v. */
    static Value render2(CallContext c, byte[] b) {
        List<Value.Field> fs = flags(c, IFLAG.u(b), OFLAG.u(b), CFLAG.u(b), LFLAG.u(b));
        if (!c.opt.verbose()) return new Value.Struct(fs, true);
        fs.add(line(c, LINE.u(b)));
        fs.add(cc(b, CC.offset(), NCCS));
        fs.add(new Value.Field("c_ispeed", new Value.Num(ISPEED.u(b), Value.Radix.UDEC)));
        fs.add(new Value.Field("c_ospeed", new Value.Num(OSPEED.u(b), Value.Radix.UDEC)));
        return new Value.Struct(fs, false);
    }

    /** struct termio (TCGETA and the TCSETA family): 16-bit flag words, c_line and c_cc[8] under -v. */
    static Value renderTermio(CallContext c, byte[] b) {
        List<Value.Field> fs = flags(c, TIO_IFLAG.u(b), TIO_OFLAG.u(b), TIO_CFLAG.u(b), TIO_LFLAG.u(b));
        if (!c.opt.verbose()) return new Value.Struct(fs, true);
        fs.add(line(c, TIO_LINE.u(b)));
        fs.add(cc(b, TIO_CC.offset(), TIO_CC.size()));
        return new Value.Struct(fs, false);
    }

    private static Value.Field line(CallContext c, long v) {
        return new Value.Field("c_line", new Value.Text(LDISC.render(v, c.opt.xlat())));
    }

    /** strace's decode_flags: the four flag words, c_oflag's delays and c_cflag's speeds spelled out. */
    private static List<Value.Field> flags(CallContext c, long iflag, long oflag, long cflag, long lflag) {
        DecodeOptions.Xlat x = c.opt.xlat();
        List<Value.Field> fs = new ArrayList<>();
        fs.add(new Value.Field("c_iflag", new Value.Text(IFLAGS.render(iflag, x))));
        StringBuilder o = new StringBuilder();
        for (int i = 0; i < DELAYS.length; i++) {
            o.append(DELAY_TABLES[i].render(oflag & DELAY_MASKS[i], x)).append('|');
            oflag &= ~DELAY_MASKS[i];
        }
        // strace prints what is left with printflags64_in, which prints nothing at all for zero ("FF0|").
        if (oflag != 0) o.append(OFLAGS.render(oflag, x));
        fs.add(new Value.Field("c_oflag", new Value.Text(o.toString())));
        StringBuilder cf = new StringBuilder(BAUD.render(cflag & CBAUD, x)).append('|');
        if ((cflag & CIBAUD) != 0) {
            // print_xlat(IBSHIFT): the macro's name, its value under -X raw, both under verbose.
            cf.append(BAUD.render((cflag & CIBAUD) >>> IBSHIFT, x)).append("<<")
                    .append(c.text(new Value.Sym(IBSHIFT, Value.Radix.HEX, List.of("IBSHIFT"), 0, null))).append('|');
        }
        cf.append(CSIZE.render(cflag & CSIZE_MASK, x));
        long rest = cflag & ~(CBAUD | CIBAUD | CSIZE_MASK);
        if (rest != 0) cf.append('|').append(CFLAGS.render(rest, x));
        fs.add(new Value.Field("c_cflag", new Value.Text(cf.toString())));
        fs.add(new Value.Field("c_lflag", new Value.Text(LFLAGS.render(lflag, x))));
        return fs;
    }

    /** strace's decode_term_cc: {@code [[VINTR]=0x3, ...]}, an index without a name in decimal. */
    private static Value.Field cc(byte[] b, int off, int n) {
        StringBuilder cc = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            if (i > 0) cc.append(", ");
            cc.append('[').append(i < CC_NAMES.length ? CC_NAMES[i] : Integer.toString(i)).append("]=");
            int v = b[off + i] & 0xff;
            cc.append(v == 0 ? "0" : "0x" + Integer.toHexString(v));
        }
        return new Value.Field("c_cc", new Value.Text(cc.append(']').toString()));
    }
}
