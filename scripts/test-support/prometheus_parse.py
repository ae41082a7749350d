"""Parses Prometheus text exposition from stdin with the official Python client's parser and prints the samples as
JSON lines: {"name": ..., "labels": {...}, "value": ...}. Tests use it to prove /metrics is valid for Prometheus."""
import json
import sys

from prometheus_client.parser import text_string_to_metric_families

for family in text_string_to_metric_families(sys.stdin.read()):
    for sample in family.samples:
        # The value as text: NaN and +Inf are valid sample values, but not JSON numbers.
        print(json.dumps({"name": sample.name, "labels": sample.labels, "value": repr(sample.value)}))
