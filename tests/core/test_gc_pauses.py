"""The server's garbage-collection policy (core.gc_pauses), with CPython's real collector."""

import asyncio
import gc
import weakref

import pytest
from asgiref.testing import ApplicationCommunicator

from staffroom.core import gc_pauses
from staffroom.livechat.lifespan import lifespan


class Node:
    """A container the collector tracks and a weak reference can watch."""

    def __init__(self):
        self.partner = None


@pytest.fixture
def policy(monkeypatch):
    monkeypatch.setattr(gc_pauses, "REWALK_EVERY", 3600.0)
    # This test process is small; any survivors are "many" unless a test says otherwise.
    monkeypatch.setattr(gc_pauses, "FREEZE_AT", 0)
    gc_pauses.uninstall()
    assert gc_pauses.install()
    yield
    gc_pauses.uninstall()


def _frozen(obj) -> bool:
    # gc.get_objects lists what the collector walks; frozen objects are not among them.
    return gc.is_tracked(obj) and not any(seen is obj for seen in gc.get_objects())


def test_install_freezes_what_the_process_has_loaded_and_uninstall_hands_it_back(policy):
    assert gc.get_freeze_count() > 0
    assert _frozen(gc_pauses)  # a module loaded before install lives as long as the process
    assert not gc_pauses.install()  # a second install changes nothing
    assert gc.callbacks.count(gc_pauses._after_collection) == 1

    gc_pauses.uninstall()

    assert gc.get_freeze_count() == 0
    assert gc_pauses._after_collection not in gc.callbacks
    assert not _frozen(gc_pauses)


def test_what_survives_a_full_collection_is_frozen_and_a_younger_collection_freezes_nothing(
    policy,
):
    survivor = Node()
    gc.collect(1)
    assert not _frozen(survivor)

    gc.collect()

    assert _frozen(survivor)


def test_a_full_collection_with_few_survivors_freezes_nothing(policy, monkeypatch):
    # Walking a small heap is quick, and freezing would also catch the objects of whatever
    # request the collection interrupted.
    monkeypatch.setattr(gc_pauses, "FREEZE_AT", len(gc.get_objects()) + 100_000)
    survivor = Node()

    gc.collect()

    assert not _frozen(survivor)
    monkeypatch.setattr(gc_pauses, "FREEZE_AT", 0)
    gc.collect()
    assert _frozen(survivor)


def test_frozen_objects_still_die_when_nothing_refers_to_them(policy):
    survivor = Node()
    gc.collect()
    watch = weakref.ref(survivor)
    frozen_before = gc.get_freeze_count()

    del survivor

    assert watch() is None
    assert gc.get_freeze_count() < frozen_before


def test_a_frozen_cycle_waits_until_the_periodic_rewalk_then_is_reclaimed(policy, monkeypatch):
    one, other = Node(), Node()
    one.partner, other.partner = other, one
    gc.collect()
    watch = weakref.ref(one)
    del one, other

    gc.collect()
    assert watch() is not None  # garbage, but frozen: full collections do not walk it

    monkeypatch.setattr(gc_pauses, "REWALK_EVERY", 0.0)
    gc.collect()  # the rewalk is due: this collection ends by handing everything back
    assert gc.get_freeze_count() == 0
    monkeypatch.setattr(gc_pauses, "REWALK_EVERY", 3600.0)

    gc.collect()  # walks everything once more, reclaims the cycle, then freezes again

    assert watch() is None
    assert gc.get_freeze_count() > 0


def _start_and_stop_the_server():
    communicator = ApplicationCommunicator(
        lifespan, {"type": "lifespan", "asgi": {"version": "3.0"}}
    )
    installed = []

    async def scenario():
        await communicator.send_input({"type": "lifespan.startup"})
        assert (await communicator.receive_output(5))["type"] == "lifespan.startup.complete"
        installed.append(gc_pauses._after_collection in gc.callbacks)
        await communicator.send_input({"type": "lifespan.shutdown"})
        assert (await communicator.receive_output(5))["type"] == "lifespan.shutdown.complete"

    asyncio.run(scenario())
    return installed[0]


def test_the_server_installs_the_policy_at_startup_and_removes_it_at_shutdown(settings):
    settings.LIVECHAT_TICK_SECONDS = 0
    settings.GC_FREEZE = True

    assert _start_and_stop_the_server()

    assert gc_pauses._after_collection not in gc.callbacks
    assert gc.get_freeze_count() == 0


def test_the_setting_leaves_pythons_collector_alone(settings):
    settings.LIVECHAT_TICK_SECONDS = 0
    settings.GC_FREEZE = False

    assert not _start_and_stop_the_server()
    assert gc.get_freeze_count() == 0
