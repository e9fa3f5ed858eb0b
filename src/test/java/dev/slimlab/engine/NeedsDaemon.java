package dev.slimlab.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that needs a real Docker daemon: tagged {@code docker}, so that
 * {@code mvn -B verify -DexcludedGroups=docker,chromium} leaves it out, and run through
 * {@link DockerDaemon}, which skips it loudly where no daemon answers (fails it under CI=true).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("docker")
@ExtendWith(DockerDaemon.class)
public @interface NeedsDaemon {
}
