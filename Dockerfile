# One image recipe for every Redress process:
#   docker build --build-arg SERVICE=intake  -t redress-intake .
#   docker build --build-arg SERVICE=gateway -t redress-gateway .
# SERVICE is one of intake, investigation, resolution, notification, reporting, gateway.

ARG NODE_IMAGE=node:20-bookworm-slim

# ── manifests: only the package.json files, so `npm install` re-runs only when they change ──
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir /manifests \
 && find . -name node_modules -prune -o \( -name package.json -o -name package-lock.json \) -print \
    | xargs -I{} cp --parents {} /manifests

# ── build: install everything, compile with swc, then drop the dev dependencies ──
FROM ${NODE_IMAGE} AS build
WORKDIR /redress
COPY --from=manifests /manifests ./
# `npm install`, not `npm ci`: the lockfile names platform-specific optional builds (swc, nx).
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund
ARG SERVICE
RUN case "$SERVICE" in \
      gateway) app=gateway ;; \
      intake|investigation|resolution|notification|reporting) app="services/$SERVICE" ;; \
      *) echo "build with --build-arg SERVICE=<intake|investigation|resolution|notification|reporting|gateway>" >&2; exit 1 ;; \
    esac \
 && test -f "$app/dist/main.js" \
 && mkdir /out \
 && cp -a --parents package.json node_modules libs "$app" /out \
 && ln -s "$app" /out/app

# ── runtime: production dependencies, compiled code, a non-root user, nothing writable ──
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ENV NODE_ENV=production \
    SERVICE=${SERVICE}
WORKDIR /redress
# Files stay owned by root: the process (uid 1000, `node`) can read them but never change them.
COPY --from=build /out ./
USER 1000:1000
# Ready = its database, broker and Redis answer (the gateway: the supergraph is composed).
# The port is `<SERVICE>_PORT`, else the documented default.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "const d={gateway:4000,intake:4001,investigation:4002,resolution:4003,notification:4004,reporting:4005},s=process.env.SERVICE,p=process.env[s.toUpperCase()+'_PORT']||d[s];fetch('http://127.0.0.1:'+p+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# `app` links to services/<SERVICE> or gateway; node is PID 1 and receives SIGTERM itself.
CMD ["node", "--enable-source-maps", "app/dist/main.js"]
