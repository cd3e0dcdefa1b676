"""Help > Keyboard shortcuts: built from the window's own actions, so it never goes stale.

The list walks the menu bar as it is (every menu, its submenus, each action with all its
shortcuts), then the shortcuts that are not menu entries (``QShortcut`` objects of the pages
built so far, named by their "What's this" text), so a shortcut added to a menu tomorrow
appears here without anyone editing this file. Keys are written in the platform's own way
(``NativeText``: "Ctrl+Maj+N" in French).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class ShortcutLine:
    """One line of the list: where it is, what it does, which keys."""

    group: str  # the menu ("Édition"), or "Elsewhere" for shortcuts outside the menus
    text: str  # what the action does, without its mnemonic's "&"
    keys: str  # every shortcut of the action, "Ctrl+Y, Ctrl+Maj+Z"
    mnemonic: str  # the underlined letter in its menu ("" when it has none)


def plain(text: str) -> str:
    """A menu text without its "&" (a doubled "&&" stays one "&") or its ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def mnemonic_of(text: str) -> str:
    """The letter after a single "&" (what Alt+letter reaches), "" when there is none."""
    index = text.replace("&&", "\0\0").find("&")
    return text[index + 1].upper() if 0 <= index < len(text) - 1 else ""


def _keys(action: QAction) -> str:
    return ", ".join(
        s.toString(QKeySequence.SequenceFormat.NativeText)
        for s in action.shortcuts()
        if not s.isEmpty()
    )


def _walk(menu: QMenu, group: str, out: list[ShortcutLine]) -> None:
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu):
            _walk(sub, f"{group} › {plain(action.text())}", out)
            continue
        out.append(
            ShortcutLine(group, plain(action.text()), _keys(action), mnemonic_of(action.text()))
        )


def shortcut_lines(window: QMainWindow, elsewhere: str = "Elsewhere") -> list[ShortcutLine]:
    """Every action of the window's menus, then the named shortcuts of its widgets."""
    out: list[ShortcutLine] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu) and top.isVisible():
            _walk(menu, plain(top.text()), out)
    seen = {(line.text, line.keys) for line in out}
    for shortcut in window.findChildren(QShortcut):
        keys = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
        text = shortcut.whatsThis()
        if keys and text and (text, keys) not in seen:
            seen.add((text, keys))
            out.append(ShortcutLine(elsewhere, text, keys, ""))
    return out


class ShortcutsDialog(QDialog):
    """The shortcuts of ``window``, grouped by menu, read from its actions when opened."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("ShortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(700, 660)
        intro = QLabel(
            self.tr(
                "Alt and the underlined letter opens a menu; in a menu, the underlined letter "
                "runs its entry. Tab and Shift+Tab move from field to field."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("shortcutsTree")
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.lines = shortcut_lines(window, self.tr("Elsewhere"))
        groups: dict[str, QTreeWidgetItem] = {}
        for line in self.lines:
            group = groups.get(line.group)
            if group is None:
                group = QTreeWidgetItem(self.tree, [line.group, ""])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
                groups[line.group] = group
            QTreeWidgetItem(group, [line.text, line.keys or "—"])
        self.tree.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.tree.setFocus()

    def keys_of(self, text: str) -> str:
        """The keys listed for the action called ``text`` ("" when it is not listed)."""
        return next((line.keys for line in self.lines if line.text == text), "")
