#!/usr/bin/env bash
# The whole test suite: start the repo's Kafka broker, run pytest, stop the broker.
# Extra arguments go to pytest (e.g. -m kafka). A Kafka test with no broker fails; it never skips.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || scripts/bootstrap.sh
deploy/kafka/broker.sh start
trap 'deploy/kafka/broker.sh stop' EXIT
deploy/kafka/broker.sh wait
export KHABAR_BOOTSTRAP_SERVERS=${KHABAR_BOOTSTRAP_SERVERS:-127.0.0.1:${KHABAR_KAFKA_PORT:-19092}}
.venv/bin/python -m pytest "$@"
