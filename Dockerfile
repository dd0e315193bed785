# One image per service, from the jar that the Maven build made:
#   ./mvnw -DskipTests package
#   docker build --build-arg SERVICE=command-service -t praxis/command-service:0.1.0 .
#   docker build --build-arg SERVICE=query-service   -t praxis/query-service:0.1.0 .
#   docker build --build-arg SERVICE=api-gateway     -t praxis/api-gateway:0.1.0 .
# The jar is split into Spring Boot's layers, least changing first, so that a new release of
# Praxis ships only the small application layer on top of cached dependency layers.
# The runtime runs as an unprivileged user and needs nothing writable but /tmp (k8s/ mounts an
# emptyDir there and makes the root filesystem read-only).

ARG JAVA_IMAGE=eclipse-temurin:17.0.15_6-jre-noble

FROM ${JAVA_IMAGE} AS layers
ARG SERVICE
WORKDIR /build
COPY ${SERVICE}/target/${SERVICE}.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM ${JAVA_IMAGE}
ARG SERVICE
LABEL org.opencontainers.image.title="praxis-${SERVICE}"
RUN groupadd --system --gid 10001 praxis && useradd --system --uid 10001 --gid praxis --no-create-home praxis
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER 10001:10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
