"""Benchmark harness: dataset generator, load scenarios and their results."""
