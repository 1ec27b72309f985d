package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The differential suite's normaliser: run-to-run noise goes, real differences stay. */
@Tag("unit")
class TraceNormalizerTest {
    @Test
    void procMapsTextIsAddressNoise() {
        // Seen in the emulated aarch64 machine: python reads /proc/self/maps; ASLR moves every line.
        assertEquals(TraceNormalizer.normalise(List.of(
                        "read(3, \"f872de000 ---p 00029000 fe:00 39\"..., 1024) = 1024",
                        "read(3</proc/1234/maps>, \"ef000-ffff873f0000 r--p 000af000\"..., 1024) = 918")),
                TraceNormalizer.normalise(List.of(
                        "read(3, \"fa47ae000 ---p 00029000 fe:00 39\"..., 1024) = 1024",
                        "read(3</proc/1234/maps>, \"bf000-ffffa48c0000 r--p 000af000\"..., 1024) = 918")));
        // Other reads keep their text.
        assertNotEquals(TraceNormalizer.normalise(List.of("read(3, \"hello\", 5) = 5")),
                TraceNormalizer.normalise(List.of("read(3, \"world\", 5) = 5")));
        // A different length is still a difference.
        assertNotEquals(TraceNormalizer.normalise(List.of("read(3, \"f872de000 ---p 00029000 fe:00 39\"..., 1024) = 1024")),
                TraceNormalizer.normalise(List.of("read(3, \"f872de000 ---p 00029000 fe:00 39\"..., 1024) = 918")));
    }
}
