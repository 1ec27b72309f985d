package dev.jstrace.proc;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The int-keyed tracee table agrees with a HashMap under random puts and removes. */
@Tag("unit")
class TraceeTableTest {
    @Test
    void agreesWithAHashMap() {
        TraceeTable table = new TraceeTable();
        Map<Integer, Tracee> ref = new HashMap<>();
        Random rnd = new Random(7);
        for (int step = 0; step < 200_000; step++) {
            int tid = rnd.nextInt(600) + (rnd.nextBoolean() ? 0 : 4_000_000);
            switch (rnd.nextInt(3)) {
                case 0 -> {
                    Tracee t = new Tracee(tid, tid);
                    table.put(tid, t);
                    ref.put(tid, t);
                }
                case 1 -> assertSame(ref.remove(tid), table.remove(tid));
                default -> assertSame(ref.get(tid), table.get(tid));
            }
            assertEquals(ref.isEmpty(), table.isEmpty());
        }
        assertEquals(ref.size(), table.all().size());
        for (Map.Entry<Integer, Tracee> e : ref.entrySet()) assertSame(e.getValue(), table.get(e.getKey()));
    }
}
