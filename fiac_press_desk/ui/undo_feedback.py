"""What the window says about Undo and Redo: the status bar tells what was undone or redone
(it kept saying "1 contact ajouté…" after Ctrl+Z), and the toolbar's buttons keep a short
label (a long command name, a list's name in it, stretched the toolbar): elided, the whole
name in the tooltip and the Edit menu.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QFontMetrics, QUndoStack
from PySide6.QtWidgets import QApplication
from shiboken6 import Shiboken

# The widest a toolbar's Undo or Redo label may be, in pixels (about 28 characters).
TOOLBAR_LABEL_WIDTH = 200


class UndoFeedback(QObject):
    """Follows one undo stack for its two actions; lives as long as the Undo action (a
    language switch rebuilds the actions, and this with them)."""

    def __init__(
        self,
        stack: QUndoStack,
        undo: QAction,
        redo: QAction,
        show_message: Callable[[str], None],
    ) -> None:
        super().__init__(undo)
        self._stack = stack
        self._undo = undo
        self._redo = redo
        self._show_message = show_message
        # Connected after createUndoAction's own connections: the action's text is updated
        # first, then shortened here.
        stack.undoTextChanged.connect(self._labels)
        stack.redoTextChanged.connect(self._labels)
        stack.canUndoChanged.connect(self._labels)
        stack.canRedoChanged.connect(self._labels)
        # The action's trigger ran stack.undo() (its own connection, made first): the command
        # just undone is now the one Redo would do again.
        undo.triggered.connect(self._undone)
        redo.triggered.connect(self._redone)
        self._labels()

    def _labels(self, *_args: object) -> None:
        metrics = QFontMetrics(QApplication.font())
        for action in (self._undo, self._redo):
            if not Shiboken.isValid(action):  # the window is being taken down
                return
            text = action.text()
            short = metrics.elidedText(text, Qt.TextElideMode.ElideRight, TOOLBAR_LABEL_WIDTH)
            action.setIconText(short)
            action.setToolTip(text)

    def _undone(self) -> None:
        # Imported here: the frame that installs this is painted before the dates' module
        # (and its time zones) is needed anywhere.
        from fiac_press_desk.ui.formatting import in_sentence

        done = self._stack.redoText()
        if done:
            self._show_message(
                QCoreApplication.translate("UndoFeedback", "Undone: %1").replace(
                    "%1", in_sentence(done)
                )
            )

    def _redone(self) -> None:
        from fiac_press_desk.ui.formatting import in_sentence

        done = self._stack.undoText()
        if done:
            self._show_message(
                QCoreApplication.translate("UndoFeedback", "Redone: %1").replace(
                    "%1", in_sentence(done)
                )
            )


def install(
    stack: QUndoStack, undo: QAction, redo: QAction, show_message: Callable[[str], None]
) -> UndoFeedback:
    """Hook the feedback on the window's Undo and Redo actions (see the module docstring)."""
    return UndoFeedback(stack, undo, redo, show_message)
