"""What can be checked of deploy/ without a cluster or a Docker engine.

Kubernetes manifests against the Kubernetes schemas (kubernetes-validate ships
them, so this runs offline), their cross-references (probes, Services,
Secrets, kustomization), the compose file's structure, the Dockerfile's
promises, the systemd unit, shellcheck on the scripts, and the entrypoint's
shard arithmetic run for real.
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

from bots.config import Settings
from bots.slackbot.server import EVENTS_PATH, HEALTH_PATH, READY_PATH

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
K8S = DEPLOY / "k8s"
KUBERNETES_VERSION = "1.33.0"


def documents(path: Path) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc]


def manifests() -> list[tuple[str, dict[str, Any]]]:
    return [
        (f"{path.name}:{doc['kind']}/{doc['metadata']['name']}", doc)
        for path in sorted(K8S.glob("*.yaml"))
        if path.name != "kustomization.yaml"
        for doc in documents(path)
    ]


def find(kind: str, name: str) -> dict[str, Any]:
    [doc] = [d for _, d in manifests() if d["kind"] == kind and d["metadata"]["name"] == name]
    return doc


@pytest.mark.parametrize(("where", "doc"), manifests(), ids=[w for w, _ in manifests()])
def test_each_manifest_is_valid_against_the_kubernetes_schema(
    where: str, doc: dict[str, Any]
) -> None:
    kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


def test_the_validator_rejects_a_broken_manifest() -> None:
    broken = find("Deployment", "digestbot-slack")
    broken["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGett"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)


def test_kustomization_lists_every_applied_manifest() -> None:
    [kustomization] = documents(K8S / "kustomization.yaml")
    applied = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml", "secret.example.yaml"}
    assert set(kustomization["resources"]) == applied


def test_slack_probes_use_the_servers_own_paths_and_the_ingress_only_routes_slack() -> None:
    container = find("Deployment", "digestbot-slack")["spec"]["template"]["spec"]["containers"][0]
    ports = {port["name"]: port["containerPort"] for port in container["ports"]}
    assert ports["health"] == Settings().health_port
    assert container["readinessProbe"]["httpGet"] == {"path": READY_PATH, "port": "health"}
    assert container["livenessProbe"]["httpGet"] == {"path": HEALTH_PATH, "port": "health"}
    assert container["resources"]["requests"]
    [rule] = find("Ingress", "digestbot-slack")["spec"]["rules"]
    [path] = rule["http"]["paths"]
    assert EVENTS_PATH.startswith(path["path"]) and path["path"] != "/"
    hpa = find("HorizontalPodAutoscaler", "digestbot-slack")
    assert hpa["spec"]["scaleTargetRef"]["name"] == "digestbot-slack"


def test_configuration_names_are_settings_the_bot_reads() -> None:
    known = {field.alias for field in Settings.model_fields.values()}
    secret = documents(K8S / "secret.example.yaml")[0]["stringData"]
    config = find("ConfigMap", "digestbot-config")["data"]
    assert set(secret) | set(config) <= known


def test_connection_urls_with_passwords_live_in_the_secret_not_the_configmap() -> None:
    secret = documents(K8S / "secret.example.yaml")[0]["stringData"]
    config = find("ConfigMap", "digestbot-config")["data"]
    assert {"DIGESTBOT_DATABASE_URL", "DIGESTBOT_REDIS_URL"} <= set(secret)
    assert not any(name.endswith("_URL") or "TOKEN" in name for name in config)


PRIVATE_V4 = {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "127.0.0.0/8"}


def test_network_policy_denies_private_egress_except_the_database_and_redis() -> None:
    policy = find("NetworkPolicy", "digestbot-egress")["spec"]
    [selector] = policy["podSelector"]["matchExpressions"]
    pods = {"digestbot-slack", "digestbot-discord", "digestbot-worker", "digestbot-discord-worker"}
    assert set(selector["values"]) == pods
    assert policy["policyTypes"] == ["Egress"]
    public, dns, *stores = policy["egress"]
    blocks = {block["ipBlock"]["cidr"]: block["ipBlock"]["except"] for block in public["to"]}
    assert set(blocks["0.0.0.0/0"]) >= PRIVATE_V4 and "fc00::/7" in blocks["::/0"]
    assert {port["port"] for port in dns["ports"]} == {53}
    store_ports = {rule["ports"][0]["port"] for rule in stores}
    assert store_ports == {5432, 6379}
    for rule in stores:
        [block] = rule["to"]
        assert block["ipBlock"]["cidr"].endswith("/32")  # one address each, not a range


def test_discord_statefulset_hands_the_entrypoint_its_pod_name_and_shard_plan() -> None:
    spec = find("StatefulSet", "digestbot-discord")["spec"]
    env = {e["name"]: e for e in spec["template"]["spec"]["containers"][0]["env"]}
    assert env["POD_NAME"]["valueFrom"]["fieldRef"]["fieldPath"] == "metadata.name"
    per_pod = int(env["DISCORD_SHARDS_PER_POD"]["value"])
    assert spec["replicas"] * per_pod == int(env["DISCORD_SHARD_COUNT"]["value"])
    assert spec["serviceName"] == find("Service", "digestbot-discord")["metadata"]["name"]


def test_discord_probes_use_the_health_endpoints_on_the_health_port() -> None:
    container = find("StatefulSet", "digestbot-discord")["spec"]["template"]["spec"]["containers"][
        0
    ]
    [port] = container["ports"]
    assert port["containerPort"] == Settings().health_port
    assert container["readinessProbe"]["httpGet"] == {"path": READY_PATH, "port": port["name"]}
    assert container["livenessProbe"]["httpGet"] == {"path": HEALTH_PATH, "port": port["name"]}


def run_entrypoint(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """The real entrypoint, with a stand-in `digestbot` that prints what it was given."""
    (tmp_path / "digestbot").write_text('#!/bin/sh\necho "shards=$DISCORD_SHARD_IDS args=$*"\n')
    (tmp_path / "digestbot").chmod(0o755)
    path = f"{tmp_path}{os.pathsep}{os.environ['PATH']}"
    return subprocess.run(
        ["sh", str(DEPLOY / "entrypoint.sh"), "discord"],
        env={"PATH": path, **env},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("pod", "expected"),
    [("digestbot-discord-0", "shards=0,1"), ("digestbot-discord-1", "shards=2,3")],
)
def test_entrypoint_turns_the_pod_ordinal_into_a_shard_range(
    tmp_path: Path, pod: str, expected: str
) -> None:
    done = run_entrypoint(
        tmp_path, POD_NAME=pod, DISCORD_SHARDS_PER_POD="2", DISCORD_SHARD_COUNT="4"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{expected} args=discord"


@pytest.mark.parametrize("pod", ["digestbot-discord-2", "digestbot-discord"])
def test_entrypoint_refuses_a_pod_outside_the_shard_plan(tmp_path: Path, pod: str) -> None:
    done = run_entrypoint(
        tmp_path, POD_NAME=pod, DISCORD_SHARDS_PER_POD="2", DISCORD_SHARD_COUNT="4"
    )
    assert done.returncode == 64
    assert done.stdout == ""


def test_entrypoint_without_a_shard_plan_just_runs_digestbot(tmp_path: Path) -> None:
    done = run_entrypoint(tmp_path)
    assert done.returncode == 0
    assert done.stdout.strip() == "shards= args=discord"


def test_scripts_pass_shellcheck() -> None:
    if shutil.which("shellcheck") is None:
        pytest.skip("shellcheck is not installed (.ci/run installs it with apt)")
    scripts = sorted(str(p) for p in DEPLOY.rglob("*.sh"))
    assert scripts
    done = subprocess.run(["shellcheck", *scripts], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout


def test_compose_runs_the_bot_with_postgres_and_redis_from_an_env_file() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    assert {"slack", "discord", "postgres", "redis"} <= set(services)
    slack = services["slack"]
    assert slack["env_file"] == ".env"
    assert slack["depends_on"] == {
        "postgres": {"condition": "service_healthy"},
        "redis": {"condition": "service_healthy"},
    }
    assert slack["environment"]["DIGESTBOT_DATABASE_URL"].startswith("postgresql://")
    assert all("healthcheck" in services[name] for name in ("postgres", "redis"))
    assert (DEPLOY / slack["build"]["context"] / slack["build"]["dockerfile"]).is_file()
    assert "postgres-data" in compose["volumes"]


def test_compose_rotates_logs_limits_resources_and_locks_the_bots_down() -> None:
    services = yaml.safe_load((DEPLOY / "compose.yaml").read_text())["services"]
    for name, service in services.items():
        assert service["logging"]["options"]["max-size"], name
        assert service["mem_limit"], name
    for name in ("slack", "discord"):
        bot = services[name]
        assert bot["read_only"] is True and bot["cap_drop"] == ["ALL"]
        assert "no-new-privileges:true" in bot["security_opt"]
        assert "healthcheck" not in bot  # the image's, on the health port, serves every mode


def test_env_example_covers_every_variable_compose_interpolates() -> None:
    example = (DEPLOY / "env.example").read_text()
    named = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", example, re.MULTILINE))
    used = set(re.findall(r"\$\{([A-Z][A-Z0-9_]+)", (DEPLOY / "compose.yaml").read_text()))
    assert used <= named
    known = {field.alias for field in Settings.model_fields.values()}
    assert named - {"POSTGRES_PASSWORD", "SLACK_HTTP_PORT"} <= known


def test_dockerfile_is_multi_stage_non_root_with_the_jieba_cache_and_a_healthcheck() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    stages = re.findall(r"^FROM python:3\.11-slim", dockerfile, re.MULTILINE)
    assert len(stages) == 2
    assert re.search(r"^USER (?!root|0\b)\S+", dockerfile, re.MULTILINE)
    assert "warm_up(Path('/opt/digestbot-data'))" in dockerfile
    assert re.search(r"^ENV DIGESTBOT_DATA_DIR=/opt/digestbot-data", dockerfile, re.MULTILINE)
    assert f"127.0.0.1:{Settings().health_port}{HEALTH_PATH}" in dockerfile
    assert re.search(r"DIGESTBOT_HEALTH_HOST=0\.0\.0\.0", dockerfile)
    assert "pip install --constraint constraints.txt ." in dockerfile
    copied = re.findall(r"^COPY (?!--from)(?:--\S+ )*(\S+)", dockerfile, re.MULTILINE)
    for source in copied:
        assert (DEPLOY.parent / source).exists(), source


def test_systemd_unit_runs_the_http_bot_as_a_service_user_with_a_stop_bound() -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read(DEPLOY / "systemd" / "digestbot.service")
    service = unit["Service"]
    assert service["ExecStart"].split()[1:3] == ["slack", "--http"]
    assert service["User"] == "digestbot"
    assert service["KillSignal"] == "SIGTERM"
    assert int(service["TimeoutStopSec"]) > Settings().shutdown_seconds
    assert unit["Install"]["WantedBy"] == "multi-user.target"
    assert "--host 127.0.0.1" in service["ExecStart"]
    denied = set(service["IPAddressDeny"].split())
    assert PRIVATE_V4 - {"127.0.0.0/8"} <= denied and service["IPAddressAllow"] == "localhost"
    assert service["CapabilityBoundingSet"] == "" and service["SystemCallFilter"]


def test_the_unit_s_install_steps_are_the_script_the_install_test_runs() -> None:
    steps = (DEPLOY / "systemd" / "digestbot.service").read_text()
    assert "bash deploy/systemd/install.sh" in steps  # run as written: test_systemd_install.py
    script = (DEPLOY / "systemd" / "install.sh").read_text()
    assert "install --quiet --constraint constraints.txt ." in script
    assert (DEPLOY.parent / "constraints.txt").is_file()


def test_systemd_analyze_scores_the_unit_under_4() -> None:
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed")
    done = subprocess.run(
        [
            "systemd-analyze",
            "security",
            "--offline=true",
            str(DEPLOY / "systemd" / "digestbot.service"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    score = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", done.stdout)
    if score is None:
        pytest.skip(f"systemd-analyze cannot score units offline here: {done.stderr.strip()[:200]}")
    assert float(score.group(1)) < 4.0, done.stdout
