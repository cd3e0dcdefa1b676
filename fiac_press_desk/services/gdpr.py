"""The GDPR use cases in one place (``Services.gdpr``): each button of the window's personal
data pages is one call on one of these, and each ``gdpr`` command of the command line too."""

from __future__ import annotations

from fiac_press_desk.services.gdpr_access import AccessService
from fiac_press_desk.services.gdpr_erasure import ErasureService
from fiac_press_desk.services.gdpr_notices import NoticeService
from fiac_press_desk.services.gdpr_opt_out import OptOutService
from fiac_press_desk.services.gdpr_record import ProcessingRecordService
from fiac_press_desk.services.gdpr_register import RegisterService
from fiac_press_desk.services.gdpr_retention import RetentionService
from fiac_press_desk.services.gdpr_settings import GdprSettingsService
from fiac_press_desk.services.gdpr_suppression import SuppressionService
from fiac_press_desk.services.sending import SendingService
from fiac_press_desk.storage.database import Database


class GdprServices:
    """The GDPR use cases under one name (``services.gdpr.*``), sharing one database and actor."""

    def __init__(self, db: Database, actor: str | None, sending: SendingService) -> None:
        self.settings = GdprSettingsService(db, actor)
        self.register = RegisterService(db, actor)
        self.access = AccessService(db, actor)
        self.erasure = ErasureService(db, actor)
        self.suppression = SuppressionService(db, actor)
        self.notices = NoticeService(db, actor, sending)
        self.opt_outs = OptOutService(db, actor)
        self.retention = RetentionService(db, actor)
        self.record = ProcessingRecordService(db, actor)
        self.sending = sending
