"""Qt only: main window, views, dialogs, table models, and the operations that run the
services off the GUI thread."""
