"""Editing a transcript, without Qt: every edit a named, reversible object the Qt layer wraps in a QUndoCommand.

Modules: segment_edit (the edit objects and snapshots), segment_text (text, split, merge),
segment_list (insert, delete), segment_times (times, shift, overlaps), speakers, find_replace,
word_timing (timings kept through edits), time_text (typed times), uncertain_words (proofreading)
and paragraphs (the flowing-text view's map back to segments).
"""
