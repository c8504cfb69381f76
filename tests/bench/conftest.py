"""The benchmarks here are run by hand or by a benchmark runner, never collected as tests."""

collect_ignore_glob = ["*_bench.py"]
