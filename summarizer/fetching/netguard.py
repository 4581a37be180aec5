"""The SSRF guard: which addresses a fetched link may reach, enforced where we connect.

The bot fetches whatever anyone in a channel pastes, so a link must not become a
way into the private network. Input: a host and port (or an `httpx.Request`).
Output: the one address that was checked. Failure: `Blocked` for a forbidden
address, `Unreachable` when the name does not resolve, `InvalidURL` for a scheme
other than http(s).

Policy: every address the host resolves to must be public — not loopback,
private, link-local (169.254/16, the cloud metadata service), CGNAT (100.64/10),
multicast, reserved or unspecified (the flags of Python's `ipaddress` and the
IANA special-purpose ranges listed below); IPv6 addresses that embed an IPv4 address
(IPv4-mapped, 6to4, NAT64) are judged by that IPv4 address. Numeric hosts in the
forms `inet_aton` accepts (`2130706433`, `0x7f.1`, `017700000001`, `127.1`) are
read as the address they denote. `AddressPolicy.allow_hosts` opens exceptions by
host name or CIDR.

`GuardedTransport` applies the policy to every request the shared client sends,
redirect hops included, and connects to the address it checked: the request goes
to the IP, with the original `Host` header and TLS server name (`sni_hostname`),
so a second DNS answer cannot rebind the connection to another address.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import re
import socket
import ssl
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass

import httpx

from summarizer.errors import Blocked, InvalidURL, Timeout, Unreachable

__all__ = [
    "AddressPolicy",
    "GuardedTransport",
    "IPAddress",
    "Resolver",
    "is_public",
    "parse_ip",
    "system_resolve",
]

logger = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], Awaitable[list[IPAddress]]]

_DEFAULT_PORTS = {"http": 80, "https": 443}
# IANA's special-purpose ranges that are not globally reachable. `ipaddress` knows
# most of them, but its tables differ between Python releases (3.11.7 calls
# 192.0.0.8 global), so the guard names them itself as well.
_SPECIAL_NETWORKS = tuple(
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
        "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
        "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
        "::/8", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "fc00::/7",
        "fe80::/10", "fec0::/10", "ff00::/8",
    )
)  # fmt: skip
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_NUMERIC_HOST = re.compile(r"[0-9a-fx.]+", re.IGNORECASE)


def parse_ip(host: str) -> IPAddress | None:
    """The address a host literal denotes, including `inet_aton`'s odd IPv4 forms."""
    bare = host.strip("[]")
    try:
        return ipaddress.ip_address(bare)
    except ValueError:
        pass
    if not _NUMERIC_HOST.fullmatch(bare) or not bare[0].isdigit():
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(bare))
    except OSError:
        return None


def is_public(address: IPAddress) -> bool:
    """True when `address` is on the public internet, so fetching from it is safe."""
    embedded = _embedded_ipv4(address)
    if embedded is not None:
        return is_public(embedded)
    if any(address in network for network in _SPECIAL_NETWORKS):
        return False
    special = (
        address.is_private,
        address.is_loopback,
        address.is_link_local,
        address.is_multicast,
        address.is_reserved,
        address.is_unspecified,
    )
    return address.is_global and not any(special)


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    if isinstance(address, ipaddress.IPv4Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Public addresses only, plus the host names and networks an operator allows."""

    names: frozenset[str] = frozenset()
    networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def from_allow_hosts(cls, entries: Iterable[str]) -> AddressPolicy:
        """Read `FetchSettings.allow_hosts`: each entry a host name, an IP or a CIDR."""
        names: set[str] = set()
        networks: list[IPNetwork] = []
        for entry in (e.strip().lower().rstrip(".") for e in entries):
            try:
                networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
            except ValueError:
                if entry:
                    names.add(entry)
        return cls(frozenset(names), tuple(networks))

    def check(self, host: str, addresses: list[IPAddress]) -> IPAddress:
        """The address to connect to, or `Blocked` if any address is forbidden."""
        if not addresses:
            raise Unreachable(host)
        if host.lower().rstrip(".") in self.names:
            return addresses[0]
        for address in addresses:
            if not is_public(address) and not any(address in n for n in self.networks):
                logger.warning("blocked host=%s address=%s", host, address)
                raise Blocked(f"{host} → {address}" if str(address) != host else host)
        return addresses[0]


async def system_resolve(host: str, port: int) -> list[IPAddress]:
    """Resolve `host` with the system resolver, without blocking the event loop."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise Unreachable(host) from exc
    addresses = [ipaddress.ip_address(info[4][0]) for info in infos]
    return list(dict.fromkeys(addresses))


class GuardedTransport(httpx.AsyncBaseTransport):
    """An httpx transport that checks each request's host and pins it to that address.

    Connections are keyed by IP once pinned, so an idle one opened (and its TLS
    certificate verified) for one host could be reused for another host on the same
    IP; keeping no idle connections rules that out, for the price of a handshake per
    redirect hop. `verify` is httpx's: True, or an `ssl.SSLContext`.
    """

    def __init__(
        self,
        *,
        policy: AddressPolicy,
        resolve_timeout: float,
        resolver: Resolver = system_resolve,
        verify: ssl.SSLContext | bool = True,
    ) -> None:
        limits = httpx.Limits(max_keepalive_connections=0)
        self._inner = httpx.AsyncHTTPTransport(verify=verify, limits=limits)
        self._policy = policy
        self._resolve_timeout = resolve_timeout
        self._resolver = resolver

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        if url.scheme not in _DEFAULT_PORTS:
            raise InvalidURL(str(url))
        host = url.raw_host.decode("ascii")
        address = await self.address_for(host, url.port or _DEFAULT_PORTS[url.scheme])
        pinned = httpx.Request(
            request.method,
            url.copy_with(host=str(address)),
            headers=request.headers,
            stream=request.stream,
            extensions={**request.extensions, "sni_hostname": host},
        )
        return await self._inner.handle_async_request(pinned)

    async def address_for(self, host: str, port: int) -> IPAddress:
        """Resolve (unless `host` is a literal) and check; the address to connect to."""
        literal = parse_ip(host)
        if literal is not None:
            return self._policy.check(host, [literal])
        try:
            async with asyncio.timeout(self._resolve_timeout):
                addresses = await self._resolver(host, port)
        except TimeoutError as exc:
            raise Timeout(f"DNS {host}") from exc
        return self._policy.check(host, addresses)

    async def aclose(self) -> None:
        await self._inner.aclose()
