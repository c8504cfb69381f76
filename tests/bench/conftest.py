"""The benchmarks here are run by hand or by tests/bench/run.py, never collected as tests."""

collect_ignore_glob = ["*_bench.py", "bench_*.py", "run.py"]
