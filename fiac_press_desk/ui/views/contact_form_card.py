"""The contact read the way a person reads a card: only what is filled in, grouped, with
clickable addresses, and the opt-out impossible to miss. Editing is one click away."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fiac_press_desk.domain.contact import ContactData
from fiac_press_desk.domain.normalize import display_phone
from fiac_press_desk.domain.salutation import salutation_line
from fiac_press_desk.ui.formatting import format_birthday, format_moment
from fiac_press_desk.ui.labels import (
    address_labels,
    email_labels,
    label_text,
    languages,
    lawful_bases,
    phone_labels,
    salutation_styles,
    url_labels,
)
from fiac_press_desk.ui.views.chips import ChipsEdit
from fiac_press_desk.ui.views.contact_form_widgets import Notice

LINK_STYLE = "color: #1f5fa8; text-decoration: none;"
MUTED = "#5f6b76"


def _value_label(html: str) -> QLabel:
    label = QLabel(html)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setOpenExternalLinks(True)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByMouse
    )
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


def _link(href: str, text: str) -> str:
    return f'<a style="{LINK_STYLE}" href="{escape(href, quote=True)}">{escape(text)}</a>'


class CardSection(QWidget):
    """A small-caps heading and label/value lines under it."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        heading = QLabel(title.upper())
        heading.setObjectName("cardHeading")
        heading.setStyleSheet(
            f"color: {MUTED}; font-weight: 600; letter-spacing: 1px;"
            " border-bottom: 1px solid #dde3ea; padding-bottom: 3px;"
        )
        layout.addWidget(heading)
        self.form = QFormLayout()
        self.form.setContentsMargins(0, 2, 0, 0)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(5)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        layout.addLayout(self.form)
        self.labels: list[QLabel] = []

    def add(self, label: str, value: str | QWidget) -> None:
        name = QLabel(label)
        name.setStyleSheet(f"color: {MUTED};")
        name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.labels.append(name)
        widget = _value_label(value) if isinstance(value, str) else value
        self.form.addRow(name, widget)

    def add_full(self, widget: QWidget) -> None:
        self.form.addRow(widget)

    def is_empty(self) -> bool:
        return self.form.rowCount() == 0


class ContactCard(QScrollArea):
    """Read-only view of a ContactData."""

    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._body: QWidget | None = None
        self.set_data(ContactData())

    def set_data(self, data: ContactData) -> None:
        body = QWidget()
        body.setObjectName("contactCardBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 10, 12, 12)
        layout.setSpacing(14)
        if data.opted_out:
            layout.addWidget(self._opt_out_banner(data))
        sections = [
            section
            for section in (
                self._coordinates(data),
                self._work(data),
                self._groups(data),
                self._correspondence(data),
                self._gdpr(data),
                self._notes(data),
            )
            if not section.is_empty()
        ]
        labels = [label for section in sections for label in section.labels]
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:  # one label column down the whole card
            label.setMinimumWidth(width)
        for section in sections:
            layout.addWidget(section)
        layout.addStretch(1)
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self.setWidget(body)
        self._body = body

    # -- sections ---------------------------------------------------------------------------

    def _opt_out_banner(self, data: ContactData) -> Notice:
        when = format_moment(data.opted_out_at, with_time=False)
        text = (
            self.tr("Opted out on %1: this person receives nothing.").replace("%1", when)
            if when
            else self.tr("Opted out: this person receives nothing.")
        )
        html = f"<b>{escape(text)}</b>"
        if data.opted_out_reason:
            reason = self.tr("Reason: %1").replace("%1", data.opted_out_reason)
            html += "<br>" + escape(reason)
        banner = Notice("error")
        banner.label.setTextFormat(Qt.TextFormat.RichText)
        banner.setText(html)
        return banner

    def _coordinates(self, data: ContactData) -> CardSection:
        section = CardSection(self.tr("Contact details"))
        emails, phones = email_labels(), phone_labels()
        for email in data.emails:
            section.add(
                label_text(emails, email.label) or self.tr("email"),
                _link(f"mailto:{email.value}", email.value),
            )
        for phone in data.phones:
            shown = display_phone(phone.value)
            section.add(
                label_text(phones, phone.label) or self.tr("phone"),
                _link(f"tel:{phone.value.split(';')[0]}", shown),
            )
        addresses = address_labels()
        for address in data.addresses:
            lines = [address.street, address.extended]
            if address.po_box:
                lines.append(self.tr("PO box %1").replace("%1", address.po_box))
            lines.append(" ".join(p for p in (address.postal_code, address.city) if p))
            lines.append(", ".join(p for p in (address.region, address.country) if p))
            html = "<br>".join(escape(line) for line in lines if line.strip())
            section.add(label_text(addresses, address.label) or self.tr("address"), html)
        urls = url_labels()
        for url in data.urls:
            href = url.value if "://" in url.value else f"https://{url.value}"
            section.add(label_text(urls, url.label) or self.tr("link"), _link(href, url.value))
        if section.is_empty():
            hint = _value_label(
                f'<span style="color:{MUTED}">'
                + escape(self.tr("No email, phone or address yet. Click Edit to add them."))
                + "</span>"
            )
            section.add_full(hint)
        return section

    def _work(self, data: ContactData) -> CardSection:
        section = CardSection(self.tr("Position"))
        for label, value in (
            (self.tr("Organisation"), data.organization),
            (self.tr("Department"), data.department),
            (self.tr("Job title"), data.job_title),
            (self.tr("Role"), data.role),
        ):
            if value:
                section.add(label, escape(value))
        if data.beats:
            section.add(self.tr("Beats"), self._chips(data.beats, "beat"))
        return section

    def _groups(self, data: ContactData) -> CardSection:
        section = CardSection(self.tr("Tags and lists"))
        if data.tags:
            section.add(self.tr("Tags"), self._chips(data.tags, ""))
        if data.lists:
            section.add(self.tr("Lists"), self._chips(data.lists, "list"))
        return section

    def _correspondence(self, data: ContactData) -> CardSection:
        section = CardSection(self.tr("Correspondence"))
        section.add(self.tr("Language"), escape(languages().get(data.language, data.language)))
        line = salutation_line(
            data.salutation, data.civility, data.given_name, data.family_name, data.language
        )
        style = salutation_styles().get(data.salutation, str(data.salutation))
        section.add(self.tr("Salutation"), f"{escape(style)} — « {escape(line)} »")
        if data.birthday:
            section.add(self.tr("Birthday"), escape(format_birthday(data.birthday)))
        return section

    def _gdpr(self, data: ContactData) -> CardSection:
        section = CardSection(self.tr("Personal data (GDPR)"))
        section.add(
            self.tr("Lawful basis"),
            escape(lawful_bases().get(data.lawful_basis, str(data.lawful_basis))),
        )
        if data.data_source:
            section.add(self.tr("Source"), escape(data.data_source))
        if data.archived:
            section.add(self.tr("Status"), escape(self.tr("Archived")))
        if data.created_at:
            section.add(self.tr("Created"), escape(format_moment(data.created_at)))
        if data.updated_at and data.updated_at != data.created_at:
            section.add(self.tr("Modified"), escape(format_moment(data.updated_at)))
        return section

    def _notes(self, data: ContactData) -> CardSection:
        section = CardSection(self.tr("Notes"))
        if data.notes.strip():
            label = QLabel(data.notes)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            section.add_full(label)
        return section

    @staticmethod
    def _chips(names: list[str], variant: str) -> ChipsEdit:
        chips = ChipsEdit(variant=variant)
        chips.set_values(names)
        chips.set_read_only(True)
        chips.setFrameShape(QFrame.Shape.NoFrame)
        return chips
