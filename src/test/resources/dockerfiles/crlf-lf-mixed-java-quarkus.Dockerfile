# Originally written on Windows (CRLF), later edited on Linux (LF)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /project
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B package -Dquarkus.package.type=fast-jar \
    -DskipTests \
    -Dmaven.javadoc.skip=true

FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.18
ENV LANGUAGE="en_US:en"
COPY --from=build --chown=185 /project/target/quarkus-app/lib/ /deployments/lib/
COPY --from=build --chown=185 /project/target/quarkus-app/*.jar /deployments/
COPY --from=build --chown=185 /project/target/quarkus-app/app/ /deployments/app/
COPY --from=build --chown=185 /project/target/quarkus-app/quarkus/ /deployments/quarkus/
EXPOSE 8080
USER 185
ENV JAVA_OPTS_APPEND="-Dquarkus.http.host=0.0.0.0 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
ENV JAVA_APP_JAR="/deployments/quarkus-run.jar"
ENTRYPOINT [ "/opt/jboss/container/java/run/run-java.sh" ]
