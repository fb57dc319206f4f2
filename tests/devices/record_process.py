"""Run as a child process by the tests: record from the default input and print the seconds written.

``python -m tests.devices.record_process FILE`` records until it is killed; each line on standard
output is how many seconds the writer had handed to the file at that moment.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from app.core.recording import Recorder, find_input_device


def main() -> None:
    recorder = Recorder(Path(sys.argv[1]), find_input_device("pulse"), sample_rate=16000)
    recorder.start()
    while True:
        print(f"{recorder.elapsed_seconds:.3f}", flush=True)
        time.sleep(0.1)


if __name__ == "__main__":
    main()
