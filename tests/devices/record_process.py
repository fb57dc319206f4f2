"""Run as a child process by the tests: record from the default input and print the seconds written.

``python -m tests.devices.record_process FILE [MAX_BYTES]`` records until it is killed; each line on
standard output is how many seconds the writer had handed to the file at that moment. With
MAX_BYTES, the file system refuses to let the file grow past that size (RLIMIT_FSIZE: a full disk
as the writer sees it), and the child prints the recording's error and exits.
"""

from __future__ import annotations

import resource
import signal
import sys
import time
from pathlib import Path

from app.core.recording import Recorder, find_input_device


def main() -> None:
    if len(sys.argv) > 2:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a refused write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[2]), int(sys.argv[2])))
    recorder = Recorder(Path(sys.argv[1]), find_input_device("pulse"), sample_rate=16000)
    recorder.start()
    while recorder.running:
        print(f"{recorder.elapsed_seconds:.3f}", flush=True)
        time.sleep(0.1)
    print(recorder.stop().error, flush=True)


if __name__ == "__main__":
    main()
