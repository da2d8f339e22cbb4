# The one `quntuan` binary serves every role: gateway, subgraph, composition, seeding.
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release -p quntuan-cli && cp target/release/quntuan /usr/local/bin/quntuan

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* && useradd --system --uid 10001 quntuan
COPY --from=build /usr/local/bin/quntuan /usr/local/bin/quntuan
COPY schema /srv/schema
USER quntuan
WORKDIR /srv
# mimalloc commits arena memory as it is used instead of whole arenas up front: peak RSS under
# the deep-query benchmark 83.2 -> 69.5 MiB at the same CPU per request (BENCHMARKS.md,
# "Allocator settings"). A shorter purge delay saved more memory but cost about 30 % CPU.
ENV MIMALLOC_ARENA_EAGER_COMMIT=0
ENTRYPOINT ["quntuan"]
