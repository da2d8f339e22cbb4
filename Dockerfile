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
ENTRYPOINT ["quntuan"]
