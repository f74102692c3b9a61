# syntax=docker/dockerfile:1
# The dangbo API: compiled with tsc (never esbuild: the decorators need their metadata), run by plain node.
# Build from the repository root:  docker build -f docker/api.Dockerfile -t dangbo-api .

# ---- build: the whole workspace's dependencies, then tsc -b (the API and the libraries it references) ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true CI=true
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/admin/package.json apps/admin/
COPY apps/admin-e2e/package.json apps/admin-e2e/
COPY libs/vn/package.json libs/vn/
COPY libs/shared-types/package.json libs/shared-types/
COPY libs/rating-engine/package.json libs/rating-engine/
COPY libs/reports/package.json libs/reports/
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json ./
COPY libs/ libs/
COPY apps/api/ apps/api/
RUN npx tsc -b apps/api/tsconfig.app.json

# ---- deps: production dependencies only (workspace links resolve to the built libraries copied below) ----
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/admin/package.json apps/admin/
COPY apps/admin-e2e/package.json apps/admin-e2e/
COPY libs/vn/package.json libs/vn/
COPY libs/shared-types/package.json libs/shared-types/
COPY libs/rating-engine/package.json libs/rating-engine/
COPY libs/reports/package.json libs/reports/
RUN npm ci --omit=dev --no-audit --no-fund

# ---- runtime ----
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
COPY --from=deps /app/package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/apps/api/package.json apps/api/
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/libs/vn/package.json libs/vn/
COPY --from=build /app/libs/vn/dist libs/vn/dist
COPY --from=build /app/libs/shared-types/package.json libs/shared-types/
COPY --from=build /app/libs/shared-types/dist libs/shared-types/dist
COPY --from=build /app/libs/rating-engine/package.json libs/rating-engine/
COPY --from=build /app/libs/rating-engine/dist libs/rating-engine/dist
COPY --from=build /app/libs/reports/package.json libs/reports/
COPY --from=build /app/libs/reports/dist libs/reports/dist
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/api/dist/main.js"]
