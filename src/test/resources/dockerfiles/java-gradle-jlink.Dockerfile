FROM eclipse-temurin:21-jdk AS build
WORKDIR /workspace
COPY gradlew settings.gradle.kts build.gradle.kts ./
COPY gradle gradle
RUN ./gradlew --no-daemon dependencies > /dev/null
COPY src src
RUN ./gradlew --no-daemon clean installDist -x test

# Build a trimmed-down JRE containing only the modules the app uses
FROM eclipse-temurin:21-jdk AS jre-build
COPY --from=build /workspace/build/install/inventory/lib /deps
RUN jdeps --ignore-missing-deps -q --recursive --multi-release 21 \
        --print-module-deps --class-path '/deps/*' /deps/inventory.jar > /modules.txt \
 && $JAVA_HOME/bin/jlink \
        --add-modules "$(cat /modules.txt),jdk.crypto.ec" \
        --strip-debug \
        --no-man-pages \
        --no-header-files \
        --compress=2 \
        --output /javaruntime

FROM debian:bookworm-slim
ENV JAVA_HOME=/opt/java/openjdk
ENV PATH "${JAVA_HOME}/bin:${PATH}"
COPY --from=jre-build /javaruntime $JAVA_HOME
COPY --from=build /workspace/build/install/inventory /opt/inventory
RUN useradd --no-create-home --shell /usr/sbin/nologin inventory
USER inventory
EXPOSE 8081
ENTRYPOINT ["/opt/inventory/bin/inventory"]
