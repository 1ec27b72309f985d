package dev.jstrace.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's {@code struct termios} (asm-generic/termbits.h, the same on x86-64 and aarch64)
 * as strace 6.1 prints it for TCGETS and the TCSETS family: the four flag words, the
 * delay and size fields of c_oflag/c_cflag spelled out ({@code NL0|CR0|...}), then {@code ...}
 * unless {@code -v} adds c_line and c_cc.
 */
final class TermiosDecoder {
    /** sizeof(struct termios): four tcflag_t, c_line, c_cc[19]. */
    static final int SIZE = 36;

    private static final ConstTable IFLAGS = ConstTable.flags("???", """
            IGNBRK=01 BRKINT=02 IGNPAR=04 PARMRK=010 INPCK=020 ISTRIP=040 INLCR=0100 IGNCR=0200 ICRNL=0400
            IUCLC=01000 IXON=02000 IXANY=04000 IXOFF=010000 IMAXBEL=020000 IUTF8=040000""");
    private static final ConstTable OFLAGS = ConstTable.flags("???", """
            OPOST=01 OLCUC=02 ONLCR=04 OCRNL=010 ONOCR=020 ONLRET=040 OFILL=0100 OFDEL=0200""");
    /** strace's xlat/term_lflags.in order, which is not numeric (IEXTEN before ECHOCTL). */
    private static final ConstTable LFLAGS = ConstTable.flags("???", """
            ISIG=01 ICANON=02 XCASE=04 ECHO=010 ECHOE=020 ECHOK=040 ECHONL=0100 NOFLSH=0200 IEXTEN=0100000
            ECHOCTL=01000 ECHOPRT=02000 ECHOKE=04000 FLUSHO=010000 PENDIN=040000 TOSTOP=0400 EXTPROC=0200000""");
    private static final ConstTable CFLAGS = ConstTable.flags("???", """
            CSTOPB=0100 CREAD=0200 PARENB=0400 PARODD=01000 HUPCL=02000 CLOCAL=04000 CMSPAR=010000000000
            CRTSCTS=020000000000""");
    private static final ConstTable BAUD = ConstTable.enumHex("B???", """
            B0=0 B50=01 B75=02 B110=03 B134=04 B150=05 B200=06 B300=07 B600=010 B1200=011 B1800=012 B2400=013
            B4800=014 B9600=015 B19200=016 B38400=017 BOTHER=010000 B57600=010001 B115200=010002 B230400=010003
            B460800=010004 B500000=010005 B576000=010006 B921600=010007 B1000000=010010 B1152000=010011
            B1500000=010012 B2000000=010013 B2500000=010014 B3000000=010015 B3500000=010016 B4000000=010017""");
    private static final ConstTable CSIZE = ConstTable.enumHex("CS?", "CS5=0 CS6=020 CS7=040 CS8=060");
    private static final ConstTable LDISC = ConstTable.enumHex("N_???", """
            N_TTY=0 N_SLIP=1 N_MOUSE=2 N_PPP=3 N_STRIP=4 N_AX25=5 N_X25=6 N_6PACK=7 N_MASC=8 N_R3964=9
            N_PROFIBUS_FDL=10 N_IRDA=11 N_SMSBLOCK=12 N_HDLC=13 N_SYNC_PPP=14 N_HCI=15 N_GIGASET_M101=16
            N_SLCAN=17 N_PPS=18 N_V253=19 N_CAIF=20 N_GSM0710=21 N_TI_WL=22 N_TRACESINK=23 N_TRACEROUTER=24
            N_NCI=25 N_SPEAKUP=26 N_NULL=27 N_MCTP=28 N_DEVELOPMENT=29 N_CAN327=30""");
    /** The delay fields of c_oflag, each a mask and its values, in strace's order. */
    private static final String[][] DELAYS = {
        {"0400", "NL0=0 NL1=0400", "NL?"}, {"03000", "CR0=0 CR1=01000 CR2=02000 CR3=03000", "CR?"},
        {"014000", "TAB0=0 TAB1=04000 TAB2=010000 TAB3=014000", "TAB?"}, {"020000", "BS0=0 BS1=020000", "BS?"},
        {"040000", "VT0=0 VT1=040000", "VT?"}, {"0100000", "FF0=0 FF1=0100000", "FF?"},
    };
    private static final ConstTable[] DELAY_TABLES = new ConstTable[DELAYS.length];
    private static final long[] DELAY_MASKS = new long[DELAYS.length];
    private static final String[] CC_NAMES = {
        "VINTR", "VQUIT", "VERASE", "VKILL", "VEOF", "VTIME", "VMIN", "VSWTC", "VSTART", "VSTOP", "VSUSP",
        "VEOL", "VREPRINT", "VDISCARD", "VWERASE", "VLNEXT", "VEOL2",
    };
    private static final long CBAUD = 010017, CIBAUD = 002003600000L, CSIZE_MASK = 060;
    private static final int IBSHIFT = 16, NCCS = 19;

    static {
        for (int i = 0; i < DELAYS.length; i++) {
            DELAY_MASKS[i] = ConstTable.parseNumber(DELAYS[i][0]);
            DELAY_TABLES[i] = ConstTable.enumHex(DELAYS[i][2], DELAYS[i][1]);
        }
    }

    private TermiosDecoder() {}

    /** {@code {c_iflag=ICRNL|IXON, c_oflag=NL0|...|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=..., ...}}. */
    static Value render(CallContext c, byte[] b) {
        DecodeOptions.Xlat x = c.opt.xlat();
        long iflag = MemoryView.s32(b, 0) & 0xffffffffL, oflag = MemoryView.s32(b, 4) & 0xffffffffL;
        long cflag = MemoryView.s32(b, 8) & 0xffffffffL, lflag = MemoryView.s32(b, 12) & 0xffffffffL;
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
            cf.append('(').append(BAUD.render((cflag & CIBAUD) >>> IBSHIFT, x)).append("<<").append(IBSHIFT)
                    .append(")|");
        }
        cf.append(CSIZE.render(cflag & CSIZE_MASK, x));
        long rest = cflag & ~(CBAUD | CIBAUD | CSIZE_MASK);
        if (rest != 0) cf.append('|').append(CFLAGS.render(rest, x));
        fs.add(new Value.Field("c_cflag", new Value.Text(cf.toString())));
        fs.add(new Value.Field("c_lflag", new Value.Text(LFLAGS.render(lflag, x))));
        if (!c.opt.verbose()) return new Value.Struct(fs, true);
        fs.add(new Value.Field("c_line", new Value.Text(LDISC.render(b[16] & 0xff, x))));
        StringBuilder cc = new StringBuilder("[");
        for (int i = 0; i < NCCS; i++) {
            if (i > 0) cc.append(", ");
            cc.append('[').append(i < CC_NAMES.length ? CC_NAMES[i] : Integer.toString(i)).append("]=");
            int v = b[17 + i] & 0xff;
            cc.append(v == 0 ? "0" : "0x" + Integer.toHexString(v));
        }
        fs.add(new Value.Field("c_cc", new Value.Text(cc.append(']').toString())));
        return new Value.Struct(fs, false);
    }
}
