# Khabar — common tasks. Every target creates .venv from uv.lock first if it is missing.
#   make demo    enriched JSON of the example story, embedded mode (no broker)
#   make test    the whole test suite: unit tests, then Kafka tests on a broker the repo starts
#   make bench   benchmarks (tests/perf), results in README
#   make up/down the repo's own Kafka broker (deploy/kafka)

PY := .venv/bin/python
KHABAR := .venv/bin/khabar

.PHONY: setup demo test test-unit test-kafka bench lint

setup: .venv/.khabar-setup
.venv/.khabar-setup: pyproject.toml uv.lock
	scripts/bootstrap.sh
	touch $@

demo: setup
	$(KHABAR) process --input services/khabar/examples/wire_story.txt --output -

test: setup
	scripts/run_tests.sh

test-unit: setup
	$(PY) -m pytest -m "not kafka" -q

test-kafka: setup
	scripts/run_tests.sh -m kafka

bench: setup
	$(PY) tests/perf/run_all.py

lint: setup
	$(PY) -m ruff check services tests scripts

# ---------------------------------------------------------------------------------------------
# Local Kafka broker (deploy/kafka/broker.sh): single-node KRaft Kafka 4.4.0 from Maven Central
# jars, on 127.0.0.1:$${KHABAR_KAFKA_PORT:-19092}. The first `up` fetches the jars (needs java 17+
# and mvn); later ones reuse ~/.cache/khabar/kafka-4.4.0. `down` is safe when nothing runs.
# ---------------------------------------------------------------------------------------------
.PHONY: up down

up:
	deploy/kafka/broker.sh start
	deploy/kafka/broker.sh wait

down:
	deploy/kafka/broker.sh stop
