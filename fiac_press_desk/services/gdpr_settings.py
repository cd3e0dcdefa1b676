"""The GDPR settings of the desk: who the controller and the DPO are, the register entry's
words, the retention period and the information notice templates (French and English).

Kept in the ``settings`` table (key ``gdpr``, JSON) like the SMTP settings, so they travel
with the database; the suppression list's secret has a row of its own and is never shown.
"""

from __future__ import annotations

import json
import string
from dataclasses import asdict, dataclass, fields, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from fiac_press_desk.domain.gdpr_messages import GdprValidationError
from fiac_press_desk.domain.suppression import new_secret
from fiac_press_desk.services.base import ServiceBase
from fiac_press_desk.storage.models import Setting

SETTINGS_KEY = "gdpr"
SECRET_KEY = "gdpr.suppression_secret"
# CNIL's reference period for prospects and press contacts: three years from the last contact.
DEFAULT_RETENTION_YEARS = 3

# The fields a notice template may use; filled per person by services/gdpr_notices.py.
NOTICE_FIELDS = (
    "controller",
    "dpo",
    "data",
    "source",
    "purpose",
    "lawful_basis",
    "recipients",
    "retention",
)

NOTICE_SUBJECT_FR = "Vos données dans le fichier presse de {controller} (information RGPD)"
NOTICE_BODY_FR = """\
Le service de presse de {controller} vous compte parmi les journalistes et partenaires à qui \
il adresse ses communiqués et avec qui il échange sur son actualité. Le règlement général sur \
la protection des données (RGPD, article 14) nous demande de vous dire quelles données nous \
détenons à votre sujet, d'où elles viennent et quels sont vos droits.

Données détenues : {data}.
Provenance : {source}.
Finalité : {purpose}
Base légale : {lawful_basis}.
Destinataires : {recipients}
Durée de conservation : {retention}.

Vous pouvez à tout moment accéder à ces données, les faire corriger ou effacer, en demander \
la limitation ou la portabilité, et vous opposer à leur traitement : il suffit de répondre à \
ce message. Pour ne plus recevoir nos communiqués, répondez simplement « désinscription ».

Délégué à la protection des données : {dpo}. Vous pouvez aussi adresser une réclamation à la \
CNIL (www.cnil.fr)."""

NOTICE_SUBJECT_EN = "Your data in the press file of {controller} (GDPR information)"
NOTICE_BODY_EN = """\
The press office of {controller} counts you among the journalists and partners to whom it \
sends its press releases and with whom it discusses its news. The General Data Protection \
Regulation (GDPR, article 14) asks us to tell you which data we hold about you, where they \
come from and what your rights are.

Data held: {data}.
Source: {source}.
Purpose: {purpose}
Lawful basis: {lawful_basis}.
Recipients: {recipients}
Retention: {retention}.

You may at any time access these data, have them corrected or erased, ask for their \
restriction or portability, and object to their processing: just reply to this message. To \
receive no more press releases, simply reply "unsubscribe".

Data protection officer: {dpo}. You may also lodge a complaint with the CNIL, the French \
supervisory authority (www.cnil.fr)."""


@dataclass
class GdprSettings:
    """Everything the register, the notices and the record of processing say about the
    processing itself. French words: they go into French documents and notices."""

    controller: str = "la Filière Intelligence Artificielle et Cancers (FIAC)"
    controller_address: str = ""
    dpo_name: str = ""
    dpo_email: str = ""
    dpo_address: str = ""
    purpose: str = (
        "Relations presse : envoi des communiqués et dossiers de presse, réponse aux demandes "
        "des journalistes, suivi des retombées."
    )
    people: str = (
        "Journalistes, pigistes et rédactions ; partenaires et personnes ressources des membres "
        "de la filière ; personnes ayant adressé une demande au service de presse."
    )
    data_categories: str = (
        "Identité (civilité, nom, prénom, photo le cas échéant) ; vie professionnelle (média "
        "ou organisme, fonction, thématiques suivies) ; coordonnées professionnelles "
        "(courriel, téléphone, adresse) ; historique des communiqués reçus et des demandes "
        "presse ; désinscription. Aucune donnée sensible au sens de l'article 9."
    )
    recipients: str = (
        "Le seul service de presse de la FIAC ; les données ne sont ni cédées ni louées. Les "
        "courriels partent par le serveur de messagerie de la FIAC."
    )
    # The purpose and the recipients as the English notice says them.
    purpose_en: str = (
        "Press relations: sending press releases and press kits, answering journalists' "
        "enquiries, following the coverage."
    )
    recipients_en: str = (
        "The FIAC press office only; the data are neither sold nor rented. Emails leave "
        "through the FIAC mail server."
    )
    transfers: str = "Aucun transfert hors de l'Union européenne."
    security: str = (
        "Base de données sur le poste du service de presse, lisible par son seul utilisateur ; "
        "mot de passe du serveur d'envoi dans le trousseau du système, jamais dans la base ; "
        "journal des opérations ; sauvegardes locales ; à chaque effacement, écrasement des "
        "données supprimées (secure_delete), reconstruction de l'index de recherche et du "
        "fichier (VACUUM), journal WAL vidé."
    )
    retention_years: int = DEFAULT_RETENTION_YEARS
    notice_subject_fr: str = NOTICE_SUBJECT_FR
    notice_body_fr: str = NOTICE_BODY_FR
    notice_subject_en: str = NOTICE_SUBJECT_EN
    notice_body_en: str = NOTICE_BODY_EN

    def dpo_line(self) -> str:
        """The DPO as the notices and documents name them ("—" when nobody is set)."""
        parts = [self.dpo_name, self.dpo_email, self.dpo_address.replace("\n", ", ")]
        return ", ".join(p.strip() for p in parts if p.strip()) or "—"

    def retention_text(self, language: str = "fr") -> str:
        """The retention period as the notice says it to the person."""
        years = self.retention_years
        if language == "en":
            return f"{years} year{'s' if years > 1 else ''} after our last exchange"
        return f"{years} an{'s' if years > 1 else ''} après notre dernier échange"

    def template(self, language: str) -> tuple[str, str]:
        """(subject, body) of the notice in ``language`` (French unless "en")."""
        if language == "en":
            return self.notice_subject_en, self.notice_body_en
        return self.notice_subject_fr, self.notice_body_fr

    def validated(self) -> GdprSettings:
        """A cleaned copy, or GdprValidationError naming the field that is wrong."""
        if not 1 <= int(self.retention_years) <= 10:
            raise GdprValidationError(
                "retention_years", "bad_retention", value=self.retention_years
            )
        clean = replace(self, retention_years=int(self.retention_years))
        for name in ("notice_subject_fr", "notice_body_fr", "notice_subject_en", "notice_body_en"):
            value = getattr(clean, name).replace("\r\n", "\n").strip()
            check_template(name, value)
            setattr(clean, name, value)
        for f in fields(clean):
            value = getattr(clean, f.name)
            if isinstance(value, str) and not f.name.startswith("notice_"):
                setattr(clean, f.name, value.strip())
        return clean

    def to_json(self) -> str:
        """The settings as stored in the settings table."""
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> GdprSettings:
        """Settings from their stored JSON; keys of an older or newer version are ignored."""
        raw = json.loads(text)
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in raw.items() if k in known})


def check_template(field: str, text: str) -> None:
    """Refuse a template with an unknown ``{field}`` or a lone brace, naming it."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise GdprValidationError(field, "template_broken", reason=str(exc)) from None
    for _literal, name, _spec, _conv in parsed:
        if name is not None and name not in NOTICE_FIELDS:
            raise GdprValidationError(
                field, "template_field", name=name, known=", ".join(NOTICE_FIELDS)
            )


def read_settings(session: Session) -> GdprSettings:
    """The GDPR settings in this session (the defaults until someone saves them)."""
    row = session.get(Setting, SETTINGS_KEY)
    return GdprSettings.from_json(row.value) if row and row.value else GdprSettings()


def suppression_secret(session: Session) -> str:
    """The database's own secret for the suppression list, made on first use."""
    row = session.get(Setting, SECRET_KEY)
    if row is None or not row.value:
        row = Setting(key=SECRET_KEY, value=new_secret())
        session.merge(row)
        session.flush()
    return row.value


def existing_secret(session: Session) -> str | None:
    """The secret if the database has one (a read-only session must not make it). A SELECT,
    not ``session.get``: a get that finds nothing drops an object of SQLAlchemy's each time,
    which an import running under a frozen collector (bulk_contacts.collector_steps) notices."""
    value = session.scalar(select(Setting.value).where(Setting.key == SECRET_KEY))
    return value or None


class GdprSettingsService(ServiceBase):
    """Read and save the GDPR settings (controller, DPO, notice templates, retention)."""

    def get(self) -> GdprSettings:
        """The settings in force."""
        with self.db.session() as session:
            return read_settings(session)

    def save(self, settings: GdprSettings) -> GdprSettings:
        """Validate and store the settings, audited; returns the cleaned copy."""
        clean = settings.validated()
        with self.transaction() as session:
            before = read_settings(session)
            row = session.get(Setting, SETTINGS_KEY)
            if row is None:
                session.add(Setting(key=SETTINGS_KEY, value=clean.to_json()))
            else:
                row.value = clean.to_json()
            changed = sorted(
                f.name for f in fields(clean) if getattr(before, f.name) != getattr(clean, f.name)
            )
            self.audit(session, "save_settings", "gdpr", None, changed=changed)
        return clean

    def reset_templates(self) -> GdprSettings:
        """Put the French and English notice templates back as shipped."""
        current = self.get()
        return self.save(
            replace(
                current,
                notice_subject_fr=NOTICE_SUBJECT_FR,
                notice_body_fr=NOTICE_BODY_FR,
                notice_subject_en=NOTICE_SUBJECT_EN,
                notice_body_en=NOTICE_BODY_EN,
            )
        )
