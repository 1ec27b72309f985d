package dev.jstrace.decode;

import dev.jstrace.arch.gen.Constants.Named;

/**
 * evdev (linux/input.h) requests: the ones whose number carries an event type,
 * an axis or a buffer length, named as strace names them ({@code EVIOCGBIT(EV_KEY, 96)},
 * {@code EVIOCGABS(ABS_X)}, {@code EVIOCGNAME(64)}). Their arguments are {@link EvdevIoctls}'.
 */
final class Evdev {
    private Evdev() {}

    /** strace's name for an 'E' request that encodes its argument, or null (then the table names it). */
    static String requestName(long code, boolean verbose) {
        int d = IoctlRequests.dir(code), nr = IoctlRequests.nr(code), size = IoctlRequests.size(code);
        if (d == IoctlRequests.IOC_WRITE && nr >= 0xc0 && nr <= 0xc0 + 0x3f) {
            return "EVIOCSABS(" + name(dev.jstrace.arch.gen.Constants.EVDEV_ABS_AXES, nr - 0xc0, "ABS_???",
                    verbose) + ")";
        }
        if (d != IoctlRequests.IOC_READ) return null;
        if (nr >= 0x20 && nr <= 0x20 + 0x1f) {
            String ev = nr == 0x20 ? "0"
                    : name(dev.jstrace.arch.gen.Constants.EVDEV_EVENT_TYPES, nr - 0x20, "EV_???", verbose);
            return "EVIOCGBIT(" + ev + ", " + size + ")";
        }
        if (nr >= 0x40 && nr <= 0x40 + 0x3f) {
            return "EVIOCGABS(" + name(dev.jstrace.arch.gen.Constants.EVDEV_ABS_AXES, nr - 0x40, "ABS_???",
                    verbose) + ")";
        }
        String n = switch (nr) {
            case 0x06 -> "EVIOCGNAME";
            case 0x07 -> "EVIOCGPHYS";
            case 0x08 -> "EVIOCGUNIQ";
            case 0x09 -> "EVIOCGPROP";
            case 0x0a -> "EVIOCGMTSLOTS";
            case 0x18 -> "EVIOCGKEY";
            case 0x19 -> "EVIOCGLED";
            case 0x1a -> "EVIOCGSND";
            case 0x1b -> "EVIOCGSW";
            default -> null;
        };
        return n == null ? null : n + "(" + size + ")";
    }

    /** A value by name; unknown: {@code 0x1f /* EV_??? * /} (only the number inside a verbose comment). */
    static String name(Named[] set, int v, String unknown, boolean verbose) {
        for (Named n : set) if (n.value() == v) return n.name();
        String hex = v == 0 ? "0" : "0x" + Integer.toHexString(v);
        return verbose ? hex : hex + " /* " + unknown + " */";
    }
}
