"""Execute one notebook on the Deno kernel without losing outputs.

The Deno kernel (2.9) sometimes publishes a cell's stream, display_data or execute_result
messages after its `status: idle`. nbclient stops listening at idle, so those outputs vanish
(see PITFALLS.md). `QuietPeriodClient` keeps reading IOPub after idle until nothing arrived for
`quiet_period` seconds, and routes any late message of an earlier cell to that cell.
"""

from __future__ import annotations

import asyncio
import re
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty
from typing import Callable, Optional

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete, CellTimeoutError, DeadKernelError
from nbclient.util import ensure_async
from traitlets import Float

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class QuietPeriodClient(NotebookClient):
    """A NotebookClient that waits for a quiet IOPub channel before a cell counts as done."""

    quiet_period = Float(
        0.3, help="Seconds without IOPub messages, after the cell's idle status, before moving on."
    ).tag(config=True)

    def __init__(self, nb, km=None, **kw):
        super().__init__(nb, km=km, **kw)
        self.cells_by_msg_id: dict[str, int] = {}
        self.late_messages = 0  # messages that came after their cell's idle status
        self.latest_after_idle = 0.0  # seconds: the longest such delay seen

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        assert self.kc is not None
        self.cells_by_msg_id[parent_msg_id] = cell_index
        deadline: Optional[float] = None  # set once the cell's idle status arrived
        idle_at = 0.0
        while True:
            timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=timeout))
            except Empty:
                return
            parent = msg["parent_header"].get("msg_id")
            if parent == parent_msg_id:
                try:
                    self.process_message(msg, cell, cell_index)
                except CellExecutionComplete:
                    idle_at = time.monotonic()
                if deadline is not None and not _is_idle(msg):
                    self.late_messages += 1
                    self.latest_after_idle = max(
                        self.latest_after_idle, time.monotonic() - idle_at
                    )
                if deadline is not None or _is_idle(msg):
                    deadline = time.monotonic() + self.quiet_period
            elif parent in self.cells_by_msg_id and msg["msg_type"] != "status":
                # A straggler of an earlier cell: keep it, in its own cell.
                self.late_messages += 1
                earlier = self.cells_by_msg_id[parent]
                try:
                    self.process_message(msg, self.nb.cells[earlier], earlier)
                except CellExecutionComplete:
                    pass


def _is_idle(msg) -> bool:
    return msg["msg_type"] == "status" and msg["content"].get("execution_state") == "idle"


@dataclass
class CellFailure:
    """Where and why a notebook stopped."""

    cell: int  # 1-based position among all cells, as a reader counts them; 0: the kernel
    first_line: str
    ename: str
    evalue: str

    def describe(self) -> str:
        where = f"cell {self.cell} `{self.first_line}`" if self.cell else "kernel start"
        return f"{where}: {self.ename}: {self.evalue}"


@dataclass
class NotebookResult:
    name: str
    status: str = "ok"  # "ok" or "failed"
    seconds: float = 0.0
    code_cells: int = 0
    executed_cells: int = 0
    failure: Optional[CellFailure] = None
    late_messages: int = 0
    latest_after_idle: float = 0.0
    interrupted: bool = False  # Ctrl-C or SIGTERM: the caller should stop, not go on
    executed: Optional[nbformat.NotebookNode] = field(default=None, repr=False)


def _first_line(source: str) -> str:
    for line in source.splitlines():
        if line.strip():
            line = line.strip()
            return line if len(line) <= 60 else line[:57] + "..."
    return ""


def _error_of(cell, reply) -> Optional[tuple[str, str]]:
    """(ename, evalue) when the cell failed: an error output or a non-ok execute reply."""
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            return output.get("ename", "Error"), ANSI.sub("", output.get("evalue", ""))
    content = (reply or {}).get("content", {})
    if reply is not None and content.get("status") != "ok":
        return content.get("ename", "Error"), ANSI.sub("", content.get("evalue", "")) or (
            f"execute reply status {content.get('status')!r}"
        )
    return None


def _stop_on_signal(result: NotebookResult) -> None:
    """On Ctrl-C or SIGTERM, cancel the run: nbclient then shuts the kernel down, once."""
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()

    def on_signal():
        if not result.interrupted:
            result.interrupted = True
            task.cancel()

    try:  # replaces nbclient's handler, whose second kernel clean-up fails an assertion
        loop.add_signal_handler(signal.SIGINT, on_signal)
        loop.add_signal_handler(signal.SIGTERM, on_signal)
    except (NotImplementedError, RuntimeError):
        pass  # Windows, or not the main thread


async def execute_notebook(
    path: Path,
    cwd: Path,
    timeout: int,
    quiet_period: float = 0.3,
    on_cell: Optional[Callable[[int, int, float], None]] = None,
) -> NotebookResult:
    """Run `path` top to bottom on the Deno kernel with `cwd` as working directory.

    Stops at the first failing cell. `on_cell(done, total, seconds)` reports progress after
    each code cell. The executed notebook is in the result, failed or not.
    """
    nb = nbformat.read(path, as_version=4)
    result = NotebookResult(name=path.stem, executed=nb)
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source.strip()]
    result.code_cells = len(code)
    replies: dict[int, dict] = {}

    def keep_reply(cell, cell_index, execute_reply):
        replies[cell_index] = execute_reply

    client = QuietPeriodClient(
        nb,
        kernel_name="deno",
        timeout=timeout,
        startup_timeout=120,
        iopub_timeout=60,  # after the reply, outputs must be complete within this
        raise_on_iopub_timeout=True,  # never drop outputs silently
        allow_errors=True,  # we judge errors ourselves, from outputs and replies
        quiet_period=quiet_period,
        on_cell_executed=keep_reply,
        resources={"metadata": {"path": str(cwd)}},
    )
    started = time.monotonic()
    current = None
    try:
        async with client.async_setup_kernel():
            _stop_on_signal(result)
            info = await client.async_wait_for_reply(await ensure_async(client.kc.kernel_info()))
            if info and "language_info" in info["content"]:
                nb.metadata["language_info"] = info["content"]["language_info"]
            for done, index in enumerate(code, start=1):
                current = index
                cell_started = time.monotonic()
                await client.async_execute_cell(nb.cells[index], index, execution_count=done)
                result.executed_cells = done
                if on_cell:
                    on_cell(done, len(code), time.monotonic() - cell_started)
                error = _error_of(nb.cells[index], replies.get(index))
                if error:
                    result.failure = CellFailure(
                        index + 1, _first_line(nb.cells[index].source), *error
                    )
                    break
    except (
        CellTimeoutError,
        DeadKernelError,
        RuntimeError,
        asyncio.TimeoutError,
        asyncio.CancelledError,
    ) as exc:
        if result.interrupted:
            ename, evalue = "Interrupted", "stopped by Ctrl-C or SIGTERM"
        else:
            ename, evalue = type(exc).__name__, ANSI.sub("", str(exc)).strip().split("\n")[0]
        cell = current + 1 if current is not None else 0
        source = nb.cells[current].source if current is not None else ""
        result.failure = CellFailure(cell, _first_line(source), ename, evalue)
    result.seconds = time.monotonic() - started
    result.late_messages = client.late_messages
    result.latest_after_idle = client.latest_after_idle
    if result.failure:
        result.status = "failed"
    return result
