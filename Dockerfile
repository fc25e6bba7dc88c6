# Watchtime's server in a container: built from this source, run as a non-root user with the jar (which carries
# the IP database) and nothing else. Build: docker build -t watchtime .   Run: see deploy/compose.yaml.
FROM maven:3.9-eclipse-temurin-17 AS build
# npm fetches ip2region's data file during the build (scripts/fetch-ip2region.sh); without it areas stay empty.
RUN apt-get update && apt-get install -y --no-install-recommends npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml ./
COPY protocol protocol
COPY server server
COPY client client
COPY bench bench
COPY scripts scripts
RUN mvn -B -q -DskipTests -pl protocol,server -am package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /var/lib/watchtime --create-home watchtime
COPY --from=build /src/server/target/watchtime-server.jar /opt/watchtime/watchtime-server.jar
USER watchtime
WORKDIR /var/lib/watchtime
# The embedded default keeps its file in the volume; set WATCHTIME_DATABASE_URL for PostgreSQL or MariaDB.
ENV WATCHTIME_DATABASE_URL=jdbc:sqlite:/var/lib/watchtime/watchtime.db
VOLUME /var/lib/watchtime
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s CMD ["sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/watchtime/watchtime-server.jar"]
