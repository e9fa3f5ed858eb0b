package dev.slimlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.slimlab.engine.NeedsDaemon;
import java.util.Set;

/**
 * The tests that need a Docker daemon or Chromium carry their tag, so that
 * {@code -DexcludedGroups=docker,chromium} really leaves out every one of them.
 */
@AnalyzeClasses(packages = "dev.slimlab", importOptions = ImportOption.OnlyIncludeTests.class)
class TestTagsTest {

    /** By name: a class literal here would make this test one that talks to the daemon. */
    private static final Set<String> DAEMON = Set.of("dev.slimlab.engine.DockerEngine", "dev.slimlab.engine.DockerDaemon");
    private static final String CHROMIUM = "dev.slimlab.report.Chromium";

    private static final DescribedPredicate<JavaClass> TALK_TO_THE_DAEMON = DescribedPredicate.describe(
            "talk to the Docker daemon", test -> test.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> DAEMON.contains(d.getTargetClass().getName())));

    private static final DescribedPredicate<JavaMethod> OPEN_CHROMIUM = DescribedPredicate.describe(
            "open Chromium", method -> !method.getOwner().getName().equals(CHROMIUM)
                    && method.getMethodCallsFromSelf().stream()
                            .anyMatch(call -> call.getTargetOwner().getName().equals(CHROMIUM)));

    @ArchTest
    static final ArchRule daemonTestsAreTaggedDocker = classes()
            .that().areTopLevelClasses().and().haveSimpleNameEndingWith("Test").and(TALK_TO_THE_DAEMON)
            .should().beAnnotatedWith(NeedsDaemon.class)
            .because("@NeedsDaemon tags them 'docker' and skips them loudly without a daemon");

    @ArchTest
    static final ArchRule chromiumTestsAreTaggedChromium = methods().that(OPEN_CHROMIUM)
            .should().beAnnotatedWith("dev.slimlab.report.NeedsChromium")
            .because("@NeedsChromium tags them 'chromium'");
}
