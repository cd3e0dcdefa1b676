"""Qt only: main window, views, dialogs, table models, background workers."""
