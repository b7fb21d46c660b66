"""Keep CPython's full garbage collections short in a server that holds many open sockets.

A full (generation 2) collection walks every object the collector tracks, and CPython runs
one each time the objects that survived earlier collections have grown by a quarter. A
server process holding 1,500 chat sockets tracks about 700,000 objects; on the 2-core bench
machine each full walk stopped that process for 250-560 ms while a chat filled up, and a
message caught behind one missed its whole delivery budget (bench/RESULTS.md, live chat).

So what the process has loaded when it starts is frozen (``gc.freeze``): set aside where
collections do not walk it. And once a full collection finds at least ``FREEZE_AT`` objects
still alive, those are frozen too, so the next full collection walks only what was added
since. Below that size a walk takes a few tens of milliseconds and nothing is frozen: a
collection runs at an arbitrary moment, often in the middle of a request, whose objects
would be frozen with the rest and, if they form reference cycles, kept until the next
rewalk. Growing by ``FREEZE_AT`` objects at a time keeps those rare.

Frozen objects are still freed as usual when nothing refers to them; only garbage held in
reference cycles among them waits. To bound that wait, once every ``REWALK_EVERY`` seconds
the frozen objects are handed back (``gc.unfreeze``), so the following full collection walks
and reclaims everything once, as CPython would have.

Installed by the server's lifespan startup (``livechat.lifespan``), so it applies to the
processes that serve requests and not to management commands or tests.
"""

import gc
import threading
import time

REWALK_EVERY = 30 * 60.0
# About 60 ms of walking on the bench machine.
FREEZE_AT = 100_000

_lock = threading.Lock()
_state = {"installed": False, "handed_back_at": 0.0}


def _after_collection(phase: str, info: dict) -> None:
    # The collector calls this with the GIL held, its lists consistent, from whichever
    # thread allocated last; freeze and unfreeze only move those lists, so both are safe.
    if phase != "stop" or info.get("generation") != 2:
        return
    now = time.monotonic()
    if now - _state["handed_back_at"] >= REWALK_EVERY:
        gc.unfreeze()
        _state["handed_back_at"] = now
    elif len(gc.get_objects(generation=2)) >= FREEZE_AT:
        gc.freeze()


def install() -> bool:
    """Start freezing after full collections in this process; False if it already was."""
    with _lock:
        if _state["installed"]:
            return False
        # What the process has loaded by now (Django, the apps, templates) lives as long as
        # the process: freeze it straight away, so even the first full collection skips it.
        gc.collect()
        gc.freeze()
        _state["handed_back_at"] = time.monotonic()
        gc.callbacks.append(_after_collection)
        _state["installed"] = True
        return True


def uninstall() -> None:
    """Stop, and hand every frozen object back to the collector."""
    with _lock:
        if not _state["installed"]:
            return
        gc.callbacks.remove(_after_collection)
        gc.unfreeze()
        _state["installed"] = False
