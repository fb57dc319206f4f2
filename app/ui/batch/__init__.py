"""The batch queue's Qt half: the dock, its table, and the controller that runs the queue."""
