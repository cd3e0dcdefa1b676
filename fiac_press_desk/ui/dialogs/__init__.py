"""Qt dialogs of the window."""
