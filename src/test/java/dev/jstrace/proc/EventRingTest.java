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

    @Test
    void slotsAreMadeInTheFirstRoundOnlyAndDropLargeArenas() throws Exception {
        // The tracer thread allocates nothing per stop once the ring has gone round (TracerAllocationTest):
        // every slot is made the first time the producer reaches it, never later.
        EventRing ring = new EventRing(64);
        for (int i = 0; i < 1000; i++) {
            EventRing.Slot s = ring.claim();
            s.type = EventRing.Slot.EXIT;
            s.tid = i;
            int len = i % 10 == 0 ? 8192 : 100; // now and then a large capture
            byte[] a = s.reserve(len);
            a[s.used()] = (byte) i;
            s.addRegion(0x2000, len, true, true, Snapshot.Kind.BYTES);
            ring.publish();
            RawEvent.SyscallExit x = (RawEvent.SyscallExit) ring.take();
            assertEquals(i, x.tid());
            assertEquals(len, x.memory().find(0x2000, Snapshot.Kind.BYTES).data().length);
            assertEquals((byte) i, x.memory().find(0x2000, Snapshot.Kind.BYTES).data()[0]);
            if (i == 63) assertEquals(64, ring.slotsMade());
        }
        assertEquals(64, ring.slotsMade());
    }

    @Test
    void regionsKeepTheirAddressLengthAndFlags() throws Exception {
        EventRing ring = new EventRing(16);
        EventRing.Slot s = ring.claim();
        s.type = EventRing.Slot.EXIT;
        int[] lens = {0, 1, 300, 5, 4096, 7};
        for (int r = 0; r < lens.length; r++) {
            byte[] a = s.reserve(lens[r]);
            for (int k = 0; k < lens[r]; k++) a[s.used() + k] = (byte) (r * 31 + k);
            s.addRegion(0x10_0000_0000L + r, lens[r], r % 2 == 0, r % 3 == 0,
                    r % 2 == 0 ? Snapshot.Kind.STRING : Snapshot.Kind.BYTES);
        }
        s.addFd(3, "/a");
        s.addFd(4, null);
        s.addFd(5, "/c");
        ring.publish();
        Snapshot m = ((RawEvent.SyscallExit) ring.take()).memory();
        for (int r = 0; r < lens.length; r++) {
            Snapshot.Region g = m.find(0x10_0000_0000L + r);
            assertEquals(lens[r], g.data().length);
            assertEquals(r % 2 == 0, g.readable());
            assertEquals(r % 3 == 0, g.complete());
            assertEquals(r % 2 == 0 ? Snapshot.Kind.STRING : Snapshot.Kind.BYTES, g.kind());
            for (int k = 0; k < lens[r]; k++) assertEquals((byte) (r * 31 + k), g.data()[k]);
        }
        assertEquals("/a", m.fdPath(3));
        assertNull(m.fdPath(4));
        assertEquals("/c", m.fdPath(5));
    }
}
