"""One object that hands every use case to the window and the command line."""

from __future__ import annotations

from fiac_press_desk.services.backups import BackupService
from fiac_press_desk.services.contact_history import ContactHistoryService
from fiac_press_desk.services.contact_merge import ContactMergeService
from fiac_press_desk.services.contact_queries import ContactQueryService
from fiac_press_desk.services.contacts import ContactService
from fiac_press_desk.services.coverage import CoverageService
from fiac_press_desk.services.distribution import DistributionService
from fiac_press_desk.services.duplicates import DuplicateService
from fiac_press_desk.services.enquiries import EnquiryService
from fiac_press_desk.services.gdpr import GdprServices
from fiac_press_desk.services.imports import ImportService
from fiac_press_desk.services.labels import ListService, TagService
from fiac_press_desk.services.organisations import OrganisationService
from fiac_press_desk.services.press_report import PressReportService
from fiac_press_desk.services.releases import ReleaseService
from fiac_press_desk.services.saved_mappings import SavedMappingService
from fiac_press_desk.services.sending import SendingService
from fiac_press_desk.storage.database import Database


class Services:
    """Every service on one database, with the actor their audit entries name."""

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
        self.duplicates = DuplicateService(db, actor)
        self.merges = ContactMergeService(db, actor)
        self.gdpr = GdprServices(db, actor, self.sending)
        self.coverage = CoverageService(db, actor)
        self.reports = PressReportService(db, actor)
        self.backups = BackupService(db, actor)
        for service in (self.imports, self.merges, self.gdpr.erasure):
            service.backups = self.backups
        self.backups.erase_again = self.gdpr.erasure.erase_many

    @classmethod
    def open(cls, url: str, actor: str | None = None) -> Services:
        """The services on the database at ``url`` (opened and migrated)."""
        return cls(Database(url), actor)

    def close(self) -> None:
        """Release the database's connections."""
        self.db.dispose()
