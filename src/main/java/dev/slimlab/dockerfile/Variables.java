package dev.slimlab.dockerfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ARG and ENV scoping as BuildKit applies it: global ARGs before the first FROM (overridden by
 * build arguments) are the only variables FROM lines see, besides the platform arguments; inside
 * a stage an ARG is in scope from its declaration on (a bare {@code ARG NAME} takes the global
 * value), and ENV overrides ARG. A stage built FROM an earlier stage inherits its environment.
 */
public final class Variables {

    /** The automatic platform arguments, for a linux/amd64 build unless the build arguments say otherwise. */
    public static final Map<String, String> PLATFORM_ARGS = Map.of(
            "BUILDPLATFORM", "linux/amd64", "BUILDOS", "linux", "BUILDARCH", "amd64", "BUILDVARIANT", "",
            "TARGETPLATFORM", "linux/amd64", "TARGETOS", "linux", "TARGETARCH", "amd64", "TARGETVARIANT", "");

    private Variables() {
    }

    /** Resolves every stage of {@code dockerfile} with the given build arguments ({@code --build-arg}). */
    public static List<ResolvedStage> resolve(Dockerfile dockerfile, Map<String, String> buildArgs)
            throws ShellLex.ExpansionException {
        ShellLex lex = new ShellLex(dockerfile.escape());
        Map<String, String> global = new LinkedHashMap<>(PLATFORM_ARGS);
        global.putAll(filterKeys(buildArgs, PLATFORM_ARGS));
        for (Instruction arg : dockerfile.globalArgs()) {
            declare(arg, lex, global, global, buildArgs);
        }
        List<ResolvedStage> resolved = new ArrayList<>();
        Map<String, Integer> stageIndex = new HashMap<>();
        for (Stage stage : dockerfile.stages()) {
            String image = lex.processWord(stage.baseImage(), global::get);
            Optional<String> platform = stage.platform().isPresent()
                    ? Optional.of(lex.processWord(stage.platform().get(), global::get)) : Optional.empty();
            Optional<Integer> base = Optional.ofNullable(stageIndex.get(image.toLowerCase(Locale.ROOT)));
            Map<String, String> env = new LinkedHashMap<>(base.map(b -> resolved.get(b).env()).orElse(Map.of()));
            Map<String, String> args = new LinkedHashMap<>();
            for (Instruction i : stage.instructions()) {
                Map<String, String> scope = new HashMap<>(args);
                scope.putAll(env);
                if (i.is("arg")) {
                    declare(i, lex, args, global, buildArgs);
                } else if (i.is("env")) {
                    List<String> a = i.args();
                    for (int k = 0; k + 1 < a.size(); k += 3) { // key, value, separator
                        String key = lex.processWord(a.get(k), scope::get);
                        String value = lex.processWord(a.get(k + 1), scope::get);
                        env.put(key, value);
                        scope.put(key, value);
                    }
                }
            }
            resolved.add(new ResolvedStage(stage, image, base, platform, Map.copyOf(args), Map.copyOf(env)));
            stage.name().ifPresent(n -> stageIndex.put(n, stage.index()));
        }
        return resolved;
    }

    /** Expands {@code word} with the variables of a resolved stage (ENV over ARG). */
    public static String expand(String word, ResolvedStage stage, char escape) throws ShellLex.ExpansionException {
        Map<String, String> scope = new HashMap<>(stage.args());
        scope.putAll(stage.env());
        return new ShellLex(escape).processWord(word, scope::get);
    }

    /** One ARG instruction: each {@code NAME} or {@code NAME=default} word. */
    private static void declare(Instruction arg, ShellLex lex, Map<String, String> into, Map<String, String> global,
                                Map<String, String> buildArgs) throws ShellLex.ExpansionException {
        Map<String, String> scope = new HashMap<>(global);
        scope.putAll(into);
        for (String word : arg.args()) {
            int eq = word.indexOf('=');
            String name = eq < 0 ? word : word.substring(0, eq);
            String value;
            if (buildArgs.containsKey(name)) {
                value = buildArgs.get(name);
            } else if (eq >= 0) {
                value = lex.processWord(word.substring(eq + 1), scope::get);
            } else {
                value = global.get(name); // a bare ARG inside a stage takes the global value
            }
            if (value != null) {
                into.put(name, value);
                scope.put(name, value);
            } else {
                into.remove(name);
            }
        }
    }

    private static Map<String, String> filterKeys(Map<String, String> map, Map<String, String> keys) {
        Map<String, String> out = new HashMap<>();
        map.forEach((k, v) -> {
            if (keys.containsKey(k)) {
                out.put(k, v);
            }
        });
        return out;
    }
}
