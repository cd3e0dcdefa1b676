"""Small editors the contact form is built from: a field with its error line, label combos,
the organisation picker, the birthday field and the photo.

Each one knows how to show its value and, below it, what is wrong with it in French, so the
press officer sees the problem where the mistake is, not in a dialog.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QSignalBlocker,
    QSize,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QImage, QImageReader, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.errors import ValidationError
from fiac_press_desk.domain.text import fold
from fiac_press_desk.domain.validation import normalize_birthday

ERROR_COLOR = "#b3261e"
HINT_COLOR = "#5f6b76"
INVALID_STYLE = (
    'QLineEdit[invalid="true"], QComboBox[invalid="true"] { border: 1px solid #b3261e; }'
)
PHOTO_SIDE = 84
LABEL_COMBO_WIDTH = 100
PHOTO_STORE_SIDE = 512  # larger pictures are scaled down before they are stored


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark ``widget`` with a red frame (the stylesheet reacts to the dynamic property)."""
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


class ErrorLabel(QLabel):
    """The red line under a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOR};")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))


class HintLabel(QLabel):
    """A grey explanatory line under a field."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {HINT_COLOR};")
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.92)
        self.setFont(font)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setVisible(bool(text))

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))


class Notice(QFrame):
    """A tinted box with wrapped text (an error summary, the opt-out warning).

    The text sits in a plain label inside the frame: a label's own stylesheet padding is
    not counted in its height-for-width, which clips the last line of wrapped text.
    """

    TONES = {
        "error": ("#fdecea", "#f1b8b3", "#8c1d18"),
        "info": ("#f3f6fa", "#dde3ea", "#1d2b3a"),
    }

    def __init__(self, tone: str = "error", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        background, border, text = self.TONES[tone]
        self.setObjectName("notice")
        self.setStyleSheet(
            f"QFrame#notice {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 4px; }} QFrame#notice QLabel {{ color: {text}; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(9, 6, 9, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def setText(self, text: str) -> None:
        self.label.setText(text)

    def text(self) -> str:
        return self.label.text()


class FieldBox(QWidget):
    """An editor with its error line underneath, placed as one cell of a form."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        self.hint = HintLabel()
        layout.addWidget(self.hint)
        self.error = ErrorLabel()
        layout.addWidget(self.error)

    def show_error(self, message: str) -> None:
        self.error.show_message(message)
        set_invalid(self.editor, bool(message))


# -- email shape, checked while typing ---------------------------------------------------------

_SPACE = re.compile(r"\s")


def email_shape_problem(value: str) -> str:
    """A French explanation of what is obviously wrong with a typed address, or "".

    Only the shape is checked here, instantly; the services do the full check on save.
    """
    from PySide6.QtCore import QCoreApplication

    text = value.strip()
    if not text:
        return ""
    if _SPACE.search(text):
        return QCoreApplication.translate("ContactForm", "An email address contains no spaces.")
    if "@" not in text:
        return QCoreApplication.translate(
            "ContactForm", "The “@” is missing (for example: firstname.name@example.fr)."
        )
    if text.count("@") > 1:
        return QCoreApplication.translate("ContactForm", "An email address has only one “@”.")
    local, _, domain = text.partition("@")
    if not local:
        return QCoreApplication.translate("ContactForm", "The part before the “@” is missing.")
    if "." not in domain or domain.startswith(".") or domain.endswith(".") or ".." in domain:
        return QCoreApplication.translate(
            "ContactForm", "The domain after the “@” is incomplete (for example: example.fr)."
        )
    return ""


def phone_shape_problem(value: str) -> str:
    from PySide6.QtCore import QCoreApplication

    text = value.strip()
    if not text:
        return ""
    letters = re.sub(r"(?i)\b(poste|ext|x)\b", "", text)
    if any(ch.isalpha() for ch in letters) or not any(ch.isdigit() for ch in text):
        return QCoreApplication.translate(
            "ContactForm", "A phone number is made of digits (for example: 01 23 45 67 89)."
        )
    return ""


# -- label combos --------------------------------------------------------------------------------


class LabelCombo(QComboBox):
    """Editable combo for a row's label ("travail", "mobile"...) that keeps the stored value
    unchanged when the user did not touch it."""

    def __init__(self, presets: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from fiac_press_desk.ui.labels import label_text

        self._label_text = label_text
        self._presets = presets
        self._original = ""
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems(list(presets.values()))
        self.setFixedWidth(LABEL_COMBO_WIDTH)

    def set_label(self, value: str) -> None:
        self._original = value
        self.setCurrentText(self._label_text(self._presets, value) if value else "")

    def label(self) -> str:
        from fiac_press_desk.ui.labels import label_value

        text = self.currentText().strip()
        if self._original and text == self._label_text(self._presets, self._original):
            return self._original
        return label_value(self._presets, text)


class OrganisationCombo(QWidget):
    """Pick an existing organisation by typing part of its name, or type a new one: the
    services create it by name on save. A hint says which of the two will happen."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(12)
        line = self.combo.lineEdit()  # there: the combo is editable
        if line is not None:
            line.setPlaceholderText(self.tr("Outlet or organisation"))
            line.setClearButtonEnabled(True)
        self._names = QStringListModel(self)
        self.combo.setModel(self._names)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.combo.setCompleter(completer)
        layout.addWidget(self.combo)
        self.hint = HintLabel()
        layout.addWidget(self.hint)
        self._by_key: dict[str, str] = {}
        self.combo.currentTextChanged.connect(self._update_hint)
        self.combo.currentTextChanged.connect(lambda _t: self.changed.emit())

    def set_names(self, names: list[str]) -> None:
        current = self.text()
        # Resetting the model empties the text for a moment: no "changed" for that, or an
        # untouched form would count as edited once its completions arrive.
        blocker = QSignalBlocker(self.combo)
        self._names.setStringList(names)
        self._by_key = {" ".join(fold(n).split()): n for n in names}
        self.combo.setCurrentText(current)
        del blocker
        self._update_hint(current)  # the names may arrive after the text (read off-thread)

    def set_text(self, name: str) -> None:
        self.combo.setCurrentText(name)
        self._update_hint(name)

    def text(self) -> str:
        return self.combo.currentText().strip()

    def _update_hint(self, text: str) -> None:
        name = " ".join(text.split())
        if not name:
            self.hint.show_message("")
            return
        existing = self._by_key.get(" ".join(fold(name).split()))
        if existing is None:
            self.hint.show_message(
                self.tr("New organisation: “%1” will be created when you save.").replace("%1", name)
            )
        elif existing != name:
            self.hint.show_message(
                self.tr("Will be attached to the existing “%1”.").replace("%1", existing)
            )
        else:
            self.hint.show_message("")


# -- birthday ------------------------------------------------------------------------------------

_DAY_MONTH = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?\s*$")


def birthday_from_text(text: str) -> str:
    """ "14/03/1978" -> "1978-03-14", "14/03" -> "--03-14"; ISO forms pass through; anything
    else is returned as typed so that the services name the field in their error."""
    raw = text.strip()
    if not raw:
        return ""
    match = _DAY_MONTH.match(raw)
    if match:
        day, month, year = match.groups()
        prefix = year if year else "-"
        return f"{prefix}-{int(month):02d}-{int(day):02d}"
    return raw


def birthday_to_text(value: str) -> str:
    if not value:
        return ""
    if value.startswith("--"):
        return f"{value[5:7]}/{value[2:4]}"
    parts = value.split("-")
    if len(parts) == 3:
        return f"{parts[2]}/{parts[1]}/{parts[0]}"
    return value


class BirthdayEdit(QLineEdit):
    """Day/month with an optional year, typed the French way: "14/03/1978" or "14/03"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("dd/mm/yyyy, or dd/mm if the year is unknown"))
        self.setClearButtonEnabled(True)

    def set_value(self, value: str) -> None:
        self.setText(birthday_to_text(value))

    def value(self) -> str:
        return birthday_from_text(self.text())

    def problem(self) -> str:
        """The message the services would give, checked now (empty when fine)."""
        try:
            normalize_birthday(self.value())
        except ValidationError as exc:
            return exc.message
        return ""


# -- photo ---------------------------------------------------------------------------------------


def initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].upper()
    return (words[0][0] + words[-1][0]).upper()


def avatar_pixmap(photo: bytes | None, name: str, side: int, ratio: float = 1.0) -> QPixmap:
    """The contact's photo cut to a circle, or their initials on a colour of their own."""
    size = int(side * ratio)
    pixmap = QPixmap(size, size)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addEllipse(0, 0, side, side)
    image = QImage.fromData(photo) if photo else QImage()
    if not image.isNull():
        scaled = image.scaled(
            QSize(side, side) * ratio,
            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation,
        )
        scaled.setDevicePixelRatio(ratio)
        painter.setClipPath(path)
        dx = (scaled.width() / ratio - side) / 2
        dy = (scaled.height() / ratio - side) / 2
        painter.drawImage(int(-dx), int(-dy), scaled)
    else:
        hue = sum(map(ord, fold(name))) * 37 % 360
        colour = QColor.fromHsl(hue, 90, 150) if name.strip() else QColor("#9aa5b1")
        painter.fillPath(path, colour)
        painter.setPen(QColor("white"))
        font = QFont(painter.font())
        font.setPixelSize(int(side * 0.38))
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(0, 0, side, side, Qt.AlignmentFlag.AlignCenter, initials(name))
    painter.end()
    return pixmap


def load_photo(path: Path) -> tuple[bytes, str]:
    """Read an image file, scaled down to a sensible size; raises ValueError when unreadable."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        raise ValueError(reader.errorString())
    fmt = bytes(reader.format().data()).decode().lower()
    if max(image.width(), image.height()) <= PHOTO_STORE_SIDE and fmt in ("jpeg", "jpg", "png"):
        data = path.read_bytes()
        return data, "image/png" if fmt == "png" else "image/jpeg"
    image = image.scaled(
        PHOTO_STORE_SIDE,
        PHOTO_STORE_SIDE,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    has_alpha = image.hasAlphaChannel()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6's stub types the format as bytes, but the binding takes a str (a char *) and
    # refuses bytes at run time.
    written = "PNG" if has_alpha else "JPEG"
    image.save(buffer, written, -1 if has_alpha else 88)  # type: ignore[call-overload]
    payload: QByteArray = buffer.data()
    return bytes(payload.data()), "image/png" if has_alpha else "image/jpeg"


class PhotoEdit(QWidget):
    """The photo (or initials) with "Choose…" and "Remove" beside it."""

    changed = Signal()
    IMAGE_FILTER = "*.png *.jpg *.jpeg *.gif *.bmp *.webp"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._photo: bytes | None = None
        self._mime = ""
        self._name = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.picture = QLabel()
        self.picture.setFixedSize(PHOTO_SIDE, PHOTO_SIDE)
        layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        self.choose_button = QPushButton(self.tr("Choose a photo…"))
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(self.tr("Remove the photo"))
        self.remove_button.clicked.connect(self.clear)
        buttons.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignLeft)
        buttons.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.error = ErrorLabel()
        buttons.addWidget(self.error)
        buttons.addStretch(1)
        layout.addLayout(buttons, 1)
        self._refresh()

    def set_name(self, name: str) -> None:
        self._name = name
        if self._photo is None:
            self._refresh()

    def set_photo(self, photo: bytes | None, mime: str) -> None:
        self._photo, self._mime = photo, mime if photo else ""
        self.error.show_message("")
        self._refresh()

    def photo(self) -> tuple[bytes | None, str]:
        return self._photo, self._mime

    def clear(self) -> None:
        if self._photo is not None:
            self.set_photo(None, "")
            self.changed.emit()

    def choose(self) -> None:
        filename, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a photo"),
            "",
            self.tr("Images (%1)").replace("%1", self.IMAGE_FILTER),
        )
        if filename:
            self.load_file(Path(filename))

    def load_file(self, path: Path) -> bool:
        try:
            data, mime = load_photo(path)
        except (OSError, ValueError):
            self.error.show_message(self.tr("Cannot read the image “%1”.").replace("%1", path.name))
            return False
        self.set_photo(data, mime)
        self.changed.emit()
        return True

    def show_error(self, message: str) -> None:
        self.error.show_message(message)

    def _refresh(self) -> None:
        ratio = self.devicePixelRatioF()
        self.picture.setPixmap(avatar_pixmap(self._photo, self._name, PHOTO_SIDE, ratio))
        self.remove_button.setEnabled(self._photo is not None)
        self.picture.setToolTip(
            self.tr("Photo") if self._photo is not None else self.tr("No photo: initials shown")
        )
