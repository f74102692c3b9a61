# syntax=docker/dockerfile:1
# The dangbo panel: built with Vite from the API's committed schema, served by nginx, which also forwards
# /graphql and /reports to the API (same origin, so no CORS).
# Build from the repository root:  docker build -f docker/admin.Dockerfile -t dangbo-admin .

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
COPY libs/vn/ libs/vn/
COPY libs/shared-types/ libs/shared-types/
COPY apps/api/schema.graphql apps/api/schema.graphql
COPY apps/admin/ apps/admin/
# The GraphQL endpoint as the browser sees it; nginx below serves it on the panel's own origin.
ARG VITE_API_URL=/graphql
ENV VITE_API_URL=${VITE_API_URL}
RUN node apps/admin/scripts/introspection.mjs && npx vite build --config apps/admin/vite.config.mts

FROM nginx:alpine
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/apps/admin/dist /usr/share/nginx/html
EXPOSE 80
HEALTHCHECK --interval=15s --timeout=5s --retries=3 CMD wget -q -O /dev/null http://127.0.0.1/ || exit 1
CMD ["nginx", "-g", "daemon off;"]
