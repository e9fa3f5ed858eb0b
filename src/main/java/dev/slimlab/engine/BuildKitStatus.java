package dev.slimlab.engine;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One progress message of a BuildKit build, decoded from the protobuf
 * {@code moby.buildkit.v1.StatusResponse} that the daemon sends base64-encoded in the build
 * stream's {@code moby.buildkit.trace} lines (field numbers from BuildKit's
 * {@code api/services/control/control.proto}). Only the fields SlimLab uses are read; the rest
 * (status counters, progress groups, warning ranges) is skipped.
 *
 * @param vertexes the steps this message reports on (each is sent again as it progresses)
 * @param logs     output of running steps
 * @param warnings the frontend's warnings
 */
record BuildKitStatus(List<Vertex> vertexes, List<Log> logs, List<Warning> warnings) {

    /** A step of the build graph, identified by its digest; absent timestamps are null. */
    record Vertex(String digest, List<String> inputs, String name, boolean cached, Instant started,
                  Instant completed, String error) {
    }

    /** Output a step wrote: {@code stream} 1 is stdout, 2 stderr. */
    record Log(String vertex, Instant timestamp, long stream, byte[] message) {
    }

    record Warning(String vertex, String text) {
    }

    static BuildKitStatus decode(byte[] message) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(message);
        List<Vertex> vertexes = new ArrayList<>();
        List<Log> logs = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> vertexes.add(nested(in, BuildKitStatus::vertex));
                case 3 -> logs.add(nested(in, BuildKitStatus::log));
                case 4 -> warnings.add(nested(in, BuildKitStatus::warning));
                default -> in.skipField(tag);
            }
        }
        return new BuildKitStatus(vertexes, logs, warnings);
    }

    private interface Reader<T> {
        T read(CodedInputStream in) throws IOException;
    }

    /** Reads a length-delimited sub-message with {@code reader}, which reads to the limit. */
    private static <T> T nested(CodedInputStream in, Reader<T> reader) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        T value = reader.read(in);
        in.popLimit(limit);
        return value;
    }

    private static Vertex vertex(CodedInputStream in) throws IOException {
        String digest = "";
        List<String> inputs = new ArrayList<>();
        String name = "";
        boolean cached = false;
        Instant started = null;
        Instant completed = null;
        String error = "";
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> digest = in.readString();
                case 2 -> inputs.add(in.readString());
                case 3 -> name = in.readString();
                case 4 -> cached = in.readBool();
                case 5 -> started = nested(in, BuildKitStatus::timestamp);
                case 6 -> completed = nested(in, BuildKitStatus::timestamp);
                case 7 -> error = in.readString();
                default -> in.skipField(tag);
            }
        }
        return new Vertex(digest, List.copyOf(inputs), name, cached, started, completed, error);
    }

    private static Log log(CodedInputStream in) throws IOException {
        String vertex = "";
        Instant timestamp = null;
        long stream = 0;
        byte[] message = new byte[0];
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> vertex = in.readString();
                case 2 -> timestamp = nested(in, BuildKitStatus::timestamp);
                case 3 -> stream = in.readInt64();
                case 4 -> message = in.readByteArray();
                default -> in.skipField(tag);
            }
        }
        return new Log(vertex, timestamp, stream, message);
    }

    private static Warning warning(CodedInputStream in) throws IOException {
        String vertex = "";
        StringBuilder text = new StringBuilder();
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> vertex = in.readString();
                case 3 -> text.insert(0, in.readBytes().toStringUtf8());
                case 4 -> text.append(text.isEmpty() ? "" : ": ").append(in.readBytes().toStringUtf8());
                default -> in.skipField(tag);
            }
        }
        return new Warning(vertex, text.toString());
    }

    /** {@code google.protobuf.Timestamp}: seconds and nanoseconds since the epoch. */
    private static Instant timestamp(CodedInputStream in) throws IOException {
        long seconds = 0;
        int nanos = 0;
        for (int tag; (tag = in.readTag()) != 0; ) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> seconds = in.readInt64();
                case 2 -> nanos = in.readInt32();
                default -> in.skipField(tag);
            }
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
