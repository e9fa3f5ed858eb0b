package dev.slimlab.staging;

import dev.slimlab.engine.api.Cancellation;
import dev.slimlab.engine.api.ContainerRun;
import dev.slimlab.engine.api.EngineException;
import dev.slimlab.engine.api.ImageDetails;
import dev.slimlab.engine.api.ImageEngine;
import dev.slimlab.engine.api.ImageFile;
import dev.slimlab.engine.api.InstalledPackage;
import dev.slimlab.experiment.ParityFinding.Severity;
import dev.slimlab.experiment.ParityFinding;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Compares a variant with the original image, with no test written by the user, for the kinds of
 * breakage an optimization can cause: the configuration (ENV, ENTRYPOINT, CMD, USER, WORKDIR,
 * ports, volumes, labels), executables on PATH, shared libraries that no longer resolve, the
 * output of version probes, and packages dropped.
 *
 * <p>Severity: HIGH when the app is likely to break (a variable it may read is gone, the command
 * that starts it changed, a library its programs load is missing, a program its entrypoint calls
 * or health check calls is gone); MEDIUM when it may behave differently (a changed value or version, a program gone
 * that nothing in the entrypoint, command or health check names); LOW for what rarely matters at run time (a package or
 * label dropped, a variable or port added); INFO for what could not be compared.
 */
public final class ParityChecker {

    /** Version probes run in both images, besides the user's. */
    public static final List<String> DEFAULT_VERSION_PROBES =
            List.of("java -version", "python3 --version", "node --version", "Rscript --version");

    /** Labels SlimLab itself puts on variants: they differ by design. */
    private static final String OWN_LABELS = "dev.slimlab.";
    private static final Duration INVENTORY_TIMEOUT = Duration.ofMinutes(3);
    private static final int MAX_SCRIPT_BYTES = 256 * 1024;

    private final ImageEngine engine;
    private final StagingSettings settings;
    private final List<String> versionProbes;
    /** The original is compared with every variant: take its inventory once. */
    private final Map<String, Inventoried> inventories = new ConcurrentHashMap<>();

    public ParityChecker(ImageEngine engine, StagingSettings settings, List<String> extraVersionProbes) {
        this.engine = engine;
        this.settings = settings.withTestTimeout(INVENTORY_TIMEOUT);
        List<String> probes = new ArrayList<>(DEFAULT_VERSION_PROBES);
        extraVersionProbes.stream().filter(p -> !p.isBlank() && !probes.contains(p)).forEach(probes::add);
        this.versionProbes = List.copyOf(probes);
    }

    /** Compares the two images, reading their packages from their layers. */
    public List<ParityFinding> compare(String original, String variant, Cancellation cancellation)
            throws EngineException {
        return compare(original, engine.analyze(original, 1).packages(), variant, engine.analyze(variant, 1).packages(),
                cancellation);
    }

    /** Compares the two images, given the packages each has (as measured when they were built). */
    public List<ParityFinding> compare(String original, List<InstalledPackage> originalPackages, String variant,
                                       List<InstalledPackage> variantPackages, Cancellation cancellation)
            throws EngineException {
        ImageDetails o = engine.inspect(original);
        ImageDetails v = engine.inspect(variant);
        List<ParityFinding> findings = new ArrayList<>();
        config(o, v, findings);
        Inventoried before = inventory(original, o, cancellation);
        Inventoried after = inventory(variant, v, cancellation);
        if (before.inventory != null && after.inventory != null) {
            Set<String> referenced = referencedWords(variant, v, after.inventory);
            referenced.addAll(referencedWords(original, o, before.inventory));
            executables(before.inventory, after.inventory, referenced, findings);
            libraries(before.inventory, after.inventory, findings);
            versions(before.inventory, after.inventory, findings);
        } else if (after.inventory == null && before.inventory != null) {
            findings.add(new ParityFinding("check", Severity.MEDIUM, "shell", "/bin/sh", "",
                    "the variant could not be inspected (" + after.problem + "): its programs, libraries and "
                            + "versions were not compared. A variant without a shell is fine for the app only if "
                            + "nothing (entrypoint scripts, health checks, your tests) needs one."));
        } else if (before.inventory == null) {
            findings.add(new ParityFinding("check", Severity.INFO, "shell", "", "",
                    "the original could not be inspected (" + before.problem + "): programs, libraries and "
                            + "versions were not compared"));
        }
        packages(originalPackages, variantPackages, findings);
        findings.sort(Comparator.comparing(ParityFinding::severity));
        return findings;
    }

    // ---- configuration

    private static void config(ImageDetails o, ImageDetails v, List<ParityFinding> findings) {
        Map<String, String> before = SuiteRunner.environment(o);
        Map<String, String> after = SuiteRunner.environment(v);
        for (Map.Entry<String, String> e : before.entrySet()) {
            String now = after.get(e.getKey());
            if (now == null) {
                findings.add(new ParityFinding("env", Severity.HIGH, e.getKey(), e.getValue(), "",
                        "ENV " + e.getKey() + " is set in the original and not in the variant: a program or script "
                                + "that reads it now sees it unset, and behaves as it would without it"));
            } else if (!now.equals(e.getValue())) {
                findings.add(new ParityFinding("env", Severity.MEDIUM, e.getKey(), e.getValue(), now,
                        "ENV " + e.getKey() + " has another value in the variant"));
            }
        }
        after.forEach((name, value) -> {
            if (!before.containsKey(name)) {
                findings.add(new ParityFinding("env", Severity.LOW, name, "", value,
                        "ENV " + name + " is set in the variant only: it takes effect there for the first time"));
            }
        });
        same(findings, "entrypoint", Severity.HIGH, o.entrypoint().toString(), v.entrypoint().toString(),
                "the variant starts with another ENTRYPOINT");
        same(findings, "cmd", Severity.HIGH, o.cmd().toString(), v.cmd().toString(),
                "the variant has another CMD: it runs something else, or with other arguments");
        same(findings, "user", Severity.HIGH, o.user(), v.user(),
                "the variant runs as another user: file permissions and what the app may write change");
        same(findings, "workdir", Severity.HIGH, startDirectory(o.workingDir()), startDirectory(v.workingDir()),
                "the variant starts in another directory: relative paths resolve elsewhere");
        same(findings, "healthcheck", Severity.MEDIUM, o.healthcheck().toString(), v.healthcheck().toString(),
                "the variant checks its health differently: an orchestrator may restart it, or miss that it is down");
        for (String port : o.exposedPorts()) {
            if (!v.exposedPorts().contains(port)) {
                findings.add(new ParityFinding("port", Severity.MEDIUM, port, port, "",
                        "the variant no longer exposes " + port + ": tools that publish exposed ports miss it"));
            }
        }
        for (String port : v.exposedPorts()) {
            if (!o.exposedPorts().contains(port)) {
                findings.add(new ParityFinding("port", Severity.LOW, port, "", port, "the variant also exposes " + port));
            }
        }
        for (String volume : o.volumes()) {
            if (!v.volumes().contains(volume)) {
                findings.add(new ParityFinding("volume", Severity.MEDIUM, volume, volume, "",
                        "the variant no longer declares the volume " + volume + ": its data is no longer kept apart"
                                + " from the container by default"));
            }
        }
        o.labels().forEach((key, value) -> {
            if (key.startsWith(OWN_LABELS)) {
                return;
            }
            String now = v.labels().get(key);
            if (!value.equals(now)) {
                findings.add(new ParityFinding("label", Severity.LOW, key, value, Objects.requireNonNullElse(now, ""),
                        now == null ? "the variant has no label " + key : "the label " + key + " differs"));
            }
        });
    }

    private static void same(List<ParityFinding> findings, String kind, Severity severity, String original,
                             String variant, String message) {
        if (!original.equals(variant)) {
            findings.add(new ParityFinding(kind, severity, kind.toUpperCase(java.util.Locale.ROOT), original, variant,
                    message));
        }
    }

    // ---- inside the images

    private record Inventoried(ImageInventory inventory, String problem) {
    }

    private Inventoried inventory(String image, ImageDetails details, Cancellation cancellation) {
        Inventoried cached = inventories.get(details.id());
        if (cached != null) {
            return cached;
        }
        Inventoried result;
        try {
            ContainerRun run = engine.run(settings.container(image).withCommand(List.of("/bin/sh", "-c",
                    ImageInventory.script(versionProbes, details.workingDir()))), cancellation);
            if (run.ending() == ContainerRun.Ending.CANCELLED) {
                return new Inventoried(null, "cancelled");
            }
            result = run.exited()
                    ? new Inventoried(ImageInventory.parse(run.stdout(), versionProbes), null)
                    : new Inventoried(null, "the inventory did not finish within " + INVENTORY_TIMEOUT.toMinutes() + " min");
        } catch (EngineException e) {
            result = new Inventoried(null, e.getMessage());
        }
        inventories.put(details.id(), result);
        return result;
    }

    /** Files the start-up of an image may name that are worth reading for the programs they call. */
    private static final int MAX_SCRIPTS = 10;

    /**
     * Words the image's start-up refers to: its ENTRYPOINT, CMD and HEALTHCHECK, and the text of
     * the scripts they name. A program missing from the variant that appears here is very likely
     * needed.
     */
    private Set<String> referencedWords(String image, ImageDetails details, ImageInventory inventory)
            throws EngineException {
        Set<String> words = new TreeSet<>();
        List<String> startup = new ArrayList<>(details.entrypoint());
        startup.addAll(details.cmd());
        startup.addAll(details.healthcheck());
        Set<String> scripts = new java.util.LinkedHashSet<>();
        String workdir = details.workingDir().isBlank() ? "/" : details.workingDir().replaceAll("/*$", "/");
        for (String entry : startup) {
            addWords(words, entry);
            for (String token : entry.split("[\\s;&|()<>`\"']+")) {
                if (token.isEmpty() || token.startsWith("-") || token.contains("=") || token.startsWith("$")) {
                    continue;
                }
                scripts.add(token.startsWith("/") ? token
                        : inventory.executables().containsKey(token) ? inventory.executables().get(token)
                        : workdir + (token.startsWith("./") ? token.substring(2) : token));
            }
        }
        for (String path : scripts.stream().limit(MAX_SCRIPTS).toList()) {
            ImageFile file = engine.readFile(image, path, MAX_SCRIPT_BYTES, settings.labels()).orElse(null);
            if (file != null && file.type() == '-' && isText(file.content())) {
                addWords(words, file.text());
            }
        }
        return words;
    }

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.+-]+");

    private static void addWords(Set<String> words, String text) {
        var m = WORD.matcher(text.replace('/', ' '));
        while (m.find()) {
            words.add(m.group());
        }
    }

    private static boolean isText(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        return true;
    }

    private static void executables(ImageInventory o, ImageInventory v, Set<String> referenced,
                                    List<ParityFinding> findings) {
        o.executables().forEach((name, path) -> {
            if (v.executables().containsKey(name)) {
                return;
            }
            boolean named = referenced.contains(name);
            findings.add(new ParityFinding("executable", named ? Severity.HIGH : Severity.MEDIUM, name, path, "",
                    named ? name + " is on the original's PATH and not on the variant's, and the image's entrypoint,"
                            + " command or health check (or a script they run) calls it: the app or its health check"
                            + " is likely to fail"
                            : name + " is on the original's PATH and not on the variant's: anything that runs it"
                                    + " (the app, a script, a health check, your tests) fails with \"not found\""));
        });
    }

    private static void libraries(ImageInventory o, ImageInventory v, List<ParityFinding> findings) {
        if (!v.lddAvailable()) {
            if (o.lddAvailable()) {
                findings.add(new ParityFinding("check", Severity.INFO, "ldd", "ldd", "",
                        "the variant has no ldd: shared libraries were not compared"));
            }
            return;
        }
        Map<String, List<String>> missing = new TreeMap<>(); // library -> variant files that need it
        v.unresolved().forEach((file, libraries) -> {
            for (String library : libraries) {
                boolean brokenBefore = o.unresolved().getOrDefault(file, Set.of()).contains(library);
                if (o.resolved().containsKey(library) && !brokenBefore) {
                    missing.computeIfAbsent(library, k -> new ArrayList<>()).add(file);
                }
            }
        });
        missing.forEach((library, files) -> findings.add(new ParityFinding("library", Severity.HIGH, library,
                o.resolved().get(library), "not found",
                library + " resolves in the original (" + o.resolved().get(library) + ") and not in the variant,"
                        + " where " + describe(files) + " need" + (files.size() == 1 ? "s" : "") + " it: loading "
                        + (files.size() == 1 ? "it" : "them") + " fails with \"cannot open shared object file\"")));
    }

    private static String describe(List<String> files) {
        return files.size() <= 3 ? String.join(", ", files)
                : String.join(", ", files.subList(0, 3)) + " and " + (files.size() - 3) + " more";
    }

    private static void versions(ImageInventory o, ImageInventory v, List<ParityFinding> findings) {
        o.versions().forEach((probe, before) -> {
            if (before.exitCode() != 0) {
                return; // the probe does not work in the original either
            }
            ImageInventory.Version after = v.versions().get(probe);
            if (after == null) {
                findings.add(new ParityFinding("version", Severity.HIGH, probe, before.output(), "",
                        "`" + probe + "` works in the original; the variant does not have the program"));
            } else if (after.exitCode() != 0) {
                findings.add(new ParityFinding("version", Severity.HIGH, probe, before.output(), after.output(),
                        "`" + probe + "` works in the original and fails in the variant (exit " + after.exitCode() + ")"));
            } else if (!after.output().equals(before.output())) {
                findings.add(new ParityFinding("version", Severity.MEDIUM, probe, before.output(), after.output(),
                        "`" + probe + "` prints something else in the variant: another version or build, which may"
                                + " behave differently"));
            }
        });
    }

    private static void packages(List<InstalledPackage> original, List<InstalledPackage> variant,
                                 List<ParityFinding> findings) {
        Map<String, InstalledPackage> after = new LinkedHashMap<>();
        variant.forEach(p -> after.put(p.manager() + ":" + p.name(), p));
        original.stream().filter(p -> !after.containsKey(p.manager() + ":" + p.name()))
                .sorted(Comparator.comparing(InstalledPackage::manager).thenComparing(InstalledPackage::name))
                .forEach(p -> findings.add(new ParityFinding("package", Severity.LOW, p.name(),
                        p.manager() + " " + p.version(), "",
                        "the " + p.manager() + " package " + p.name() + " is installed in the original and not in"
                                + " the variant")));
    }

    /**
     * Where a container starts: no WORKDIR is {@code /}. The classic builder leaves an image
     * without one empty, BuildKit writes {@code /}: the same directory, not a difference.
     */
    static String startDirectory(String workingDir) {
        return workingDir == null || workingDir.isEmpty() ? "/" : workingDir;
    }
}
