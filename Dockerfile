# syntax=docker/dockerfile:1.7
#
# One image recipe for every CXM service. Pick the service with the build argument APP:
#
#   docker build --build-arg APP=ingest -t cxm/ingest .
#   APP ∈ ingest | classifier | profile | routing | responder | explorer | gateway | all-in-one
#
# Why one shared Dockerfile and not one per app: every app runs from the same package.json /
# package-lock.json and the same libs/, and the apps differ only in which main.ts starts. One
# recipe cannot drift between services, and all images share every layer except the last small
# ones (the app's own folder and its start command), so seven images cost about one in a registry.
#
# The TypeScript sources run as they are, through scripts/register.js (tsconfig-paths for the
# @cxm/* aliases, then @swc-node/register transpiling on load with decorator metadata; see
# docs/adr/0003-run-typescript-with-swc.md). Those three packages are devDependencies, so the
# runtime stage keeps them on purpose (stage `runtime-deps` below).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------
# deps: the full dependency tree, exactly as locked (npm ci). Only the manifests are copied, so
# this layer is rebuilt only when package.json or package-lock.json change.
#
# NPM_INSTALL=ci (default) refuses a lock file that is out of sync with package.json. The lock file
# is written on a registry mirror that serves only the Linux builds of per-platform packages, so it
# lacks e.g. @swc/core-darwin-arm64; npm 10 (this image's npm) accepts it there, but against the
# public registry `npm ci` may call it out of sync. Then build with --build-arg NPM_INSTALL=install:
# `npm install` keeps every version the lock file pins and only adds the missing optional entries.
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
ARG NPM_INSTALL=ci
WORKDIR /app
ENV npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    case "${NPM_INSTALL}" in \
      ci) npm ci ;; \
      install) npm install ;; \
      *) echo "NPM_INSTALL must be ci or install (got ${NPM_INSTALL})" >&2; exit 1 ;; \
    esac

# ---------------------------------------------------------------------------------------------
# runtime-deps: production dependencies plus what runs the TypeScript at load time.
#
# Approach: copy the full tree from `deps`, promote the three runtime tools from devDependencies
# to dependencies (same version ranges, read from package.json, nothing hard-coded here), then
# `npm prune --omit=dev`. Everything stays pinned by package-lock.json and nothing is downloaded
# again (installing them with `npm install` on top of `npm ci --omit=dev` would re-resolve
# their transitive dependencies outside the lock file).
#
# What survives besides `dependencies`: @swc-node/register, @swc/core (+ its native binding
# @swc/core-linux-x64-gnu or -arm64-gnu, an optional dependency), tsconfig-paths, their own
# dependencies, and `typescript` — a peer dependency of @swc-node/register, which requires it at
# run time to read tsconfig.json. Jest, Nx, ESLint, testcontainers, pino-pretty are dropped.
# ---------------------------------------------------------------------------------------------
FROM deps AS runtime-deps
RUN node -e " \
      const fs = require('node:fs'); \
      const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')); \
      for (const name of ['@swc-node/register', '@swc/core', 'tsconfig-paths']) { \
        const range = pkg.devDependencies?.[name] ?? pkg.dependencies?.[name]; \
        if (!range) throw new Error(name + ' is in neither dependencies nor devDependencies'); \
        pkg.dependencies[name] = range; \
        delete pkg.devDependencies?.[name]; \
      } \
      fs.writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');" \
 && npm prune --omit=dev \
 && node -e "for (const m of ['@swc-node/register', '@swc/core', 'tsconfig-paths', 'typescript']) require.resolve(m)" \
 && rm -rf /root/.npm

# ---------------------------------------------------------------------------------------------
# runtime: node + pruned node_modules + the sources this app needs, as a non-root user.
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ARG APP
# Node.js options baked into the image as NODE_OPTIONS: the all-in-one is built with
# `--build-arg APP_NODE_OPTIONS="--v8-pool-size=1 --max-semi-space-size=32"`, the flags `npm start`
# gives it (ADR 0029, ADR 0034); the separate services keep Node's defaults. A pod's or
# container's own NODE_OPTIONS still wins.
ARG APP_NODE_OPTIONS=""
WORKDIR /app

# uid/gid 10001: outside the range of image and distribution users (the base image's `node` user
# is 1000), so a host volume or a PodSecurity policy never confuses it with a real account.
RUN groupadd --system --gid 10001 cxm \
 && useradd --system --uid 10001 --gid cxm --home-dir /home/cxm --create-home --shell /usr/sbin/nologin cxm \
 && install -d -o cxm -g cxm -m 0750 /var/lib/cxm

COPY --from=runtime-deps /app/node_modules ./node_modules
# The original package.json (the promoted copy in runtime-deps was only for pruning).
COPY package.json tsconfig.base.json tsconfig.json .swcrc ./
COPY scripts/register.js ./scripts/register.js
COPY libs ./libs
COPY apps/${APP} ./apps/${APP}

# A missing or wrong APP fails the build here, not the container at start.
# main.ts is a symlink to the app's entry point so that CMD can be exec form with a fixed path
# (exec form does no variable expansion, and a shell form would put /bin/sh in front of node as
# PID 1). Node resolves the symlink to its real path, so relative imports, swc and stack traces
# all see apps/<APP>/src/main.ts.
RUN if [ -z "${APP}" ]; then \
      echo 'build with --build-arg APP=<ingest|classifier|profile|routing|responder|explorer|gateway|all-in-one>' >&2; exit 1; \
    fi; \
    if [ ! -f "apps/${APP}/src/main.ts" ]; then echo "apps/${APP}/src/main.ts does not exist" >&2; exit 1; fi; \
    ln -s "apps/${APP}/src/main.ts" main.ts

ENV NODE_ENV=production \
    NODE_OPTIONS="${APP_NODE_OPTIONS}" \
    APP=${APP} \
    APP_MAIN=apps/${APP}/src/main.ts \
    CXM_HOST=0.0.0.0 \
    PORT=3000 \
    CXM_DATA_DIR=/var/lib/cxm

LABEL org.opencontainers.image.title="cxm-${APP}" \
      org.opencontainers.image.description="CXM ${APP} service" \
      org.opencontainers.image.licenses="Apache-2.0"

USER 10001:10001
EXPOSE 3000

# Liveness of the process itself (no token needed). Node 20 has a global fetch: no curl in the image.
HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Exec form: node is PID 1 and receives SIGTERM itself; NestJS's shutdown hooks (enableShutdownHooks)
# then stop the Kafka consumers after their in-flight messages are committed. main.ts → $APP_MAIN.
CMD ["node", "-r", "./scripts/register.js", "main.ts"]
