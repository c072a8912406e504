"""The enrolment-guess throttle: a sliding minute per address (IPv6 by /64), on a given clock."""

from __future__ import annotations

from counter_server.throttle import WINDOW_S, GuessThrottle, address_key


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_an_address_is_held_back_until_its_oldest_failure_is_a_minute_old() -> None:
    clock = Clock()
    throttle = GuessThrottle(3, clock)
    for step in range(3):
        assert throttle.retry_after("203.0.113.5") == 0
        throttle.failed("203.0.113.5")
        clock.now += 10 * (step + 1)  # failures at 1000, 1010, 1030
    assert clock.now == 1060
    assert throttle.retry_after("203.0.113.5") == 0  # the first is a minute old already
    throttle.failed("203.0.113.5")  # 1010, 1030, 1060
    assert throttle.retry_after("203.0.113.5") == 10
    assert throttle.retry_after("203.0.113.6") == 0  # another address is not held back
    clock.now += 10
    assert throttle.retry_after("203.0.113.5") == 0


def test_ipv6_addresses_count_by_their_64_bit_network() -> None:
    clock = Clock()
    throttle = GuessThrottle(2, clock)
    throttle.failed("2001:db8:1:2::1")
    throttle.failed("2001:db8:1:2:ffff::9")
    assert throttle.retry_after("2001:db8:1:2::77") == WINDOW_S
    assert throttle.retry_after("2001:db8:1:3::1") == 0
    assert address_key("::ffff:192.0.2.1") == "192.0.2.1"
    assert address_key(None) == "?"
