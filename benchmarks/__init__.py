"""Benchmarks: each prints `name  measured  floor  ratio` against a floor measured in the same run."""
