package dev.jstrace.proc;

import dev.jstrace.arch.Arch;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * The bounded hand-over between the tracer thread (the only producer) and
 * the consumer thread (the only consumer): a ring of mutable {@link Slot}s,
 * each made the first time the producer reaches it and reused ever after
 * (making all 16k up front cost ~7 ms of start-up). A slot's arrays start
 * empty and grow on first use, and a consumed slot keeps little of them (see
 * {@link #KEPT_ARENA}): 16k slots cost ~5 MB of heap on dd, where they cost
 * ~10 MB with their arrays made up front. A syscall stop fills a
 * slot in place, memory copies included, so once the ring has gone round
 * the tracer thread allocates nothing per stop; the consumer turns each
 * slot into a {@link RawEvent} record (the allocation moves to its side)
 * and hands the slot back.
 *
 * <p>When the ring is full the producer waits, and with it the stopped
 * tracee: nothing is dropped. Neither side is woken per event: each parks
 * only when it cannot go on (the consumer after polling a while: see
 * {@link #CONSUMER_SPIN}), and the other unparks it only when it saw it
 * parked.
 */
public final class EventRing {
    /**
     * A consumed slot keeps an arena up to this size; a larger one (a big
     * read or struct) is dropped and the next stop that needs one makes it
     * anew. Every slot serves a stop each time the ring goes round, so what a
     * slot keeps is kept 16k times: at the former 64 KiB a getdents-heavy run
     * could hold up to 1 GiB in the ring.
     */
    private static final int KEPT_ARENA = 512;
    /** A consumed slot keeps room for this many regions at most (two longs each). */
    private static final int KEPT_REGIONS = 16;

    private final Slot[] slots;
    /** Slots made so far (producer only; read by tests). */
    private int slotsMade;
    private final int mask;
    /** Next slot the producer fills; written by the producer only. */
    private volatile long tail;
    /** Next slot the consumer reads; written by the consumer only. */
    private volatile long head;
    private volatile boolean consumerParked;
    private volatile boolean producerParked;
    private volatile Thread consumer;
    private volatile Thread producer;

    /** A ring of at least {@code capacity} slots (rounded up to a power of two). */
    public EventRing(int capacity) {
        int n = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        slots = new Slot[n];
        mask = n - 1;
    }

    /**
     * One event being handed over. The producer fills either the syscall
     * fields and captured memory, or {@code other} for a rare event that is
     * built as a record at once.
     */
    static final class Slot {
        static final byte ENTRY = 1;
        static final byte EXIT = 2;
        static final byte OTHER = 3;
        static final byte NOTHING = 4;
        private static final int READABLE = 1;
        private static final int COMPLETE = 2;
        private static final int BYTES = 4;
        /** A region's length fits in 29 bits (ProcessMemory reads at most 1 MiB at once). */
        private static final int LENGTH_MASK = (1 << 29) - 1;
        private static final byte[] NO_DATA = new byte[0];
        private static final long[] NO_REGIONS = new long[0];
        /** The smallest arena a slot grows to: one small string or struct needs no regrowth. */
        private static final int MIN_ARENA = 64;

        byte type;
        RawEvent other;
        int tid;
        int pid;
        long nanos;
        Arch arch;
        int nr;
        final long[] args = new long[6];
        long stackPointer;
        long rval;
        boolean isError;
        int tampering;
        long cpuNanos = -1;

        // Captured memory: region i is data[offset .. offset+length) with its address at
        // region[2i] and offset << 32 | flags << 29 | length at region[2i+1]. Every array starts
        // empty and grows on first use, so a slot costs only what its stops captured (a slot
        // used to start with ~450 bytes of arrays: ~7 MB of live heap over 16k slots).
        private byte[] data = NO_DATA;
        private int used;
        private long[] region = NO_REGIONS;
        private int regions;
        private int[] fds;
        private String[] fdPaths;
        private int fdCount;

        void clearMemory() {
            used = 0;
            regions = 0;
            if (fdCount > 0) Arrays.fill(fdPaths, 0, fdCount, null);
            fdCount = 0;
        }

        /** Space for {@code n} more bytes of region data; returns where they go. */
        byte[] reserve(int n) {
            if (used + n > data.length) {
                data = Arrays.copyOf(data, Math.max(used + n, Math.max(MIN_ARENA, data.length * 2)));
            }
            return data;
        }

        int used() {
            return used;
        }

        /** Records a region whose bytes were just written at {@link #used()} (after {@link #reserve}). */
        void addRegion(long addr, int len, boolean readable, boolean complete, Snapshot.Kind kind) {
            if (2 * regions == region.length) region = Arrays.copyOf(region, Math.max(4, region.length * 2));
            long f = (readable ? READABLE : 0) | (complete ? COMPLETE : 0) | (kind == Snapshot.Kind.BYTES ? BYTES : 0);
            region[2 * regions] = addr;
            region[2 * regions + 1] = (long) used << 32 | f << 29 | len;
            regions++;
            used += len;
        }

        boolean hasFd(int fd) {
            for (int i = 0; i < fdCount; i++) {
                if (fds[i] == fd) return true;
            }
            return false;
        }

        void addFd(int fd, String path) {
            if (fds == null) {
                fds = new int[2];
                fdPaths = new String[2];
            } else if (fdCount == fds.length) {
                fds = Arrays.copyOf(fds, fdCount * 2);
                fdPaths = Arrays.copyOf(fdPaths, fdCount * 2);
            }
            fds[fdCount] = fd;
            fdPaths[fdCount++] = path;
        }

        /** The captured memory as an immutable snapshot (consumer side). */
        Snapshot snapshot() {
            if (regions == 0 && fdCount == 0) return Snapshot.EMPTY;
            Snapshot.Region[] rs = new Snapshot.Region[regions];
            for (int i = 0; i < regions; i++) {
                long meta = region[2 * i + 1];
                int off = (int) (meta >>> 32);
                int len = (int) meta & LENGTH_MASK;
                int f = (int) meta >>> 29;
                rs[i] = new Snapshot.Region(region[2 * i], Arrays.copyOfRange(data, off, off + len),
                        (f & READABLE) != 0, (f & COMPLETE) != 0,
                        (f & BYTES) != 0 ? Snapshot.Kind.BYTES : Snapshot.Kind.STRING);
            }
            return new Snapshot(rs, regions, fdCount == 0 ? null : Arrays.copyOf(fds, fdCount),
                    fdCount == 0 ? null : Arrays.copyOf(fdPaths, fdCount), fdCount);
        }

        RawEvent toEvent() {
            return switch (type) {
                case ENTRY -> new RawEvent.SyscallEntry(tid, pid, nanos, arch, nr, args.clone(), snapshot(),
                        stackPointer);
                case EXIT -> new RawEvent.SyscallExit(tid, pid, nanos, rval, isError, snapshot(), tampering, cpuNanos);
                case NOTHING -> null;
                default -> other;
            };
        }

        void release() {
            other = null;
            arch = null;
            if (data.length > KEPT_ARENA) data = NO_DATA;
            if (region.length > 2 * KEPT_REGIONS) region = NO_REGIONS;
        }
    }

    /**
     * Producer: the next free slot, waiting while the ring is full. Fill it,
     * then {@link #publish()}; nothing else may be claimed in between.
     */
    Slot claim() {
        long t = tail;
        if (t - head >= slots.length) awaitSpace(t);
        Slot s = slots[(int) t & mask];
        if (s == null) {
            slots[(int) t & mask] = s = new Slot(); // seen by the consumer through tail
            slotsMade++;
        }
        s.clearMemory();
        return s;
    }

    /** How many slots the producer has made (for tests; read it from the producer thread). */
    int slotsMade() {
        return slotsMade;
    }

    /** Producer: makes the claimed slot visible to the consumer. */
    void publish() {
        tail = tail + 1;
        if (consumerParked) LockSupport.unpark(consumer);
    }

    /**
     * Producer: hands over a slot that carries nothing (the consumer skips
     * it), for a stop that reports nothing (a call filtered out, the bench
     * floor): the consumer's polling then goes on as for a reported stop.
     */
    public void putNothing() {
        Slot s = claim();
        s.type = Slot.NOTHING;
        publish();
    }

    /** Producer: hands over a rare event already built as a record. */
    public void put(RawEvent e) {
        Slot s = claim();
        s.type = Slot.OTHER;
        s.other = e;
        publish();
    }

    private void awaitSpace(long t) {
        producer = Thread.currentThread();
        while (t - head >= slots.length) {
            producerParked = true;
            // Re-check after announcing: the consumer may have freed a slot meanwhile.
            if (t - head < slots.length) break;
            LockSupport.park(this);
        }
        producerParked = false;
    }

    /**
     * Consumer: the next event, in stop order, waiting while there is none.
     *
     * @throws InterruptedException when the consumer thread is interrupted while waiting
     */
    public RawEvent take() throws InterruptedException {
        while (true) {
            long h = head;
            if (h == tail) awaitEvent(h);
            RawEvent e = takeAt(h);
            if (e != null) return e;
        }
    }

    /** Consumer: turns the published slot at {@code h} into its event (null for a NOTHING slot) and hands it back. */
    private RawEvent takeAt(long h) {
        Slot s = slots[(int) h & mask];
        RawEvent e = s.toEvent();
        s.release();
        head = h + 1;
        if (producerParked) LockSupport.unpark(producer);
        return e;
    }

    /**
     * Consumer: the next event if one comes within {@code nanos} (polling, never parking), else
     * {@code null}. The consumer uses it to wait a moment for a call's exit before it decodes the
     * entry on its own (see {@code EventAssembler}).
     */
    public RawEvent poll(long nanos) {
        long deadline = System.nanoTime() + nanos;
        while (true) {
            long h = head;
            while (h == tail) {
                if (System.nanoTime() - deadline >= 0) return null;
                Thread.onSpinWait();
            }
            RawEvent e = takeAt(h);
            if (e != null) return e;
        }
    }

    /**
     * How long the consumer polls an empty ring before it parks. This is what
     * makes ptrace fast on these 2-vCPU VMs: a stop wakes the tracer, a
     * restart wakes the tracee, and waking a vCPU that has gone idle (halted)
     * costs far more than the stop itself; the polling consumer keeps one
     * from halting while the tracee is busy, and it parks after this long
     * with nothing to do (and polls a quarter as long the next time, down
     * to 5 µs; each poll that finds an event doubles it again). Measured,
     * 5 alternating runs each, on the dd (count=25000), sh-pipeline and
     * 8-thread workloads: without it 4.9 / 1.73 / 1.87 s; polling 100 µs
     * 1.35 / 1.09 / 1.60 s; 300 µs 1.20 / 1.01 / 1.38 s (strace: 5.38 /
     * 1.29 / 3.57 s). Off with one CPU, where polling would take the CPU
     * from the tracee and the tracer. {@code -Djstrace.consumerPollMicros}
     * for experiments.
     */
    private static final long CONSUMER_SPIN = Runtime.getRuntime().availableProcessors() > 1
            ? 1000L * Long.getLong("jstrace.consumerPollMicros", 300) : 0;
    private static final long CONSUMER_SPIN_MIN = Math.min(CONSUMER_SPIN, 5_000);
    /** The consumer's current poll budget, at most {@link #CONSUMER_SPIN} (see {@link #awaitEvent}). */
    private long spinNanos = CONSUMER_SPIN;

    private void awaitEvent(long h) throws InterruptedException {
        consumer = Thread.currentThread();
        if (spinNanos > 0) {
            long deadline = System.nanoTime() + spinNanos;
            while (h == tail && System.nanoTime() < deadline) Thread.onSpinWait();
            if (h != tail) {
                spinNanos = Math.min(CONSUMER_SPIN, spinNanos << 1);
                return;
            }
            // Nothing came: the tracee is in a slow call or idle. Poll a quarter as long next
            // time (a found event only doubles it), so a tracee that makes a call now and then
            // (a sleep loop: one quick, one slow gap) soon costs little CPU.
            spinNanos = Math.max(CONSUMER_SPIN_MIN, spinNanos >> 2);
        }
        while (h == tail) {
            consumerParked = true;
            if (h != tail) break;
            LockSupport.park(this);
            if (Thread.interrupted()) {
                consumerParked = false;
                throw new InterruptedException();
            }
        }
        consumerParked = false;
    }
}
