package dev.slimlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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

    private static final String[] MODEL_PACKAGES = {
        "dev.slimlab.gotext..",
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
            .because("the model and its logic run headless and against any engine")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule modelKnowsNeitherEngineNorFaces = noClasses()
            .that().resideInAnyPackage(MODEL_PACKAGES)
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.slimlab.engine..", "dev.slimlab.ui..", "dev.slimlab.cli..")
            .because("data flows one way: model -> engine -> faces")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule engineKnowsNoJavaFx = noClasses()
            .that().resideInAPackage("dev.slimlab.engine..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the engine also serves the command line")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule engineKnowsNoFaces = noClasses()
            .that().resideInAPackage("dev.slimlab.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.slimlab.ui..", "dev.slimlab.cli..")
            .because("the faces use the engine, not the other way round")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheEngineUsesDockerJava = noClasses()
            .that().resideOutsideOfPackage("dev.slimlab.engine..")
            .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
            .because("the engine is the one package that talks to the Docker daemon")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule cliDoesNotUseTheGui = noClasses()
            .that().resideInAPackage("dev.slimlab.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.slimlab.ui..", "javafx..")
            .because("the command line runs without a display")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule guiDoesNotUseTheCli = noClasses()
            .that().resideInAPackage("dev.slimlab.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.slimlab.cli..", "picocli..")
            .because("the GUI and the CLI are two faces over the same services")
            .allowEmptyShould(true);
}
