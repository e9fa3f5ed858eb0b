package dev.slimlab.optimize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The teaching text of each optimization: {@code lessons/<id>.md} next to this class. */
final class Lessons {

    private Lessons() {
    }

    static String of(String id) {
        try (InputStream in = Lessons.class.getResourceAsStream("lessons/" + id + ".md")) {
            if (in == null) {
                throw new IllegalStateException("no lesson for optimization " + id);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
