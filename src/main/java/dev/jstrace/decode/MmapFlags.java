package dev.jstrace.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * mmap's (and remap_file_pages') flags as strace 6.1's print_mmap_flags prints them: the map
 * type (the low four bits, MAP_TYPE) by value, {@code MAP_FILE} for 0 and {@code 0xf /* MAP_??? * /}
 * for none; then the other flag bits by name, the unnamed ones in hex; then a huge page size
 * as {@code 21<<MAP_HUGE_SHIFT}. Under {@code -X verbose} all of it is the comment after the number.
 */
final class MmapFlags {
    private MmapFlags() {}

    private static final long MAP_TYPE = HeaderValues.common("MAP_TYPE");
    private static final int MAP_HUGE_SHIFT = (int) HeaderValues.common("MAP_HUGE_SHIFT");
    private static final long MAP_HUGE_MASK = HeaderValues.common("MAP_HUGE_MASK") << MAP_HUGE_SHIFT;

    /** {@return the flags as one symbolic value} */
    static Value.Sym sym(long flags) {
        List<String> names = new ArrayList<>(4);
        long type = flags & MAP_TYPE;
        String typeName = Constants.MAP_TYPES.name(type);
        names.add(typeName != null ? typeName : "0x" + Long.toHexString(type) + " /* MAP_??? */");
        long bits = flags & ~MAP_TYPE & ~MAP_HUGE_MASK;
        if (bits != 0) {
            Value.Sym s = Constants.MAP_FLAGS.sym(bits);
            names.addAll(s.names());
            if (s.rest() != 0) names.add("0x" + Long.toHexString(s.rest()));
        }
        long huge = flags & MAP_HUGE_MASK;
        if (huge != 0) names.add((huge >>> MAP_HUGE_SHIFT) + "<<MAP_HUGE_SHIFT");
        return new Value.Sym(flags, Value.Radix.HEX, names, 0, null);
    }
}
