package dev.jstrace;

import static org.junit.jupiter.api.Assertions.*;

import dev.jstrace.decode.DecodeOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Entry events: the consumer decodes a call once when its exit follows its entry, but an entry
 * whose exit does not come (a call that blocks) is still delivered at once, as strace prints it.
 */
class EntryDeliveryTest {
    @Test
    @Timeout(60)
    void aBlockedCallsEntryIsDeliveredWhileItBlocks() throws Exception {
        TraceOptions o = new TraceOptions(true, null, DecodeOptions.defaults(), TraceOptions.Scope.THREAD, 1 << 14,
                true, false, false);
        List<TraceEvent> seen = new CopyOnWriteArrayList<>();
        TracedProcess p = Tracer.launch(new ProcessBuilder("cat"), o, seen::add);
        // cat blocks in read(0, ...) until its standard input ends.
        long deadline = System.nanoTime() + 30_000_000_000L;
        SyscallEntered read = null;
        while (read == null && System.nanoTime() < deadline) {
            for (TraceEvent e : seen) {
                if (e instanceof SyscallEntered en && en.name().equals("read") && en.entryArgTexts().equals(List.of("0"))) {
                    read = en;
                }
            }
            Thread.sleep(10);
        }
        assertNotNull(read, "the blocked read(0, ...) was not delivered while cat waited: " + seen);
        for (TraceEvent e : seen) {
            assertFalse(e instanceof Syscall s && s.entry() == read, "the read returned before its stdin closed");
        }
        p.getOutputStream().close();
        assertEquals(0, p.waitFor());
        p.awaitTraceEnd();
        // Every call's exit carries the entry event delivered for it, entry first.
        for (int i = 0; i < seen.size(); i++) {
            if (seen.get(i) instanceof Syscall s && s.returned()) {
                assertNotNull(s.entry(), s.name());
                assertTrue(seen.subList(0, i).contains(s.entry()), s.name() + "'s entry came after it");
                int k = s.entry().entryArgTexts().size();
                assertEquals(s.entry().entryArgTexts(), s.argTexts().subList(0, k), s.name());
            }
        }
    }
}
