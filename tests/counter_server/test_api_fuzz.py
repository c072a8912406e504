"""API fuzzing from the hand-written OpenAPI document (counter_server/openapi.json): every
generated request, valid or not, is answered without a 5xx, and every JSON 4xx has the API's
refusal shape {error, message}. Admin routes are fuzzed both without and with a valid token."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from counter_devkit.server import ServerProcess

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "counter_server" / "openapi.json"
schema = schemathesis.openapi.from_path(str(SCHEMA_PATH))
# A refusal: code and message, and the message's template and values when it has any.
REFUSAL_SHAPES = ({"error", "message"}, {"error", "message", "template", "params"})
LONG = os.environ.get("HYPOTHESIS_PROFILE") == "long"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 2000)) if LONG else 30


@pytest.fixture(scope="module")
def fuzzed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A server of its own: fuzzing with an admin token changes what it holds."""
    folder = tmp_path_factory.mktemp("api-fuzz")
    proc = ServerProcess(f"sqlite:///{folder / 'server.sqlite3'}", folder / "server.log")
    proc.start()
    yield proc
    proc.stop()


def _assert_answer(reply: httpx.Response | Any) -> None:
    assert reply.status_code < 500, (reply.status_code, reply.text[:300])
    if reply.status_code >= 400 and reply.headers.get("content-type") == "application/json":
        refusal = reply.json()
        assert set(refusal) in REFUSAL_SHAPES, refusal
        assert isinstance(refusal["message"], str) and refusal["message"].strip()


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_generated_request_gets_a_5xx(case: Any, fuzzed_server: ServerProcess) -> None:
    headers = {}
    if (
        case.path.startswith("/admin/")
        and case.headers
        and len(case.headers.get("Authorization", "")) % 2
    ):  # about half the admin requests carry a real token
        headers = fuzzed_server.admin_headers()
    reply = case.call(base_url=fuzzed_server.base_url, headers=headers or None, timeout=30)
    _assert_answer(reply)


def test_the_document_is_served_and_names_every_route(fuzzed_server: ServerProcess) -> None:
    served = httpx.get(f"{fuzzed_server.base_url}/openapi.json", timeout=30)
    assert served.status_code == 200
    paths = set(served.json()["paths"])
    assert {
        "/health",
        "/sync/v1/enrol",
        "/sync/v1/batches",
        "/sync/v1/changes",
        "/dashboard/login",
        "/admin/v1/enrol-codes",
    } <= paths


def test_revoking_a_device_id_past_64_bits_is_a_404(fuzzed_server: ServerProcess) -> None:
    reply = httpx.post(
        f"{fuzzed_server.base_url}/admin/v1/devices/{2**64}/revoke",
        headers=fuzzed_server.admin_headers(),
        timeout=30,
    )
    assert (reply.status_code, reply.json()["error"]) == (404, "unknown_device")
