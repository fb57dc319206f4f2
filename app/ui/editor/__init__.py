"""The transcript editor's Qt layer: the document that owns an open transcript, its undo commands and its views."""
