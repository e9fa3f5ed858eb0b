package dev.slimlab.experiment.store;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slimlab.engine.api.BuildStep;
import dev.slimlab.engine.api.Builder;
import dev.slimlab.engine.api.EngineInfo;
import dev.slimlab.engine.api.InstalledPackage;
import dev.slimlab.engine.api.WastedFile;
import dev.slimlab.experiment.Experiment;
import dev.slimlab.experiment.ExperimentResult;
import dev.slimlab.experiment.ExperimentSettings;
import dev.slimlab.experiment.LayerResult;
import dev.slimlab.experiment.ParityFinding;
import dev.slimlab.experiment.RunSummary;
import dev.slimlab.experiment.StagingResult;
import dev.slimlab.experiment.TestOutcome;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Saves and loads an {@link ExperimentResult} as a versioned JSON experiment file.
 *
 * <p>The format (documented in the README, "Experiment files"): a pretty-printed UTF-8 JSON
 * object with {@code schemaVersion} ({@value #SCHEMA_VERSION}), {@code id}, {@code dockerfile},
 * {@code context}, {@code settings}, {@code engine}, {@code startedAt} and {@code variants}, in
 * that order; every variant's fields in a fixed order too, its optimizations sorted, so the same
 * result always gives the same bytes. Only a variant's {@code error} and {@code imageId} may be
 * {@code null}; every other field is required, except {@code userWastedPercent} and {@code logFile},
 * added later, which default to 0 and "", a step's {@code startSeconds} (default: the steps
 * follow one another), {@code settings.builder} and {@code engine.builder} ({@code auto},
 * {@code buildkit} or {@code classic}; default {@code classic}, the only builder before them),
 * {@code settings.changedFile} (default none), and {@code staging} (the staging tests and parity
 * findings, present once they ran: {@code {"tests": [{kind, name, status, seconds, message,
 * output}], "parity": [{kind, severity, subject, original, variant, message}], "problems": [...]}},
 * status PASSED, FAILED or ERROR, severity HIGH, MEDIUM, LOW or INFO). At the top level,
 * {@code history} (optional) lists every run saved to the file, oldest first:
 * {@code [{startedAt, variants: [{name, status, sizeBytes, compressedBytes, medianBuildSeconds}]}]}. Doubles are written in their shortest exact form
 * (they read back bit for bit); a non-finite one is written as the string {@code "NaN"},
 * {@code "Infinity"} or {@code "-Infinity"}. {@code medianBuildSeconds} is derived from
 * {@code buildSeconds}: written for readers of the file, ignored when loading. Unknown fields are
 * ignored, so a later SlimLab may add fields within a schema version.
 *
 * <p>{@link #save} writes atomically: a temporary file in the same folder, forced to disk, then
 * renamed over the target; a reader sees the old file or the new one, never a part, and the
 * temporary file never stays behind. {@link #load} gives the whole experiment or an
 * {@link ExperimentFileException} saying in words what is wrong with which file, never a
 * half-loaded experiment.
 */
public final class ExperimentFile {

    /** The schema version this SlimLab writes, and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final ObjectWriter WRITER = MAPPER.writer(prettyPrinter());


    private ExperimentFile() {
    }

    // ---- save -------------------------------------------------------------------------------

    /**
     * Writes {@code result} to {@code file} atomically, replacing the file if it exists (the
     * folder is created if it is missing).
     *
     * @throws IllegalArgumentException if the result holds a {@code null} where the format needs
     *                                  a value (nothing is written then)
     * @throws IOException              if the file cannot be written; the previous file, if
     *                                  any, is then left as it was and no temporary file remains
     */
    public static void save(ExperimentResult result, Path file) throws IOException {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(file, "file");
        ObjectNode tree = toTree(result);
        try {
            fromTree(tree); // never write what load would refuse
        } catch (Invalid e) {
            throw new IllegalArgumentException("cannot save experiment '" + result.id() + "' to " + file + ": "
                    + e.path + " " + e.problem);
        }
        byte[] json = WRITER.writeValueAsBytes(tree);
        byte[] bytes = Arrays.copyOf(json, json.length + 1);
        bytes[json.length] = '\n';
        AtomicFiles.write(file, bytes);
    }

    /** The experiment as the JSON tree a file holds (for reports that embed it). */
    public static ObjectNode toJsonTree(ExperimentResult result) {
        return toTree(result);
    }

    private static ObjectNode toTree(ExperimentResult r) {
        ObjectNode root = NODES.objectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("id", r.id());
        root.put("dockerfile", r.dockerfile());
        root.put("context", r.context());
        ExperimentSettings s = r.settings();
        if (s == null) {
            root.putNull("settings");
        } else {
            ObjectNode settings = root.putObject("settings");
            settings.put("repetitions", s.repetitions());
            settings.put("noCache", s.noCache());
            settings.put("pull", s.pull());
            settings.put("parallelBuilds", s.parallelBuilds());
            settings.put("timeoutSeconds", s.timeoutSeconds());
            settings.put("compressionLevel", s.compressionLevel());
            putDouble(settings, "bandwidthMbitPerSecond", s.bandwidthMbitPerSecond());
            settings.put("builder", s.builder().id());
            settings.put("changedFile", s.changedFile().orElse(null));
        }
        EngineInfo e = r.engine();
        if (e == null) {
            root.putNull("engine");
        } else {
            ObjectNode engine = root.putObject("engine");
            engine.put("host", e.host());
            engine.put("engineVersion", e.engineVersion());
            engine.put("apiVersion", e.apiVersion());
            engine.put("os", e.os());
            engine.put("builder", e.builder().id());
        }
        root.put("startedAt", r.startedAt());
        ArrayNode variants = root.putArray("variants");
        for (VariantResult v : r.variants()) {
            variants.add(toTree(v));
        }
        if (!r.history().isEmpty()) {
            ArrayNode history = root.putArray("history");
            for (RunSummary run : r.history()) {
                ObjectNode o = history.addObject();
                o.put("startedAt", run.startedAt());
                ArrayNode vs = o.putArray("variants");
                for (RunSummary.Variant v : run.variants()) {
                    ObjectNode vo = vs.addObject().put("name", v.name()).put("status", v.status().name())
                            .put("sizeBytes", v.sizeBytes()).put("compressedBytes", v.compressedBytes());
                    putDouble(vo, "medianBuildSeconds", v.medianBuildSeconds());
                }
            }
        }
        return root;
    }

    private static ObjectNode toTree(VariantResult v) {
        ObjectNode o = NODES.objectNode();
        o.put("name", v.name());
        ArrayNode optimizations = o.putArray("optimizations");
        new TreeSet<>(v.optimizations()).forEach(optimizations::add);
        o.put("status", v.status() == null ? null : v.status().name());
        o.put("error", orNull(v.error()));
        o.put("imageId", orNull(v.imageId()));
        o.put("sizeBytes", v.sizeBytes());
        o.put("compressedBytes", v.compressedBytes());
        putDouble(o, "estimatedPullSeconds", v.estimatedPullSeconds());
        ArrayNode layers = o.putArray("layers");
        for (LayerResult layer : v.layers()) {
            layers.addObject().put("createdBy", layer.createdBy()).put("sizeBytes", layer.sizeBytes());
        }
        ArrayNode buildSeconds = o.putArray("buildSeconds");
        v.buildSeconds().forEach(seconds -> buildSeconds.add(doubleNode(seconds)));
        putDouble(o, "medianBuildSeconds", v.medianBuildSeconds());
        ArrayNode steps = o.putArray("steps");
        for (BuildStep step : v.steps()) {
            ObjectNode s = steps.addObject();
            s.put("number", step.number());
            s.put("instruction", step.instruction());
            putDouble(s, "startSeconds", step.startSeconds());
            putDouble(s, "seconds", step.seconds());
            s.put("cached", step.cached());
        }
        putDouble(o, "efficiency", v.efficiency());
        o.put("wastedBytes", v.wastedBytes());
        putDouble(o, "userWastedPercent", v.userWastedPercent());
        ArrayNode wasted = o.putArray("topWastedFiles");
        for (WastedFile w : v.topWastedFiles()) {
            wasted.addObject().put("path", w.path()).put("layers", w.layers()).put("totalBytes", w.totalBytes());
        }
        ArrayNode packages = o.putArray("packages");
        for (InstalledPackage p : v.packages()) {
            packages.addObject().put("manager", p.manager()).put("name", p.name()).put("version", p.version())
                    .put("installedBytes", p.installedBytes());
        }
        o.put("dockerfile", v.dockerfile());
        ArrayNode logTail = o.putArray("logTail");
        v.logTail().forEach(logTail::add);
        o.put("logFile", v.logFile());
        v.staging().ifPresent(staging -> putStaging(o.putObject("staging"), staging));
        return o;
    }

    private static String orNull(Optional<String> value) {
        return value == null ? null : value.orElse(null);
    }

    private static void putStaging(ObjectNode o, StagingResult staging) {
        ArrayNode tests = o.putArray("tests");
        for (TestOutcome t : staging.tests()) {
            ObjectNode test = tests.addObject().put("kind", t.kind()).put("name", t.name())
                    .put("status", t.status().name());
            putDouble(test, "seconds", t.seconds());
            test.put("message", t.message()).put("output", t.output());
        }
        ArrayNode parity = o.putArray("parity");
        for (ParityFinding f : staging.parity()) {
            parity.addObject().put("kind", f.kind()).put("severity", f.severity().name()).put("subject", f.subject())
                    .put("original", f.original()).put("variant", f.variant()).put("message", f.message());
        }
        ArrayNode problems = o.putArray("problems");
        staging.problems().forEach(problems::add);
    }

    private static void putDouble(ObjectNode o, String name, double value) {
        o.set(name, doubleNode(value));
    }

    /** A number, or for NaN and the infinities (which JSON has no number for) their Java names as a string. */
    private static JsonNode doubleNode(double value) {
        return Double.isFinite(value) ? NODES.numberNode(value) : NODES.textNode(Double.toString(value));
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }

    // ---- load -------------------------------------------------------------------------------

    /**
     * Reads an experiment file.
     *
     * @throws ExperimentFileException if the file cannot be read, is not JSON or is cut short,
     *                                 has no schema version or one newer than {@value #SCHEMA_VERSION},
     *                                 or lacks or mistypes a field; the message names the file
     *                                 and the field
     */
    public static ExperimentResult load(Path file) throws ExperimentFileException {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ExperimentFileException(file, "cannot read " + file + ": there is no such file", e);
        } catch (AccessDeniedException e) {
            throw new ExperimentFileException(file, "cannot read " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new ExperimentFileException(file, "cannot read " + file + ": " + e, e);
        }
        String notOurs = file + " is not a SlimLab experiment file: ";
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 0 ? ""
                    : " at line " + at.getLineNr() + " column " + at.getColumnNr();
            throw new ExperimentFileException(file, notOurs + parseProblem(e) + where, e);
        } catch (IOException e) { // e.g. bytes that are no text in any Unicode encoding
            throw new ExperimentFileException(file, notOurs + "it is not JSON text (" + e.getMessage() + ")", e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ExperimentFileException(file, notOurs + "it is empty");
        }
        if (!root.isObject()) {
            throw new ExperimentFileException(file, notOurs + "it holds " + describe(root)
                    + " where a JSON object ({...}) was expected");
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null) {
            throw new ExperimentFileException(file, notOurs + "it has no schemaVersion");
        }
        if (!version.isIntegralNumber() || !version.canConvertToInt()) {
            throw new ExperimentFileException(file, file + " is not a valid SlimLab experiment file: schemaVersion "
                    + "must be a whole number, but is " + describe(version));
        }
        int schema = version.intValue();
        if (schema > SCHEMA_VERSION) {
            throw new ExperimentFileException(file, file + " was written by a newer SlimLab (schema " + schema
                    + "); this one reads schema " + SCHEMA_VERSION + ": update SlimLab");
        }
        if (schema < 1) {
            throw new ExperimentFileException(file, file + " is not a valid SlimLab experiment file: schemaVersion "
                    + schema + " is not a version SlimLab ever wrote (they start at 1)");
        }
        try {
            return fromTree(root);
        } catch (Invalid e) {
            throw new ExperimentFileException(file, file + " is not a valid SlimLab experiment file: "
                    + e.path + " " + e.problem);
        }
    }

    private static String parseProblem(JsonProcessingException e) {
        // Jackson reports some cuts (between object entries, inside a token) as a plain parse error
        if (e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
            return "the JSON ends before it is complete (is the file truncated?)";
        }
        String message = Objects.requireNonNullElse(e.getOriginalMessage(), e.getClass().getSimpleName());
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        // Jackson points at "[Source: ...]" positions inside some messages; the line and column follow anyway
        return message.replaceAll("\\s*\\(start marker at \\[Source: [^\\]]*\\]\\)", "").strip();
    }

    private static ExperimentResult fromTree(JsonNode node) throws Invalid {
        Obj root = new Obj(node, "");
        String id = root.string("id");
        String dockerfile = root.string("dockerfile");
        String context = root.string("context");
        ExperimentSettings settings = settings(root.object("settings"));
        EngineInfo engine = engine(root.object("engine"));
        String startedAt = root.string("startedAt");
        List<VariantResult> variants = root.list("variants", (n, path) -> variant(asObject(n, path)));
        List<RunSummary> history = !root.has("history") ? List.of() : root.list("history", (n, path) -> {
            Obj run = asObject(n, path);
            return new RunSummary(run.string("startedAt"), run.list("variants", (vn, vpath) -> {
                Obj v = asObject(vn, vpath);
                return new RunSummary.Variant(v.string("name"), status(v.field("status", "a string"), v.path("status")),
                        v.longValue("sizeBytes"), v.longValue("compressedBytes"), v.doubleValue("medianBuildSeconds"));
            }));
        });
        return new ExperimentResult(id, dockerfile, context, settings, engine, startedAt, variants, history);
    }

    private static ExperimentSettings settings(Obj s) throws Invalid {
        int repetitions = s.intValue("repetitions");
        boolean noCache = s.bool("noCache");
        boolean pull = s.bool("pull");
        int parallelBuilds = s.intValue("parallelBuilds");
        long timeoutSeconds = s.longValue("timeoutSeconds");
        int compressionLevel = s.intValue("compressionLevel");
        double bandwidth = s.doubleValue("bandwidthMbitPerSecond");
        Builder builder = builder(s);
        Optional<String> changedFile = Optional.ofNullable(s.has("changedFile") ? s.nullableString("changedFile") : null);
        try {
            return new ExperimentSettings(repetitions, noCache, pull, parallelBuilds, timeoutSeconds, compressionLevel,
                    bandwidth, builder, changedFile);
        } catch (IllegalArgumentException e) {
            throw new Invalid(s.path, "are not valid: " + e.getMessage());
        }
    }

    private static EngineInfo engine(Obj e) throws Invalid {
        return new EngineInfo(e.string("host"), e.string("engineVersion"), e.string("apiVersion"), e.string("os"),
                builder(e));
    }

    /** {@code builder}, added within schema 1: files written before it were all built by the classic builder. */
    private static Builder builder(Obj o) throws Invalid {
        if (!o.has("builder")) {
            return Builder.CLASSIC;
        }
        try {
            return Builder.parse(o.string("builder"));
        } catch (IllegalArgumentException e) {
            throw new Invalid(o.path("builder"), "is not a builder: " + e.getMessage());
        }
    }

    private static VariantResult variant(Obj v) throws Invalid {
        String name = v.string("name");
        Set<String> optimizations = Set.copyOf(v.list("optimizations", ExperimentFile::asString));
        VariantResult.Status status = status(v.field("status", "a status"), v.path("status"));
        Optional<String> error = Optional.ofNullable(v.nullableString("error"));
        Optional<String> imageId = Optional.ofNullable(v.nullableString("imageId"));
        long sizeBytes = v.longValue("sizeBytes");
        long compressedBytes = v.longValue("compressedBytes");
        double estimatedPullSeconds = v.doubleValue("estimatedPullSeconds");
        List<LayerResult> layers = v.list("layers", (n, path) -> {
            Obj layer = asObject(n, path);
            return new LayerResult(layer.string("createdBy"), layer.longValue("sizeBytes"));
        });
        List<Double> buildSeconds = v.list("buildSeconds", ExperimentFile::asDouble);
        double[] classicClock = {0}; // files from before startSeconds: the classic builder's steps follow one another
        List<BuildStep> steps = v.list("steps", (n, path) -> {
            Obj step = asObject(n, path);
            double seconds = step.doubleValue("seconds");
            double start = step.has("startSeconds") ? step.doubleValue("startSeconds") : classicClock[0];
            classicClock[0] = start + seconds;
            return new BuildStep(step.intValue("number"), step.string("instruction"), start, seconds,
                    step.bool("cached"));
        });
        double efficiency = v.doubleValue("efficiency");
        long wastedBytes = v.longValue("wastedBytes");
        List<WastedFile> topWastedFiles = v.list("topWastedFiles", (n, path) -> {
            Obj w = asObject(n, path);
            return new WastedFile(w.string("path"), w.intValue("layers"), w.longValue("totalBytes"));
        });
        List<InstalledPackage> packages = v.list("packages", (n, path) -> {
            Obj p = asObject(n, path);
            return new InstalledPackage(p.string("manager"), p.string("name"), p.string("version"),
                    p.longValue("installedBytes"));
        });
        double userWastedPercent = v.has("userWastedPercent") ? v.doubleValue("userWastedPercent") : 0;
        String dockerfile = v.string("dockerfile");
        List<String> logTail = v.list("logTail", ExperimentFile::asString);
        String logFile = v.has("logFile") ? v.string("logFile") : "";
        Optional<StagingResult> staging = v.has("staging") ? Optional.of(staging(v.object("staging"))) : Optional.empty();
        return new VariantResult(name, optimizations, status, error, imageId, sizeBytes, compressedBytes,
                estimatedPullSeconds, layers, buildSeconds, steps, efficiency, wastedBytes, userWastedPercent,
                topWastedFiles, packages, dockerfile, logTail, logFile, staging);
    }

    private static StagingResult staging(Obj o) throws Invalid {
        List<TestOutcome> tests = o.list("tests", (n, path) -> {
            Obj t = asObject(n, path);
            return new TestOutcome(t.string("kind"), t.string("name"),
                    named(TestOutcome.Status.class, t.field("status", "a string"), t.path("status")),
                    t.doubleValue("seconds"), t.string("message"), t.string("output"));
        });
        List<ParityFinding> parity = o.list("parity", (n, path) -> {
            Obj f = asObject(n, path);
            return new ParityFinding(f.string("kind"),
                    named(ParityFinding.Severity.class, f.field("severity", "a string"), f.path("severity")),
                    f.string("subject"), f.string("original"), f.string("variant"), f.string("message"));
        });
        return new StagingResult(tests, parity, o.list("problems", ExperimentFile::asString));
    }

    /** The constant of {@code type} a field names, or a message listing the ones there are. */
    private static <E extends Enum<E>> E named(Class<E> type, JsonNode n, String path) throws Invalid {
        String value = asString(n, path);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new Invalid(path, "is " + quote(value) + ", which is not one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    private static VariantResult.Status status(JsonNode n, String path) throws Invalid {
        String value = asString(n, path);
        for (VariantResult.Status status : VariantResult.Status.values()) {
            if (status.name().equals(value)) {
                return status;
            }
        }
        throw new Invalid(path, "is " + quote(value) + ", which is not a status SlimLab knows ("
                + Arrays.stream(VariantResult.Status.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
    }

    // ---- typed access to the tree, naming the path of whatever is wrong ---------------------

    /** What is wrong ({@code problem}) and where ({@code path}, e.g. {@code variants[2].status}). */
    private static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        final String path;
        final String problem;

        Invalid(String path, String problem) {
            super(path + " " + problem, null, false, false);
            this.path = path;
            this.problem = problem;
        }
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(JsonNode node, String path) throws Invalid;
    }

    /** A JSON object at a path. */
    private record Obj(JsonNode node, String path) {

        String path(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        JsonNode field(String name, String expected) throws Invalid {
            JsonNode value = node.get(name);
            if (value == null) {
                throw new Invalid(path(name), "is missing (it should be " + expected + ")");
            }
            return value;
        }

        String string(String name) throws Invalid {
            return asString(field(name, "a string"), path(name));
        }

        /** Whether an optional field is there (fields added after schema 1 was first written). */
        boolean has(String name) {
            return node.has(name);
        }

        String nullableString(String name) throws Invalid {
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : asString(value, path(name));
        }

        boolean bool(String name) throws Invalid {
            JsonNode value = field(name, "true or false");
            if (!value.isBoolean()) {
                throw wrongType(path(name), "true or false", value);
            }
            return value.booleanValue();
        }

        int intValue(String name) throws Invalid {
            JsonNode value = field(name, "a whole number");
            if (!value.isIntegralNumber()) {
                throw wrongType(path(name), "a whole number", value);
            }
            if (!value.canConvertToInt()) {
                throw new Invalid(path(name), "is " + value + ", out of the range of a whole number here ("
                        + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ")");
            }
            return value.intValue();
        }

        long longValue(String name) throws Invalid {
            JsonNode value = field(name, "a whole number");
            if (!value.isIntegralNumber()) {
                throw wrongType(path(name), "a whole number", value);
            }
            if (!value.canConvertToLong()) {
                throw new Invalid(path(name), "is " + value + ", out of the range of a whole number here ("
                        + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")");
            }
            return value.longValue();
        }

        double doubleValue(String name) throws Invalid {
            return asDouble(field(name, "a number"), path(name));
        }

        Obj object(String name) throws Invalid {
            return asObject(field(name, "an object"), path(name));
        }

        <T> List<T> list(String name, Reader<T> reader) throws Invalid {
            JsonNode value = field(name, "an array");
            if (!value.isArray()) {
                throw wrongType(path(name), "an array", value);
            }
            List<T> items = new ArrayList<>(value.size());
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                String itemPath = path(name) + "[" + i + "]";
                if (item.isNull()) {
                    throw new Invalid(itemPath, "is null");
                }
                items.add(reader.read(item, itemPath));
            }
            return items;
        }
    }

    private static Obj asObject(JsonNode node, String path) throws Invalid {
        if (!node.isObject()) {
            throw wrongType(path, "an object", node);
        }
        return new Obj(node, path);
    }

    private static String asString(JsonNode node, String path) throws Invalid {
        if (!node.isTextual()) {
            throw wrongType(path, "a string", node);
        }
        return node.textValue();
    }

    private static double asDouble(JsonNode node, String path) throws Invalid {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            switch (node.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw wrongType(path, "a number", node);
    }

    private static Invalid wrongType(String path, String expected, JsonNode found) {
        return new Invalid(path, "must be " + expected + ", but is " + describe(found));
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "a string (" + quote(node.textValue()) + ")";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isBoolean()) {
            return String.valueOf(node.booleanValue());
        }
        if (node.isNumber()) {
            return "the number " + node;
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static String quote(String text) {
        String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
        return "\"" + shown + "\"";
    }
}
