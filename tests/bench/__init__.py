"""Benchmarks, run by `make bench`: figures as ratios to a floor measured in the same run."""
