"""Rasa's prediction graph run in order, without dask's scheduler in between.

Why: each patient turn runs the trained graph four times (the NLU once, the policies for
each of the three actions of a turn). Rasa's `DaskGraphRunner` recomputes the minimal
sub-graph for the targets on every run, builds a dask task graph from it and hands that to
dask's local scheduler, which orders, submits and collects the tasks one by one on this
thread. The py-spy profile of issue 22 put that plumbing at about 7 % of the Rasa server's
samples (bench/NOTES.md), for graphs that are the same on every run.

`SequentialGraphRunner` is a `DaskGraphRunner` (same nodes, same hooks, same loading) whose
`run` evaluates each needed node once, after the nodes it needs, with the outputs dask would
pass (each node's `(name, output)` pair), inputs given by name replacing the node of that
name as in dask's graph, and the minimal sub-graph of each set of targets computed once.
`install()` makes the Rasa server load its model with it; the turn pipeline that every
patient channel builds calls it before the model is loaded.
"""

from __future__ import annotations

from typing import Any

import rasa.core.processor
from rasa.engine.exceptions import GraphRunError
from rasa.engine.graph import GraphSchema
from rasa.engine.runner.dask import DaskGraphRunner


class SequentialGraphRunner(DaskGraphRunner):
    """Runs the graph's needed nodes in dependency order, each once, on the calling thread."""

    def run(
        self, inputs: dict[str, Any] | None = None, targets: list[str] | None = None
    ) -> dict[str, Any]:
        run_targets = list(targets) if targets else self._graph_schema.target_names
        schema = self._minimal_schema(tuple(run_targets))
        # Each node's result is what the node returns: (node name, output).
        results: dict[str, Any] = {}
        for name, value in (inputs or {}).items():
            if isinstance(value, str) and value in schema.nodes:
                raise GraphRunError(
                    f"Input value '{value}' clashes with a node name. Make sure that none of "
                    "the input names passed to the `run` method are the same as node names "
                    "in the graph schema."
                )
            results[name] = (name, value)

        def result_of(name: str) -> Any:
            if name not in results:
                needs = schema.nodes[name].needs.values()
                results[name] = self._instantiated_nodes[name](*(result_of(n) for n in needs))
            return results[name]

        try:
            return dict(result_of(target) for target in run_targets)
        except RuntimeError as error:
            raise GraphRunError("Error running runner.") from error

    def _minimal_schema(self, targets: tuple[str, ...]) -> GraphSchema:
        cache: dict[tuple[str, ...], GraphSchema] = self.__dict__.setdefault("_schemas", {})
        if targets not in cache:
            cache[targets] = self._graph_schema.minimal_graph_schema(list(targets))
        return cache[targets]


def install() -> None:
    """Make this process's Rasa server load its model with the sequential runner."""
    rasa.core.processor.DaskGraphRunner = SequentialGraphRunner
