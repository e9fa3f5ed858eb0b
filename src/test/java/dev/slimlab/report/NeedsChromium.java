package dev.slimlab.report;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A test that opens a page in headless Chromium (through {@link Chromium}, which skips it loudly
 * where there is none and fails it under CI=true): tagged {@code chromium}, so that
 * {@code mvn -B verify -DexcludedGroups=docker,chromium} leaves it out.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Tag("chromium")
@Test
@interface NeedsChromium {
}
