"""File ▸ New Recording: the recording dialog, its live transcription, and unfinished recordings offered at start."""
