#!/usr/bin/env bash
# A single-node Apache Kafka (KRaft: broker and controller in one JVM) for development and tests.
#
#   deploy/kafka/broker.sh start    fetch the jars once, format storage once, start in the background
#   deploy/kafka/broker.sh wait     block until the broker serves Metadata with itself in it
#   deploy/kafka/broker.sh status   print pid and address; exit 0 if running, 3 if not
#   deploy/kafka/broker.sh stop     SIGTERM, wait, then SIGKILL; fine to call when nothing runs
#   deploy/kafka/broker.sh clean    stop, then delete the state dir (topics, offsets, logs)
#
# The jars come from Maven Central through deploy/kafka/pom.xml, not from a tarball: Maven is
# the one route to Kafka that this project's machines have. No Docker is needed.
#
# Environment (all optional):
#   KHABAR_KAFKA_PORT          PLAINTEXT port on 127.0.0.1 (default 19092); the controller uses PORT+1
#   KHABAR_KAFKA_HOME          where the jars are cached (default ~/.cache/khabar/kafka-4.4.0)
#   KHABAR_KAFKA_STATE         data, logs, pid file (default /tmp/khabar-kafka)
#   KHABAR_KAFKA_HEAP          JVM heap flags (default "-Xms256m -Xmx512m")
#   KHABAR_KAFKA_WAIT_TIMEOUT  seconds `wait` polls before failing (default 90)
#   KHABAR_KAFKA_STOP_TIMEOUT  seconds `stop` waits after SIGTERM before SIGKILL (default 30)
set -euo pipefail

readonly KAFKA_VERSION=4.4.0
readonly HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly POM="$HERE/pom.xml"
readonly KAFKA_HOME="${KHABAR_KAFKA_HOME:-$HOME/.cache/khabar/kafka-$KAFKA_VERSION}"
readonly LIBS="$KAFKA_HOME/libs"
readonly PORT="${KHABAR_KAFKA_PORT:-19092}"
readonly CONTROLLER_PORT="$((PORT + 1))"
readonly STATE="${KHABAR_KAFKA_STATE:-/tmp/khabar-kafka}"
readonly DATA_DIR="$STATE/data"
readonly CONFIG="$STATE/server.properties"
readonly LOG4J_CONFIG="$STATE/log4j2.properties"
readonly PID_FILE="$STATE/broker.pid"
readonly CONSOLE_LOG="$STATE/broker.out"
readonly HEAP="${KHABAR_KAFKA_HEAP:--Xms256m -Xmx512m}"
readonly WAIT_TIMEOUT="${KHABAR_KAFKA_WAIT_TIMEOUT:-90}"
readonly STOP_TIMEOUT="${KHABAR_KAFKA_STOP_TIMEOUT:-30}"

say() { echo "broker.sh: $*" >&2; }
die() { say "$*"; exit 1; }

# --- jars -------------------------------------------------------------------------------------

pom_digest() { sha256sum "$POM" | cut -d' ' -f1; }

# Copy the broker's runtime classpath into $LIBS once. The pom's digest is stored beside the jars,
# so editing the pom (a new Kafka or log4j version) triggers a fresh copy on the next start.
resolve_libs() {
    if [[ -f "$LIBS/.pom.sha256" && "$(cat "$LIBS/.pom.sha256")" == "$(pom_digest)" ]]; then
        return
    fi
    command -v mvn >/dev/null || die "mvn not found; install Maven 3.8+ to fetch Kafka $KAFKA_VERSION"
    say "resolving Kafka $KAFKA_VERSION jars into $LIBS (once)"
    local staging="$LIBS.partial.$$" mvn_log="$KAFKA_HOME/mvn.log"
    rm -rf "$staging"
    mkdir -p "$KAFKA_HOME"
    if ! mvn -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies -DincludeScope=runtime \
        -DoutputDirectory="$staging" >"$mvn_log" 2>&1; then
        tail -n 30 "$mvn_log" >&2
        rm -rf "$staging"
        die "mvn could not resolve $POM (full log: $mvn_log)"
    fi
    pom_digest >"$staging/.pom.sha256"
    rm -rf "$LIBS"
    mv "$staging" "$LIBS"   # a half-copied dir is never mistaken for a complete one
}

# The JVM flags shared by the storage tool and the broker. HEAP is split on spaces on purpose.
read -r -a HEAP_FLAGS <<<"$HEAP"
readonly JAVA_FLAGS=(
    "${HEAP_FLAGS[@]}" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError
    -Djava.awt.headless=true -Dlog4j2.configurationFile="$LOG4J_CONFIG" -Dkafka.logs.dir="$STATE/logs"
    -cp "$LIBS/*"
)

# --- config -----------------------------------------------------------------------------------

write_config() {
    mkdir -p "$STATE/logs"
    cat >"$CONFIG" <<EOF
# Written by deploy/kafka/broker.sh on every start; edits here are lost.
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
controller.quorum.bootstrap.servers=127.0.0.1:$CONTROLLER_PORT
log.dirs=$DATA_DIR

# One node: every internal topic has one replica.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# Fewer internal partitions than the defaults (50) so the first consumer group and the first
# transaction on a fresh broker do not wait for dozens of partitions to be created.
offsets.topic.num.partitions=8
transaction.state.log.num.partitions=4

group.initial.rebalance.delay.ms=0
num.partitions=4
auto.create.topics.enable=true
log.retention.hours=24
EOF
    # Two appenders: a file for people, and warnings on the console log for start-up failures.
    cat >"$LOG4J_CONFIG" <<EOF
status = warn
appender.file.type = File
appender.file.name = FILE
appender.file.fileName = $STATE/logs/server.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
appender.console.type = Console
appender.console.name = CONSOLE
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
appender.console.filter.threshold.type = ThresholdFilter
appender.console.filter.threshold.level = warn
rootLogger.level = info
rootLogger.appenderRef.file.ref = FILE
rootLogger.appenderRef.console.ref = CONSOLE
logger.kafka.name = kafka
logger.kafka.level = info
logger.apache.name = org.apache.kafka
logger.apache.level = info
EOF
}

# What `kafka.tools.StorageTool random-uuid` prints (16 random bytes, URL-safe base64, no
# padding), made here because a second JVM start costs a second on a fresh checkout. Kafka's
# Uuid.randomUuid also rejects ids that start with '-', since they read as a CLI flag.
new_cluster_id() {
    local id="-"
    while [[ "$id" == -* ]]; do
        id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
    done
    echo "$id"
}

# KRaft refuses to start on an unformatted log dir. Format once per state dir and port: the
# controller's own address is written into the metadata log, so a new port needs a new log.
format_storage() {
    local stamp="$DATA_DIR/.khabar-port"
    if [[ -f "$DATA_DIR/meta.properties" && "$(cat "$stamp" 2>/dev/null)" == "$PORT" ]]; then
        return
    fi
    rm -rf "$DATA_DIR"
    local cluster_id
    cluster_id="$(new_cluster_id)"
    say "formatting $DATA_DIR (cluster id $cluster_id)"
    java "${JAVA_FLAGS[@]}" kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$CONFIG" \
        >>"$CONSOLE_LOG" 2>&1 || die "storage format failed; see $CONSOLE_LOG"
    echo "$PORT" >"$stamp"
}

# --- process ----------------------------------------------------------------------------------

# Prints the pid if the pid file names a live broker started from this state dir. A stale pid
# file, or a pid reused by another program, counts as not running.
running_pid() {
    [[ -f "$PID_FILE" ]] || return 1
    local pid
    pid="$(cat "$PID_FILE")"
    [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
    local cmdline
    cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)"  # empty once the process has exited
    [[ "$cmdline" == *"kafka.Kafka $CONFIG"* ]] || return 1
    echo "$pid"
}

# True until the process has fully exited. An exiting JVM loses its cmdline before it closes its
# files (the log dir lock among them), so running_pid is not enough here; a zombie nobody has
# reaped yet (`kill -0` still succeeds on it) counts as gone.
process_alive() {
    local _pid _comm state
    read -r _pid _comm state _ <"/proc/$1/stat" 2>/dev/null || return 1
    [[ "$state" != Z ]]
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Metadata v4 on the wire, so `wait` needs neither a JVM nor a Python client; every broker from
# Kafka 1.0 to 4.x serves v4 (KIP-896 kept it). Request: size, api_key=3, version=4,
# correlation_id=1, client_id="khabar", topics=null (-1), allow_auto_topic_creation=false. The
# response starts with size, correlation_id, throttle_time_ms, then the broker array's length.
# The broker lists itself only once it is registered and unfenced, which is when clients can use it.
metadata_broker_count() {
    local reply
    reply="$(
        exec 2>/dev/null 3<>"/dev/tcp/127.0.0.1/$PORT" || exit 1
        printf '\x00\x00\x00\x15\x00\x03\x00\x04\x00\x00\x00\x01\x00\x06khabar\xff\xff\xff\xff\x00' >&3
        timeout 3 head -c 16 <&3 | od -An -tu1
    )" || return 1
    read -r -a bytes <<<"$reply"
    ((${#bytes[@]} == 16)) || return 1
    echo $(((bytes[12] << 24) | (bytes[13] << 16) | (bytes[14] << 8) | bytes[15]))
}

cmd_start() {
    mkdir -p "$STATE"
    exec 9>"$STATE/.lock"
    flock 9   # two test runs starting at once get one broker
    local pid
    if pid="$(running_pid)"; then
        say "already running (pid $pid) on 127.0.0.1:$PORT"
        return
    fi
    for p in "$PORT" "$CONTROLLER_PORT"; do
        ! port_open "$p" || die "127.0.0.1:$p is taken by another process; set KHABAR_KAFKA_PORT"
    done
    command -v java >/dev/null || die "java not found; Kafka $KAFKA_VERSION needs Java 17+"
    resolve_libs
    write_config
    format_storage
    : >"$CONSOLE_LOG"
    # 9>&- : the broker must not inherit the start lock, or the next `start` would wait forever.
    nohup java "${JAVA_FLAGS[@]}" kafka.Kafka "$CONFIG" >>"$CONSOLE_LOG" 2>&1 </dev/null 9>&- &
    echo $! >"$PID_FILE"
    say "started pid $! on 127.0.0.1:$PORT (logs: $STATE/logs/server.log)"
}

cmd_wait() {
    local deadline=$((SECONDS + WAIT_TIMEOUT)) count
    while ((SECONDS < deadline)); do
        if count="$(metadata_broker_count)" && ((count >= 1)); then
            say "ready on 127.0.0.1:$PORT"
            return
        fi
        if [[ -f "$PID_FILE" ]] && ! running_pid >/dev/null; then
            tail -n 20 "$CONSOLE_LOG" >&2 || true
            die "broker exited during start-up; see $STATE/logs/server.log"
        fi
        sleep 0.5
    done
    die "not ready on 127.0.0.1:$PORT after ${WAIT_TIMEOUT}s; see $STATE/logs/server.log"
}

cmd_status() {
    local pid
    if pid="$(running_pid)"; then
        echo "running pid=$pid bootstrap=127.0.0.1:$PORT state=$STATE"
    else
        echo "stopped bootstrap=127.0.0.1:$PORT state=$STATE"
        return 3
    fi
}

cmd_stop() {
    local pid
    if ! pid="$(running_pid)"; then
        rm -f "$PID_FILE"
        say "not running"
        return
    fi
    # SIGTERM runs Kafka's controlled shutdown (flush, close the log cleanly).
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + STOP_TIMEOUT))
    while process_alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
    if process_alive "$pid"; then
        say "pid $pid still running ${STOP_TIMEOUT}s after SIGTERM; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        while process_alive "$pid"; do sleep 0.1; done
    fi
    rm -f "$PID_FILE"
    say "stopped pid $pid"
}

cmd_clean() {
    cmd_stop
    rm -rf "$STATE"
    say "removed $STATE"
}

case "${1:-}" in
    start) cmd_start ;;
    wait) cmd_wait ;;
    status) cmd_status ;;
    stop) cmd_stop ;;
    clean) cmd_clean ;;
    *) echo "usage: $0 {start|wait|status|stop|clean}" >&2; exit 2 ;;
esac
