#!/usr/bin/env python3
"""Every metric name that the Grafana dashboard's queries and the Prometheus rules use must be one that the
running service or node exporter really exports (or a recording rule of the rules file).

usage: metric_names.py SERVICE_METRICS_URL NODE_EXPORTER_METRICS_URL
Prints the names checked; exits 1 naming each unknown metric. Proves itself first: a query naming a
made-up metric must be caught.
"""
import json
import re
import sys
import urllib.request
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DASHBOARDS = sorted((HERE / "grafana/dashboards").glob("*.json"))
RULES = sorted((HERE / "prometheus/rules").glob("*.rules.yml"))
KEYWORDS = {"and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "bool",
            "offset", "inf", "nan"}


def exported(url):
    """Metric names in a Prometheus text exposition (sample lines, so _bucket/_count/_sum included)."""
    with urllib.request.urlopen(url, timeout=10) as response:
        text = response.read().decode()
    return {re.match(r"[a-zA-Z_:][a-zA-Z0-9_:]*", line).group(0)
            for line in text.splitlines() if line and not line.startswith("#")}


def metric_names(expr):
    expr = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)                    # label values
    expr = re.sub(r"\{[^}]*\}", " ", expr)                              # label matchers
    expr = re.sub(r"\[[^\]]*\]", " ", expr)                             # ranges, $__rate_interval
    expr = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", expr)
    names = set()
    for m in re.finditer(r"(?<![\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*", expr):
        name = m.group(0)
        if name.lower() in KEYWORDS or re.match(r"\s*\(", expr[m.end():]):
            continue
        names.add(name)
    return names


def queries():
    """(where, expression) of every dashboard target and every rule."""
    for path in DASHBOARDS:
        dashboard = json.loads(path.read_text())
        for panel in dashboard["panels"]:
            for target in panel.get("targets", []):
                yield f"{path.name}: {panel['title']} {target['refId']}", target["expr"]
        for var in dashboard.get("templating", {}).get("list", []):
            if var.get("type") == "query":
                q = var["query"]["query"] if isinstance(var["query"], dict) else var["query"]
                yield f"{path.name}: variable {var['name']}", re.sub(r"^label_values\((.*),\s*\w+\)$", r"\1", q)
    for path in RULES:
        for group in yaml.safe_load(path.read_text())["groups"]:
            for rule in group["rules"]:
                yield f"{path.name}: {rule.get('alert') or rule.get('record')}", rule["expr"]


def recorded():
    return {rule["record"] for path in RULES for group in yaml.safe_load(path.read_text())["groups"]
            for rule in group["rules"] if "record" in rule}


def unknown_names(known, pairs):
    return [(where, name) for where, expr in pairs for name in sorted(metric_names(expr)) if name not in known]


def main(service_url, node_url):
    service, node = exported(service_url), exported(node_url)
    known = service | node | recorded() | {"up"}
    # The extractor must see a made-up metric, or this check could pass on anything.
    caught = unknown_names(known, [("self-test", 'sum by (route) (rate(http_requests_made_up_total{job="x"}[5m]))')])
    if caught != [("self-test", "http_requests_made_up_total")]:
        print(f"FAIL self-test: a made-up metric was not caught: {caught}")
        return 1
    pairs = list(queries())
    used = sorted({name for _, expr in pairs for name in metric_names(expr)})
    unknown = unknown_names(known, pairs)
    for where, name in unknown:
        print(f"FAIL {where}: {name} is exported neither by the service nor by node exporter")
    print(f"{len(pairs)} queries (dashboards: {', '.join(p.name for p in DASHBOARDS)}; rules) use {len(used)} "
          f"metric names; the service exports {len(service)}, node exporter {len(node)}; unknown: {len(unknown)}")
    print("  " + " ".join(used))
    return 1 if unknown or not pairs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
