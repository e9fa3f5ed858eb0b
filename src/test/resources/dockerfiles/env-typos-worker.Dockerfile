# A queue worker with a small Node admin UI; its variable names grew by hand over the years.
ARG NODE_VERISON=20
FROM node:${NODE_VERISON}-bookworm AS ui
ENV NODE_EVN=production \
    NPM_CONFIG_LOGLEVL=warn
WORKDIR /ui
COPY ui/package.json ui/package-lock.json ./
RUN npm ci
COPY ui/ ./
RUN npm run build

FROM python:3.11
ARG DEBIAN_FRONTED=noninteractive
ENV PYTHONUBUFFERED 1
ENV PIP_NO_CACHE_DRI=1 PYTHONDONTWRITEBYTECODE=1 \
    WORKER_HOME=/srv/worker
RUN apt-get update && DEBIAN_FRONTEND=$DEBIAN_FRONTED apt-get install -y libpq-dev gcc
WORKDIR ${WORKER_HOME}
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY --from=ui /ui/dist ./static
COPY . .
RUN echo "unbuffered=${PYTHONUBUFFERED:-no}" > /etc/worker.conf
CMD ["python", "-m", "worker"]
