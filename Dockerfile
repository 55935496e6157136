# One image for every Procurelink service. The service is chosen at run time:
#   docker run -e PROCURELINK_SERVICE=po-sync  procurelink          (the default command)
#   docker run procurelink node apps/ops/dist/main.js               (or any command)
#   docker run procurelink node apps/ops/dist/cli/main.js dlq list  (the operations CLI)
#   docker run procurelink node apps/invoice-sync/dist/rebuild/main.js   (rebuild a service's Redis state)
# Services: supplier-sync po-sync invoice-sync payment-status ops erp-sandbox simulator.
#
#   docker build -t procurelink .
#
# Stages: build (npm ci with dev dependencies, nx build, collect what runs), deps (production
# dependencies only, no install scripts), runtime (slim, non-root, read-only friendly).

ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: compile every project to apps/<app>/dist and libs/<lib>/dist ----
FROM ${NODE_IMAGE} AS build
WORKDIR /src
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false CI=true
COPY . .
RUN npm ci --no-audit --no-fund --loglevel=error \
 && npx nx run-many -t build --outputStyle=static
# Collect what the services read at run time, keeping the tree's layout (they resolve these
# paths relative to their dist/ folders):
#   apps/*/dist, libs/*/dist, every workspace package.json (node_modules links to them),
#   libs/canonical-schemas/schemas (the .avsc files registered at start-up),
#   apps/po-sync/reference-data (PO_REFERENCE_DATA_PATH default), apps/ops/migrations (applied
#   at start-up), apps/ops/src/console/assets (the web console's static files).
RUN mkdir -p /out \
 && cp --parents package.json /out/ \
 && cp -r --parents apps/*/package.json libs/*/package.json apps/*/dist libs/*/dist /out/ \
 && cp -r --parents libs/canonical-schemas/schemas apps/po-sync/reference-data apps/ops/migrations apps/ops/src/console/assets /out/ \
 && find /out -name '*.tsbuildinfo' -delete \
 && mkdir -p /manifests \
 && cp --parents package.json package-lock.json apps/*/package.json libs/*/package.json /manifests/

# ---- deps: production dependencies only (kafkajs, ioredis, pg, avsc, Nest, OpenTelemetry) ----
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY --from=build /manifests/ ./
# No install scripts: no production dependency needs one (the pinned `node` package is a dev dependency).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error \
 && npm cache clean --force

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="procurelink" \
      org.opencontainers.image.description="Event-driven integration backbone for healthcare procure-to-pay" \
      org.opencontainers.image.licenses="Apache-2.0"
RUN groupadd --gid 10001 procurelink \
 && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin procurelink
WORKDIR /app
COPY --from=deps --chown=0:0 /app/node_modules ./node_modules
COPY --from=build --chown=0:0 /out/ ./
# Listen on every interface inside the container (the services default to 127.0.0.1).
# PROCURELINK_ENV stays development here; production deployments set PROCURELINK_ENV=production
# (the Helm chart does), which refuses dev keys, default console users and plaintext connections.
ENV HOST=0.0.0.0 \
    PROCURELINK_SERVICE=supplier-sync \
    NODE_OPTIONS=--disable-warning=TimeoutNegativeWarning \
    KAFKAJS_NO_PARTITIONER_WARNING=1
# Files are owned by root and not writable by the service user; nothing is written at run time.
USER 10001:10001
EXPOSE 3101 3102 3103 3104 3105 3190
# exec: node is PID 1 and receives SIGTERM (each service finishes in-flight work, then exits 0).
CMD ["sh", "-c", "exec node \"apps/${PROCURELINK_SERVICE}/dist/main.js\""]
