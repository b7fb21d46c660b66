"""The load generator's bookkeeping: pooling the rounds of one scenario."""

from collections import Counter

from bench import load


def test_merged_rounds_pool_every_sample_and_weigh_client_cpu_by_time():
    first = load.Phase(seconds=10.0, latencies=[0.001, 0.002], bytes=30, client_cpu=0.2)
    first.statuses = Counter({200: 2, 500: 1})
    first.errors, first.send_lag = 1, [0.0, 0.004]
    second = load.Phase(seconds=30.0, latencies=[0.009], bytes=15, client_cpu=0.6)
    second.statuses, second.send_lag = Counter({200: 1}), [0.001]

    pooled = load.merge([first, second])

    assert sorted(pooled.latencies) == [0.001, 0.002, 0.009]
    assert pooled.statuses == Counter({200: 3, 500: 1})
    assert (pooled.errors, pooled.bytes, pooled.seconds) == (1, 45, 40.0)
    assert pooled.send_lag == [0.0, 0.004, 0.001]
    assert abs(pooled.client_cpu - 0.5) < 1e-9  # (0.2·10 + 0.6·30) / 40
    assert pooled.throughput == 3 / 40.0
    assert load.percentile(pooled.latencies, 0.95) == 0.009
    # The pooled phase is new: the rounds keep their own samples.
    assert first.latencies == [0.001, 0.002]
