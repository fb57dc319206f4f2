import multiprocessing
import sys

from app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the packaged app: a spawned child (the waveform's peaks) runs its job here
    sys.exit(main())
