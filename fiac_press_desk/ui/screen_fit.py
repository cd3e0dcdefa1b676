"""Keep a window inside the screen it opens on.

Qt sizes a new dialog from its size hint, and on a 1024x700 screen the enquiry capture opened
1040 px wide, its right edge off the screen (issue 19's screenshots). ``keep_on_screen``
narrows (never below the minimum size) and moves it back in.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def keep_on_screen(window: QWidget) -> None:
    """Shrink ``window`` to its screen's available size (down to its minimum) and move it in."""
    screen = window.screen()
    if screen is None:
        return
    room = screen.availableGeometry()
    size = window.size().boundedTo(room.size()).expandedTo(window.minimumSizeHint())
    if size != window.size():
        window.resize(size)
    frame = window.frameGeometry()
    x = min(max(frame.x(), room.x()), max(room.x(), room.right() - frame.width() + 1))
    y = min(max(frame.y(), room.y()), max(room.y(), room.bottom() - frame.height() + 1))
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)
