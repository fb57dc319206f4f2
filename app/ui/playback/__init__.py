"""Playback building blocks: the player, its transport bar, the waveform strip and the video pane.

player (PlaybackController: QMediaPlayer with a smooth position), transport_bar (the controls and
their shortcuts), waveform_view (peaks, regions, play head, retiming by drag), video_pane (the
picture with the current cue as a caption), peaks_loader (peaks computed off the GUI thread).
"""
