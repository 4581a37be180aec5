"""The SSRF guard: address forms, the policy, the allowlist and address pinning."""

from __future__ import annotations

import ipaddress
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import httpx
import pytest
import trustme

from summarizer.errors import Blocked, InvalidURL, Unreachable
from summarizer.fetching.netguard import (
    AddressPolicy,
    GuardedTransport,
    IPAddress,
    Resolver,
    is_public,
    parse_ip,
    system_resolve,
)
from tests.support.article_server import ArticleServer

ip = ipaddress.ip_address


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("2130706433", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("0x7F000001", "127.0.0.1"),
        ("017700000001", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("[::ffff:127.0.0.1]", "::ffff:127.0.0.1"),
        ("::1", "::1"),
        ("169.254.169.254", "169.254.169.254"),
        ("example.com", None),
        ("deadbeef", None),
        ("1.2.3.4.5", None),
    ],
)
def test_parse_ip_reads_every_numeric_form(host: str, expected: str | None) -> None:
    assert parse_ip(host) == (ip(expected) if expected else None)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "127.255.255.254", "10.1.2.3", "172.16.0.1", "192.168.1.1",
        "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1",
        "239.255.255.250", "240.0.0.1", "255.255.255.255", "192.0.0.8", "198.18.0.1",
        "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
        "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1",
        "2002:7f00:1::", "2002:a9fe:a9fe::", "64:ff9b::a9fe:a9fe", "::127.0.0.1",
    ],
)  # fmt: skip
def test_private_and_special_addresses_are_not_public(address: str) -> None:
    assert not is_public(ip(address))


@pytest.mark.parametrize(
    "address", ["8.8.8.8", "93.184.216.34", "2606:4700::1111", "::ffff:8.8.8.8", "2002:808:808::"]
)
def test_public_addresses_are_public(address: str) -> None:
    assert is_public(ip(address))


def test_policy_blocks_if_any_resolved_address_is_private() -> None:
    policy = AddressPolicy()
    with pytest.raises(Blocked):
        policy.check("mixed.example", [ip("93.184.216.34"), ip("10.0.0.1")])
    assert policy.check("ok.example", [ip("93.184.216.34")]) == ip("93.184.216.34")


def test_allowlist_opens_hosts_and_networks_only() -> None:
    policy = AddressPolicy.from_allow_hosts(["127.0.0.1", "10.8.0.0/16", "Intranet.Corp."])
    assert policy.check("127.0.0.1", [ip("127.0.0.1")]) == ip("127.0.0.1")
    assert policy.check("wiki", [ip("10.8.3.4")]) == ip("10.8.3.4")
    assert policy.check("intranet.corp", [ip("192.168.0.9")]) == ip("192.168.0.9")
    with pytest.raises(Blocked):
        policy.check("127.0.0.2", [ip("127.0.0.2")])
    with pytest.raises(Blocked):
        policy.check("other", [ip("10.9.0.1")])


def test_a_name_that_resolves_to_nothing_is_unreachable() -> None:
    with pytest.raises(Unreachable):
        AddressPolicy().check("nothing.example", [])


async def test_system_resolver_does_not_need_the_network_for_localhost() -> None:
    assert ip("127.0.0.1") in await system_resolve("localhost", 80)
    with pytest.raises(Unreachable):
        await system_resolve("no-such-host.invalid", 80)


def _fixed(answers: dict[str, str]) -> Resolver:
    """A resolver standing in for DNS: the outside world, not our code."""

    async def resolve(host: str, port: int) -> list[IPAddress]:
        return [ip(answers[host])]

    return resolve


async def _status(transport: GuardedTransport, url: str) -> httpx.Response:
    async with httpx.AsyncClient(transport=transport) as client:
        return await client.get(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/", "http://2130706433/", "http://0x7f.1/", "http://017700000001/",
        "http://[::ffff:127.0.0.1]/", "http://127.1/", "http://[::1]/", "http://0.0.0.0/",
        "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/", "http://10.0.0.1/",
        "http://rebind.example/",
    ],
)  # fmt: skip
async def test_transport_refuses_every_private_form_before_connecting(url: str) -> None:
    transport = GuardedTransport(
        policy=AddressPolicy(),
        resolve_timeout=1.0,
        resolver=_fixed({"rebind.example": "192.168.0.1"}),
    )
    with pytest.raises(Blocked):
        await _status(transport, url)


async def test_transport_refuses_other_schemes() -> None:
    transport = GuardedTransport(policy=AddressPolicy(), resolve_timeout=1)
    with pytest.raises(InvalidURL):
        await transport.handle_async_request(httpx.Request("GET", "ftp://example.com/x"))


async def test_transport_connects_to_the_checked_address_with_the_original_host(
    article_server: ArticleServer,
) -> None:
    # "pinned.example" exists only in this resolver: had the transport looked the
    # name up again when connecting, the request could not have reached the server.
    article_server.add("/pinned", b"<p>ok</p>")
    transport = GuardedTransport(
        policy=AddressPolicy.from_allow_hosts(["127.0.0.1"]),
        resolve_timeout=1.0,
        resolver=_fixed({"pinned.example": "127.0.0.1"}),
    )
    response = await _status(transport, f"http://pinned.example:{article_server.port}/pinned")
    assert response.status_code == 200
    assert response.url.host == "pinned.example"
    assert article_server.requests("/pinned")[0]["Host"] == f"pinned.example:{article_server.port}"


class _EchoHost(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keeps connections open, so reuse is possible

    def do_GET(self) -> None:
        body = self.headers["Host"].encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def tls_server() -> Iterator[tuple[int, trustme.CA]]:
    """An HTTPS server on 127.0.0.1 whose certificate names only pinned.example."""
    ca = trustme.CA()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("pinned.example").configure_cert(context)
    httpd = HTTPServer(("127.0.0.1", 0), _EchoHost)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1], ca
    httpd.shutdown()
    httpd.server_close()


async def test_https_through_a_pinned_address_verifies_the_host_name(
    tls_server: tuple[int, trustme.CA],
) -> None:
    port, ca = tls_server
    trust = ssl.create_default_context()
    ca.configure_trust(trust)
    transport = GuardedTransport(
        policy=AddressPolicy.from_allow_hosts(["127.0.0.1"]),
        resolve_timeout=1.0,
        resolver=_fixed({"pinned.example": "127.0.0.1", "other.example": "127.0.0.1"}),
        verify=trust,
    )
    async with httpx.AsyncClient(transport=transport) as client:
        response = await client.get(f"https://pinned.example:{port}/")
        assert response.text == f"pinned.example:{port}"
        # Same IP and port, but the certificate does not name this host: a connection
        # left over from the first request must not carry it past verification.
        with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
            await client.get(f"https://other.example:{port}/")
