

import os

# Qt Multimedia looks for PipeWire first and logs a warning to standard error on every start where it
# is not installed, before it uses PulseAudio as intended; users need not see that. A rule the user
# sets in QT_LOGGING_RULES wins.
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver.warning=false")
