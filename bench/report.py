"""Turns the benchmark's measurements into bench/results/<date>.{json,md,png} and the site's Performance page."""
import datetime
import json
import os
import shutil
import subprocess

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
RESULTS = os.path.join(BENCH, "results")
SITE_PAGE = os.path.join(ROOT, "src/site/markdown/performance.md")
SITE_CHART = os.path.join(ROOT, "src/site/resources/images/performance.png")
OURS = "ours"


def number(value, digits=0):
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}"


def spread(stat, digits=0):
    """'median (min–max)' of a summary, or n/a."""
    if not stat:
        return "n/a"
    if stat["n"] == 1:
        return number(stat["median"], digits)
    return f"{number(stat['median'], digits)} ({number(stat['min'], digits)}–{number(stat['max'], digits)})"


def needed_x(run):
    """The heap a body needs (else its peak rise) as a multiple of its size, with the measure's resolution when it
    has one."""
    if "needs_resolution_x" in run:
        return f"{run['needs_heap_x']:.3f}× (±{run['needs_resolution_x']:.3f})"
    return f"{run.get('needs_heap_x', run['peak_growth_x']):.2f}×"


def median(stat):
    return stat["median"] if stat else None


def ratio(peer_value, our_value):
    if peer_value is None or our_value in (None, 0):
        return "n/a"
    return f"{peer_value / our_value:.2f}×"


def get(results, *path):
    value = results
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def targets(results):
    """(target, measured, met) rows; met is True, False or None (not measured)."""
    rows = []

    def cold(key):
        return median(get(results, "cold_start_ms", key))

    def judge(text, measured, condition):
        rows.append((text, measured, condition))

    def cpu(key):
        return median(get(results, "cold_start_ms", key, "cpu_ms"))

    fastapi, ts = cold("fastapi"), cold("ts")
    # Judged on the V1 image (a V1 session boots it; a V2 session restores a snapshot); `java -jar` shown as well.
    for subject, how in (("ours-image-flags", ", as a V1 image runs it"), (OURS, ", as `java -jar` runs it")):
        ours = cold(subject)
        if ours and fastapi:
            judge(f"Cold start at most the FastAPI agent's{how}",
                  f"{ours:.0f} ms vs {fastapi:.0f} ms ({ours / fastapi:.2f}×); CPU {number(cpu(subject))} vs "
                  f"{number(cpu('fastapi'))} ms", ours <= fastapi)
        if ours and ts:
            judge(f"Cold start at most half the TypeScript SDK's{how}",
                  f"{ours:.0f} ms vs {ts:.0f} ms ({ours / ts:.2f}×); CPU {number(cpu(subject))} vs {number(cpu('ts'))} ms",
                  ours <= ts / 2)
    for connections in ("32", "256"):
        # Judged on the V2 image (after POST /warmup) and the V1 image; `java -jar` on each engine shown as well.
        for subject, engine in (("ours-v2-image", ", as a V2 image runs it"), ("ours-image-flags", ", as a V1 image runs it"),
                                (OURS, ", `java -jar`"), ("ours-jetty", ", `java -jar` on Jetty")):
            our_rps = median(get(results, "throughput", subject, connections, "rps"))
            for key, factor, name in (("ts", 1.5, "the TypeScript SDK's"),
                                      ("ts-quiet", 1.0, "the TypeScript SDK's with its logging off"),
                                      ("fastapi", 6, "FastAPI's"), ("bare", 0.7, "the bare JDK floor")):
                peer_rps = median(get(results, "throughput", key, connections, "rps"))
                if our_rps and peer_rps:
                    judge(f"Throughput at {connections} connections at least {factor}× {name}{engine}",
                          f"{our_rps:,.0f} vs {peer_rps:,.0f} req/s ({our_rps / peer_rps:.2f}×)",
                          our_rps >= factor * peer_rps)
        our_p99 = median(get(results, "throughput", OURS, connections, "p99_ms"))
        ts_p99 = median(get(results, "throughput", "ts", connections, "p99_ms"))
        if our_p99 and ts_p99:
            judge(f"p99 at {connections} connections no worse than the TypeScript SDK's",
                  f"{our_p99:.2f} ms vs {ts_p99:.2f} ms", our_p99 <= ts_p99)
    # Judged on the V2 image (its snapshot is taken after POST /warmup); the other flags for the decision.
    for key in ("ours-v2-image", "ours-v2-no-traps", "ours-v2-c1", "ours-image-flags", "ours-tiered",
                "ours-jvm-defaults"):
        for warm, how in (("warm", "after POST /warmup"), ("cold", "without warmup")):
            run = get(results, "first_call", key, warm)
            if run and run.get("pause_s"):
                # Since 2026-11-30 the first invocation follows the same pause as a session's following calls.
                judge(f"First invocation {how} at most 1.5× a session's steady p50, its calls after the same "
                      f"{run['pause_s']:g} s pause ({results['labels'][key]})",
                      f"{median(run['first_ms']):.2f} ms vs {median(run['idle_p50_ms']):.2f} ms "
                      f"(median ratio {median(run['ratio_to_idle']):.2f}×)", median(run["ratio_to_idle"]) <= 1.5)
            if run:
                judge(f"First invocation {how} at most 1.5× the back-to-back p50 ({results['labels'][key]})",
                      f"{median(run['first_ms']):.2f} ms vs {median(run['steady_p50_ms']):.2f} ms "
                      f"(median ratio {median(run['ratio']):.2f}×"
                      + (f"; to an invocation after a pause {median(run['ratio_to_idle']):.2f}×"
                         if run.get("ratio_to_idle") and not run.get("pause_s") else "") + ")",
                      median(run["ratio"]) <= 1.5)
    for shape in ("chunks", "one_string"):
        run = get(results, "payload", shape, OURS)
        if run and 200 in run["statuses"]:
            size_mib = results["settings"]["payload_bytes"] / 1024 / 1024
            growth = median(run["peak_rss_mib"]) - median(run["rss_before_mib"])
            judge(f"A 100 MiB body (`{shape}`) costs at most 2× its size (peak RSS growth, an upper bound of the heap's)",
                  f"{growth:,.0f} MiB ({growth / size_mib:.2f}×)", growth <= 2 * size_mib)
    largest = {}
    for run in results.get("body_heap") or []:
        # The worse engine is the verdict (runs before BodyHeap named its engine were the JDK server's), on the heap
        # the body needs (smallest -Xmx) when measured, else on the sampled peak rise, which counts garbage too.
        run["cost_x"] = run.get("needs_heap_x", run["peak_growth_x"])
        worst = largest.get(run["shape"])
        if run["body_mib"] >= 90 and (worst is None or run["cost_x"] > worst["cost_x"]):
            largest[run["shape"]] = run
    for run in largest.values():
        measure = "heap needed" if "needs_heap_x" in run else "peak rise"
        # Heap needed comes with its resolution (runs before 2026-12-01 measured it to 2 MiB, without one); a cost
        # within it of 2× is met.
        resolution = run.get("needs_resolution_x", 0)
        judge(f"A {run['body_mib']:.0f} MiB body (`{run['shape']}`) costs at most 2× its size in heap ({measure}, "
              f"worse engine)", f"{needed_x(run)} on {run.get('engine', 'jdk')} (peak rise "
              f"{run['peak_growth_x']:.2f}×, allocated {run['allocated_x']:.2f}×)", run["cost_x"] - resolution <= 2)
    for subject, how in ((OURS, ", `java -jar`"), ("ours-v2-image", ", as a V2 image runs it")):
        sleepers = get(results, "sleepers", subject)
        if not sleepers:
            continue
        total = results["settings"]["sleepers"]
        all_done = all(count == total for count in sleepers["succeeded"])
        seconds = median(sleepers["seconds"])
        judge(f"All {total:,} sleeping invocations complete within 2 s{how}",
              f"{seconds:.2f} s (slowest run {sleepers['seconds']['max']:.2f} s), completed {sleepers['succeeded']}",
              all_done and seconds <= 2.0)
        p99 = median(sleepers["ping_p99_ms"])
        judge(f"/ping p99 under 50 ms meanwhile{how}",
              f"{p99:.1f} ms (worst run {sleepers['ping_p99_ms']['max']:.1f} ms)", p99 < 50)
    images = get(results, "images", "tiny_base_same_registry")
    if images and images["first_s"]:
        first, rebuild = median(images["first_s"]), median(images["rebuild_s"])
        judge("One-class rebuild-and-push under a third of the first build",
              f"{rebuild:.1f} s vs {first:.1f} s ({rebuild / first:.2f}×)", rebuild < first / 3)
        uploads = images["rebuild_uploads"]["max"]
        judge("The rebuild pushes only the changed layer (plus the image config)",
              f"{uploads:.0f} blobs, {number(median(images['rebuild_bytes']))} bytes", uploads <= 2)
    return rows


def verdict(met):
    return {True: "met", False: "**missed**", None: "not measured"}[met]


def tables(results):
    peers = results["peers"]
    lines = []
    add = lines.append

    add("### Cold start: process spawn to the first 200 from `/invocations`\n")
    add("CPU ms is the server process's CPU time (all threads) when it answered: it depends far less on what else the "
        "machine runs than the wall time does.\n")
    add("| Peer | Median ms (min–max) | Runs | × ours | CPU ms to the first 200 | CPU × ours |")
    add("|---|---:|---:|---:|---:|---:|")
    for key, name in peers.items():
        stat = get(results, "cold_start_ms", key)
        if stat:
            add(f"| {name} | {spread(stat)} | {stat['n']} | "
                f"{ratio(median(stat), median(get(results, 'cold_start_ms', OURS)))} | {spread(stat.get('cpu_ms'))} | "
                f"{ratio(median(stat.get('cpu_ms')), median(get(results, 'cold_start_ms', OURS, 'cpu_ms')))} |")
    add("")

    add("### Throughput and latency (`wrk`, `POST /invocations {\"prompt\":\"hi\"}`)\n")
    add("Errors are wrk's non-2xx answers plus its socket errors, summed over the runs. The JDK's HTTP server closes "
        "keep-alive connections beyond `sun.net.httpserver.maxIdleConnections` (200 by default), which wrk counts as "
        "read errors before it reconnects.\n")
    add("CPU µs per request is the server process's CPU time (all threads) during the run divided by the requests "
        "completed: what one request costs, which depends far less on what else the machine runs. wrk CPU µs per "
        "request is wrk's own, measured the same way: on 2 cores the server and wrk share the machine, so the two "
        "added up bound the requests per second (2,000,000 ÷ their sum).\n")
    add("| Peer | Connections | Requests/s median (min–max) | p50 ms | p99 ms | Requests/s × ours | CPU µs per request "
        "| wrk CPU µs per request | Errors |")
    add("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for connections in ("32", "256"):
        for key, name in peers.items():
            run = get(results, "throughput", key, connections)
            if run:
                ours_rps = median(get(results, "throughput", OURS, connections, "rps"))
                errors = run["non2xx"] + run["socket_errors"]
                add(f"| {name} | {connections} | {spread(run['rps'])} | {spread(run['p50_ms'], 2)} | "
                    f"{spread(run['p99_ms'], 2)} | {ratio(median(run['rps']), ours_rps)} | "
                    f"{spread(run.get('cpu_us_per_request'))} | {spread(run.get('wrk_cpu_us_per_request'))} | "
                    f"{errors} |")
    add("")

    first_calls = results.get("first_call") or {}
    if first_calls:
        add("### First invocation after start-up, with and without `POST /warmup`\n")
        pause = next((run["pause_s"] for by_warmth in first_calls.values() for run in by_warmth.values()
                      if run.get("pause_s")), None)
        bare_socket = any(run.get("client") == "socket" for by_warmth in first_calls.values()
                          for run in by_warmth.values())
        add("After a healthy `/ping` (and `POST /warmup`, which AgentCore V2 sends before its snapshot; the bare JDK "
            "server, which has no warmup hook, is primed with 2,000 invocations instead), one invocation on a new "
            "connection" + (f", after a {pause:g} s pause" if pause else "") + "; the session p50 is the median of "
            "invocations each after the same pause, right after the first (how a V2 session's following calls "
            "arrive); the back-to-back p50 the median of sequential invocations after a 2 s wrk run (a server's best "
            "case). Every call is on a new connection" + (", through a bare socket" if bare_socket else "") + "; the "
            "ratios are taken per run. Any server, the bare JDK one too, answers slower after a pause than "
            "back-to-back: the last column.\n")
        add("| JVM flags | Warmup | First invocation ms | Session p50 ms (after a pause) | First ÷ session p50 | "
            "Back-to-back p50 ms | First ÷ back-to-back | Session ÷ back-to-back | Warmup ms |")
        add("|---|---|---:|---:|---:|---:|---:|---:|---:|")
        warmups = {"cold": "no", "warm": "yes", "primed": "primed"}
        for key, by_warmth in first_calls.items():
            for warm, said in warmups.items():
                run = by_warmth.get(warm)
                if run:
                    add(f"| {peers.get(key, key)} | {said} | {spread(run['first_ms'], 2)} | "
                        f"{spread(run.get('idle_p50_ms'), 2)} | {spread(run.get('ratio_to_idle'), 2)} | "
                        f"{spread(run['steady_p50_ms'], 2)} | {spread(run['ratio'], 2)} | "
                        f"{spread(run.get('idle_to_steady'), 2)} | {spread(run['warmup_ms'])} |")
        add("")

    add("### Streaming: a 100-event SSE stream (`\"stream\":true`, 100 words)\n")
    add("| Peer | First event ms | Last event ms | Last event × ours |")
    add("|---|---:|---:|---:|")
    for key, name in peers.items():
        run = get(results, "streaming", key)
        if run:
            add(f"| {name} | {spread(run['first_ms'], 2)} | {spread(run['last_ms'], 2)} | "
                f"{ratio(median(run['last_ms']), median(get(results, 'streaming', OURS, 'last_ms')))} |")
    add("")

    add("### A 100 MiB payload\n")
    add("`one_string`: `{\"prompt\":\"aaa…\"}`, the whole 100 MiB in one string, echoed back. `chunks`: "
        "`{\"prompt\":\"hi\",\"chunks\":[\"aaa…\",…]}`, 100 MiB in 1 KiB strings; only the prompt is echoed. "
        "Each run starts a fresh server; the peak resident set is the process's `VmHWM`.\n")
    payload = results.get("payload") or {}
    if any(413 in (get(by_peer, "ts", "statuses") or []) for by_peer in payload.values()):
        add("The TypeScript SDK answers 413: `BedrockAgentCoreApp` keeps Fastify's default body limit of 1 MiB.\n")
    if 400 in (get(payload, "one_string", OURS, "statuses") or []):
        add("agentcore4j answers `one_string` with 400 `Invalid JSON`: jackson's default limit on one JSON string "
            "(`StreamReadConstraints`, 20,000,000 characters) applies below the library's 100 MB body limit.\n")
    add("| Payload | Peer | Status | Time ms | Peak RSS MiB | Peak RSS before the request MiB | Peak × ours |")
    add("|---|---|---|---:|---:|---:|---:|")
    for shape, by_peer in (results.get("payload") or {}).items():
        for key, name in peers.items():
            run = by_peer.get(key)
            if run:
                statuses = ", ".join(sorted({str(status) for status in run["statuses"]}))
                our_peak = median(get(by_peer, OURS, "peak_rss_mib"))
                add(f"| `{shape}` | {name} | {statuses} | {spread(run['time_ms'])} | {spread(run['peak_rss_mib'])} | "
                    f"{spread(run['rss_before_mib'])} | {ratio(median(run['peak_rss_mib']), our_peak)} |")
    add("")

    body_heap = results.get("body_heap") or []
    if body_heap:
        add("Heap per invocation inside the agent's JVM (`bench/BodyHeap.java`, the echo agent in-process, a body "
            "written straight to a socket): every byte any thread allocated while the invocation ran, each copy "
            "counted however short-lived, and the rise of the heap's peak occupancy over the idle heap (the median "
            "of 3 invocations; the JVM samples the peak mostly at collections, and it counts garbage not yet "
            "collected). The echo agent's own `\"echo: \" + prompt` is 1× of what `one_string` and `escaped` "
            "allocate. *Heap needed* (the verdict's measure): what the body costs in heap, garbage aside. In child JVMs "
            "of one heap (SerialGC, a 512 KiB young generation), the largest ballast array (to 128 KiB) with which "
            "a fresh agent still answers 200, for a 128 KiB body of the same shape less that for the body; as a "
            "multiple of the bodies' difference in size, with the measure's resolution (a ballast step and a young "
            "generation). Until 2026-11-30 it was the smallest `-Xmx` less that for a 1 MiB body: the JVM sizes "
            "the heap in 2 MiB steps, and the small body's heap got by without the 8 MiB young generation the "
            "large body's had, which read 2.03–2.07× where this measure reads 1.99–2.04× for the same code.\n")
        add("| Payload | Engine | Body MiB | Status | Allocated MiB | Allocated × body | Peak heap rise MiB | "
            "Peak × body | Heap needed × body |")
        add("|---|---|---:|---|---:|---:|---:|---:|---:|")
        for run in body_heap:
            needed = needed_x(run) if "needs_heap_x" in run else "—"
            add(f"| `{run['shape']}` | {run.get('engine', 'jdk')} | {run['body_mib']:.0f} | {run['status']} | "
                f"{run['allocated_mib']:,.0f} | "
                f"{run['allocated_x']:.2f}× | {run['peak_growth_mib']:,.0f} | {run['peak_growth_x']:.2f}× | {needed} |")
        add("")

    total = results["settings"]["sleepers"]
    add(f"### {total:,} concurrent invocations that each sleep 1 s\n")
    add("| Peer | Seconds until all complete | Completed (per run) | `/ping` p99 ms meanwhile | `/ping` max ms |")
    add("|---|---:|---|---:|---:|")
    for key, name in peers.items():
        run = get(results, "sleepers", key)
        if run:
            add(f"| {name} | {spread(run['seconds'], 2)} | {', '.join(map(str, run['succeeded']))} | "
                f"{spread(run['ping_p99_ms'], 1)} | {spread(run['ping_max_ms'], 1)} |")
    add("")

    add("### Images (agentcore4j only): `compile agentcore:build` pushing to a local `docker-registry`\n")
    add("| Base image | First build-and-push s | Rebuild after a one-class change s | Rebuild ÷ first | "
        "Blobs / bytes pushed first | Blobs / bytes pushed on rebuild | `compile` alone s | Maven start-up "
        "(`validate`) s |")
    add("|---|---:|---:|---:|---:|---:|---:|---:|")
    for variant, label in (("tiny_base_same_registry", "tiny, in the target registry"),
                           ("jre_sized_base_other_registry", "60 MiB layer, in another registry")):
        run = get(results, "images", variant)
        if run and run["first_s"]:
            add(f"| {label} | {spread(run['first_s'], 1)} | {spread(run['rebuild_s'], 1)} | "
                f"{median(run['rebuild_s']) / median(run['first_s']):.2f} | "
                f"{median(run['first_uploads']):.0f} / {number(median(run['first_bytes']))} | "
                f"{median(run['rebuild_uploads']):.0f} / {number(median(run['rebuild_bytes']))} | "
                f"{spread(run['compile_only_s'], 1)} | {spread(run['maven_floor_s'], 1)} |")
    add("")
    return "\n".join(lines)


def machine_text(results):
    m = results["machine"]
    loads = ", ".join(f"{load['at']} {load['load_average']} ({load['time']})" for load in results["load"])
    # Only the load before the run tells about other work: the benchmark itself keeps both cores busy, so the load
    # at the end includes its own.
    busy = float(results["load"][0]["load_average"].split()[0]) > 0.5 * m["cores"]
    warning = (f"\n\n**The machine was busy when the run started** (1-minute load average above half its {m['cores']} "
               "cores): other work competed for the CPU, so absolute numbers are noisy; ratios between peers measured "
               "back to back are more telling than the absolute values.") if busy else ""
    return (f"{m['cores']} cores ({m['cpu']}), {m['memory_gib']} GiB memory, Linux {m['kernel']}; {m['jdk']}; "
            f"Node {m['node']}; {m['python']}, {m['fastapi']}; bedrock-agentcore {m['bedrock_agentcore']}; "
            f"{m['wrk']}" + (f"; newer JDK for information: {m['jdk_newer']}" if m.get("jdk_newer") else "")
            + f".\n\nLibrary, plugin and example built from commit {m.get('commit')}"
            + (" **plus uncommitted changes in the working tree**" if m.get("uncommitted_changes_measured") else "")
            + f".\n\nLoad average (1, 5, 15 min): {loads}; the load at the end includes the benchmark's own.{warning}"
            + (f"\n\nSections not measured in this run ({', '.join(results['merged']['sections'])}) are taken from "
               f"the earlier run `{results['merged']['from']}`, on the same kind of machine; ratios across the two runs "
               "mean less than ratios within one." if results.get("merged") and results["merged"]["sections"] else ""))


def targets_table(results):
    rows = ["| Target | Measured (ours vs peer) | Verdict |", "|---|---|---|"]
    rows += [f"| {text} | {measured} | {verdict(met)} |" for text, measured, met in targets(results)]
    return "\n".join(rows)


def chart_data(results, path):
    def value(stat):
        return "NaN" if not stat else f"{stat['median']:.3f}"

    def answered_peak(key):
        """Peak RSS for the chunked 100 MiB payload, only where the peer accepted it (a 413 uses no memory)."""
        run = get(results, "payload", "chunks", key)
        return run["peak_rss_mib"] if run and 200 in run["statuses"] else None
    with open(path, "w") as out:
        out.write("# peer cold_ms rps32 rps256 sleepers_s peak_rss_mib\n")
        for key, label in results["labels"].items():
            out.write(f'"{label}" {value(get(results, "cold_start_ms", key))} '
                      f'{value(get(results, "throughput", key, "32", "rps"))} '
                      f'{value(get(results, "throughput", key, "256", "rps"))} '
                      f'{value(get(results, "sleepers", key, "seconds"))} '
                      f'{value(answered_peak(key))}\n')


SECTIONS = ("cold_start_ms", "throughput", "first_call", "streaming", "payload", "sleepers", "images")


def merge_earlier(results, path):
    """Fills the sections this run did not measure (BENCH_ONLY) from an earlier full run's JSON, so the site page
    keeps every section; the page says which sections come from which run."""
    with open(path) as earlier_file:
        earlier = json.load(earlier_file)
    taken = [section for section in SECTIONS if not results.get(section) and earlier.get(section)]
    for section in taken:
        results[section] = earlier[section]
    for key in ("peers", "labels"):
        results[key] = {**earlier.get(key, {}), **results[key]}
    results["merged"] = {"from": os.path.basename(path), "sections": taken}


def write(results):
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    suffix = "-quick" if results["quick"] else ""
    base = os.path.join(RESULTS, stamp + suffix)
    with open(base + ".json", "w") as out:
        json.dump(results, out, indent=2)
    if os.environ.get("BENCH_MERGE"):
        merge_earlier(results, os.environ["BENCH_MERGE"])
    data = os.path.join(BENCH, "work", "chart.dat")
    chart_data(results, data)
    drawn = subprocess.run(["gnuplot", "-e", f"datafile='{data}'; outfile='{base}.png'",
                            os.path.join(BENCH, "chart.gp")], timeout=60).returncode == 0
    if not drawn:
        print("No chart: gnuplot failed (a section without data?)")
    body = tables(results)
    quick = ("\n\n**Quick run (BENCH_QUICK=1): too few repetitions to rely on.**" if results["quick"] else "")
    with open(base + ".md", "w") as out:
        out.write(f"# agentcore4j benchmark, {stamp}{quick}\n\n"
                  f"Produced by `bench/run`. Medians, with the range over the repeated runs in brackets; "
                  f"\"× ours\" is the peer's value divided by ours.\n\n"
                  f"## Machine\n\n{machine_text(results)}\n\n## Targets (issues 7 and 11)\n\n{targets_table(results)}\n\n"
                  f"## Results\n\n![chart]({os.path.basename(base)}.png)\n\n{body}\n"
                  f"## Settings\n\n```\n{json.dumps(results['settings'])}\n```\n")
    print(f"\nWrote {base}.md, {base}.json and {base}.png")
    if not results["quick"] and drawn:
        os.makedirs(os.path.dirname(SITE_CHART), exist_ok=True)
        shutil.copyfile(base + ".png", SITE_CHART)
        with open(os.path.join(BENCH, "performance.md.in")) as template:
            page = template.read()
        page = (page.replace("{{DATE}}", stamp).replace("{{MACHINE}}", machine_text(results))
                .replace("{{TARGETS}}", targets_table(results)).replace("{{TABLES}}", body.replace("### ", "### "))
                .replace("{{RESULTS_FILE}}", f"bench/results/{stamp}.md"))
        with open(SITE_PAGE, "w") as out:
            out.write(page)
        print(f"Wrote {SITE_PAGE} and {SITE_CHART}")
    print()
    print(targets_table(results))
