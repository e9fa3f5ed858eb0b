package dev.slimlab.engine;

import dev.slimlab.engine.api.BuildRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** The tar a build sends: the context folder, with the variant's Dockerfile (and files) in place. */
final class BuildContextTar {

    private BuildContextTar() {
    }

    static void write(BuildRequest request, OutputStream out) throws IOException {
        Map<String, byte[]> overrides = new LinkedHashMap<>(request.extraFiles());
        overrides.put("Dockerfile", request.dockerfile());
        ContextArchive.write(request.contextDir(), overrides, out);
    }
}
