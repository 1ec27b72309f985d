package dev.jstrace.sink;

/**
 * The Perfetto trace-proto field numbers and enum values the Perfetto sink
 * writes, each named after its proto field. Taken from
 * {@code protos/perfetto/trace/} in google/perfetto: trace.proto,
 * trace_packet.proto, clock_snapshot.proto, common/builtin_clock.proto,
 * interned_data/interned_data.proto, track_event/track_event.proto,
 * track_event/track_descriptor.proto, track_event/process_descriptor.proto,
 * track_event/thread_descriptor.proto, track_event/counter_descriptor.proto,
 * track_event/debug_annotation.proto, trace_packet_defaults.proto. The test
 * schema {@code src/test/resources/perfetto/jstrace_trace.proto} is a second,
 * independent transcription checked with protoc. A wrong number here does not fail: the
 * UI silently shows an empty trace, so change them only against the protos.
 */
final class PerfettoFields {
    private PerfettoFields() {}

    /** Trace.packet (repeated TracePacket). */
    static final int TRACE_PACKET = 1;

    /** TracePacket.timestamp (uint64, ns in the packet's clock). */
    static final int PACKET_TIMESTAMP = 8;
    /** TracePacket.timestamp_clock_id (uint32, a BuiltinClock or a sequence-scoped clock). */
    static final int PACKET_TIMESTAMP_CLOCK_ID = 58;
    /** TracePacket.trace_packet_defaults (TracePacketDefaults). */
    static final int PACKET_TRACE_PACKET_DEFAULTS = 59;
    /** TracePacket.first_packet_on_sequence (bool). */
    static final int PACKET_FIRST_PACKET_ON_SEQUENCE = 87;
    /** TracePacketDefaults.timestamp_clock_id (uint32). */
    static final int DEFAULTS_TIMESTAMP_CLOCK_ID = 58;
    /** TracePacket.trusted_packet_sequence_id (uint32). */
    static final int PACKET_TRUSTED_PACKET_SEQUENCE_ID = 10;
    /** TracePacket.track_event (TrackEvent). */
    static final int PACKET_TRACK_EVENT = 11;
    /** TracePacket.interned_data (InternedData). */
    static final int PACKET_INTERNED_DATA = 12;
    /** TracePacket.sequence_flags (uint32, SequenceFlags bits). */
    static final int PACKET_SEQUENCE_FLAGS = 13;
    /** TracePacket.clock_snapshot (ClockSnapshot). */
    static final int PACKET_CLOCK_SNAPSHOT = 6;
    /** TracePacket.track_descriptor (TrackDescriptor). */
    static final int PACKET_TRACK_DESCRIPTOR = 60;

    /** TracePacket.SequenceFlags.SEQ_INCREMENTAL_STATE_CLEARED. */
    static final int SEQ_INCREMENTAL_STATE_CLEARED = 1;
    /** TracePacket.SequenceFlags.SEQ_NEEDS_INCREMENTAL_STATE. */
    static final int SEQ_NEEDS_INCREMENTAL_STATE = 2;

    /** ClockSnapshot.clocks (repeated Clock). */
    static final int CLOCK_SNAPSHOT_CLOCKS = 1;
    /** ClockSnapshot.Clock.clock_id (uint32). */
    static final int CLOCK_CLOCK_ID = 1;
    /** ClockSnapshot.Clock.timestamp (uint64). */
    static final int CLOCK_TIMESTAMP = 2;
    /** BuiltinClock.BUILTIN_CLOCK_REALTIME. */
    static final int BUILTIN_CLOCK_REALTIME = 1;
    /** BuiltinClock.BUILTIN_CLOCK_MONOTONIC: our events' clock ({@link System#nanoTime()}). */
    static final int BUILTIN_CLOCK_MONOTONIC = 3;
    /** BuiltinClock.BUILTIN_CLOCK_BOOTTIME: the default clock of TracePacket.timestamp. */
    static final int BUILTIN_CLOCK_BOOTTIME = 6;

    /** InternedData.event_categories (repeated EventCategory). */
    static final int INTERNED_EVENT_CATEGORIES = 1;
    /** InternedData.event_names (repeated EventName). */
    static final int INTERNED_EVENT_NAMES = 2;
    /** InternedData.debug_annotation_names (repeated DebugAnnotationName). */
    static final int INTERNED_DEBUG_ANNOTATION_NAMES = 3;
    /** EventCategory.iid, EventName.iid, DebugAnnotationName.iid (uint64). */
    static final int INTERNED_IID = 1;
    /** EventCategory.name, EventName.name, DebugAnnotationName.name (string). */
    static final int INTERNED_NAME = 2;

    /** TrackDescriptor.uuid (uint64). */
    static final int TRACK_UUID = 1;
    /** TrackDescriptor.name (string). */
    static final int TRACK_NAME = 2;
    /** TrackDescriptor.process (ProcessDescriptor). */
    static final int TRACK_PROCESS = 3;
    /** TrackDescriptor.thread (ThreadDescriptor). */
    static final int TRACK_THREAD = 4;
    /** TrackDescriptor.parent_uuid (uint64). */
    static final int TRACK_PARENT_UUID = 5;
    /** TrackDescriptor.counter (CounterDescriptor). */
    static final int TRACK_COUNTER = 8;

    /** ProcessDescriptor.pid (int32). */
    static final int PROCESS_PID = 1;
    /** ProcessDescriptor.cmdline (repeated string). */
    static final int PROCESS_CMDLINE = 2;
    /** ProcessDescriptor.process_name (string). */
    static final int PROCESS_NAME = 6;

    /** ThreadDescriptor.pid (int32). */
    static final int THREAD_PID = 1;
    /** ThreadDescriptor.tid (int32). */
    static final int THREAD_TID = 2;
    /** ThreadDescriptor.thread_name (string). */
    static final int THREAD_NAME = 5;

    /** CounterDescriptor.unit (Unit enum). */
    static final int COUNTER_UNIT = 3;
    /** CounterDescriptor.Unit.UNIT_COUNT. */
    static final int UNIT_COUNT = 2;
    /** CounterDescriptor.Unit.UNIT_SIZE_BYTES. */
    static final int UNIT_SIZE_BYTES = 3;

    /** TrackEvent.category_iids (repeated uint64, interned EventCategory). */
    static final int EVENT_CATEGORY_IIDS = 3;
    /** TrackEvent.debug_annotations (repeated DebugAnnotation). */
    static final int EVENT_DEBUG_ANNOTATIONS = 4;
    /** TrackEvent.type (Type enum). */
    static final int EVENT_TYPE = 9;
    /** TrackEvent.name_iid (uint64, interned EventName). */
    static final int EVENT_NAME_IID = 10;
    /** TrackEvent.track_uuid (uint64). */
    static final int EVENT_TRACK_UUID = 11;
    /** TrackEvent.counter_value (int64). */
    static final int EVENT_COUNTER_VALUE = 30;
    /** TrackEvent.flow_ids (repeated fixed64). */
    static final int EVENT_FLOW_IDS = 47;
    /** TrackEvent.terminating_flow_ids (repeated fixed64). */
    static final int EVENT_TERMINATING_FLOW_IDS = 48;

    /** TrackEvent.Type.TYPE_SLICE_BEGIN. */
    static final int TYPE_SLICE_BEGIN = 1;
    /** TrackEvent.Type.TYPE_SLICE_END. */
    static final int TYPE_SLICE_END = 2;
    /** TrackEvent.Type.TYPE_INSTANT. */
    static final int TYPE_INSTANT = 3;
    /** TrackEvent.Type.TYPE_COUNTER. */
    static final int TYPE_COUNTER = 4;

    /** DebugAnnotation.name_iid (uint64, interned DebugAnnotationName). */
    static final int ANNOTATION_NAME_IID = 1;
    /** DebugAnnotation.bool_value. */
    static final int ANNOTATION_BOOL_VALUE = 2;
    /** DebugAnnotation.uint_value (uint64). */
    static final int ANNOTATION_UINT_VALUE = 3;
    /** DebugAnnotation.int_value (int64). */
    static final int ANNOTATION_INT_VALUE = 4;
    /** DebugAnnotation.string_value. */
    static final int ANNOTATION_STRING_VALUE = 6;
    /** DebugAnnotation.pointer_value (uint64, shown in hex). */
    static final int ANNOTATION_POINTER_VALUE = 7;
    /** DebugAnnotation.nested_value (NestedValue). */
    static final int ANNOTATION_NESTED_VALUE = 8;

    /** DebugAnnotation.NestedValue.nested_type (NestedType). */
    static final int NESTED_TYPE = 1;
    /** NestedValue.NestedType.DICT. */
    static final int NESTED_DICT = 1;
    /** NestedValue.NestedType.ARRAY. */
    static final int NESTED_ARRAY = 2;
    /** DebugAnnotation.NestedValue.dict_keys (repeated string). */
    static final int NESTED_DICT_KEYS = 2;
    /** DebugAnnotation.NestedValue.dict_values (repeated NestedValue). */
    static final int NESTED_DICT_VALUES = 3;
    /** DebugAnnotation.NestedValue.array_values (repeated NestedValue). */
    static final int NESTED_ARRAY_VALUES = 4;
    /** DebugAnnotation.NestedValue.int_value (int64). */
    static final int NESTED_INT_VALUE = 5;
    /** DebugAnnotation.NestedValue.bool_value. */
    static final int NESTED_BOOL_VALUE = 7;
    /** DebugAnnotation.NestedValue.string_value. */
    static final int NESTED_STRING_VALUE = 8;
}
