# syntax=docker/dockerfile:1
# 日本語のコメント：本番環境用のイメージです。ビルド前に README を読んでください。
FROM python:3.12-slim

LABEL org.opencontainers.image.title="Café Réservations" \
      org.opencontainers.image.description="Système de réservation pour le café — édition été, façade à Lyon" \
      org.opencontainers.image.authors="Zoë Müller <zoe@example.com>, 山田太郎 <taro@example.jp>"

ENV LANG=C.UTF-8 \
    GREETING="¡Hola, señor! Grüße aus Köln"

# 依存関係をインストールする
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
RUN echo "Bienvenue au café ☕" > /etc/motd
# ポート番号は設定ファイルと合わせること
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "reservations.wsgi:application"]
