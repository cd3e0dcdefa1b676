<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CoverageChartsPanel</name>
    <message>
        <source>Press coverage, last 12 months</source>
        <translation>Retombées presse des 12 derniers mois</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>Bilan…</translation>
    </message>
    <message>
        <source>Write the press report of a month, a quarter or a year (PDF or Excel)</source>
        <translation>Établir le bilan presse d&apos;un mois, d&apos;un trimestre ou d&apos;une année (PDF ou Excel)</translation>
    </message>
    <message>
        <source>No coverage logged in these months.</source>
        <translation>Aucune retombée enregistrée sur ces mois.</translation>
    </message>
    <message>
        <source>Coverage by month</source>
        <translation>Retombées par mois</translation>
    </message>
    <message>
        <source>By medium</source>
        <translation>Par support</translation>
    </message>
    <message>
        <source>By outlet type</source>
        <translation>Par type de média</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 retombées</translation>
    </message>
    <message>
        <source>%1 item</source>
        <translation>%1 retombée</translation>
    </message>
    <message>
        <source>declared audience %1</source>
        <translation>audience déclarée %1</translation>
    </message>
    <message>
        <source>%1 releases sent</source>
        <translation>%1 communiqués envoyés</translation>
    </message>
    <message>
        <source>%1 release sent</source>
        <translation>%1 communiqué envoyé</translation>
    </message>
    <message>
        <source>%1 enquiries</source>
        <translation>%1 demandes presse</translation>
    </message>
    <message>
        <source>%1 enquiry</source>
        <translation>%1 demande presse</translation>
    </message>
</context>
<context>
    <name>CoverageLabels</name>
    <message>
        <source>Print</source>
        <translation>Presse écrite</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>Radio</source>
        <translation>Radio</translation>
    </message>
    <message>
        <source>TV</source>
        <translation>Télévision</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agence</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Réseaux sociaux</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positif</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutre</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Négatif</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>janv.</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>févr.</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>mars</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>avr.</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>juin</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>juil.</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>août</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>sept.</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>oct.</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>nov.</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>déc.</translation>
    </message>
    <message>
        <source>Type not given</source>
        <translation>Type non précisé</translation>
    </message>
    <message>
        <source>January</source>
        <translation>janvier</translation>
    </message>
    <message>
        <source>February</source>
        <translation>février</translation>
    </message>
    <message>
        <source>March</source>
        <translation>mars</translation>
    </message>
    <message>
        <source>April</source>
        <translation>avril</translation>
    </message>
    <message>
        <source>May (month)</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>juin</translation>
    </message>
    <message>
        <source>July</source>
        <translation>juillet</translation>
    </message>
    <message>
        <source>August</source>
        <translation>août</translation>
    </message>
    <message>
        <source>September</source>
        <translation>septembre</translation>
    </message>
    <message>
        <source>October</source>
        <translation>octobre</translation>
    </message>
    <message>
        <source>November</source>
        <translation>novembre</translation>
    </message>
    <message>
        <source>December</source>
        <translation>décembre</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Press report</source>
        <translation>Bilan presse</translation>
    </message>
    <message>
        <source>A month</source>
        <translation>Un mois</translation>
    </message>
    <message>
        <source>A quarter</source>
        <translation>Un trimestre</translation>
    </message>
    <message>
        <source>A year</source>
        <translation>Une année</translation>
    </message>
    <message>
        <source>Chosen days</source>
        <translation>Des dates choisies</translation>
    </message>
    <message>
        <source>1st quarter</source>
        <translation>1er trimestre</translation>
    </message>
    <message>
        <source>2nd quarter</source>
        <translation>2e trimestre</translation>
    </message>
    <message>
        <source>3rd quarter</source>
        <translation>3e trimestre</translation>
    </message>
    <message>
        <source>4th quarter</source>
        <translation>4e trimestre</translation>
    </message>
    <message>
        <source>PDF with charts</source>
        <translation>PDF avec graphiques</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Trimestre</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Days from</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Write…</source>
        <translation>Établir…</translation>
    </message>
    <message>
        <source>The days end before they start.</source>
        <translation>La fin précède le début.</translation>
    </message>
    <message>
        <source>Write the press report</source>
        <translation>Enregistrer le bilan presse</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Rédaction en cours…</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Enregistré : %1</translation>
    </message>
    <message>
        <source>Not written: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
</context>
</TS>
