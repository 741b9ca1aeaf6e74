#!/usr/bin/env bash
# Starts PostgreSQL, Redis and RabbitMQ on this machine when they are down (commands from the machine's
# own setup), and installs them from Debian's packages when they are missing altogether.
set -uo pipefail

up() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if ! command -v pg_ctlcluster >/dev/null || ! command -v redis-server >/dev/null || ! command -v rabbitmq-server >/dev/null; then
  echo "installing PostgreSQL, Redis and RabbitMQ from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql redis-server rabbitmq-server >/dev/null
fi

if ! up 5432; then
  echo "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
fi
if ! up 6379; then
  echo "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
fi
if ! up 5672; then
  echo "starting RabbitMQ"
  rabbitmq-server -detached
  sleep 5
  rabbitmqctl wait --timeout 120 "$(ls /var/lib/rabbitmq/mnesia/*.pid | head -1)"
fi

for port in 5432 6379 5672; do
  for _ in $(seq 1 60); do up "$port" && break; sleep 1; done
  up "$port" || { echo "server on port $port did not come up"; exit 1; }
done
echo "servers: PostgreSQL, Redis and RabbitMQ are up"
