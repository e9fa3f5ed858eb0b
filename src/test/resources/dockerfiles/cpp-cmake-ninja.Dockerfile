FROM gcc:13 AS toolchain
RUN apt-get update && apt-get install -y --no-install-recommends cmake ninja-build libboost-all-dev \
    && rm -rf /var/lib/apt/lists/*

FROM toolchain AS build
WORKDIR /src
COPY CMakeLists.txt ./
COPY cmake/ cmake/
COPY src/ src/
COPY tests/ tests/
RUN cmake -S . -B build -G Ninja \
        -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_INSTALL_PREFIX=/opt/matcher \
        -DBUILD_TESTING=ON \
    && cmake --build build --parallel \
    && ctest --test-dir build --output-on-failure \
    && cmake --install build --strip

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libboost-program-options1.74.0 \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/matcher /opt/matcher
ENV PATH=/opt/matcher/bin:$PATH
USER 1000:1000
ENTRYPOINT ["matcher"]
CMD ["--config", "/etc/matcher.yaml"]
