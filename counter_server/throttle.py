"""Slow down guessing of enrolment codes: a client address with too many unknown codes in the last
minute is refused (429) until the oldest of them is a minute old.

Kept in the memory of each serving process (with `--workers N` an address gets N times the
allowance). An IPv6 client is counted by its /64 network, which one machine usually holds whole.
"""

from __future__ import annotations

import ipaddress
import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

WINDOW_S = 60.0
MAX_TRACKED = 10_000  # addresses remembered at once; the least recently failed are dropped


def address_key(remote: str | None) -> str:
    """Who is counted: the IPv4 address, or the /64 of an IPv6 address."""
    if not remote:
        return "?"
    try:
        addr = ipaddress.ip_address(remote)
    except ValueError:
        return remote[:64]
    if isinstance(addr, ipaddress.IPv6Address):
        if addr.ipv4_mapped is not None:
            return str(addr.ipv4_mapped)
        return str(ipaddress.ip_network(f"{addr}/64", strict=False))
    return str(addr)


class GuessThrottle:
    """At most `limit` failed guesses per address in any WINDOW_S seconds."""

    def __init__(self, limit: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self._clock = clock
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def retry_after(self, remote: str | None) -> int:
        """Seconds until this address may guess again; 0 if it may now."""
        key, now = address_key(remote), self._clock()
        with self._lock:
            times = self._failures.get(key)
            if times is None:
                return 0
            while times and times[0] <= now - WINDOW_S:
                times.popleft()
            if len(times) < self.limit:
                return 0
            return max(1, math.ceil(times[0] + WINDOW_S - now))

    def failed(self, remote: str | None) -> None:
        """Count one failed guess from this address."""
        key, now = address_key(remote), self._clock()
        with self._lock:
            times = self._failures.pop(key, None) or deque(maxlen=self.limit)
            times.append(now)
            self._failures[key] = times  # most recent last
            while len(self._failures) > MAX_TRACKED:
                self._failures.popitem(last=False)
