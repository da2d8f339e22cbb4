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
# mimalloc commits arena memory as it is used: the binary's own default since it sets the option
# before main (gateway/cli/src/allocator.rs; BENCHMARKS.md, "Arenas committed as used"); an
# explicit MIMALLOC_ARENA_EAGER_COMMIT here would still override it.
ENTRYPOINT ["quntuan"]
