#!/usr/bin/python3
"""Runs every measurement of the agentcore4j benchmark (issue 7) and writes the results.

Started by bench/run, which installs and builds what this needs first. Standard library only, so Debian's
python3 runs it. Every server binds 127.0.0.1 on a free port; every process started here is stopped at the end
(and bench/run kills any left in bench/work/pids if this script itself dies).
"""
import asyncio
import datetime
import gzip
import hashlib
import http.client
import io
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tarfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
WORK = os.path.join(BENCH, "work")
RESULTS = os.path.join(BENCH, "results")
JAVA = os.environ.get("BENCH_JAVA", shutil.which("java") or "java")
QUICK = os.environ.get("BENCH_QUICK") == "1"
SESSION = "bench-session-0123456789abcdef0123456789"
PLUGIN = "io.github.agentcore4j:agentcore-maven-plugin:0.1.0-SNAPSHOT"
PAYLOAD_BYTES = 100 * 1024 * 1024

# Repetitions: the full run stays within about 10-15 minutes on 2 cores; BENCH_QUICK=1 is for trying the harness.
COLD_RUNS = 3 if QUICK else 10
WRK_RUNS = 1 if QUICK else 3
WRK_SECONDS = 3 if QUICK else 8
WRK_WARMUP_SECONDS = 2 if QUICK else 4
STREAM_RUNS = 5 if QUICK else 20
PAYLOAD_RUNS = 1 if QUICK else 3
SLEEPERS = 1000
SLEEP_RUNS = 1 if QUICK else 3
IMAGE_RUNS = 1 if QUICK else 3
FIRST_RUNS = 3 if QUICK else 5
STEADY_CALLS = 200

STARTED_PIDS = []


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# ---------------------------------------------------------------------------------------------------------------
# Processes and ports


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def spawn(command, cwd, log_path, env=None):
    """Starts a process in its own process group, recorded so that it is always stopped."""
    with open(log_path, "ab") as out:
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, **(env or {})}, start_new_session=True)
    STARTED_PIDS.append(process.pid)
    record_running()
    return process


def record_running():
    """Keeps bench/work/pids to the processes still running, for bench/run to stop if this script dies; a stopped
    process's id may soon belong to someone else's process, so it must not stay there."""
    with open(os.path.join(WORK, "pids"), "w") as pids:
        pids.writelines(f"{pid}\n" for pid in STARTED_PIDS)


def stop(process):
    if process.poll() is None:
        with_group(process, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with_group(process, signal.SIGKILL)
            process.wait(timeout=10)
    if process.pid in STARTED_PIDS:
        STARTED_PIDS.remove(process.pid)
        record_running()


def with_group(process, sig):
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        pass


def stop_all():
    for pid in list(STARTED_PIDS):
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    STARTED_PIDS.clear()
    record_running()


def proc_status(pid, field):
    """A memory field of /proc/<pid>/status in MiB (VmHWM is the peak resident set)."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return None


# ---------------------------------------------------------------------------------------------------------------
# The peers


class Peer:
    def __init__(self, key, name, label, command, cwd, env=None, warm=False):
        """warm: POST /warmup once ready, before it is measured, as AgentCore V2 does before its snapshot."""
        self.key, self.name, self.label, self.command, self.cwd, self.env = key, name, label, command, cwd, env or {}
        self.warm = warm

    def start(self):
        port = free_port()
        command = [part.replace("{port}", str(port)) for part in self.command]
        env = {name: value.replace("{port}", str(port)) for name, value in self.env.items()}
        process = spawn(command, self.cwd, os.path.join(WORK, f"{self.key}.log"), env)
        return process, port

    def start_ready(self):
        """Starts and waits (bounded) until /invocations answers 200; a warm peer until /ping answers, then POST
        /warmup (the library refuses warmup once an invocation has started a session)."""
        process, port = self.start()
        if self.warm:
            ready = await_ping(process, port)
            if ready:
                post_warmup(port)
        else:
            ready = await_first_200(process, port) is not None
        if not ready:
            stop(process)
            raise RuntimeError(f"{self.name} did not answer within 60 s; see {WORK}/{self.key}.log")
        return process, port


PEERS = [
    Peer("ours", "agentcore4j (echo-agent)", "agentcore4j",
         [JAVA, "-Dagentcore.port={port}", "-Dagentcore.host=127.0.0.1", "-jar",
          os.path.join(WORK, "echo-agent.jar")], ROOT),
    Peer("fastapi", "FastAPI + uvicorn", "FastAPI",
         ["/usr/bin/python3", "-m", "uvicorn", "agent:app", "--host", "127.0.0.1", "--port", "{port}"],
         os.path.join(BENCH, "fastapi-agent")),
    Peer("ts", "TypeScript SDK (BedrockAgentCoreApp)", "TS SDK", ["node", "agent.mjs"], os.path.join(BENCH, "ts-agent"),
         {"PORT": "{port}"}),
    Peer("ts-quiet", "TypeScript SDK, logging off", "TS SDK, no logs", ["node", "agent.mjs"],
         os.path.join(BENCH, "ts-agent"), {"PORT": "{port}", "LOGGING": "off"}),
    Peer("bare", "bare JDK HttpServer", "bare JDK", [JAVA, "-cp", os.path.join(WORK, "classes"), "BareEcho", "{port}"], ROOT),
]
# The image's default base runs Java 21, where the library serves each invocation on a virtual thread; when the
# machine has a newer JDK than its default, the echo agent is measured on it too (not a peer: for information).
JAVA_NEWER = os.environ.get("BENCH_JAVA_NEWER", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")
if os.path.exists(JAVA_NEWER):
    NEWER_VERSION = JAVA_NEWER.split("temurin-")[-1].split("-")[0]
    PEERS.append(Peer("ours-newer-jdk", f"agentcore4j on JDK {NEWER_VERSION}", f"ours, JDK {NEWER_VERSION}",
                      [JAVA_NEWER, *PEERS[0].command[1:]], ROOT))
# The echo agent on Jetty (agentcore.engine=jetty), with the Jetty jars bench/run resolved: the engine with half the
# JDK server's CPU per request, and a longer cold start.
JETTY_CLASSPATH = os.path.join(WORK, "jetty.classpath")
if os.path.exists(JETTY_CLASSPATH):
    with open(JETTY_CLASSPATH) as listed:
        jetty_jars = [jar for jar in listed.read().strip().split(os.pathsep)
                      if "/org/eclipse/jetty/" in jar and "websocket" not in jar or "/org/slf4j/slf4j-api/" in jar]
    PEERS.append(Peer("ours-jetty", "agentcore4j on Jetty (agentcore.engine=jetty)", "ours, Jetty",
                      [JAVA, "-Dagentcore.engine=jetty", "-Dagentcore.port={port}", "-Dagentcore.host=127.0.0.1", "-cp",
                       os.pathsep.join([os.path.join(WORK, "echo-agent.jar"), *jetty_jars]),
                       "io.github.agentcore4j.examples.echo.EchoAgent"], ROOT))
OURS = "ours"
# What an image built by agentcore:build runs, per platform version. V1_IMAGE_FLAGS and V2_IMAGE_FLAGS mirror the
# plugin's PlatformImages.V1_JVM_FLAGS and V2_JVM_FLAGS; V2_IMAGE_ENVIRONMENT mirrors
# PlatformImages.engineEnvironment(V2, jetty-server on the classpath). The image runs Java 21; the bench runs the
# machine's JDK (the Performance page says which).
V1_IMAGE_FLAGS = ["-XX:MaxRAMPercentage=75.0", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                  "-XX:CompileThresholdScaling=5", "-XX:+ExitOnOutOfMemoryError"]
V2_IMAGE_FLAGS = ["-XX:MaxRAMPercentage=75.0", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"]
V2_IMAGE_ENVIRONMENT = {"AGENTCORE_ENGINE": "jetty"}
# The JVM's own defaults (tiered C1 + C2, G1 on a machine the JVM deems a server), keeping only the heap sizing and
# the exit on out-of-memory that any image needs.
JVM_DEFAULT_FLAGS = ["-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError"]
# A V1 image boots per session (cold start is judged on it); the same flags with full tiered compilation and with the
# JVM's defaults show what the image's choice is worth: cold start, throughput and the first invocation after
# start-up, with and without POST /warmup.
FLAG_PEERS = [Peer("ours-image-flags", "agentcore4j as a V1 image runs it (C1 only, SerialGC, JDK server)",
                   "ours, V1 image", [JAVA, *V1_IMAGE_FLAGS, *PEERS[0].command[1:]], ROOT),
              Peer("ours-tiered", "agentcore4j with the V1 image's flags but full tiered compilation (C1 + C2)",
                   "ours, C1 + C2", [JAVA, *V2_IMAGE_FLAGS, *PEERS[0].command[1:]], ROOT),
              Peer("ours-jvm-defaults", "agentcore4j with the JVM's default compilers and collector (C1 + C2, G1)",
                   "ours, C1 + C2, G1", [JAVA, *JVM_DEFAULT_FLAGS, *PEERS[0].command[1:]], ROOT)]
# A V2 image restores a snapshot taken after POST /warmup, so its peers are warmed before every measure; it runs
# Jetty, whose jars bench/run resolved. C1 only on V2 (the V2 default before 0.2.0) is shown for the flag decision.
if os.path.exists(JETTY_CLASSPATH):
    JETTY_AGENT = ["-Dagentcore.port={port}", "-Dagentcore.host=127.0.0.1", "-cp",
                   os.pathsep.join([os.path.join(WORK, "echo-agent.jar"), *jetty_jars]),
                   "io.github.agentcore4j.examples.echo.EchoAgent"]
    FLAG_PEERS += [Peer("ours-v2-image", "agentcore4j as a V2 image runs it (C1 + C2, SerialGC, Jetty, after warmup)",
                        "ours, V2 image", [JAVA, *V2_IMAGE_FLAGS, *JETTY_AGENT], ROOT, V2_IMAGE_ENVIRONMENT,
                        warm=True),
                   Peer("ours-v2-c1", "agentcore4j as a V2 image runs it but C1 only (SerialGC, Jetty, after warmup)",
                        "ours, V2 image, C1 only", [JAVA, *V1_IMAGE_FLAGS, *JETTY_AGENT], ROOT,
                        V2_IMAGE_ENVIRONMENT, warm=True)]
# Measured in the first-call section only: C2 compiles a branch that warmup never took as a trap back to the
# interpreter, paid by the first real invocation (a real call, not a warmup one; other headers; another payload);
# -XX:PerMethodTrapLimit=0 has it compile those branches instead (2026-11-30: no method thrown away on the first call).
FIRST_CALL_PEERS = []
if os.path.exists(JETTY_CLASSPATH):
    FIRST_CALL_PEERS.append(Peer("ours-v2-no-traps", "agentcore4j as a V2 image runs it, plus -XX:PerMethodTrapLimit=0",
                                 "ours, V2 image, no traps",
                                 [JAVA, *V2_IMAGE_FLAGS, "-XX:PerMethodTrapLimit=0", *JETTY_AGENT], ROOT,
                                 V2_IMAGE_ENVIRONMENT, warm=True))

JSON_HEADERS = {"Content-Type": "application/json", "Accept": "application/json",
                "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id": SESSION}


def invoke(port, body, timeout=5.0):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("POST", "/invocations", body=body, headers=JSON_HEADERS)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def invoke_large(port, body):
    """The status of one invocation with a large body; a server that answers early (413) and closes while the body
    is still being sent is read for its answer all the same."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        try:
            connection.request("POST", "/invocations", body=body, headers=JSON_HEADERS)
        except (BrokenPipeError, ConnectionResetError):
            pass
        try:
            response = connection.getresponse()
            response.read()
            return response.status
        except (OSError, http.client.HTTPException) as e:
            return f"closed ({type(e).__name__})"
    finally:
        connection.close()


def await_first_200(process, port, started=None, limit_seconds=60.0):
    """Seconds from started (default now) until the first 200 from /invocations, polling every 2 ms; None on timeout
    or exit."""
    started = time.perf_counter() if started is None else started
    deadline = started + limit_seconds
    body = b'{"prompt":"hi"}'
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            return None
        try:
            status, answer = invoke(port, body, timeout=limit_seconds)
            if status == 200:
                return time.perf_counter() - started
        except OSError:
            pass
        time.sleep(0.002)
    return None


# ---------------------------------------------------------------------------------------------------------------
# Statistics


def summary(values):
    values = [value for value in values if value is not None]
    if not values:
        return None
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values),
            "values": values}


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return None
    index = min(len(ordered) - 1, max(0, int(round(fraction * len(ordered) + 0.5)) - 1))
    return ordered[index]


# ---------------------------------------------------------------------------------------------------------------
# Measurements


def cpu_ms(pid):
    """CPU time (user + system, all threads) the process has used so far, in ms; unlike wall time it hardly depends
    on what else the machine runs."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def measure_cold_start(peer):
    times, cpu = [], []
    for run in range(COLD_RUNS):
        spawned = time.perf_counter()
        process, port = peer.start()
        elapsed = await_first_200(process, port, spawned)
        cpu.append(cpu_ms(process.pid) if elapsed is not None else None)
        stop(process)
        times.append(None if elapsed is None else elapsed * 1000)
        time.sleep(0.3)
    return {**summary(times), "cpu_ms": summary(cpu)}


WRK_LUA = os.path.join(BENCH, "wrk-invoke.lua")
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def run_wrk(port, connections, seconds):
    output = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s",
                             "-s", WRK_LUA, f"http://127.0.0.1:{port}/invocations"],
                            capture_output=True, text=True, timeout=seconds + 60).stdout
    def latency(label):
        match = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
        return float(match.group(1)) * UNITS[match.group(2)] if match else None
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    requests = re.search(r"^\s*(\d+) requests in", output, re.M)
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {"rps": float(rps.group(1)) if rps else None, "requests": int(requests.group(1)) if requests else 0,
            "p50_ms": latency("50%"), "p99_ms": latency("99%"),
            "non2xx": int(bad.group(1)) if bad else 0,
            "socket_errors": sum(int(n) for n in errors.groups()) if errors else 0}


def await_ping(process, port, limit_seconds=60.0):
    deadline = time.perf_counter() + limit_seconds
    while time.perf_counter() < deadline and process.poll() is None:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/ping")
            if connection.getresponse().status == 200:
                return True
        except OSError:
            time.sleep(0.005)
    return False


def post_warmup(port):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=130)
    try:
        started = time.perf_counter()
        connection.request("POST", "/warmup", body=b"")
        response = connection.getresponse()
        answer = response.read()
        if response.status != 200:
            raise RuntimeError(f"POST /warmup answered {response.status}: {answer[:300]!r}")
        return (time.perf_counter() - started) * 1000
    finally:
        connection.close()


RAW_INVOCATION = (b"POST /invocations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Accept: application/json\r\nX-Amzn-Bedrock-AgentCore-Runtime-Session-Id: " + SESSION.encode()
                  + b"\r\nContent-Length: 15\r\n\r\n{\"prompt\":\"hi\"}")


def timed_invoke(port):
    """Milliseconds for one invocation on a new connection, through a bare socket: http.client costs about as much
    as the server's share of a call, and more after a pause (on 2026-11-30 its calls after 0.5 s took 1.2-1.4 ms
    where a bare socket's took 0.5-0.9 ms), which would dilute in the ratios what the server does."""
    started = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        connection.sendall(RAW_INVOCATION)
        answer = b""
        while not answered(answer):
            chunk = connection.recv(65536)
            if not chunk:
                break
            answer += chunk
    elapsed = (time.perf_counter() - started) * 1000
    if not answer.startswith(b"HTTP/1.1 200"):
        raise RuntimeError(f"invocation answered {answer[:100]!r}")
    return elapsed


def answered(answer):
    """Whether an HTTP/1.1 answer is complete: its Content-Length read, or its last chunk."""
    head, separator, body = answer.partition(b"\r\n\r\n")
    if not separator:
        return False
    length = re.search(rb"(?im)^content-length: *(\d+)", head)
    return len(body) >= int(length.group(1)) if length else body.endswith(b"0\r\n\r\n")


def measure_first_call(peer, warm, primed=False):
    """The first invocation after start-up (healthy /ping, then POST /warmup when warm, or PRIME_CALLS invocations
    when primed: a server without a warmup hook), against the steady state's p50 two ways. The first invocation
    follows a pause of IDLE_PAUSE_SECONDS, as a restored session's first request follows the snapshot. A session's
    steady state: the median of IDLE_CALLS invocations each after the same pause, right after the first, which is how
    a session's following calls arrive (after the caller has read an answer and built the next prompt). The
    back-to-back p50: the median of STEADY_CALLS sequential invocations after a wrk run, a server's best case. Every
    call is on a new connection."""
    firsts, steadies, idles, warmups = [], [], [], []
    for _ in range(FIRST_RUNS):
        process, port = peer.start()
        try:
            if not await_ping(process, port):
                raise RuntimeError(f"{peer.name} did not answer /ping; see {WORK}/{peer.key}.log")
            if warm:
                warmups.append(post_warmup(port))
            for _ in range(PRIME_CALLS if primed else 0):
                timed_invoke(port)
            firsts.append(idle_invoke(port))
            # A V2 microVM serves one session: its following calls come before any burst of other traffic.
            idles.append(statistics.median(idle_invoke(port) for _ in range(IDLE_CALLS)))
            run_wrk(port, 32, 2)
            steadies.append(statistics.median(timed_invoke(port) for _ in range(STEADY_CALLS)))
        finally:
            stop(process)
    ratios = [first / steady for first, steady in zip(firsts, steadies)]
    idle_ratios = [first / idle for first, idle in zip(firsts, idles)]
    idle_to_steady = [idle / steady for idle, steady in zip(idles, steadies)]
    return {"first_ms": summary(firsts), "steady_p50_ms": summary(steadies), "ratio": summary(ratios),
            "idle_p50_ms": summary(idles), "ratio_to_idle": summary(idle_ratios),
            "idle_to_steady": summary(idle_to_steady), "warmup_ms": summary(warmups),
            "pause_s": IDLE_PAUSE_SECONDS, "client": "socket"}


# Any invocation after a pause costs more than one in a back-to-back series, on any server: in the pause the
# machine runs other work and idles its vCPUs, and the server's code and data leave the caches (on 2026-11-30, load
# 4-10, a 60-line C server answered after 0.5 s in 3-7x its back-to-back p50; compiled Java code with no server at
# all ran 4-5x slower after 0.5 s than back-to-back). So the first invocation follows the same pause as the
# invocations it is judged against, and a session's calls are spaced by pauses too.
IDLE_CALLS = 5
IDLE_PAUSE_SECONDS = 0.5
# A server without a warmup hook (the bare JDK floor) gets this many invocations before its first measured one.
PRIME_CALLS = 2000


def idle_invoke(port):
    time.sleep(IDLE_PAUSE_SECONDS)
    return timed_invoke(port)


def children_cpu_seconds():
    """CPU time of this process's finished children: around one wrk run (the servers are still running, so not
    counted), wrk's own."""
    times = os.times()
    return times.children_user + times.children_system


def cpu_per_request(pid, port, connections):
    """One wrk run, with the server's CPU time per completed request: what a request costs, which depends far less
    on what else the machine runs than requests per second do. wrk's own CPU per request too: on a 2-core machine the
    server and wrk share the cores, so server + wrk CPU per request bounds the requests per second."""
    before, wrk_before = cpu_ms(pid), children_cpu_seconds()
    run = run_wrk(port, connections, WRK_SECONDS)
    used_ms = cpu_ms(pid) - before
    wrk_used_ms = (children_cpu_seconds() - wrk_before) * 1000
    run["cpu_us_per_request"] = used_ms * 1000 / run["requests"] if run["requests"] else None
    run["wrk_cpu_us_per_request"] = wrk_used_ms * 1000 / run["requests"] if run["requests"] else None
    return run


def measure_throughput(peer):
    process, port = peer.start_ready()
    try:
        run_wrk(port, 32, WRK_WARMUP_SECONDS)
        results = {}
        for connections in (32, 256):
            runs = [cpu_per_request(process.pid, port, connections) for _ in range(WRK_RUNS)]
            results[str(connections)] = {
                "rps": summary([run["rps"] for run in runs]),
                "cpu_us_per_request": summary([run["cpu_us_per_request"] for run in runs]),
                "wrk_cpu_us_per_request": summary([run["wrk_cpu_us_per_request"] for run in runs]),
                "p50_ms": summary([run["p50_ms"] for run in runs]),
                "p99_ms": summary([run["p99_ms"] for run in runs]),
                "non2xx": sum(run["non2xx"] for run in runs),
                "socket_errors": sum(run["socket_errors"] for run in runs)}
        return results
    finally:
        stop(process)


STREAM_EVENTS = 100


def stream_once(port):
    """Milliseconds to the first and to the last of the 100 events of one streamed invocation."""
    prompt = " ".join(f"word{index}" for index in range(STREAM_EVENTS))
    body = json.dumps({"prompt": prompt, "stream": True}).encode()
    request = (f"POST /invocations HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
               f"Accept: text/event-stream\r\nX-Amzn-Bedrock-AgentCore-Runtime-Session-Id: {SESSION}\r\n"
               f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        started = time.perf_counter()
        connection.sendall(request)
        received = b""
        first = last = None
        while True:
            chunk = connection.recv(65536)
            if not chunk:
                break
            received += chunk
            events = received.count(b"data:")
            if events and first is None:
                first = time.perf_counter() - started
            if events >= STREAM_EVENTS:
                last = time.perf_counter() - started
                break
    if last is None:
        raise RuntimeError(f"stream ended after {received.count(b'data:')} events: {received[:300]!r}")
    return first * 1000, last * 1000


def measure_streaming(peer):
    process, port = peer.start_ready()
    try:
        for _ in range(3):
            stream_once(port)
        runs = [stream_once(port) for _ in range(STREAM_RUNS)]
        return {"first_ms": summary([run[0] for run in runs]), "last_ms": summary([run[1] for run in runs])}
    finally:
        stop(process)


def payload_bodies():
    """Two 100 MiB payloads: the whole size in the prompt (echoed back), as a document sent in one field would be;
    and a short prompt plus 1 KiB strings (only the prompt is echoed), which stays within per-string limits."""
    head, tail = b'{"prompt":"', b'"}'
    one_string = head + b"a" * (PAYLOAD_BYTES - len(head) - len(tail)) + tail
    head, tail = b'{"prompt":"hi","chunks":[', b']}'
    item = b'"' + b"a" * 1022 + b'"'
    count = (PAYLOAD_BYTES - len(head) - len(tail) + 1) // (len(item) + 1)
    items = b",".join([item] * count)
    padding = PAYLOAD_BYTES - len(head) - len(tail) - len(items)
    chunks = head + items[:-1] + b"a" * padding + b'"' + tail
    assert len(one_string) == len(chunks) == PAYLOAD_BYTES
    return {"one_string": one_string, "chunks": chunks}


def measure_payload(peer, body):
    times, peaks, idles, statuses = [], [], [], []
    for _ in range(PAYLOAD_RUNS):
        process, port = peer.start_ready()
        try:
            idles.append(proc_status(process.pid, "VmHWM"))
            started = time.perf_counter()
            status = invoke_large(port, body)
            elapsed = (time.perf_counter() - started) * 1000
            statuses.append(status)
            times.append(elapsed if status == 200 else None)
            peaks.append(proc_status(process.pid, "VmHWM"))
        finally:
            stop(process)
    return {"time_ms": summary(times), "peak_rss_mib": summary(peaks), "rss_before_mib": summary(idles),
            "statuses": statuses}


BODY_HEAP_MIB = (10, 30, 90)


def measure_body_heap():
    """Heap one invocation of the echo agent costs per body size and shape, measured inside its JVM by
    bench/BodyHeap.java (every thread's allocated bytes, and the rise of the heap's peak); one JSON line each, on
    the JDK server and, when bench/run resolved its jars, on Jetty (the worse engine is the verdict)."""
    engines = {"jdk": [os.path.join(WORK, "echo-agent.jar")]}
    if os.path.exists(JETTY_CLASSPATH):
        engines["jetty"] = [os.path.join(WORK, "echo-agent.jar"), *jetty_jars]
    source = os.path.join(BENCH, "BodyHeap.java")
    runs = []
    for engine, classpath in engines.items():
        def body_heap(*args):
            output = subprocess.run([JAVA, "-Xmx4g", f"-Dagentcore.engine={engine}", "-cp",
                                     os.pathsep.join(classpath), source, *args],
                                    capture_output=True, text=True, timeout=1200, check=True).stdout
            return [json.loads(line) for line in output.splitlines() if line.startswith('{"shape"')]
        measured = body_heap(*map(str, BODY_HEAP_MIB))
        # The heap the largest body needs, garbage aside, and the measure's resolution (a ballast search in child
        # JVMs).
        for needs in body_heap("--needs", source, str(max(BODY_HEAP_MIB))):
            for run in measured:
                if (run["shape"], run["body_mib"]) == (needs["shape"], needs["body_mib"]):
                    run.update({key: value for key, value in needs.items() if key.startswith("needs_")})
        runs += measured
    return runs


async def sleeping_invocation(port, body):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write((f"POST /invocations HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
                      f"X-Amzn-Bedrock-AgentCore-Runtime-Session-Id: {SESSION}\r\nContent-Length: {len(body)}\r\n"
                      f"Connection: close\r\n\r\n").encode() + body)
        await writer.drain()
        answer = await reader.read()
        return answer.startswith(b"HTTP/1.1 200")
    finally:
        writer.close()


async def sleeping_burst(port, count):
    body = b'{"sleep_ms":1000}'
    started = time.perf_counter()
    outcomes = await asyncio.gather(
        *(asyncio.wait_for(sleeping_invocation(port, body), 30) for _ in range(count)), return_exceptions=True)
    return time.perf_counter() - started, sum(1 for outcome in outcomes if outcome is True)


def measure_sleepers(peer):
    process, port = peer.start_ready()
    try:
        runs = []
        for _ in range(SLEEP_RUNS):
            stop_file = os.path.join(WORK, "ping-probe.stop")
            if os.path.exists(stop_file):
                os.remove(stop_file)
            probe = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--ping-probe", str(port), stop_file],
                                     stdout=subprocess.PIPE, text=True, start_new_session=True)
            STARTED_PIDS.append(probe.pid)
            record_running()
            time.sleep(0.3)
            elapsed, succeeded = asyncio.run(sleeping_burst(port, SLEEPERS))
            time.sleep(0.2)
            open(stop_file, "w").close()
            pings = json.loads(probe.communicate(timeout=60)[0])
            STARTED_PIDS.remove(probe.pid)
            record_running()
            runs.append({"seconds": elapsed, "succeeded": succeeded, "ping_p99_ms": percentile(pings, 0.99),
                         "ping_max_ms": max(pings) if pings else None, "pings": len(pings)})
            time.sleep(1)
        return {"seconds": summary([run["seconds"] for run in runs]),
                "ping_p99_ms": summary([run["ping_p99_ms"] for run in runs]),
                "ping_max_ms": summary([run["ping_max_ms"] for run in runs]),
                "succeeded": [run["succeeded"] for run in runs], "pings": [run["pings"] for run in runs]}
    finally:
        stop(process)


def ping_probe(port, stop_file):
    """Runs in its own process: GET /ping on a new connection every 5 ms until told to stop; prints latencies."""
    latencies = []
    deadline = time.perf_counter() + 60
    while not os.path.exists(stop_file) and time.perf_counter() < deadline:
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=10)
        try:
            connection.request("GET", "/ping")
            connection.getresponse().read()
            latencies.append((time.perf_counter() - started) * 1000)
        except OSError:
            latencies.append(10000.0)
        finally:
            connection.close()
        time.sleep(0.005)
    print(json.dumps(latencies))


# ---------------------------------------------------------------------------------------------------------------
# Images (ours only)


def start_registry(directory):
    shutil.rmtree(directory, ignore_errors=True)
    storage = os.path.join(directory, "data")
    os.makedirs(storage)
    port = free_port()
    config = os.path.join(directory, "config.yml")
    with open(config, "w") as out:
        out.write("\n".join([
            "version: 0.1", "log:", "  level: info", "  formatter: json", "  accesslog:", "    disabled: true",
            "storage:", "  filesystem:", f"    rootdirectory: {storage}", "http:", f"  addr: 127.0.0.1:{port}", ""]))
    log_path = os.path.join(directory, "registry.log")
    process = spawn(["docker-registry", "serve", config], directory, log_path)
    deadline = time.perf_counter() + 30
    while time.perf_counter() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/v2/")
            if connection.getresponse().status == 200:
                return process, f"127.0.0.1:{port}", storage, log_path
        except OSError:
            time.sleep(0.1)
    stop(process)
    raise RuntimeError(f"docker-registry did not come up; see {log_path}")


def uploaded_blobs(log_path, skip_lines):
    """(digest, bytes) of the blob uploads the registry completed after the first skip_lines log lines."""
    uploads = []
    with open(log_path) as lines:
        for number, line in enumerate(lines):
            if number < skip_lines or not line.startswith("{"):
                continue
            entry = json.loads(line)
            uri = entry.get("http.request.uri", "")
            if (entry.get("http.request.method") == "PUT" and "/blobs/uploads/" in uri
                    and entry.get("http.response.status") == 201):
                match = re.search(r"[?&]digest=([^&]+)", uri)
                if match:
                    uploads.append(match.group(1).replace("%3A", ":"))
    return uploads


def line_count(path):
    with open(path) as lines:
        return sum(1 for _ in lines)


def blob_size(storage, digest):
    hash_hex = digest.split(":", 1)[1]
    return os.path.getsize(os.path.join(storage, "docker/registry/v2/blobs/sha256", hash_hex[:2], hash_hex, "data"))


def write_base_layout(directory, layer_bytes):
    """An OCI image layout holding a linux/arm64 base image with one layer of layer_bytes incompressible bytes (a
    stand-in for a JRE's layers; it cannot run Java, and the image is only built and pushed, never run)."""
    shutil.rmtree(directory, ignore_errors=True)
    blobs = os.path.join(directory, "blobs", "sha256")
    os.makedirs(blobs)

    def blob(data):
        digest = hashlib.sha256(data).hexdigest()
        with open(os.path.join(blobs, digest), "wb") as out:
            out.write(data)
        return {"digest": f"sha256:{digest}", "size": len(data)}

    tar_bytes = io.BytesIO()
    with tarfile.open(fileobj=tar_bytes, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in (("etc/base-release", b"agentcore4j benchmark base\n"),
                           ("opt/base/filler", os.urandom(layer_bytes))):
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), 0, 0o644
            tar.addfile(info, io.BytesIO(data))
    uncompressed = tar_bytes.getvalue()
    layer = blob(gzip.compress(uncompressed, compresslevel=1, mtime=0))
    config = blob(json.dumps({
        "architecture": "arm64", "os": "linux",
        "config": {"Env": ["PATH=/opt/java/bin:/usr/local/bin:/usr/bin:/bin"]},
        "rootfs": {"type": "layers", "diff_ids": ["sha256:" + hashlib.sha256(uncompressed).hexdigest()]},
        "history": [{"created_by": "agentcore4j benchmark"}]}).encode())
    manifest = blob(json.dumps({
        "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", **config},
        "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", **layer}]}).encode())
    with open(os.path.join(directory, "oci-layout"), "w") as out:
        out.write('{"imageLayoutVersion":"1.0.0"}')
    with open(os.path.join(directory, "index.json"), "w") as out:
        json.dump({"schemaVersion": 2, "manifests": [{
            "mediaType": "application/vnd.oci.image.manifest.v1+json", **manifest,
            "annotations": {"org.opencontainers.image.ref.name": "base"}}]}, out)


def push_base(layout, reference):
    subprocess.run(["skopeo", "copy", "--quiet", "--dest-tls-verify=false", f"oci:{layout}:base",
                    f"docker://{reference}"], check=True, timeout=300)


def mvn(project, *arguments):
    """Seconds one Maven run of the project takes (online: -o would keep Jib from the local registry); fails loudly."""
    command = [os.path.join(ROOT, "mvnw"), "-B", "-q", "-f", os.path.join(project, "pom.xml"), *arguments]
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}")
    return elapsed


def copy_example(destination):
    shutil.rmtree(destination, ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, "examples/echo-agent"), destination,
                    ignore=shutil.ignore_patterns("target"))


def change_one_class(project, generation):
    source = os.path.join(project, "src/main/java/io/github/agentcore4j/examples/echo/EchoAgent.java")
    with open(source) as file:
        text = file.read()
    changed = re.sub(r'"echo[^"]*: "', f'"echo{generation}: "', text, count=1)
    if changed == text:
        raise RuntimeError(f"Found no echo prefix to change in {source}")
    with open(source, "w") as file:
        file.write(changed)


def measure_images(variant, base_layer_bytes, separate_base_registry):
    """First build-and-push of a fresh copy of the example, then rebuild-and-push after a one-class change."""
    directory = os.path.join(WORK, "images", variant)
    layout = os.path.join(directory, "base-layout")
    os.makedirs(directory, exist_ok=True)
    write_base_layout(layout, base_layer_bytes)
    runs = []
    for run in range(IMAGE_RUNS):
        registries = []
        try:
            target = start_registry(os.path.join(directory, f"registry-{run}"))
            registries.append(target[0])
            base_registry = target
            if separate_base_registry:
                base_registry = start_registry(os.path.join(directory, f"upstream-{run}"))
                registries.append(base_registry[0])
            base = f"{base_registry[1]}/library/base:1"
            push_base(layout, base)
            project = os.path.join(directory, f"echo-agent-{run}")
            copy_example(project)
            build = ["compile", f"{PLUGIN}:build", f"-Dagentcore.build.image={target[1]}/echo:1",
                     "-Dagentcore.observability=false",
                     f"-Dagentcore.baseImage={base}", "-Dagentcore.allowInsecureRegistries=true",
                     f"-Dagentcore.baseImageCache={os.path.join(project, 'base-cache')}"]
            mark = line_count(target[3])
            first_seconds = mvn(project, *build)
            first_uploads = uploaded_blobs(target[3], mark)
            change_one_class(project, run)
            mark = line_count(target[3])
            rebuild_seconds = mvn(project, *build)
            rebuild_uploads = uploaded_blobs(target[3], mark)
            change_one_class(project, f"{run}b")
            compile_seconds = mvn(project, "compile")
            maven_seconds = mvn(project, "validate")
            runs.append({
                "first_s": first_seconds, "rebuild_s": rebuild_seconds, "compile_only_s": compile_seconds,
                "maven_floor_s": maven_seconds,
                "first_uploads": len(first_uploads),
                "first_bytes": sum(blob_size(target[2], digest) for digest in first_uploads),
                "rebuild_uploads": len(rebuild_uploads),
                "rebuild_bytes": sum(blob_size(target[2], digest) for digest in rebuild_uploads)})
            log(f"  images {variant} run {run + 1}: {runs[-1]}")
        finally:
            for registry in registries:
                stop(registry)
    keys = ["first_s", "rebuild_s", "compile_only_s", "maven_floor_s", "first_bytes", "rebuild_bytes",
            "first_uploads", "rebuild_uploads"]
    return {key: summary([run[key] for run in runs]) for key in keys}


# ---------------------------------------------------------------------------------------------------------------
# The machine


def machine(label):
    with open("/proc/loadavg") as loadavg:
        load = " ".join(loadavg.read().split()[:3])
    return {"at": label, "time": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC"),
            "load_average": load}


def describe_machine():
    def first_line(command):
        try:
            completed = subprocess.run(command, capture_output=True, text=True, timeout=30)
            return (completed.stdout + completed.stderr).strip().splitlines()[0]
        except (OSError, IndexError, subprocess.TimeoutExpired):
            return "unknown"
    with open("/proc/meminfo") as meminfo:
        total_kib = int(meminfo.readline().split()[1])
    cpu = "unknown"
    with open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    def git(*arguments):
        return subprocess.run(["git", *arguments], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    measured = ["agentcore-runtime-lib", "agentcore-maven-plugin", "examples/echo-agent"]
    return {"commit": git("rev-parse", "--short", "HEAD"),
            "uncommitted_changes_measured": bool(git("status", "--porcelain", "--", *measured)),
            "cores": os.cpu_count(), "cpu": cpu, "memory_gib": round(total_kib / 1024 / 1024, 1),
            "jdk": first_line([JAVA, "-version"]), "node": first_line(["node", "--version"]),
            "python": first_line(["/usr/bin/python3", "--version"]),
            "fastapi": first_line(["/usr/bin/python3", "-c", "import fastapi, uvicorn, sys; "
                                   "print('fastapi', fastapi.__version__, 'uvicorn', uvicorn.__version__)"]),
            "bedrock_agentcore": json.load(open(os.path.join(
                BENCH, "ts-agent/node_modules/bedrock-agentcore/package.json")))["version"],
            "wrk": first_line(["wrk", "-v"]), "kernel": os.uname().release,
            "jdk_newer": first_line([JAVA_NEWER, "-version"]) if os.path.exists(JAVA_NEWER) else None}


# ---------------------------------------------------------------------------------------------------------------


def main():
    os.makedirs(WORK, exist_ok=True)
    os.makedirs(RESULTS, exist_ok=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    only = set(filter(None, os.environ.get("BENCH_ONLY", "").split(",")))
    peers = [peer for peer in PEERS if not os.environ.get("BENCH_PEERS")
             or peer.key in os.environ["BENCH_PEERS"].split(",")]
    results = {"machine": describe_machine(), "load": [machine("start")], "quick": QUICK,
               "settings": {"cold_runs": COLD_RUNS, "wrk_runs": WRK_RUNS, "wrk_seconds": WRK_SECONDS,
                            "stream_runs": STREAM_RUNS, "payload_runs": PAYLOAD_RUNS, "sleep_runs": SLEEP_RUNS,
                            "image_runs": IMAGE_RUNS, "payload_bytes": PAYLOAD_BYTES, "sleepers": SLEEPERS},
               "peers": {peer.key: peer.name for peer in peers},
               "labels": {peer.key: peer.label for peer in peers}, "cold_start_ms": {}, "throughput": {},
               "streaming": {}, "payload": {}, "sleepers": {}, "images": {}}
    log(f"machine: {results['machine']}; load average {results['load'][0]['load_average']}")
    try:
        def wanted(section):
            return not only or section in only
        if wanted("cold"):
            cold_peers = list(peers)
            if any(peer.key == OURS for peer in peers):
                for peer in FLAG_PEERS:
                    cold_peers.append(peer)
                    results["peers"][peer.key] = peer.name
                    results["labels"][peer.key] = peer.label
            for peer in cold_peers:
                log(f"cold start: {peer.name}")
                results["cold_start_ms"][peer.key] = measure_cold_start(peer)
        if wanted("wrk"):
            for peer in peers:
                log(f"throughput: {peer.name}")
                results["throughput"][peer.key] = measure_throughput(peer)
        if wanted("first") and any(peer.key == OURS for peer in peers):
            results["first_call"] = {}
            for peer in FLAG_PEERS + FIRST_CALL_PEERS:
                results["peers"][peer.key] = peer.name
                results["labels"][peer.key] = peer.label
                # A warm peer is always warmed: its first invocation without warmup is not what it serves.
                for warm in (True,) if peer.warm else (False, True):
                    log(f"first invocation {'after' if warm else 'without'} warmup: {peer.name}")
                    results["first_call"].setdefault(peer.key, {})["warm" if warm else "cold"] = \
                        measure_first_call(peer, warm)
                log(f"throughput: {peer.name}")
                results["throughput"][peer.key] = measure_throughput(peer)
            # The floor of the pause's cost for a JVM: the bare JDK server, primed instead of warmed.
            for peer in (peer for peer in peers if peer.key == "bare"):
                log(f"first invocation after priming: {peer.name}")
                results["first_call"][peer.key] = {"primed": measure_first_call(peer, False, primed=True)}
        if wanted("stream"):
            for peer in peers:
                log(f"streaming: {peer.name}")
                results["streaming"][peer.key] = measure_streaming(peer)
        if wanted("payload"):
            for shape, body in payload_bodies().items():
                results["payload"][shape] = {}
                for peer in peers:
                    log(f"100 MiB payload ({shape}): {peer.name}")
                    results["payload"][shape][peer.key] = measure_payload(peer, body)
            log("heap per body size: agentcore4j (echo-agent)")
            results["body_heap"] = measure_body_heap()
        if wanted("sleep"):
            # The V2 image runs handlers on Jetty's own threads, so its blocked handlers are measured too.
            sleep_peers = list(peers)
            if any(peer.key == OURS for peer in peers):
                for peer in FLAG_PEERS:
                    if peer.key == "ours-v2-image":
                        sleep_peers.append(peer)
                        results["peers"][peer.key] = peer.name
                        results["labels"][peer.key] = peer.label
            for peer in sleep_peers:
                log(f"{SLEEPERS} sleeping invocations: {peer.name}")
                results["sleepers"][peer.key] = measure_sleepers(peer)
        if wanted("images"):
            log("images: tiny base in the same registry")
            results["images"]["tiny_base_same_registry"] = measure_images("tiny", 1024, False)
            log("images: 60 MiB base in another registry")
            results["images"]["jre_sized_base_other_registry"] = measure_images("jre-sized", 60 * 1024 * 1024, True)
    finally:
        stop_all()
    results["load"].append(machine("end"))
    import report
    report.write(results)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--ping-probe":
        ping_probe(sys.argv[2], sys.argv[3])
    else:
        try:
            main()
        finally:
            stop_all()
