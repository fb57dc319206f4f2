"""Reading the transcript aloud in the window: the Speech menu's actions and the voice panel."""
