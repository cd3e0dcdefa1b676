"""Qt qtmodels of the window."""
