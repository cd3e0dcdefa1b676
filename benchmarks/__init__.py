"""Benchmarks: each prints `name  measured  floor  ratio`, the floor measured in the same run."""
