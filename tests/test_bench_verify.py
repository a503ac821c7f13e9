from benchmarks.management.commands.bench_verify import wrk_figures

# What wrk 4.1 printed for a server answering 404 to everything (1 s, 2 connections).
REPORT_WITH_ERRORS = """Running 1s test @ http://127.0.0.1:58999/nonexistent
  1 threads and 2 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.81ms    1.80ms  12.65ms   85.34%
    Req/Sec     1.27k    75.36     1.38k    60.00%
  Latency Distribution
     50%    1.05ms
     75%    2.22ms
     90%    4.35ms
     99%    8.62ms
  1263 requests in 1.00s, 641.37KB read
  Non-2xx or 3xx responses: 1263
Requests/sec:   1257.64
Transfer/sec:    638.64KB
"""


def test_the_load_check_reads_rate_percentiles_and_failed_answers_from_wrk():
    figures = wrk_figures(REPORT_WITH_ERRORS)

    assert figures["rate"] == 1257.64
    assert figures["requests"] == 1263
    assert (figures["p50"], figures["p99"]) == (1.05, 8.62)
    assert figures["failed"] == 1263


def test_the_load_check_reads_microseconds_seconds_and_socket_errors():
    report = (
        REPORT_WITH_ERRORS.replace("1.05ms", "850.00us")
        .replace("8.62ms", "1.20s")
        .replace(
            "  Non-2xx or 3xx responses: 1263\n",
            "  Socket errors: connect 0, read 8, write 0, timeout 1\n",
        )
    )

    figures = wrk_figures(report)

    assert (figures["p50"], figures["p99"]) == (0.85, 1200.0)
    assert (figures["failed"], figures["socket_errors"], figures["timeouts"]) == (0, 8, 1)


def test_requests_in_flight_when_the_run_stops_are_no_failed_answers():
    report = REPORT_WITH_ERRORS.replace(
        "  Non-2xx or 3xx responses: 1263\n",
        "  Socket errors: connect 0, read 0, write 0, timeout 8\n",
    )

    figures = wrk_figures(report)

    assert (figures["failed"], figures["socket_errors"], figures["timeouts"]) == (0, 0, 8)
