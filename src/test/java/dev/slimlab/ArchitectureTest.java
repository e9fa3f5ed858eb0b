package dev.slimlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of DESIGN.md. Data flows one way: the model and its logic know nothing of the
 * engine or the faces; the engine knows nothing of the GUI; the GUI and the CLI are two thin
 * faces that do not know each other.
 */
@AnalyzeClasses(packages = "dev.slimlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final DescribedPredicate<JavaClass> VIEW_MODELS = DescribedPredicate.describe("view models",
            c -> c.getSimpleName().endsWith("ViewModel") || c.getSimpleName().equals("LabState")
                    || c.getSimpleName().endsWith("Item"));

    private static final DescribedPredicate<JavaClass> VIEWS = DescribedPredicate.describe("views",
            c -> c.getSimpleName().endsWith("View") || c.getSimpleName().endsWith("Pane"));

    /** The engine but its API: the model reaches an engine only through {@code engine.api}. */
    private static final DescribedPredicate<JavaClass> ENGINE_IMPLEMENTATION = DescribedPredicate.describe(
            "the engine's implementation", c -> c.getPackageName().startsWith("dev.slimlab.engine")
                    && !c.getPackageName().equals("dev.slimlab.engine.api"));

    /** The model and its logic, with the plain-JDK helpers they share (files, logging). */
    private static final String[] MODEL_PACKAGES = {
        "dev.slimlab.gotext..",
        "dev.slimlab.io..",
        "dev.slimlab.logging..",
        "dev.slimlab.dockerfile..",
        "dev.slimlab.optimize..",
        "dev.slimlab.experiment..",
        "dev.slimlab.staging..",
        "dev.slimlab.analysis..",
        "dev.slimlab.report..",
    };

    @ArchTest
    static final ArchRule modelKnowsNeitherJavaFxNorDockerJava = noClasses()
            .that().resideInAnyPackage(MODEL_PACKAGES)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.github.dockerjava..")
            .because("the model and its logic run headless and against any engine");

    @ArchTest
    static final ArchRule modelKnowsNeitherEngineNorFaces = noClasses()
            .that().resideInAnyPackage(MODEL_PACKAGES)
            .should().dependOnClassesThat(ENGINE_IMPLEMENTATION)
            .orShould().dependOnClassesThat()
            .resideInAnyPackage("dev.slimlab.app..", "dev.slimlab.ui..", "dev.slimlab.cli..")
            .because("data flows one way: model -> engine -> faces");

    @ArchTest
    static final ArchRule engineKnowsNoJavaFx = noClasses()
            .that().resideInAPackage("dev.slimlab.engine..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the engine also serves the command line");

    @ArchTest
    static final ArchRule engineKnowsNoFaces = noClasses()
            .that().resideInAPackage("dev.slimlab.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.slimlab.ui..", "dev.slimlab.cli..")
            .because("the faces use the engine, not the other way round");

    @ArchTest
    static final ArchRule onlyTheEngineUsesDockerJava = noClasses()
            .that().resideOutsideOfPackage("dev.slimlab.engine..")
            .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
            .because("the engine is the one package that talks to the Docker daemon");

    @ArchTest
    static final ArchRule cliDoesNotUseTheGui = noClasses()
            .that().resideInAPackage("dev.slimlab.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.slimlab.ui..", "javafx..")
            .because("the command line runs without a display");

    @ArchTest
    static final ArchRule guiDoesNotUseTheCli = noClasses()
            .that().resideInAPackage("dev.slimlab.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.slimlab.cli..", "picocli..")
            .because("the GUI and the CLI are two faces over the same services");

    @ArchTest
    static final ArchRule theEngineApiIsPlainJava = noClasses()
            .that().resideInAPackage("dev.slimlab.engine.api")
            .should().dependOnClassesThat().resideInAnyPackage("com.github.dockerjava..", "dev.slimlab.engine",
                    "dev.slimlab.engine.layers..", "dev.slimlab.experiment..")
            .because("the engine's interface and records are what any engine, and any user of one, share");

    @ArchTest
    static final ArchRule theServiceKnowsNeitherJavaFxNorTheFaces = noClasses()
            .that().resideInAPackage("dev.slimlab.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.slimlab.ui..", "dev.slimlab.cli..")
            .because("the experiment service serves both faces, and runs headless");

    @ArchTest
    static final ArchRule viewModelsTouchNoNodes = noClasses()
            .that().resideInAPackage("dev.slimlab.ui..")
            .and(VIEW_MODELS)
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("view models hold state and logic as properties; views own the nodes");

    @ArchTest
    static final ArchRule onlyTheTaskExecutorGoesBackToTheFxThread = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.slimlab.ui.support.FxTaskExecutor")
            .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
            .because("background work comes back to the FX thread one way: the TaskExecutor");

    @ArchTest
    static final ArchRule viewsDoNoFileWork = noClasses()
            .that().resideInAPackage("dev.slimlab.ui..")
            .and(VIEWS)
            .should().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
            .because("views bind and forward events; files are the view models' work, off the FX thread");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.slimlab.(**)")
            .should().beFreeOfCycles();
}
