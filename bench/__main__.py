"""`python -m bench run --size S --db sqlite`: measure Staffroom on a generated dataset."""

import argparse
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    commands = root.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="generate (if needed), serve, load, report")
    run.add_argument("--size", required=True, choices=["tiny", "S", "M"])
    run.add_argument("--db", required=True, choices=["sqlite", "postgres"])
    run.add_argument("--redis", action="store_true", help="use Redis for the cache (REDIS_URL)")
    run.add_argument(
        "--postgres-url",
        default="postgres://postgres@127.0.0.1:5432/",
        help="server for --db postgres; without a database name the dataset gets bench_<size>",
    )
    run.add_argument("--duration", type=float, default=10.0, help="seconds per phase")
    run.add_argument(
        "--rounds", type=int, default=3, help="fixed-rate phases per scenario, pooled (≥ 1)"
    )
    run.add_argument("--warmup", type=float, help="seconds before saturation is counted")
    run.add_argument("--rate", type=float, help="offered req/s for latency (default: 50%% of max)")
    run.add_argument("--connections", type=int, default=8, help="virtual users per pool")
    run.add_argument("--workers", type=int, default=2, help="ASGI worker processes")
    run.add_argument("--port", type=int, default=0, help="server port (default: a free one)")
    run.add_argument("--scenarios", help="comma-separated names to run (F1 always runs)")
    run.add_argument("--var-dir", default=str(BENCH_DIR / "var"), help="where datasets live")
    run.add_argument("--results-dir", default=str(BENCH_DIR / "results"))
    run.add_argument("--results-file", default=str(BENCH_DIR / "RESULTS.md"))

    table = commands.add_parser("report", help="rewrite the results file from the JSON results")
    table.add_argument("--results-dir", default=str(BENCH_DIR / "results"))
    table.add_argument("--results-file", default=str(BENCH_DIR / "RESULTS.md"))

    generate = commands.add_parser("generate", help=argparse.SUPPRESS)
    generate.add_argument("size")
    generate.add_argument("--out", required=True)
    generate.add_argument("--database-url")

    cost = commands.add_parser("cost", help=argparse.SUPPRESS)
    cost.add_argument("manifest")
    cost.add_argument("out")
    return root


def main(argv: list[str] | None = None) -> None:
    options = parser().parse_args(argv)
    if options.command == "run":
        from bench.run import run

        if options.rounds < 1:
            parser().error("--rounds must be at least 1")
        if options.warmup is None:
            options.warmup = min(2.0, options.duration / 5)
        run(options)
    elif options.command == "report":
        from bench.report import write_results

        print(write_results(Path(options.results_dir), Path(options.results_file)))
    elif options.command == "generate":
        from bench.dataset import generate

        out_dir = Path(options.out)
        generate(options.size, out_dir=out_dir, database_url=options.database_url, var_dir=out_dir)
    elif options.command == "cost":
        from bench.scenarios import main as cost_main

        cost_main(options.manifest, options.out)


if __name__ == "__main__":
    sys.exit(main())
