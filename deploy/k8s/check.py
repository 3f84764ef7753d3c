#!/usr/bin/env python3
"""Checks the Kubernetes manifests: each overlay renders with `kubectl kustomize`, and in what it renders

- every variable the service requires in that environment is given to the container: the "required in"
  column of docs/configuration.md (the table the start-up validation in config/AppConfig follows), plus
  REDIS_URL, which several pods need to share rate limits, lockouts and token state;
- every variable the table marks secret comes from a Secret (secretKeyRef), never from a ConfigMap;
- APP_ENV names the overlay's environment;
- every probe path is a GET operation of the OpenAPI spec, liveness on .../live and readiness on .../ready;
- the pod runs as non-root with a read-only root file system, and the container has resources;
- a PodDisruptionBudget and a HorizontalPodAutoscaler target the Deployment, and MongoDB and Redis are
  ExternalName services.

Then it proves itself: the same checks on a copy without JWT_SECRET and with a probe path not in the spec
must fail. Exit 0 when every check passed.

usage: deploy/k8s/check.py            (needs kubectl and PyYAML)
"""
import copy
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
OVERLAYS = ["staging", "production"]
SPEC = ROOT / "api-spec/src/main/openapi/abc-dashboard-api.yaml"
CONFIG_DOC = ROOT / "docs/configuration.md"
ALSO_REQUIRED = {"REDIS_URL"}


def documented_variables():
    """{name: (required_in, secret)} from the Variables table of docs/configuration.md."""
    rows = {}
    in_table = False
    for line in CONFIG_DOC.read_text().splitlines():
        if line.startswith("## "):
            in_table = line.strip() == "## Variables"
            continue
        if not in_table or not line.startswith("| `"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        required_in, secret = cells[-2], cells[-1]
        for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", cells[0]):
            rows[name] = (required_in, secret)
    if "JWT_SECRET" not in rows:
        sys.exit(f"{CONFIG_DOC}: no Variables table found")
    return rows


def required_in(env, variables):
    names = {n for n, (req, _) in variables.items() if req == "all" or env in [r.strip() for r in req.split(",")]}
    return names | ALSO_REQUIRED


def secret_names(variables):
    return {n for n, (_, secret) in variables.items() if secret.startswith("yes") or n in ("MONGODB_URI", "REDIS_URL")}


def spec_get_paths():
    spec = yaml.safe_load(SPEC.read_text())
    return {path for path, ops in spec["paths"].items() if "get" in ops}


def render(overlay):
    out = subprocess.run(
        ["kubectl", "kustomize", str(ROOT / "deploy/k8s/overlays" / overlay)],
        check=True, capture_output=True, text=True)
    return [d for d in yaml.safe_load_all(out.stdout) if d]


def problems_of(env, docs, variables, get_paths):
    problems = []
    by_kind = {}
    for d in docs:
        by_kind.setdefault(d["kind"], []).append(d)
    deployments = by_kind.get("Deployment", [])
    if len(deployments) != 1:
        return [f"expected one Deployment, found {len(deployments)}"]
    deployment = deployments[0]
    pod = deployment["spec"]["template"]["spec"]
    container = pod["containers"][0]
    config_maps = {c["metadata"]["name"]: c.get("data", {}) for c in by_kind.get("ConfigMap", [])}

    from_config, from_secret, literal = {}, set(), set()
    for source in container.get("envFrom", []):
        if "configMapRef" in source:
            name = source["configMapRef"]["name"]
            if name not in config_maps:
                problems.append(f"envFrom names ConfigMap {name}, which the overlay does not render")
            from_config.update(config_maps.get(name, {}))
        if "secretRef" in source:
            problems.append("envFrom secretRef hides which secrets are given; name each with secretKeyRef")
    for var in container.get("env", []):
        ref = var.get("valueFrom", {})
        if "secretKeyRef" in ref:
            if not ref["secretKeyRef"].get("optional", False):
                from_secret.add(var["name"])
            else:
                from_secret.add(var["name"] + "?")
        elif "configMapKeyRef" in ref:
            from_config[var["name"]] = config_maps.get(ref["configMapKeyRef"]["name"], {}).get(
                ref["configMapKeyRef"]["key"])
        else:
            literal.add(var["name"])
    provided = set(from_config) | literal | {n.rstrip("?") for n in from_secret}

    for name in sorted(required_in(env, variables)):
        if name in from_secret:
            continue
        if name not in provided:
            problems.append(f"{name} is required in {env} but not given to the container")
        elif name + "?" in from_secret:
            problems.append(f"{name} is required in {env} but its secretKeyRef is optional")
    for name in sorted(secret_names(variables) & (set(from_config) | literal)):
        problems.append(f"{name} is a secret but comes from a ConfigMap or a literal value")
    unknown = sorted(n for n in provided if n not in variables)
    if unknown:
        problems.append(f"variables the service does not read (docs/configuration.md): {', '.join(unknown)}")
    if from_config.get("APP_ENV") != env:
        problems.append(f"APP_ENV is {from_config.get('APP_ENV')!r}, expected {env!r}")

    ports = {p["name"]: p["containerPort"] for p in container.get("ports", [])}
    for probe, suffix in (("startupProbe", None), ("livenessProbe", "/live"), ("readinessProbe", "/ready")):
        spec = container.get(probe)
        if spec is None:
            problems.append(f"no {probe}")
            continue
        path = spec.get("httpGet", {}).get("path")
        if path not in get_paths:
            problems.append(f"{probe} path {path} is not a GET operation of the spec")
        elif suffix and not path.endswith(suffix):
            problems.append(f"{probe} path {path} should end with {suffix}")
        port = spec["httpGet"].get("port")
        if isinstance(port, str) and port not in ports:
            problems.append(f"{probe} port {port} is not a container port")

    pod_security = pod.get("securityContext", {})
    security = container.get("securityContext", {})
    if not pod_security.get("runAsNonRoot") and not security.get("runAsNonRoot"):
        problems.append("the pod may run as root (runAsNonRoot)")
    if not security.get("readOnlyRootFilesystem"):
        problems.append("the root file system is writable")
    if security.get("allowPrivilegeEscalation", True):
        problems.append("allowPrivilegeEscalation is not false")
    resources = container.get("resources", {})
    if not resources.get("requests", {}).get("cpu") or not resources.get("limits", {}).get("memory"):
        problems.append("the container lacks a CPU request or a memory limit")

    labels = deployment["spec"]["selector"]["matchLabels"]
    pdbs = by_kind.get("PodDisruptionBudget", [])
    if not any(p["spec"]["selector"]["matchLabels"] == labels for p in pdbs):
        problems.append("no PodDisruptionBudget selects the Deployment's pods")
    hpas = by_kind.get("HorizontalPodAutoscaler", [])
    if not any(h["spec"]["scaleTargetRef"]["name"] == deployment["metadata"]["name"] for h in hpas):
        problems.append("no HorizontalPodAutoscaler targets the Deployment")
    services = {s["metadata"]["name"]: s["spec"] for s in by_kind.get("Service", [])}
    for name in ("mongodb", "redis"):
        if services.get(name, {}).get("type") != "ExternalName":
            problems.append(f"no ExternalName service {name}")
    if not any(s.get("selector") == labels for s in services.values()):
        problems.append("no Service selects the Deployment's pods")
    return problems


def main():
    variables = documented_variables()
    get_paths = spec_get_paths()
    failed = 0
    for env in OVERLAYS:
        docs = render(env)
        problems = problems_of(env, docs, variables, get_paths)
        kinds = sorted({d["kind"] for d in docs})
        if problems:
            failed += 1
            print(f"  FAIL  {env}: " + "\n        ".join(problems))
        else:
            print(f"  ok    {env}: renders {len(docs)} objects ({', '.join(kinds)}); required "
                  f"{', '.join(sorted(required_in(env, variables)))} given; probes in the spec")

        broken = copy.deepcopy(docs)
        container = next(d for d in broken if d["kind"] == "Deployment")["spec"]["template"]["spec"]["containers"][0]
        container["env"] = [v for v in container["env"] if v["name"] != "JWT_SECRET"]
        container["readinessProbe"]["httpGet"]["path"] = "/api/v1/health/readyz"
        caught = problems_of(env, broken, variables, get_paths)
        if any("JWT_SECRET" in p for p in caught) and any("readyz" in p for p in caught):
            print(f"  ok    {env}: a copy without JWT_SECRET and with a probe path not in the spec is rejected")
        else:
            failed += 1
            print(f"  FAIL  {env}: the broken copy was not rejected: {caught}")
    print(f"kubernetes manifests: {2 * len(OVERLAYS) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
