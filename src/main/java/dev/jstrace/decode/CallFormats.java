package dev.jstrace.decode;

import java.util.Map;

/**
 * The syscalls printed by a {@link CallFormat} of their own, by name; every other call
 * prints through its signature's argument types.
 */
final class CallFormats {
    private static final Map<String, CallFormat> BY_NAME = withFamilies(Map.ofEntries(
            Map.entry("prctl", new PrctlFormat()),
            Map.entry("arch_prctl", new ArchPrctlFormat()),
            Map.entry("timer_create", new TimerCreateFormat()),
            Map.entry("getsockopt", new GetsockoptFormat()),
            Map.entry("setsockopt", new SetsockoptFormat()),
            Map.entry("migrate_pages", new NumaFormats.MigratePages()),
            Map.entry("mbind", new NumaFormats.Mbind()),
            Map.entry("set_mempolicy", new NumaFormats.SetMempolicy()),
            Map.entry("get_mempolicy", new NumaFormats.GetMempolicy()),
            Map.entry("move_pages", new NumaFormats.MovePages()),
            Map.entry("ioprio_get", new IoprioFormat(false)),
            Map.entry("ioprio_set", new IoprioFormat(true)),
            Map.entry("time", new PointerOutFormats.Time()),
            Map.entry("getcpu", new PointerOutFormats.Getcpu()),
            Map.entry("sendfile", new PointerOutFormats.Sendfile()),
            Map.entry("mincore", new PointerOutFormats.Mincore()),
            Map.entry("sched_getscheduler", new SchedFormats.GetScheduler()),
            Map.entry("sched_setscheduler", new SchedFormats.SetParam(true)),
            Map.entry("sched_setparam", new SchedFormats.SetParam(false)),
            Map.entry("sched_getparam", new SchedFormats.GetParam()),
            Map.entry("sched_get_priority_min", new SchedFormats.PriorityLimit()),
            Map.entry("sched_get_priority_max", new SchedFormats.PriorityLimit()),
            Map.entry("sched_rr_get_interval", new SchedFormats.RrGetInterval()),
            Map.entry("sched_setaffinity", new SchedFormats.Affinity(true)),
            Map.entry("sched_getaffinity", new SchedFormats.Affinity(false)),
            Map.entry("sched_setattr", new SchedFormats.Attr(true)),
            Map.entry("sched_getattr", new SchedFormats.Attr(false)),
            Map.entry("kcmp", new ProcessCallFormats.Kcmp()),
            Map.entry("get_robust_list", new ProcessCallFormats.GetRobustList()),
            Map.entry("ptrace", new PtraceFormat()),
            Map.entry("bpf", new BpfFormat()),
            Map.entry("timerfd_settime", new FdEventFormats.TimerfdSettime()),
            Map.entry("timerfd_gettime", new FdEventFormats.TimerfdGettime()),
            Map.entry("inotify_add_watch", new FdEventFormats.InotifyAddWatch()),
            Map.entry("ioctl", new IoctlFormat()),
            Map.entry("add_key", new KeyAndQueueFormats.AddKey()),
            Map.entry("getdents", new GetdentsFormat()),
            Map.entry("seccomp", new SeccompFormat()),
            Map.entry("msgget", new IpcFormats.Msgget()),
            Map.entry("semget", new IpcFormats.Semget()),
            Map.entry("shmget", new IpcFormats.Shmget()),
            Map.entry("shmat", new IpcFormats.Shmat()),
            Map.entry("shmdt", new IpcFormats.Shmdt()),
            Map.entry("semop", new IpcFormats.Semop()),
            Map.entry("request_key", new KeyAndQueueFormats.RequestKey()),
            Map.entry("mq_open", new KeyAndQueueFormats.MqOpen()),
            Map.entry("mq_unlink", new KeyAndQueueFormats.MqUnlink()),
            Map.entry("mq_getsetattr", new KeyAndQueueFormats.MqGetSetAttr()),
            Map.entry("mq_timedsend", new KeyAndQueueFormats.MqTimedSend()),
            Map.entry("mq_timedreceive", new KeyAndQueueFormats.MqTimedReceive()),
            Map.entry("mq_notify", ArgListFormat.of(ArgListFormat.fd(), TimerCreateFormat.sigeventArg())),
            Map.entry("io_getevents", new AioFormats.IoGetevents(false)),
            Map.entry("io_pgetevents", new AioFormats.IoGetevents(true))),
            MountFormats.FORMATS, LandlockFormats.FORMATS, IpcCtlFormats.FORMATS,
            QuotaFormats.FORMATS_BY_NAME, FanotifyFormats.FORMATS, CapsFormats.FORMATS,
            AdminCallFormats.FORMATS, SmallFileCallFormats.FORMATS, XattrFormats.FORMATS, KexecFormats.FORMATS,
            TimexFormats.FORMATS, LdtFormats.FORMATS,
            Map.of("futex_waitv", new FutexWaitvFormat(), "clone", new CloneFormat(),
                    "rt_sigtimedwait", new SigtimedwaitFormat()));

    private CallFormats() {}

    /** The table above with each family's own table ({@code MountFormats.FORMATS}) added; a name only once. */
    @SafeVarargs
    private static Map<String, CallFormat> withFamilies(Map<String, CallFormat> base,
                                                        Map<String, CallFormat>... families) {
        Map<String, CallFormat> all = new java.util.HashMap<>(base);
        for (Map<String, CallFormat> f : families) {
            for (var e : f.entrySet()) {
                if (all.put(e.getKey(), e.getValue()) != null) throw new IllegalStateException("two formats: " + e.getKey());
            }
        }
        return Map.copyOf(all);
    }

    /** {@return the format of {@code name}, or null when its signature's types print it} */
    static CallFormat forName(String name) {
        return BY_NAME.get(name);
    }
}
