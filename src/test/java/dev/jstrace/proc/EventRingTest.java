package dev.jstrace.proc;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The slot ring between the tracer and consumer threads: bounded, ordered, lossless. */
@Tag("unit")
class EventRingTest {
    @Test
    @Timeout(60)
    void aSlowConsumerMakesTheProducerWaitAndLosesNothing() throws Exception {
        EventRing ring = new EventRing(16);
        int n = 20_000;
        Thread producer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < n; i++) {
                EventRing.Slot s = ring.claim();
                s.type = EventRing.Slot.EXIT;
                s.tid = i;
                s.pid = 1;
                s.rval = i * 3L;
                byte[] a = s.reserve(2);
                a[s.used()] = (byte) i;
                a[s.used() + 1] = (byte) (i >> 8);
                s.addRegion(0x1000 + i, 2, true, true, Snapshot.Kind.BYTES);
                ring.publish();
                if (i % 7 == 0) ring.putNothing(); // the bench floor's empty hand-over: never seen by take()
            }
            ring.put(new RawEvent.End(0, 0, 0));
        });
        List<RawEvent> got = new ArrayList<>();
        RawEvent e;
        do {
            e = ring.take();
            got.add(e);
            if (got.size() % 4096 == 0) Thread.sleep(5); // fall behind now and then: the producer must wait
        } while (!(e instanceof RawEvent.End));
        producer.join();
        assertEquals(n + 1, got.size());
        for (int i = 0; i < n; i++) {
            RawEvent.SyscallExit x = (RawEvent.SyscallExit) got.get(i);
            assertEquals(i, x.tid());
            assertEquals(i * 3L, x.rval());
            Snapshot.Region r = x.memory().find(0x1000 + i, Snapshot.Kind.BYTES);
            assertNotNull(r, "region of event " + i);
            assertArrayEquals(new byte[] {(byte) i, (byte) (i >> 8)}, r.data());
        }
    }

    @Test
    void anEventWithoutMemoryCarriesTheEmptySnapshot() throws Exception {
        EventRing ring = new EventRing(4);
        EventRing.Slot s = ring.claim();
        s.type = EventRing.Slot.ENTRY;
        s.args[0] = 7;
        ring.publish();
        RawEvent.SyscallEntry en = (RawEvent.SyscallEntry) ring.take();
        assertSame(Snapshot.EMPTY, en.memory());
        assertEquals(7, en.args()[0]);
        // The record owns its arguments: reusing the slot must not change them.
        s = ring.claim();
        s.args[0] = 9;
        assertEquals(7, en.args()[0]);
    }
}
