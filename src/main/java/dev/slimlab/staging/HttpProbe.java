package dev.slimlab.staging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A SlimLab addition to the suite format ({@code httpProbes}): start the image as it would run in
 * production (its own entrypoint and command, plus {@code envVars}), wait up to
 * {@code timeoutSeconds} for {@code port} to answer, then make each request and check its status
 * and, optionally, that its body contains a match of a regular expression.
 */
public record HttpProbe(String name, int port, List<EnvVar> envVars, int timeoutSeconds, List<Request> requests) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 30;

    /** One GET request and what it must answer. */
    public record Request(String path, int expectedStatus, Optional<String> expectedBody) {

        public static final int DEFAULT_STATUS = 200;

        public Request {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(expectedBody, "expectedBody");
        }
    }

    public HttpProbe {
        Objects.requireNonNull(name, "name");
        envVars = List.copyOf(envVars);
        requests = List.copyOf(requests);
    }
}
