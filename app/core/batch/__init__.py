"""The batch queue's plain-Python half: its items and their order, the queue file, folder scans, auto-export."""
