# Multi-stage image of the bot: the bundle is built here, once, not at each start.
# Build: docker build -t opdc-qa-bot .     Run: see compose.yaml (two instances, PostgreSQL, a proxy).

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles when no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && chown node:node /app && rm -rf /var/lib/apt/lists/*
COPY --chown=node:node package.json package-lock.json ./
USER node
# Runtime dependencies only; the compilers above are for better-sqlite3's install script.
RUN npm ci --omit=dev --no-audit --no-fund
COPY --chown=node:node --from=build /app/dist ./dist
COPY --chown=node:node --from=build /app/web/dist ./web/dist
COPY --chown=node:node kb ./kb
COPY --chown=node:node server/search ./server/search
COPY --chown=node:node scripts/build-if-stale.mjs scripts/start.mjs ./scripts/
RUN mkdir -p var
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Straight to the bundle: no build step, no tsx at run time.
CMD ["node", "--max-semi-space-size=16", "--enable-source-maps", "dist/main.mjs"]
