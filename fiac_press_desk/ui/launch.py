"""Open the window (placeholder until the main window lands)."""

from __future__ import annotations

import argparse


def run_gui(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication([])
    window = QMainWindow()
    window.setWindowTitle("FIAC Press Desk")
    window.resize(1280, 800)
    window.show()
    return int(app.exec())
