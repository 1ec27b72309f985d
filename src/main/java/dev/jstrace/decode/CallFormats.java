package dev.jstrace.decode;

import java.util.Map;

/**
 * The syscalls printed by a {@link CallFormat} of their own, by name; every other call
 * prints through its signature's argument types.
 */
final class CallFormats {
    private static final Map<String, CallFormat> BY_NAME = Map.ofEntries(
            Map.entry("prctl", new PrctlFormat()));

    private CallFormats() {}

    /** {@return the format of {@code name}, or null when its signature's types print it} */
    static CallFormat forName(String name) {
        return BY_NAME.get(name);
    }
}
