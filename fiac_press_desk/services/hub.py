"""One object that hands every use case to the window and the command line."""

from __future__ import annotations

from fiac_press_desk.services.contact_history import ContactHistoryService
from fiac_press_desk.services.contact_queries import ContactQueryService
from fiac_press_desk.services.contacts import ContactService
from fiac_press_desk.services.distribution import DistributionService
from fiac_press_desk.services.enquiries import EnquiryService
from fiac_press_desk.services.gdpr import GdprServices
from fiac_press_desk.services.imports import ImportService
from fiac_press_desk.services.labels import ListService, TagService
from fiac_press_desk.services.organisations import OrganisationService
from fiac_press_desk.services.releases import ReleaseService
from fiac_press_desk.services.saved_mappings import SavedMappingService
from fiac_press_desk.services.sending import SendingService
from fiac_press_desk.storage.database import Database


class Services:
    def __init__(self, db: Database, actor: str | None = None) -> None:
        self.db = db
        self.contacts = ContactService(db, actor)
        self.contact_queries = ContactQueryService(db, actor)
        self.organisations = OrganisationService(db, actor)
        self.tags = TagService(db, actor)
        self.lists = ListService(db, actor)
        self.imports = ImportService(db, actor)
        self.history = ContactHistoryService(db, actor)
        self.enquiries = EnquiryService(db, actor)
        self.releases = ReleaseService(db, actor)
        self.distributions = DistributionService(db, actor)
        self.sending = SendingService(db, actor)
        self.saved_mappings = SavedMappingService(db, actor)
        self.gdpr = GdprServices(db, actor, self.sending)

    @classmethod
    def open(cls, url: str, actor: str | None = None) -> Services:
        return cls(Database(url), actor)

    def close(self) -> None:
        self.db.dispose()
