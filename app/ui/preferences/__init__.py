"""Preferences in the window: the store (QSettings), the dialog built from the declarations, and applying them."""
