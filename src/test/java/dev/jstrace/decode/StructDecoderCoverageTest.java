package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.arch.Arch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the extension point promises for every struct decoder the catalog names:
 * a golden test of its own ({@code FooDecoder} has {@code FooDecoderTest}), a
 * layout named after its C type on every arch, and C headers for the layout
 * probe ({@link StructLayoutsProbeTest} checks the offsets).
 */
@Tag("unit")
class StructDecoderCoverageTest {
    @Test
    void everyCatalogStructHasItsGoldenTestLayoutAndHeaders() {
        List<String> missing = new ArrayList<>();
        var decoders = SignatureCatalog.structDecoders();
        assertFalse(decoders.isEmpty());
        for (StructDecoder d : decoders) {
            String test = d.getClass().getName() + "Test";
            try {
                Class.forName(test);
            } catch (ClassNotFoundException e) {
                missing.add(test);
            }
            assertTrue(d.cIncludes().contains("#include"), d.getClass() + " names no C header");
            for (Arch a : Arch.values()) {
                assertTrue(d.layout(a).name().orElse("").matches("(struct |union )?\\w+"), d.getClass() + " on " + a);
                assertEquals(d.layout(a).byteSize(), d.size(a));
            }
        }
        assertEquals(List.of(), missing, "struct decoders without their golden test");
    }

    @Test
    void catalogTokensResolveByName() {
        assertEquals("dev.jstrace.decode.CloneArgsDecoder", StructDecoder.className("clone_args"));
        assertEquals(StatfsDecoder.class, SignatureCatalog.forName("fstatfs").struct(1).getClass());
        assertEquals(ArgType.STRUCT_OUT, SignatureCatalog.forName("fstatfs").args().get(1));
        assertEquals(null, SignatureCatalog.forName("fstatfs").struct(0));
    }
}
