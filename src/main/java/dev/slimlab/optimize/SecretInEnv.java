package dev.slimlab.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lint: ENV and ARG names that look like they hold a secret. ENV values are stored in the image
 * configuration and ARG values in its history: anyone who can pull the image can read them.
 */
final class SecretInEnv extends BaseOptimization {

    /** Words of a variable name that mark a secret, matched as whole words of the name. */
    private static final List<String> SECRET_WORDS = List.of("PASSWORD", "PASSWD", "TOKEN", "SECRET", "API_KEY",
            "APIKEY", "PRIVATE_KEY", "ACCESS_KEY", "CREDENTIALS");
    /** Name endings that point to where a secret is, not the secret itself. */
    private static final List<String> REFERENCES = List.of("_FILE", "_PATH", "_DIR", "_LOCATION");

    SecretInEnv() {
        super("secret-in-env", "Secrets in ENV or ARG", Category.LAYERS, Risk.LOW,
                "Lint only: nothing is rewritten. Moving a secret to RUN --mount=type=secret needs BuildKit and "
                        + "a change to how the build is started (docker build --secret), so it is the team's call.",
                null);
    }

    @Override
    public boolean lintOnly() {
        return true;
    }

    @Override
    public List<Finding> findings(Project project) {
        List<Finding> findings = new ArrayList<>();
        for (DockerfileFacts.Declared d : DockerfileFacts.declaredVariables(project.dockerfile())) {
            String word = secretWord(d.name());
            if (word == null) {
                continue;
            }
            String upper = d.name().toUpperCase(Locale.ROOT);
            String reference = REFERENCES.stream().filter(upper::endsWith).findFirst().orElse(null);
            int line = d.instruction().line();
            String excerpt = d.excerptWithoutValue();
            if (reference != null) {
                findings.add(Finding.notApplicable(id(), line, excerpt, d.name() + " names where a secret is ("
                        + reference.substring(1) + "), not the secret itself"));
            } else if (d.isEnv()) {
                findings.add(Finding.applies(id(), line, excerpt, "ENV " + d.name() + " looks like a secret ("
                        + word + "): ENV values are stored in the image configuration, where docker inspect shows "
                        + "them to anyone who can pull the image, and every stage built FROM this one inherits "
                        + "them. Pass it at run time, or at build time with RUN --mount=type=secret,id=..."));
            } else {
                findings.add(Finding.applies(id(), line, excerpt, "ARG " + d.name() + " looks like a secret ("
                        + word + "): build argument values are recorded in the image history (docker history "
                        + "shows them next to the RUNs after the ARG). Use RUN --mount=type=secret,id=... and "
                        + "docker build --secret instead"));
            }
        }
        return orNothingToDo(findings, "no ENV or ARG name looks like a secret");
    }

    @Override
    public Applied apply(Project project) {
        return Applied.unchanged(project);
    }

    /**
     * The secret word in a variable name, matched at word boundaries of the name
     * ({@code DB_PASSWORD}, {@code GITHUB_TOKEN}, {@code AUTHTOKEN}, {@code AWS_SECRET_ACCESS_KEY}) so
     * that {@code TOKENIZERS_PARALLELISM} is not one; null if there is none.
     */
    static String secretWord(String name) {
        String upper = "_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
        for (String word : SECRET_WORDS) {
            int at = upper.indexOf(word);
            while (at >= 0) {
                int end = at + word.length();
                char after = upper.charAt(end);
                boolean endsWord = after == '_' || after == 'S' && end + 1 < upper.length() && upper.charAt(end + 1) == '_';
                if (endsWord) {
                    return word;
                }
                at = upper.indexOf(word, at + 1);
            }
        }
        return null;
    }
}
