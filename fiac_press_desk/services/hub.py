"""One object that hands every use case to the window and the command line."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from fiac_press_desk.storage.database import Database

if TYPE_CHECKING:
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


_T = TypeVar("_T")


class _Made(Generic[_T]):
    """A service made (and its module imported) the first time it is asked for, once,
    whichever threads ask at the same moment."""

    def __init__(self, make: Callable[[Services], _T]) -> None:
        self._make = make
        self._name = make.__name__

    @overload
    def __get__(self, hub: None, owner: type) -> _Made[_T]: ...

    @overload
    def __get__(self, hub: Services, owner: type) -> _T: ...

    def __get__(self, hub: Services | None, owner: type) -> Any:
        if hub is None:
            return self
        with hub._making:
            if self._name not in hub.__dict__:
                hub.__dict__[self._name] = self._make(hub)
        return hub.__dict__[self._name]  # from now on found there, without this call


class Services:
    """Every service on one database, with the actor their audit entries name.

    Each service (and its module) is made the first time it is asked for: the window's
    first page needs a handful, and importing the others (mail, imports, reports) cost its
    start a tenth of a second.
    """

    def __init__(self, db: Database, actor: str | None = None) -> None:
        self.db = db
        self.actor = actor
        self._making = threading.RLock()  # a service made for two threads at once: once

    @_Made
    def contacts(self) -> ContactService:
        """Contacts: create, edit, archive, delete, tag, opt out."""
        from fiac_press_desk.services.contacts import ContactService

        return ContactService(self.db, self.actor)

    @_Made
    def contact_queries(self) -> ContactQueryService:
        """The contacts table's searches, counts and rows."""
        from fiac_press_desk.services.contact_queries import ContactQueryService

        return ContactQueryService(self.db, self.actor)

    @_Made
    def organisations(self) -> OrganisationService:
        """Outlets and organisations."""
        from fiac_press_desk.services.organisations import OrganisationService

        return OrganisationService(self.db, self.actor)

    @_Made
    def tags(self) -> TagService:
        """Tags."""
        from fiac_press_desk.services.labels import TagService

        return TagService(self.db, self.actor)

    @_Made
    def lists(self) -> ListService:
        """Distribution lists and their members."""
        from fiac_press_desk.services.labels import ListService

        return ListService(self.db, self.actor)

    @_Made
    def imports(self) -> ImportService:
        """Import batches: apply a plan, undo it."""
        from fiac_press_desk.services.imports import ImportService

        service = ImportService(self.db, self.actor)
        service.backups = self.backups
        return service

    @_Made
    def history(self) -> ContactHistoryService:
        """What each contact received and asked."""
        from fiac_press_desk.services.contact_history import ContactHistoryService

        return ContactHistoryService(self.db, self.actor)

    @_Made
    def enquiries(self) -> EnquiryService:
        """Press enquiries and their follow-up."""
        from fiac_press_desk.services.enquiries import EnquiryService

        return EnquiryService(self.db, self.actor)

    @_Made
    def releases(self) -> ReleaseService:
        """Press releases."""
        from fiac_press_desk.services.releases import ReleaseService

        return ReleaseService(self.db, self.actor)

    @_Made
    def distributions(self) -> DistributionService:
        """The distribution ledger: who received which release, when, how."""
        from fiac_press_desk.services.distribution import DistributionService

        return DistributionService(self.db, self.actor)

    @_Made
    def sending(self) -> SendingService:
        """Sending releases by SMTP."""
        from fiac_press_desk.services.sending import SendingService

        return SendingService(self.db, self.actor)

    @_Made
    def saved_mappings(self) -> SavedMappingService:
        """Spreadsheet column mappings kept for next time."""
        from fiac_press_desk.services.saved_mappings import SavedMappingService

        return SavedMappingService(self.db, self.actor)

    @_Made
    def duplicates(self) -> DuplicateService:
        """Probable duplicates among the contacts."""
        from fiac_press_desk.services.duplicates import DuplicateService

        return DuplicateService(self.db, self.actor)

    @_Made
    def merges(self) -> ContactMergeService:
        """Merging duplicate contacts, and undoing a merge."""
        from fiac_press_desk.services.contact_merge import ContactMergeService

        service = ContactMergeService(self.db, self.actor)
        service.backups = self.backups
        return service

    @_Made
    def gdpr(self) -> GdprServices:
        """The GDPR register, notices, rights and retention."""
        from fiac_press_desk.services.gdpr import GdprServices

        services = GdprServices(self.db, self.actor, self.sending)
        services.erasure.backups = self.backups
        return services

    @_Made
    def coverage(self) -> CoverageService:
        """Press coverage (what was published)."""
        from fiac_press_desk.services.coverage import CoverageService

        return CoverageService(self.db, self.actor)

    @_Made
    def reports(self) -> PressReportService:
        """Press reports over a period."""
        from fiac_press_desk.services.press_report import PressReportService

        return PressReportService(self.db, self.actor)

    @_Made
    def backups(self) -> BackupService:
        """The desk's automatic and manual backups."""
        from fiac_press_desk.services.backups import BackupService

        service = BackupService(self.db, self.actor)
        # set when first asked for: the erasures a restore replays are the GDPR service's
        service.erase_again = lambda *a, **k: self.gdpr.erasure.erase_many(*a, **k)
        return service

    @classmethod
    def open(cls, url: str, actor: str | None = None) -> Services:
        """The services on the database at ``url`` (opened and migrated)."""
        return cls(Database(url), actor)

    def close(self) -> None:
        """Release the database's connections."""
        self.db.dispose()
