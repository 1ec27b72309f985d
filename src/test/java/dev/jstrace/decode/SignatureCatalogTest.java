package dev.jstrace.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jstrace.arch.Arch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every syscall either arch's table names has an explicit signature; nothing falls back silently. */
@Tag("unit")
class SignatureCatalogTest {
    @Test
    void everyNamedSyscallHasASignature() {
        List<String> missing = new ArrayList<>();
        for (Arch a : Arch.values()) {
            for (int nr = 0; nr < a.tableSize(); nr++) {
                String n = a.syscallName(nr);
                if (n != null && SignatureCatalog.forNumber(a, nr) == null) missing.add(a + ":" + n);
            }
        }
        assertTrue(missing.isEmpty(), "no signature for " + missing);
    }

    @Test
    void archDifferencesAreExplicit() {
        assertEquals(-1, Arch.AARCH64.syscallNumber("open"), "aarch64 has no open(2)");
        assertNotNull(SignatureCatalog.forNumber(Arch.AARCH64, Arch.AARCH64.syscallNumber("openat")));
        assertEquals(4, SignatureCatalog.cloneRegister(Arch.AARCH64, 3));
        assertEquals(3, SignatureCatalog.cloneRegister(Arch.X86_64, 3));
        assertEquals(128, SignatureCatalog.forName("fstat").struct(1).size(Arch.AARCH64));
        assertEquals(144, SignatureCatalog.forName("fstat").struct(1).size(Arch.X86_64));
    }

    @Test
    void entryArgCountStopsAtTheFirstExitArgument() {
        assertEquals(1, SignatureCatalog.forName("read").entryArgCount());
        assertEquals(3, SignatureCatalog.forName("write").entryArgCount());
        assertEquals(1, SignatureCatalog.forName("wait4").entryArgCount());
        assertEquals(2, SignatureCatalog.forName("newfstatat").entryArgCount());
    }
}
