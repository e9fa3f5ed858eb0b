package dev.slimlab.experiment.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import dev.slimlab.experiment.StagingResult;
import dev.slimlab.experiment.TestOutcome;
import dev.slimlab.experiment.VariantResult.Status;
import dev.slimlab.experiment.VariantResult;
import dev.slimlab.experiment.VariantSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentFileTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    // ---- a realistic experiment -------------------------------------------------------------

    static final String ORIGINAL = """
            # Grüße: the story's service ☕
            FROM python:3.10
            RUN apt-get update
            RUN apt-get install -y gcc libpq-dev curl git
            COPY requirements.txt .
            RUN pip install -r requirements.txt
            """;

    static ExperimentResult realistic() {
        EngineInfo engine = new EngineInfo("unix:///var/run/docker.sock", "20.10.24+dfsg1", "1.41", "linux/amd64",
                Builder.BUILDKIT);
        ExperimentSettings settings = new ExperimentSettings(3, true, false, 2, 900, 6, 100.0, Builder.BUILDKIT,
                Optional.of("requirements.txt"));

        VariantResult original = new VariantResult("original", Set.of(), Status.BUILT, Optional.empty(),
                Optional.of("sha256:3f1c0a6e9be4c2d8d5a7f1e0b9c8a7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0"),
                1_234_567_890L, 456_789_012L, 36.543_120_96,
                List.of(new LayerResult("/bin/sh -c #(nop) ADD file:5e1f... in / ", 124_000_000L),
                        new LayerResult("/bin/sh -c apt-get update", 18_345_678L),
                        new LayerResult("/bin/sh -c apt-get install -y gcc libpq-dev curl git", 301_222_000L),
                        new LayerResult("/bin/sh -c #(nop) COPY file:ab12... in . ", 312L),
                        new LayerResult("/bin/sh -c pip install -r requirements.txt", 791_000_000L)),
                List.of(41.2, 39.875, 40.1),
                List.of(new BuildStep(1, "FROM python:3.10", 0.0, 0.012, false),
                        new BuildStep(2, "RUN apt-get update", 0.0, 6.25, true),
                        new BuildStep(3, "RUN apt-get install -y gcc libpq-dev curl git", 0.0, 21.7, false),
                        new BuildStep(4, "COPY requirements.txt .", 0.0, 0.3, false),
                        new BuildStep(5, "RUN pip install -r requirements.txt", 0.0, 12.9, false)),
                0.912_345_678_9, 98_765_432L, 8.125,
                List.of(new WastedFile("/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4",
                                2, 18_000_000L),
                        new WastedFile("/root/.cache/pip/http-v2/ä/ö/ü.body", 2, 4_096L)),
                List.of(new InstalledPackage("dpkg", "gcc-12", "12.2.0-14", 70_123_520L),
                        new InstalledPackage("dpkg", "libpq-dev", "15.10-0+deb12u1", 1_478_656L),
                        new InstalledPackage("pip", "psycopg2", "2.9.10", 512_000L),
                        new InstalledPackage("pip", "legacy-egg", "", 0L)),
                ORIGINAL,
                List.of("Step 5/5 : RUN pip install -r requirements.txt", "Successfully built 3f1c0a6e9be4",
                        "Successfully tagged slimlab/exp-1:original"), "/tmp/exp-1.logs/original.log");

        VariantResult minimal = new VariantResult("minimal",
                Set.of("slim-base", "pip-no-cache-dir", "apt-no-install-recommends", "apt-clean-lists"),
                Status.BUILT, Optional.empty(), Optional.of("sha256:99aa"), 412_000_000L, 150_000_001L, 12.000_000_08,
                List.of(new LayerResult("/bin/sh -c #(nop) ADD file:slim in / ", 74_800_000L),
                        new LayerResult("/bin/sh -c apt-get update &&     apt-get install --no-install-recommends -y gcc",
                                337_200_000L)),
                List.of(30.0, 31.5, 29.25), List.of(new BuildStep(1, "FROM python:3.10-slim", 0.0, 0.01, true)),
                1.0, 0L, 0.0, List.of(), List.of(new InstalledPackage("dpkg", "gcc-12", "12.2.0-14", 70_123_520L)),
                "FROM python:3.10-slim\n", List.of(), "").withStaging(new StagingResult(
                List.of(new TestOutcome("command", "imports psycopg2", TestOutcome.Status.FAILED, 1.25,
                                "exit code 1, expected 0", "ImportError: libpq.so.5: cannot open shared object file"),
                        new TestOutcome("http", "web GET /health", TestOutcome.Status.PASSED, 0.5, "", "ok")),
                List.of(new ParityFinding("library", ParityFinding.Severity.HIGH, "libpq.so.5",
                        "/usr/lib/x86_64-linux-gnu/libpq.so.5", "not found", "libpq.so.5 resolves in the original"),
                        new ParityFinding("env", ParityFinding.Severity.LOW, "PYTHONUNBUFFERED", "", "1", "added")),
                List.of("the original did not build")));

        VariantResult maximum = VariantResult.notBuilt(
                new VariantSpec("maximum", Set.of("multi-stage", "alpine-base", "combine-runs")), Status.FAILED,
                "The command '/bin/sh -c pip install -r requirements.txt' returned a non-zero code: 1",
                "FROM python:3.10-alpine AS builder\nRUN pip install -r requirements.txt\n", List.of(14.5),
                List.of(new BuildStep(1, "FROM python:3.10-alpine AS builder", 0.0, 0.02, true),
                        new BuildStep(2, "RUN pip install -r requirements.txt", 0.0, 14.48, false)),
                List.of("      Error: pg_config executable not found.", "  error: subprocess-exited-with-error",
                        "  × Getting requirements to build wheel did not run successfully.",
                        "The command '/bin/sh -c pip install -r requirements.txt' returned a non-zero code: 1"),
                "/tmp/exp-1.logs/maximum.log");

        VariantResult slow = VariantResult.notBuilt(new VariantSpec("slow", Set.of("jdk-to-jre")), Status.TIMED_OUT,
                "the build ran longer than 900 s and was cancelled", "FROM eclipse-temurin:17-jre\n", List.of(),
                List.of(), List.of("Step 1/4 : FROM eclipse-temurin:17-jre", "\t…still downloading \"layers\"\\"), "");

        return new ExperimentResult("exp-20250301-1", ORIGINAL, "/home/ana/src/story-service", settings, engine,
                "2025-03-01T09:14:07.123Z", List.of(original, minimal, maximum, slow));
    }

    Path saved(ExperimentResult result) throws IOException {
        Path file = dir.resolve("experiment.json");
        ExperimentFile.save(result, file);
        return file;
    }

    // ---- round trip and format --------------------------------------------------------------

    @Test
    void aRealisticExperimentReadsBackEqual() throws Exception {
        ExperimentResult result = realistic();

        ExperimentResult loaded = ExperimentFile.load(saved(result));

        assertThat(loaded).isEqualTo(result);
        assertThat(loaded.variants().get(2).error()).isEqualTo(result.variants().get(2).error());
        assertThat(loaded.variants().get(0).efficiency()).isEqualTo(0.912_345_678_9);
    }

    @Test
    void stagingResultsReadBackAndAnUnknownSeverityIsNamed() throws Exception {
        Path file = saved(realistic());
        assertThat(ExperimentFile.load(file).variants().get(1).staging()).isEqualTo(realistic().variants().get(1).staging());
        assertThat(ExperimentFile.load(file).variants().get(0).staging()).isEmpty();
        Files.writeString(file, Files.readString(file).replace("\"HIGH\"", "\"SEVERE\""));
        assertThatThrownBy(() -> ExperimentFile.load(file)).isInstanceOf(ExperimentFileException.class)
                .hasMessageContaining("variants[1].staging.parity[0].severity is \"SEVERE\", which is not one of HIGH,"
                        + " MEDIUM, LOW, INFO");
    }

    @Test
    void savingTheSameResultTwiceGivesTheSameBytes() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        ExperimentFile.save(realistic(), a);
        ExperimentFile.save(ExperimentFile.load(a), b);

        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    }

    @Test
    void doublesReadBackBitForBit() throws Exception {
        double[] awkward = {0.1 + 0.2, -0.0, 0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, 123456789.123456789,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Math.PI, 1.0 / 3};
        List<Double> seconds = Arrays.stream(awkward).boxed().toList();
        ExperimentResult base = realistic();
        VariantResult v = base.variants().get(0);
        VariantResult odd = new VariantResult(v.name(), v.optimizations(), v.status(), v.error(), v.imageId(),
                Long.MAX_VALUE, Long.MIN_VALUE, Double.NaN, v.layers(), seconds, v.steps(), -0.0, 0, Double.NEGATIVE_INFINITY,
                v.topWastedFiles(), v.packages(), v.dockerfile(), v.logTail(), v.logFile());
        ExperimentResult result = new ExperimentResult(base.id(), base.dockerfile(), base.context(),
                new ExperimentSettings(1, false, true, 1, Long.MAX_VALUE, 9, Double.POSITIVE_INFINITY, Builder.CLASSIC,
                        Optional.empty()),
                base.engine(), base.startedAt(), List.of(odd));

        ExperimentResult loaded = ExperimentFile.load(saved(result));

        assertThat(loaded).isEqualTo(result);
        List<Long> bits = loaded.variants().get(0).buildSeconds().stream().map(Double::doubleToRawLongBits).toList();
        assertThat(bits).isEqualTo(seconds.stream().map(Double::doubleToRawLongBits).toList());
    }

    @Test
    void anyTextReadsBackIncludingLoneSurrogatesAndControlCharacters() throws Exception {
        ExperimentResult base = realistic();
        List<String> awkward = List.of("x\uD800y", "\uDC00", "a😀b", "👩‍💻", "\u0000\u0001\u001f\u007f", "\u2028\u2029",
                "\ufeffBOM", "tab\there", "quote\" back\\slash", "");
        ExperimentResult result = new ExperimentResult("x\uD800y", base.dockerfile(), base.context(), base.settings(),
                base.engine(), base.startedAt(), List.of(VariantResult.notBuilt(new VariantSpec("odd", Set.of()),
                        Status.CANCELLED, "cancelled\uDBFF", "FROM scratch\n", List.of(), List.of(), awkward, "\uDC00.log")));

        assertThat(ExperimentFile.load(saved(result))).isEqualTo(result);
    }

    @Test
    void theFileHasSchemaVersionOneAndTheDocumentedFieldsInOrder() throws Exception {
        Path file = saved(realistic());
        JsonNode root = JSON.readTree(file.toFile());

        assertThat(names(root)).containsExactly("schemaVersion", "id", "dockerfile", "context", "settings", "engine",
                "startedAt", "variants");
        assertThat(root.get("schemaVersion").isInt()).isTrue();
        assertThat(root.get("schemaVersion").intValue()).isEqualTo(1);
        assertThat(names(root.get("settings"))).containsExactly("repetitions", "noCache", "pull", "parallelBuilds",
                "timeoutSeconds", "compressionLevel", "bandwidthMbitPerSecond", "builder", "changedFile");
        assertThat(names(root.get("engine"))).containsExactly("host", "engineVersion", "apiVersion", "os", "builder");
        assertThat(root.get("variants")).hasSize(4);
        for (JsonNode variant : root.get("variants")) {
            List<String> fields = new java.util.ArrayList<>(List.of("name", "optimizations", "status", "error",
                    "imageId", "sizeBytes", "compressedBytes", "estimatedPullSeconds", "layers", "buildSeconds",
                    "medianBuildSeconds", "steps", "efficiency", "wastedBytes", "userWastedPercent", "topWastedFiles",
                    "packages", "dockerfile", "logTail", "logFile"));
            if (variant.get("name").textValue().equals("minimal")) {
                fields.add("staging"); // only where staging checks ran
            }
            assertThat(names(variant)).containsExactlyElementsOf(fields);
        }
        JsonNode staging = root.get("variants").get(1).get("staging");
        assertThat(names(staging)).containsExactly("tests", "parity", "problems");
        assertThat(names(staging.get("tests").get(0))).containsExactly("kind", "name", "status", "seconds", "message",
                "output");
        assertThat(names(staging.get("parity").get(0))).containsExactly("kind", "severity", "subject", "original",
                "variant", "message");

        JsonNode built = root.get("variants").get(0);
        assertThat(built.get("status").textValue()).isEqualTo("BUILT");
        assertThat(built.get("error").isNull()).isTrue();
        assertThat(built.get("imageId").textValue()).startsWith("sha256:3f1c");
        assertThat(built.get("sizeBytes").longValue()).isEqualTo(1_234_567_890L);
        assertThat(built.get("buildSeconds").get(1).doubleValue()).isEqualTo(39.875);
        assertThat(built.get("medianBuildSeconds").doubleValue()).isEqualTo(40.1);
        assertThat(names(built.get("layers").get(0))).containsExactly("createdBy", "sizeBytes");
        assertThat(names(built.get("steps").get(0))).containsExactly("number", "instruction", "startSeconds", "seconds", "cached");
        assertThat(built.get("steps").get(1).get("cached").booleanValue()).isTrue();
        assertThat(names(built.get("topWastedFiles").get(0))).containsExactly("path", "layers", "totalBytes");
        assertThat(names(built.get("packages").get(0))).containsExactly("manager", "name", "version",
                "installedBytes");

        JsonNode minimal = root.get("variants").get(1);
        assertThat(minimal.get("optimizations")).extracting(JsonNode::textValue).containsExactly(
                "apt-clean-lists", "apt-no-install-recommends", "pip-no-cache-dir", "slim-base");

        JsonNode failed = root.get("variants").get(2);
        assertThat(failed.get("status").textValue()).isEqualTo("FAILED");
        assertThat(failed.get("imageId").isNull()).isTrue();
        assertThat(failed.get("error").textValue()).contains("non-zero code: 1");
        assertThat(failed.get("logTail")).hasSize(4);
        assertThat(root.get("variants").get(3).get("status").textValue()).isEqualTo("TIMED_OUT");
    }

    @Test
    void theFileIsPrettyPrintedUtf8() throws Exception {
        byte[] bytes = Files.readAllBytes(saved(realistic()));
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();

        assertThat(text).startsWith("{\n  \"schemaVersion\": 1,\n  \"id\": \"exp-20250301-1\",\n");
        assertThat(text).contains("\n    \"repetitions\": 3,\n").contains("\"topWastedFiles\": [],")
                .contains("Grüße").contains("☕").endsWith("\n}\n");
    }

    /** The README's example is a real file: it loads, and saving what it loads gives its bytes back. */
    @Test
    void theReadmeExampleLoadsAndSavesBackUnchanged() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Experiment files"));
        int start = section.indexOf("```json\n") + "```json\n".length();
        String example = section.substring(start, section.indexOf("```\n", start));
        Path file = dir.resolve("example.json");
        Files.writeString(file, example);

        ExperimentResult loaded = ExperimentFile.load(file);
        Path again = dir.resolve("again.json");
        ExperimentFile.save(loaded, again);

        assertThat(loaded.variants()).extracting(VariantResult::status).containsExactly(Status.BUILT, Status.FAILED);
        assertThat(Files.readString(again)).isEqualTo(example);
    }

    // ---- atomic write -----------------------------------------------------------------------

    @Test
    void savingLeavesNoTemporaryFileAndReplacesAnExistingOne() throws Exception {
        Path file = dir.resolve("experiment.json");
        Files.writeString(file, "an older experiment");
        ExperimentResult first = realistic();
        ExperimentResult second = new ExperimentResult("exp-2", "FROM scratch\n", "ctx", first.settings(),
                first.engine(), "2025-03-02T10:00:00Z", first.variants().subList(2, 4));

        ExperimentFile.save(first, file);
        assertThat(ExperimentFile.load(file)).isEqualTo(first);
        ExperimentFile.save(second, file);

        assertThat(ExperimentFile.load(file)).isEqualTo(second);
        assertThat(listing(dir)).containsExactly("experiment.json");
    }

    @Test
    void aFailedSaveLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("experiment.json");
        Files.createDirectory(file); // a non-empty folder in the way: the rename fails
        Files.writeString(file.resolve("keep.txt"), "mine");

        assertThatThrownBy(() -> ExperimentFile.save(realistic(), file)).isInstanceOf(IOException.class);

        assertThat(listing(dir)).containsExactly("experiment.json");
        assertThat(listing(file)).containsExactly("keep.txt");
    }

    @Test
    void aResultWithANullWhereTheFormatNeedsAValueIsNotWritten() throws IOException {
        ExperimentResult r = realistic();
        VariantResult v = r.variants().get(0);
        VariantResult broken = new VariantResult(v.name(), v.optimizations(), v.status(), v.error(), v.imageId(),
                v.sizeBytes(), v.compressedBytes(), v.estimatedPullSeconds(),
                List.of(new LayerResult(null, 1)), v.buildSeconds(), v.steps(), v.efficiency(), v.wastedBytes(),
                v.userWastedPercent(), v.topWastedFiles(), v.packages(), v.dockerfile(), v.logTail(), v.logFile());
        ExperimentResult withNull = new ExperimentResult(r.id(), r.dockerfile(), r.context(), r.settings(), r.engine(),
                r.startedAt(), List.of(r.variants().get(1), broken));
        Path file = dir.resolve("experiment.json");

        assertThatThrownBy(() -> ExperimentFile.save(withNull, file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("variants[1].layers[0].createdBy must be a string, but is null");
        assertThat(listing(dir)).isEmpty();
    }

    @Test
    void theFolderIsCreatedWhenMissing() throws Exception {
        Path file = dir.resolve("results/today/experiment.json");

        ExperimentFile.save(realistic(), file);

        assertThat(ExperimentFile.load(file)).isEqualTo(realistic());
        assertThat(listing(file.getParent())).containsExactly("experiment.json");
    }

    // ---- load errors ------------------------------------------------------------------------

    @Test
    void garbageBytesAreNotAnExperimentFile() throws Exception {
        Path file = dir.resolve("garbage.json");
        byte[] garbage = new byte[512];
        new Random(42).nextBytes(garbage);
        garbage[0] = (byte) 0x89; // a PNG's first bytes
        garbage[1] = 'P';
        garbage[2] = 'N';
        garbage[3] = 'G';
        Files.write(file, garbage);

        assertLoadFails(file, "is not a SlimLab experiment file: ", " at line 1 column ");
    }

    @Test
    void textThatIsNotJsonIsNotAnExperimentFile() throws Exception {
        Path file = dir.resolve("notes.json");
        Files.writeString(file, "FROM python:3.10\nRUN pip install flask\n");

        assertLoadFails(file, "is not a SlimLab experiment file: ", "at line 1 column");
    }

    @Test
    void aTruncatedFileSaysSoWithItsPosition() throws Exception {
        Path file = saved(realistic());
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));

        ExperimentFileException e = assertLoadFails(file, "is not a SlimLab experiment file: ", "truncated",
                "at line ");
        assertThat(e.getMessage()).matches("(?s).* at line \\d+ column \\d+");
    }

    @Test
    void anEmptyFileIsNotAnExperimentFile() throws Exception {
        Path file = dir.resolve("empty.json");
        Files.write(file, new byte[0]);

        assertLoadFails(file, "is not a SlimLab experiment file: it is empty");
    }

    @Test
    void jsonThatIsNotAnObjectIsNotAnExperimentFile() throws Exception {
        Path file = dir.resolve("array.json");
        Files.writeString(file, "[1, 2, 3]");

        assertLoadFails(file, "is not a SlimLab experiment file: it holds an array");
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("nowhere.json");

        assertLoadFails(file, "cannot read", "no such file");
    }

    @Test
    void aFileWithoutSchemaVersionIsNotAnExperimentFile() throws Exception {
        Path file = edited(realistic(), root -> root.remove("schemaVersion"));

        assertLoadFails(file, "is not a SlimLab experiment file: it has no schemaVersion");
    }

    @Test
    void aNewerSchemaAsksForANewerSlimLab() throws Exception {
        // a newer schema may have changed anything else too: the version is checked first
        Path file = edited(realistic(), root -> {
            root.put("schemaVersion", 2);
            root.remove("variants");
        });

        assertLoadFails(file, "was written by a newer SlimLab (schema 2); this one reads schema 1: update SlimLab");
    }

    @Test
    void aSchemaVersionThatIsNotAWholeNumberIsNamed() throws Exception {
        Path file = edited(realistic(), root -> root.put("schemaVersion", "1"));

        assertLoadFails(file, "schemaVersion must be a whole number, but is a string (\"1\")");
    }

    @Test
    void missingVariantsAreNamed() throws Exception {
        Path file = edited(realistic(), root -> root.remove("variants"));

        assertLoadFails(file, "is not a valid SlimLab experiment file: variants is missing (it should be an array)");
    }

    @Test
    void anUnknownStatusIsNamedWithItsPath() throws Exception {
        Path file = edited(realistic(), root -> variant(root, 1).put("status", "EXPLODED"));

        assertLoadFails(file, "variants[1].status is \"EXPLODED\", which is not a status SlimLab knows "
                + "(BUILT, FAILED, CANCELLED, TIMED_OUT)");
    }

    @Test
    void aSizeWrittenAsAStringIsNamedWithItsPath() throws Exception {
        Path file = edited(realistic(), root -> variant(root, 0).put("sizeBytes", "1234567890"));

        assertLoadFails(file, "variants[0].sizeBytes must be a whole number, but is a string (\"1234567890\")");
    }

    @Test
    void wrongTypesDeepInsideAreNamedWithTheirPath() throws Exception {
        assertLoadFails(edited(realistic(), root -> ((ObjectNode) variant(root, 0).get("layers").get(3))
                .put("sizeBytes", 1.5)), "variants[0].layers[3].sizeBytes must be a whole number, but is the number 1.5");
        assertLoadFails(edited(realistic(), root -> ((ObjectNode) variant(root, 0).get("steps").get(1))
                .remove("cached")), "variants[0].steps[1].cached is missing (it should be true or false)");
        assertLoadFails(edited(realistic(), root -> ((ArrayNode) variant(root, 2).get("logTail")).add(7)),
                "variants[2].logTail[4] must be a string, but is the number 7");
        assertLoadFails(edited(realistic(), root -> variant(root, 3).put("error", false)),
                "variants[3].error must be a string, but is false");
        assertLoadFails(edited(realistic(), root -> ((ObjectNode) root.get("engine")).putNull("os")),
                "engine.os must be a string, but is null");
        assertLoadFails(edited(realistic(), root -> ((ObjectNode) root.get("settings")).put("compressionLevel", 12)),
                "settings are not valid: invalid experiment settings");
        assertLoadFails(edited(realistic(), root -> ((ObjectNode) root.get("settings")).put("repetitions",
                        new java.math.BigInteger("99999999999"))),
                "settings.repetitions is 99999999999, out of the range");
    }

    @Test
    void trailingContentAfterTheObjectIsRefused() throws Exception {
        Path file = saved(realistic());
        Files.writeString(file, Files.readString(file) + "{}\n");

        assertLoadFails(file, "is not a SlimLab experiment file: ");
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        ExperimentResult result = realistic();
        Path file = edited(result, root -> {
            root.put("comment", "added by a later SlimLab");
            root.putObject("staging").put("passed", true);
            variant(root, 0).putArray("scores").add(1).add(2);
            ((ObjectNode) variant(root, 0).get("layers").get(0)).put("digest", "sha256:00");
            ((ObjectNode) root.get("engine")).put("rootless", false);
        });

        assertThat(ExperimentFile.load(file)).isEqualTo(result);
    }

    @Test
    void optionalFieldsMayBeLeftOut() throws Exception {
        ExperimentResult result = realistic();
        Path file = edited(result, root -> {
            variant(root, 0).remove("error");
            variant(root, 2).remove("imageId");
            variant(root, 2).remove("medianBuildSeconds");
        });

        assertThat(ExperimentFile.load(file)).isEqualTo(result);
    }

    // ---- property ---------------------------------------------------------------------------

    @Property(tries = 300)
    void anyExperimentReadsBackEqual(@ForAll("experiments") ExperimentResult result) throws Exception {
        Path folder = Files.createTempDirectory("slimlab-experiment-file");
        try {
            Path file = folder.resolve("experiment.json");
            ExperimentFile.save(result, file);
            assertThat(ExperimentFile.load(file)).isEqualTo(result);
            assertThat(listing(folder)).containsExactly("experiment.json");
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Provide
    Arbitrary<ExperimentResult> experiments() {
        Arbitrary<ExperimentSettings> settings = Combinators.combine(Arbitraries.integers().between(1, 1000),
                Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.integers().between(1, 64),
                Arbitraries.longs().between(1, Long.MAX_VALUE), Arbitraries.integers().between(1, 9),
                doubles().filter(d -> !(d <= 0))).as((repetitions, noCache, pull, parallel, timeout, level, bandwidth) ->
                        new ExperimentSettings(repetitions, noCache, pull, parallel, timeout, level, bandwidth,
                                Builder.AUTO, Optional.empty()))
                .flatMap(s -> Combinators.combine(Arbitraries.of(Builder.class), text().optional())
                        .as((builder, file) -> s.withBuilder(builder)
                                .withRebuildsAfterChanging(s.repetitions(), file.filter(f -> s.repetitions() > 1))));
        Arbitrary<EngineInfo> engine = Combinators.combine(text(), text(), text(), text(), Arbitraries.of(Builder.class))
                .as(EngineInfo::new);
        return Combinators.combine(text(), text(), text(), settings, engine, text(),
                variants().list().ofMaxSize(4)).as(ExperimentResult::new);
    }

    /** The first half of a variant's fields (Combinators take at most eight). */
    record Head(String name, Set<String> optimizations, Status status, Optional<String> error,
                Optional<String> imageId, long sizeBytes, long compressedBytes, double estimatedPullSeconds) {
    }

    record Body(List<LayerResult> layers, List<Double> buildSeconds, List<BuildStep> steps, double efficiency,
                long wastedBytes, List<WastedFile> topWastedFiles, List<InstalledPackage> packages, String dockerfile) {
    }

    Arbitrary<VariantResult> variants() {
        Arbitrary<Head> head = Combinators.combine(text(), text().set().ofMaxSize(5), Arbitraries.of(Status.class),
                text().optional(), text().optional(), Arbitraries.longs(), Arbitraries.longs(), doubles())
                .as(Head::new);
        Arbitrary<LayerResult> layer = Combinators.combine(text(), Arbitraries.longs()).as(LayerResult::new);
        Arbitrary<BuildStep> step = Combinators.combine(Arbitraries.integers(), text(), doubles(), doubles(),
                Arbitraries.of(true, false)).as(BuildStep::new);
        Arbitrary<WastedFile> wasted = Combinators.combine(text(), Arbitraries.integers(), Arbitraries.longs())
                .as(WastedFile::new);
        Arbitrary<InstalledPackage> pkg = Combinators.combine(Arbitraries.of("dpkg", "apk", "pip", "npm"), text(),
                text(), Arbitraries.longs()).as(InstalledPackage::new);
        Arbitrary<Body> body = Combinators.combine(layer.list().ofMaxSize(4), doubles().list().ofMaxSize(4),
                step.list().ofMaxSize(4), doubles(), Arbitraries.longs(), wasted.list().ofMaxSize(3),
                pkg.list().ofMaxSize(3), text()).as(Body::new);
        return Combinators.combine(head, body, text().list().ofMaxSize(4), doubles(), text())
                .as((h, b, logTail, userWasted, logFile) -> new VariantResult(
                h.name(), h.optimizations(), h.status(), h.error(), h.imageId(), h.sizeBytes(), h.compressedBytes(),
                h.estimatedPullSeconds(), b.layers(), b.buildSeconds(), b.steps(), b.efficiency(), b.wastedBytes(),
                userWasted, b.topWastedFiles(), b.packages(), b.dockerfile(), logTail, logFile));
    }

    /** Any UTF-16 text (lone surrogates and control characters included), and text built from awkward pieces. */
    static Arbitrary<String> text() {
        Arbitrary<String> pieces = Arbitraries.of("a", "Z", "0", "-", " ", "é", "ß", "中文", "☕", "😀", "👩‍💻",
                        "\"", "\\", "/", "\n", "\r\n", "\t", "\u0000", "\u001f", "\u007f", "\u2028", "\ufeff", "\uffff",
                        "NaN", "null")
                .list().ofMaxSize(12).map(list -> String.join("", list));
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(24), pieces,
                Arbitraries.strings().alpha().numeric().ofMaxLength(16));
    }

    /** Any double: ordinary ones, any bit pattern, and the edge cases JSON has trouble with. */
    static Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-1e6, 1e6).ofScale(6),
                Arbitraries.longs().map(Double::longBitsToDouble),
                Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 0.1 + 0.2, 1e21,
                        1e-7));
    }

    // ---- helpers ----------------------------------------------------------------------------

    static ExperimentFileException assertLoadFails(Path file, String... fragments) {
        try {
            ExperimentResult loaded = ExperimentFile.load(file);
            throw new AssertionError("expected " + file + " to be refused, but it loaded: " + loaded);
        } catch (ExperimentFileException e) {
            assertThat(e.getMessage()).contains(file.toString());
            for (String fragment : fragments) {
                assertThat(e.getMessage()).contains(fragment);
            }
            assertThat(e.file()).isEqualTo(file);
            return e;
        }
    }

    Path edited(ExperimentResult result, Consumer<ObjectNode> edit) throws IOException {
        Path file = saved(result);
        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        edit.accept(root);
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        return file;
    }

    static ObjectNode variant(ObjectNode root, int index) {
        return (ObjectNode) root.get("variants").get(index);
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
