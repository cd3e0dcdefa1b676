"""The log of a sending's outcomes: each new line costs the same however many came before."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from fiac_press_desk.ui import labels
from fiac_press_desk.ui.dialogs.outcome_log import OutcomeLog
from tests.ui.conftest import settle


class _Measured(QStyledItemDelegate):
    """Counts the lines the list measures (a wrapped line is laid out to be measured)."""

    calls = 0

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        _Measured.calls += 1
        return super().sizeHint(option, index)


def _measures_per_line(qtbot: QtBot, lines: int) -> float:
    log = OutcomeLog()
    qtbot.addWidget(log)
    log.resize(600, 300)
    log.show()
    delegate = _Measured(log)
    log.setItemDelegate(delegate)
    _Measured.calls = 0
    for n in range(lines):
        log.add(f"Envoyé à Camille Dupont {n} <camille{n}@example.fr>", labels.GREEN)
        qtbot.wait(0)  # the loop turns between two outcomes, as during a sending
    settle(qtbot)
    return _Measured.calls / lines


def test_a_new_line_does_not_measure_the_lines_before_it_again(qtbot: QtBot) -> None:
    # A log laid out at once measured every (wrapped) line again for each new one: 6 ms a
    # message on the GUI thread at 300 recipients, 19 ms at 1,000.
    short, long = _measures_per_line(qtbot, 60), _measures_per_line(qtbot, 600)
    assert long < short * 3, (short, long)


def test_a_long_refusal_is_shown_whole_and_the_last_line_in_view(qtbot: QtBot) -> None:
    log = OutcomeLog()
    qtbot.addWidget(log)
    log.resize(600, 300)
    log.show()
    refusal = (
        "Refusé pour Camille Roux <camille.roux@example.com> : 550 5.1.1 The email account "
        "that you tried to reach does not exist. Please try double-checking the recipient's "
        "email address for typos or unnecessary spaces."
    )
    for n in range(400):
        log.add(f"Envoyé à Camille Dupont {n} <camille{n}@example.fr>", labels.GREEN)
    log.add(refusal, labels.RED, "550 5.1.1")  # all in one turn of the loop
    qtbot.wait(300)  # the batches laid out
    last = log.item(log.count() - 1)
    shown = log.visualItemRect(last)
    assert log.viewport().rect().contains(shown)  # scrolled to the newest line
    assert shown.height() > 2 * log.fontMetrics().height()  # wrapped, not cut
    assert last.toolTip() == "550 5.1.1" and last.foreground().color() == labels.RED


def test_a_reader_who_scrolled_up_is_left_where_they_read(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QAbstractSlider

    log = OutcomeLog()
    qtbot.addWidget(log)
    log.resize(600, 300)
    log.show()
    for n in range(100):
        log.add(f"Envoyé à Camille Dupont {n} <camille{n}@example.fr>", labels.GREEN)
    qtbot.wait(100)
    bar = log.verticalScrollBar()
    assert bar.value() == bar.maximum() > 0
    bar.triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)  # reads the first lines
    for n in range(100, 200):
        log.add(f"Envoyé à Camille Dupont {n} <camille{n}@example.fr>", labels.GREEN)
    qtbot.wait(100)
    assert bar.value() == 0 and not log.following
    bar.triggerAction(QAbstractSlider.SliderAction.SliderToMaximum)  # back to the newest
    log.add("Envoyé à Louis Martin <louis@example.fr>", labels.GREEN)
    qtbot.wait(100)
    assert log.following and bar.value() == bar.maximum()
