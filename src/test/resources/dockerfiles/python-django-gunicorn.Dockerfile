FROM python:3.9-bullseye

ENV DJANGO_SETTINGS_MODULE=config.settings.production
ENV PYTHONUNBUFFERED 1

RUN apt-get update && apt-get install -y \
    gettext \
    libjpeg-dev \
    libpq-dev \
    postgresql-client \
  && apt-get clean \
  && rm -rf /var/lib/apt/lists/*

RUN mkdir -p /code/media
WORKDIR /code

COPY requirements/ /code/requirements/
RUN pip install -r requirements/production.txt

COPY . /code/
RUN python manage.py collectstatic --noinput \
    && python manage.py compilemessages

RUN adduser --disabled-password --gecos '' django \
    && chown -R django:django /code/media
USER django

VOLUME ["/code/media"]
EXPOSE 8000
HEALTHCHECK --interval=1m --timeout=10s CMD python -c "import urllib.request; urllib.request.urlopen('http://localhost:8000/health/')"
CMD gunicorn config.wsgi:application --bind 0.0.0.0:8000 --workers 4 --timeout 120
