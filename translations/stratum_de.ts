<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>CompareSide</name>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Schema files</source>
        <translation>Schema-Dateien</translation>
    </message>
    <message>
        <source>Revision %1 (%2)</source>
        <translation>Revision %1 (%2)</translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <source>Head %1 (%2)</source>
        <translation>Head %1 (%2)</translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation>Head %1</translation>
    </message>
</context>
<context>
    <name>EditorShortcut</name>
    <message>
        <source>Find and replace</source>
        <translation>Suchen und ersetzen</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Find next (in the find bar)</source>
        <translation>Nächster Treffer (in der Suchleiste)</translation>
    </message>
    <message>
        <source>Find previous (in the find bar)</source>
        <translation>Vorheriger Treffer (in der Suchleiste)</translation>
    </message>
    <message>
        <source>Close the find or go-to-line bar</source>
        <translation>Such- oder Gehe-zu-Zeile-Leiste schließen</translation>
    </message>
    <message>
        <source>Go to line (line or line:column)</source>
        <translation>Gehe zu Zeile (Zeile oder Zeile:Spalte)</translation>
    </message>
    <message>
        <source>Comment or uncomment the lines</source>
        <translation>Zeilen aus- oder einkommentieren</translation>
    </message>
    <message>
        <source>Move the lines up</source>
        <translation>Zeilen nach oben verschieben</translation>
    </message>
    <message>
        <source>Move the lines down</source>
        <translation>Zeilen nach unten verschieben</translation>
    </message>
    <message>
        <source>Copy the lines up</source>
        <translation>Zeilen nach oben kopieren</translation>
    </message>
    <message>
        <source>Copy the lines down</source>
        <translation>Zeilen nach unten kopieren</translation>
    </message>
    <message>
        <source>Delete the lines</source>
        <translation>Zeilen löschen</translation>
    </message>
    <message>
        <source>Insert a line below</source>
        <translation>Zeile darunter einfügen</translation>
    </message>
    <message>
        <source>Insert a line above</source>
        <translation>Zeile darüber einfügen</translation>
    </message>
    <message>
        <source>Complete table and column names</source>
        <translation>Tabellen- und Spaltennamen vervollständigen</translation>
    </message>
    <message>
        <source>Uppercase the selection</source>
        <translation>Auswahl in Großbuchstaben</translation>
    </message>
    <message>
        <source>Lowercase the selection</source>
        <translation>Auswahl in Kleinbuchstaben</translation>
    </message>
</context>
<context>
    <name>Stratum::ApplyDialog</name>
    <message>
        <source>Cancel run</source>
        <translation>Lauf abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Upgrade to %1</source>
        <translation>Upgrade auf %1</translation>
    </message>
    <message>
        <source>Downgrade to %1</source>
        <translation>Downgrade auf %1</translation>
    </message>
    <message>
        <source>Stamp %1</source>
        <translation>%1 stempeln</translation>
    </message>
    <message>
        <source>Run upgrade</source>
        <translation>Upgrade ausführen</translation>
    </message>
    <message>
        <source>Run downgrade</source>
        <translation>Downgrade ausführen</translation>
    </message>
    <message>
        <source>Stamp</source>
        <translation>Stempeln</translation>
    </message>
    <message>
        <source>The project could not be read; fix the error shown in the main window first.</source>
        <translation>Das Projekt konnte nicht gelesen werden; beheben Sie zuerst den im Hauptfenster angezeigten Fehler.</translation>
    </message>
    <message>
        <source>The database&apos;s current revision is not known yet: %1</source>
        <translation>Die aktuelle Revision der Datenbank ist noch nicht bekannt: %1</translation>
    </message>
    <message>
        <source>No dialect for the URL %1</source>
        <translation>Kein Dialekt für die URL %1</translation>
    </message>
    <message>
        <source>Nothing to do: the database is already at %1.</source>
        <translation>Nichts zu tun: Die Datenbank steht bereits auf %1.</translation>
    </message>
    <message>
        <source>an empty version table</source>
        <translation>einer leeren Versionstabelle</translation>
    </message>
    <message>
        <source>Stamp %1 (now at %2) with %3: only the version table changes, no migration runs.</source>
        <translation>%1 (jetzt auf %2) mit %3 stempeln: Nur die Versionstabelle ändert sich, keine Migration läuft.</translation>
    </message>
    <message numerus="yes">
        <source>%n revision(s) will run against %1, now at %2. This is the SQL, as `%3 --sql` prints it:</source>
        <translation>
            <numerusform>%n Revision läuft gegen %1, jetzt auf %2. Dies ist das SQL, wie `%3 --sql` es ausgibt:</numerusform>
            <numerusform>%n Revisionen laufen gegen %1, jetzt auf %2. Dies ist das SQL, wie `%3 --sql` es ausgibt:</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1: %2 — &lt;code&gt;%3&lt;/code&gt;</source>
        <translation>Zeile %1: %2 — &lt;code&gt;%3&lt;/code&gt;</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n destructive statement(s): data or objects will be lost.</source>
        <translation>
            <numerusform>⚠ %n zerstörerische Anweisung: Daten oder Objekte gehen verloren.</numerusform>
            <numerusform>⚠ %n zerstörerische Anweisungen: Daten oder Objekte gehen verloren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starte …</translation>
    </message>
    <message>
        <source>Revision %1 of %2: %3</source>
        <translation>Revision %1 von %2: %3</translation>
    </message>
    <message>
        <source>Cancelling after the revision in progress…</source>
        <translation>Abbruch nach der laufenden Revision …</translation>
    </message>
    <message>
        <source>Cancelled: the revisions that completed stay applied.</source>
        <translation>Abgebrochen: Die abgeschlossenen Revisionen bleiben angewendet.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>Failed: the log names the statement and the database&apos;s message.</source>
        <translation>Fehlgeschlagen: Das Protokoll nennt die Anweisung und die Meldung der Datenbank.</translation>
    </message>
    <message>
        <source>%1 of %2 revisions, cancelled</source>
        <translation>%1 von %2 Revisionen, abgebrochen</translation>
    </message>
</context>
<context>
    <name>Stratum::CollapseController</name>
    <message>
        <source>E&amp;xpand Branch</source>
        <translation>Zweig &amp;aufklappen</translation>
    </message>
    <message>
        <source>Co&amp;llapse Merged Branch</source>
        <translation>Zusammengeführten Zweig &amp;einklappen</translation>
    </message>
</context>
<context>
    <name>Stratum::CompareDialog</name>
    <message>
        <source>Compare Schemas</source>
        <translation>Schemas vergleichen</translation>
    </message>
    <message>
        <source>S&amp;wap</source>
        <translation>&amp;Tauschen</translation>
    </message>
    <message>
        <source>Exchange the left and the right side</source>
        <translation>Linke und rechte Seite tauschen</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>Left: %1.</source>
        <translation>Links: %1.</translation>
    </message>
    <message>
        <source>Right: %1.</source>
        <translation>Rechts: %1.</translation>
    </message>
    <message>
        <source>Both sides are the same schema: choose something else for one of them.</source>
        <translation>Beide Seiten sind dasselbe Schema: Wählen Sie für eine von ihnen etwas anderes.</translation>
    </message>
    <message>
        <source>A revision can be made from the diff when its left side is the database and the database is at the heads.</source>
        <translation>Aus dem Vergleich lässt sich eine Revision anlegen, wenn seine linke Seite die Datenbank ist und die Datenbank auf den Heads steht.</translation>
    </message>
</context>
<context>
    <name>Stratum::CompareSidePicker</name>
    <message>
        <source>Left (from)</source>
        <translation>Links (von)</translation>
    </message>
    <message>
        <source>Right (to)</source>
        <translation>Rechts (nach)</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;Datenbank</translation>
    </message>
    <message>
        <source>Data&amp;base</source>
        <translation>Daten&amp;bank</translation>
    </message>
    <message>
        <source>&amp;Schema files</source>
        <translation>&amp;Schema-Dateien</translation>
    </message>
    <message>
        <source>Schema &amp;files</source>
        <translation>Schema-&amp;Dateien</translation>
    </message>
    <message>
        <source>&amp;Revision</source>
        <translation>&amp;Revision</translation>
    </message>
    <message>
        <source>Re&amp;vision</source>
        <translation>Re&amp;vision</translation>
    </message>
    <message>
        <source>&amp;Head</source>
        <translation>&amp;Head</translation>
    </message>
    <message>
        <source>H&amp;ead</source>
        <translation>H&amp;ead</translation>
    </message>
    <message>
        <source>The configured database as it is now</source>
        <translation>Die konfigurierte Datenbank, wie sie jetzt ist</translation>
    </message>
    <message>
        <source>The desired schema: the project&apos;s schema files</source>
        <translation>Das gewünschte Schema: die Schema-Dateien des Projekts</translation>
    </message>
    <message>
        <source>The schema the history up to a revision builds (replayed on a dev database)</source>
        <translation>Das Schema, das der Verlauf bis zu einer Revision aufbaut (auf einer Entwicklungsdatenbank nachgespielt)</translation>
    </message>
    <message>
        <source>The schema a head builds, named by its branch labels</source>
        <translation>Das Schema, das ein Head aufbaut, benannt nach seinen Zweig-Labels</translation>
    </message>
    <message>
        <source>id or message</source>
        <translation>ID oder Nachricht</translation>
    </message>
    <message>
        <source>type part of a revision&apos;s id or message, or pick one from the list</source>
        <translation>Geben Sie einen Teil der ID oder Nachricht einer Revision ein oder wählen Sie eine aus der Liste</translation>
    </message>
    <message>
        <source>no revision matches “%1”</source>
        <translation>keine Revision passt zu „%1“</translation>
    </message>
    <message numerus="yes">
        <source>“%1” matches %n revision(s): pick one from the list</source>
        <translation>
            <numerusform>„%1“ passt zu %n Revision: Wählen Sie eine aus der Liste</numerusform>
            <numerusform>„%1“ passt zu %n Revisionen: Wählen Sie eine aus der Liste</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stratum::ConnectionsDialog</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>connection %1</source>
        <translation>Verbindung %1</translation>
    </message>
    <message>
        <source>✓ Connected.</source>
        <translation>✓ Verbunden.</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;URL</source>
        <translation>&amp;URL</translation>
    </message>
    <message>
        <source>Passwords are never stored with the profile. They come from %1, the system keychain (when you chose to remember one), MYSQL_PWD, or libpq (PGPASSWORD, ~/.pgpass); otherwise the studio asks when the server wants one.</source>
        <translation>Passwörter werden nie im Profil gespeichert. Sie kommen aus %1, dem Schlüsselbund des Systems (wenn Sie sich eines merken ließen), MYSQL_PWD oder libpq (PGPASSWORD, ~/.pgpass); sonst fragt das Studio, wenn der Server eines verlangt.</translation>
    </message>
</context>
<context>
    <name>Stratum::DatabaseIndicators</name>
    <message>
        <source>Current: —</source>
        <translation>Aktuell: —</translation>
    </message>
    <message>
        <source>Current: reading…</source>
        <translation>Aktuell: wird gelesen …</translation>
    </message>
    <message>
        <source>Current: none (base)</source>
        <translation>Aktuell: keine (Basis)</translation>
    </message>
    <message>
        <source>Current: %1</source>
        <translation>Aktuell: %1</translation>
    </message>
    <message>
        <source>Current: unavailable</source>
        <translation>Aktuell: nicht verfügbar</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>depends on</source>
        <translation>hängt ab von</translation>
    </message>
    <message>
        <source>Database unavailable: %1</source>
        <translation>Datenbank nicht verfügbar: %1</translation>
    </message>
</context>
<context>
    <name>Stratum::DestructiveStatements</name>
    <message>
        <source>drops the %1</source>
        <translation>löscht das Objekt (%1)</translation>
    </message>
    <message>
        <source>empties a table</source>
        <translation>leert eine Tabelle</translation>
    </message>
    <message>
        <source>deletes every row (no WHERE)</source>
        <translation>löscht alle Zeilen (kein WHERE)</translation>
    </message>
    <message>
        <source>drops a constraint</source>
        <translation>löscht eine Einschränkung</translation>
    </message>
    <message>
        <source>drops a column</source>
        <translation>löscht eine Spalte</translation>
    </message>
    <message>
        <source>rebuilds the table; a column it does not copy loses its data</source>
        <translation>baut die Tabelle neu auf; eine Spalte, die nicht kopiert wird, verliert ihre Daten</translation>
    </message>
    <message>
        <source>drops column %1</source>
        <translation>löscht die Spalte %1</translation>
    </message>
</context>
<context>
    <name>Stratum::DiffController</name>
    <message>
        <source>Co&amp;mpare…</source>
        <translation>&amp;Vergleichen …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>Compare two schemas: the database, the schema files, a revision or a head</source>
        <translation>Zwei Schemas vergleichen: die Datenbank, die Schema-Dateien, eine Revision oder einen Head</translation>
    </message>
    <message>
        <source>a schema file changed on disk</source>
        <translation>eine Schema-Datei hat sich auf der Festplatte geändert</translation>
    </message>
    <message>
        <source>the schema folder changed on disk</source>
        <translation>der Schema-Ordner hat sich auf der Festplatte geändert</translation>
    </message>
    <message>
        <source>%1 changed on disk</source>
        <translation>%1 hat sich auf der Festplatte geändert</translation>
    </message>
    <message>
        <source>Schema Diff</source>
        <translation>Schema-Vergleich</translation>
    </message>
    <message>
        <source>Comparing %1 with %2…</source>
        <translation>Vergleiche %1 mit %2 …</translation>
    </message>
    <message>
        <source>Revisions are made only from a comparison whose left side is the database at the heads (a revision goes on top of them); here the left side is %1.</source>
        <translation>Revisionen entstehen nur aus einem Vergleich, dessen linke Seite die Datenbank auf den Heads ist (eine Revision kommt auf sie drauf); hier ist die linke Seite %1.</translation>
    </message>
    <message>
        <source>The database&apos;s current revision is not known yet: compare again once it is read.</source>
        <translation>Die aktuelle Revision der Datenbank ist noch nicht bekannt: Vergleichen Sie erneut, sobald sie gelesen ist.</translation>
    </message>
    <message>
        <source>The database is at %1, not at the head %2: a revision made from this comparison would repeat what the pending revisions do. Upgrade the database first (Upgrade to Here…), then compare again.</source>
        <translation>Die Datenbank steht auf %1, nicht auf dem Head %2: Eine Revision aus diesem Vergleich würde wiederholen, was die ausstehenden Revisionen tun. Führen Sie zuerst ein Upgrade der Datenbank aus (Upgrade bis hierher …) und vergleichen Sie dann erneut.</translation>
    </message>
    <message>
        <source>the database is now at %1</source>
        <translation>die Datenbank steht jetzt auf %1</translation>
    </message>
    <message>
        <source>the revisions changed</source>
        <translation>die Revisionen haben sich geändert</translation>
    </message>
</context>
<context>
    <name>Stratum::DiffNavigator</name>
    <message>
        <source>No differences</source>
        <translation>Keine Unterschiede</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n Unterschied</numerusform>
            <numerusform>%n Unterschiede</numerusform>
        </translation>
    </message>
    <message>
        <source>difference %1 of %2</source>
        <translation>Unterschied %1 von %2</translation>
    </message>
</context>
<context>
    <name>Stratum::EditorTabs</name>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Dry run of %1 on a dev database</source>
        <translation>Probelauf von %1 auf einer Entwicklungsdatenbank</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>Änderungen an %1 speichern?</translation>
    </message>
</context>
<context>
    <name>Stratum::FindBar</name>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Replace &amp;&amp; Find</source>
        <translation>Ersetzen &amp;&amp; suchen</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>Alle ersetzen</translation>
    </message>
    <message>
        <source>With a regular expression, \1 … \9 are its groups and \0 the whole match.</source>
        <translation>Bei einem regulären Ausdruck sind \1 … \9 seine Gruppen und \0 der ganze Treffer.</translation>
    </message>
    <message>
        <source>Invalid pattern</source>
        <translation>Ungültiges Muster</translation>
    </message>
    <message>
        <source>Case sensitive</source>
        <translation>Groß-/Kleinschreibung beachten</translation>
    </message>
    <message>
        <source>Whole words only</source>
        <translation>Nur ganze Wörter</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Regulärer Ausdruck</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Replace every match, as one step to undo</source>
        <translation>Jeden Treffer ersetzen, in einem Schritt rückgängig zu machen</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Suchen:</translation>
    </message>
    <message>
        <source>Replace with:</source>
        <translation>Ersetzen durch:</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n ersetzt</numerusform>
            <numerusform>%n ersetzt</numerusform>
        </translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <source>Invalid regular expression: %1</source>
        <translation>Ungültiger regulärer Ausdruck: %1</translation>
    </message>
</context>
<context>
    <name>Stratum::GoToLineBar</name>
    <message>
        <source>line or line:column</source>
        <translation>Zeile oder Zeile:Spalte</translation>
    </message>
    <message>
        <source>Go to line:</source>
        <translation>Gehe zu Zeile:</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Type a line number, or line:column.</source>
        <translation>Geben Sie eine Zeilennummer oder Zeile:Spalte ein.</translation>
    </message>
    <message>
        <source>There is no line %1: the text has lines 1 to %2.</source>
        <translation>Es gibt keine Zeile %1: Der Text hat die Zeilen 1 bis %2.</translation>
    </message>
    <message>
        <source>Line %1 has columns 1 to %2.</source>
        <translation>Zeile %1 hat die Spalten 1 bis %2.</translation>
    </message>
</context>
<context>
    <name>Stratum::GraphScene</name>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>head</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>merge point</source>
        <translation>Zusammenführung</translation>
    </message>
    <message>
        <source>branch point</source>
        <translation>Verzweigung</translation>
    </message>
    <message numerus="yes">
        <source>%n revision(s) merged by %1</source>
        <translation>
            <numerusform>%n Revision, zusammengeführt von %1</numerusform>
            <numerusform>%n Revisionen, zusammengeführt von %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stratum::MainWindow</name>
    <message>
        <source>Stratum Studio</source>
        <translation>Stratum Studio</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt …</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>Projekt ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save Revision</source>
        <translation>Revision &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Close Editor</source>
        <translation>Editor s&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Revision</source>
        <translation>&amp;Revision</translation>
    </message>
    <message>
        <source>&amp;New Revision on Top…</source>
        <translation>&amp;Neue Revision darauf …</translation>
    </message>
    <message>
        <source>&amp;Merge With…</source>
        <translation>&amp;Zusammenführen mit …</translation>
    </message>
    <message>
        <source>&amp;Upgrade to Here…</source>
        <translation>&amp;Upgrade bis hierher …</translation>
    </message>
    <message>
        <source>&amp;Downgrade to Here…</source>
        <translation>&amp;Downgrade bis hierher …</translation>
    </message>
    <message>
        <source>S&amp;tamp…</source>
        <translation>&amp;Stempeln …</translation>
    </message>
    <message>
        <source>Show &amp;SQL</source>
        <translation>S&amp;QL anzeigen</translation>
    </message>
    <message>
        <source>&amp;Open in Editor</source>
        <translation>Im &amp;Editor öffnen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>&amp;Fit Graph</source>
        <translation>Graph &amp;einpassen</translation>
    </message>
    <message>
        <source>&amp;Minimap</source>
        <translation>&amp;Übersichtskarte</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>Daten&amp;bank</translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Verbindungen …</translation>
    </message>
    <message>
        <source>&amp;Read Current Revision</source>
        <translation>Aktuelle Revision &amp;lesen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Stratum Studio</source>
        <translation>&amp;Über Stratum Studio</translation>
    </message>
    <message>
        <source>About Stratum Studio</source>
        <translation>Über Stratum Studio</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stratum Studio %1&lt;/b&gt;&lt;p&gt;Schema migrations for SQL databases: the revision graph, its SQL, and the database&apos;s place in it.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Stratum Studio %1&lt;/b&gt;&lt;p&gt;Schemamigrationen für SQL-Datenbanken: der Revisionsgraph, sein SQL und wo die Datenbank darin steht.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Search revisions (id, message, label, state)</source>
        <translation>Revisionen suchen (ID, Nachricht, Label, Zustand)</translation>
    </message>
    <message>
        <source>Open File</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>Änderungen an %1 speichern?</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>current (in the version table)</source>
        <translation>aktuell (in der Versionstabelle)</translation>
    </message>
    <message numerus="yes">
        <source> — %n revision(s)</source>
        <translation>
            <numerusform> — %n Revision</numerusform>
            <numerusform> — %n Revisionen</numerusform>
        </translation>
    </message>
    <message>
        <source> (Alembic project, read-only)</source>
        <translation> (Alembic-Projekt, nur lesbar)</translation>
    </message>
    <message>
        <source>%1 — Stratum Studio</source>
        <translation>%1 — Stratum Studio</translation>
    </message>
    <message>
        <source>The graph shows the files as they were last read.</source>
        <translation>Der Graph zeigt die Dateien, wie sie zuletzt gelesen wurden.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <source>Open project folder</source>
        <translation>Projektordner öffnen</translation>
    </message>
    <message>
        <source>No project is open</source>
        <translation>Kein Projekt ist geöffnet</translation>
    </message>
    <message>
        <source>Run finished</source>
        <translation>Lauf beendet</translation>
    </message>
    <message>
        <source>Run failed</source>
        <translation>Lauf fehlgeschlagen</translation>
    </message>
    <message>
        <source>SQL of %1</source>
        <translation>SQL von %1</translation>
    </message>
    <message>
        <source>Project URL (stratum.ini)</source>
        <translation>Projekt-URL (stratum.ini)</translation>
    </message>
    <message numerus="yes">
        <source>Read %n revision(s) in %1 ms, laid out in %2 ms, drawn in %3 ms</source>
        <translation>
            <numerusform>%n Revision in %1 ms gelesen, in %2 ms angeordnet, in %3 ms gezeichnet</numerusform>
            <numerusform>%n Revisionen in %1 ms gelesen, in %2 ms angeordnet, in %3 ms gezeichnet</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a project folder (File → Open Project…) or create one (File → New Project…).</source>
        <translation>Öffnen Sie einen Projektordner (Datei → Projekt öffnen …) oder legen Sie einen an (Datei → Neues Projekt …).</translation>
    </message>
    <message>
        <source>No revisions yet. Revision → New Revision on Top… writes the first one.</source>
        <translation>Noch keine Revisionen. Revision → Neue Revision darauf … schreibt die erste.</translation>
    </message>
    <message>
        <source>The schema this revision produces (replayed on a dev database) beside the desired schema files</source>
        <translation>Das Schema, das diese Revision ergibt (auf einer Entwicklungsdatenbank nachgespielt), neben den gewünschten Schema-Dateien</translation>
    </message>
    <message>
        <source>Compare Database with &amp;Schema Files</source>
        <translation>Datenbank mit den &amp;Schema-Dateien vergleichen</translation>
    </message>
    <message>
        <source>&amp;Compare with Schema Files</source>
        <translation>Mit den Schema-Dateien &amp;vergleichen</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>Read the revision files again</source>
        <translation>Die Revisionsdateien neu lesen</translation>
    </message>
    <message>
        <source>Write this revision into the version table without running anything</source>
        <translation>Diese Revision in die Versionstabelle schreiben, ohne etwas auszuführen</translation>
    </message>
    <message>
        <source>All &amp;Depends On Links</source>
        <translation>Alle &amp;Abhängigkeiten zeigen</translation>
    </message>
    <message>
        <source>Draw every Depends On link, not only those of the selected revision</source>
        <translation>Jede Depends-On-Verbindung zeichnen, nicht nur die der ausgewählten Revision</translation>
    </message>
    <message>
        <source>&amp;Collapse Merged Branches</source>
        <translation>Zusammengeführte Zweige &amp;einklappen</translation>
    </message>
    <message>
        <source>E&amp;xpand All Branches</source>
        <translation>Alle Zweige a&amp;ufklappen</translation>
    </message>
    <message>
        <source>&amp;Search Revisions</source>
        <translation>Revisionen &amp;suchen</translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation>&amp;Dokumentation</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>New Revision</source>
        <translation>Neue Revision</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <source>Downgrade</source>
        <translation>Downgrade</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No documentation found: the README is neither installed nor in a checkout.</source>
        <translation>Keine Dokumentation gefunden: Die README ist weder installiert noch in einem Checkout.</translation>
    </message>
    <message>
        <source>&amp;Connection:</source>
        <translation>&amp;Verbindung:</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Protokoll</translation>
    </message>
    <message>
        <source>Connection %1: %2</source>
        <translation>Verbindung %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) with the revision files, marked in red in the graph. Nothing runs until they are fixed.</source>
        <translation>
            <numerusform>%n Problem mit den Revisionsdateien, im Graphen rot markiert. Nichts läuft, bis es behoben ist.</numerusform>
            <numerusform>%n Probleme mit den Revisionsdateien, im Graphen rot markiert. Nichts läuft, bis sie behoben sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare Schema &amp;with…</source>
        <translation>Schema &amp;vergleichen mit …</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
</context>
<context>
    <name>Stratum::Minimap</name>
    <message>
        <source>Overview: click or drag to move through the history</source>
        <translation>Übersicht: Klicken oder ziehen, um sich durch den Verlauf zu bewegen</translation>
    </message>
</context>
<context>
    <name>Stratum::NewProjectDialog</name>
    <message>
        <source>New project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>an empty or new folder</source>
        <translation>ein leerer oder neuer Ordner</translation>
    </message>
    <message>
        <source>Project folder</source>
        <translation>Projektordner</translation>
    </message>
    <message>
        <source>generic — one database</source>
        <translation>generic — eine Datenbank</translation>
    </message>
    <message>
        <source>embedded — migrations shipped in a Qt application</source>
        <translation>embedded — Migrationen in einer Qt-Anwendung ausgeliefert</translation>
    </message>
    <message>
        <source>SQLAlchemy&apos;s URL form. Leave the password out: use ${ENV_VAR}, ~/.pgpass or a connection profile.</source>
        <translation>URL-Form von SQLAlchemy. Lassen Sie das Passwort weg: Verwenden Sie ${ENV_VAR}, ~/.pgpass oder ein Verbindungsprofil.</translation>
    </message>
    <message>
        <source>Create project</source>
        <translation>Projekt anlegen</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>%1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>No url line in %1</source>
        <translation>Keine url-Zeile in %1</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Choose a folder for the project</source>
        <translation>Wählen Sie einen Ordner für das Projekt</translation>
    </message>
    <message>
        <source>Leave the password out of the URL</source>
        <translation>Lassen Sie das Passwort aus der URL weg</translation>
    </message>
    <message>
        <source>Write ${ENV_VAR} in its place, use ~/.pgpass, or a connection profile.</source>
        <translation>Schreiben Sie stattdessen ${ENV_VAR}, verwenden Sie ~/.pgpass oder ein Verbindungsprofil.</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>&amp;Ordner</translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation>&amp;Vorlage</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>Daten&amp;bank</translation>
    </message>
    <message>
        <source>&amp;URL</source>
        <translation>&amp;URL</translation>
    </message>
</context>
<context>
    <name>Stratum::NewRevisionDialog</name>
    <message>
        <source>Check two or more heads to see what each brings.</source>
        <translation>Zwei oder mehr Heads ankreuzen, um zu sehen, was jeder mitbringt.</translation>
    </message>
    <message>
        <source>Replaying each branch on a dev database…</source>
        <translation>Jeder Zweig wird auf einer Entwicklungsdatenbank nachgespielt …</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Keine Vorschau: %1</translation>
    </message>
    <message>
        <source>Since %1:</source>
        <translation>Seit %1:</translation>
    </message>
    <message>
        <source>base</source>
        <translation>base</translation>
    </message>
    <message>
        <source>More than one branch changes: %1</source>
        <translation>Mehr als ein Zweig ändert: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n Änderung</numerusform>
            <numerusform>%n Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge heads</source>
        <translation>Heads zusammenführen</translation>
    </message>
    <message>
        <source>New revision</source>
        <translation>Neue Revision</translation>
    </message>
    <message>
        <source>The new revision revises this one. A revision that is not a head starts a new branch there.</source>
        <translation>Die neue Revision baut auf dieser auf. Bei einer Revision, die kein Head ist, beginnt dort ein neuer Zweig.</translation>
    </message>
    <message>
        <source>optional, comma-separated</source>
        <translation>optional, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>e.g. add customer email</source>
        <translation>z. B. add customer email</translation>
    </message>
    <message>
        <source>merge %1</source>
        <translation>merge %1</translation>
    </message>
    <message>
        <source>Create merge revision</source>
        <translation>Zusammenführungsrevision anlegen</translation>
    </message>
    <message>
        <source>Create revision</source>
        <translation>Revision anlegen</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>&amp;Nachricht</translation>
    </message>
    <message>
        <source>On &amp;top of</source>
        <translation>&amp;Aufbauend auf</translation>
    </message>
    <message>
        <source>&amp;Branch labels</source>
        <translation>&amp;Zweig-Labels</translation>
    </message>
    <message>
        <source>&amp;Heads to merge</source>
        <translation>Zusammenzuführende &amp;Heads</translation>
    </message>
    <message>
        <source>&amp;What each brings</source>
        <translation>&amp;Was jeder mitbringt</translation>
    </message>
</context>
<context>
    <name>Stratum::PasswordPrompt</name>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>Im Schlüsselbund des Systems &amp;merken</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <source>This build has no keychain support (QtKeychain).</source>
        <translation>Dieser Build unterstützt keinen Schlüsselbund (QtKeychain).</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
</context>
<context>
    <name>Stratum::PasswordStore</name>
    <message>
        <source>The system keychain refused: %1</source>
        <translation>Der Schlüsselbund des Systems hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>This build has no keychain support (QtKeychain).</source>
        <translation>Dieser Build unterstützt keinen Schlüsselbund (QtKeychain).</translation>
    </message>
</context>
<context>
    <name>Stratum::ProjectSession</name>
    <message>
        <source>No stratum.ini or alembic.ini in %1</source>
        <translation>Keine stratum.ini oder alembic.ini in %1</translation>
    </message>
    <message>
        <source>Open a project folder, or create one with File → New Project.</source>
        <translation>Öffnen Sie einen Projektordner oder legen Sie einen mit Datei → Neues Projekt an.</translation>
    </message>
    <message>
        <source>No database URL is configured</source>
        <translation>Keine Datenbank-URL konfiguriert</translation>
    </message>
    <message>
        <source>the database file does not exist yet</source>
        <translation>die Datenbankdatei existiert noch nicht</translation>
    </message>
    <message>
        <source>Missing revision, named in %1</source>
        <translation>Fehlende Revision, genannt in %1</translation>
    </message>
    <message>
        <source>%1 names this revision itself.</source>
        <translation>%1 nennt diese Revision selbst.</translation>
    </message>
    <message>
        <source>%1 names &quot;%2&quot;, which is no revision of this project.</source>
        <translation>%1 nennt „%2“, das keine Revision dieses Projekts ist.</translation>
    </message>
    <message>
        <source>%1 names %2, which builds on %3: that would make a cycle.</source>
        <translation>%1 nennt %2, das auf %3 aufbaut: Das ergäbe einen Zyklus.</translation>
    </message>
</context>
<context>
    <name>Stratum::RevisionDetails</name>
    <message>
        <source>Upgrade</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <source>Downgrade</source>
        <translation>Downgrade</translation>
    </message>
    <message>
        <source>No revision selected</source>
        <translation>Keine Revision ausgewählt</translation>
    </message>
    <message>
        <source>Select a revision in the graph or the list to see its header, file and SQL.</source>
        <translation>Wählen Sie eine Revision im Graphen oder in der Liste, um Kopf, Datei und SQL zu sehen.</translation>
    </message>
    <message>
        <source>head</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>base</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>merge point</source>
        <translation>Zusammenführung</translation>
    </message>
    <message>
        <source>branch point</source>
        <translation>Verzweigung</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Revises</source>
        <translation>Baut auf</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Nachfolger</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Hängt ab von</translation>
    </message>
    <message>
        <source>Branch labels</source>
        <translation>Zweig-Labels</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>open in editor</source>
        <translation>im Editor öffnen</translation>
    </message>
    <message>
        <source>-- An Alembic Python revision: open the file to see its code.</source>
        <translation>-- Eine Alembic-Python-Revision: Öffnen Sie die Datei, um ihren Code zu sehen.</translation>
    </message>
    <message>
        <source>-- empty: a merge revision joins branches and runs no SQL</source>
        <translation>-- leer: Eine Zusammenführungsrevision verbindet Zweige und führt kein SQL aus</translation>
    </message>
    <message>
        <source>-- empty: this section runs no SQL</source>
        <translation>-- leer: Dieser Abschnitt führt kein SQL aus</translation>
    </message>
    <message>
        <source>-- no upgrade section</source>
        <translation>-- kein Upgrade-Abschnitt</translation>
    </message>
    <message>
        <source>-- no downgrade section: this revision cannot be downgraded</source>
        <translation>-- kein Downgrade-Abschnitt: Diese Revision kann nicht zurückgenommen werden</translation>
    </message>
    <message>
        <source>Upgrade (empty)</source>
        <translation>Upgrade (leer)</translation>
    </message>
    <message>
        <source>Downgrade (empty)</source>
        <translation>Downgrade (leer)</translation>
    </message>
    <message numerus="yes">
        <source>%n revision(s) collapsed</source>
        <translation>
            <numerusform>%n Revision eingeklappt</numerusform>
            <numerusform>%n Revisionen eingeklappt</numerusform>
        </translation>
    </message>
    <message>
        <source>A feature branch merged by %1. Activate the node, or pick a revision below, to expand it.</source>
        <translation>Ein Feature-Zweig, zusammengeführt von %1. Aktivieren Sie den Knoten oder wählen Sie unten eine Revision, um ihn aufzuklappen.</translation>
    </message>
    <message>
        <source>%1 by %2 (stamped, nothing ran)</source>
        <translation>%1 von %2 (gestempelt, nichts ausgeführt)</translation>
    </message>
    <message>
        <source>%1 by %2, %3</source>
        <translation>%1 von %2, %3</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Angewendet</translation>
    </message>
    <message>
        <source>⚠ Changed since it was applied (checksum mismatch): the database ran an earlier text of its upgrade section. Undo the edit, or make the change in a new revision.</source>
        <translation>⚠ Seit der Anwendung geändert (Prüfsumme weicht ab): Die Datenbank hat einen früheren Text des Upgrade-Abschnitts ausgeführt. Machen Sie die Änderung rückgängig oder nehmen Sie sie in eine neue Revision auf.</translation>
    </message>
</context>
<context>
    <name>Stratum::RevisionEditor</name>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>The id names this revision in other files and in databases; it is not edited here.</source>
        <translation>Die ID benennt diese Revision in anderen Dateien und in Datenbanken; sie wird hier nicht bearbeitet.</translation>
    </message>
    <message>
        <source>empty: a base revision</source>
        <translation>leer: eine Basisrevision</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <source>revisions or branch labels, comma-separated</source>
        <translation>Revisionen oder Zweig-Labels, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Revision ID</source>
        <translation>Revisions-ID</translation>
    </message>
    <message>
        <source>Revises</source>
        <translation>Baut auf</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Hängt ab von</translation>
    </message>
    <message>
        <source>Branch labels</source>
        <translation>Zweig-Labels</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Dry Run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <source>Run this revision&apos;s upgrade and downgrade, as edited, on a dev database after the revisions it builds on. The project&apos;s database is not touched.</source>
        <translation>Upgrade und Downgrade dieser Revision, wie bearbeitet, auf einer Entwicklungsdatenbank nach den Revisionen ausführen, auf denen sie aufbaut. Die Datenbank des Projekts bleibt unberührt.</translation>
    </message>
    <message>
        <source>Dry run on a dev database…</source>
        <translation>Probelauf auf einer Entwicklungsdatenbank …</translation>
    </message>
    <message>
        <source>Dry run not possible: %1</source>
        <translation>Probelauf nicht möglich: %1</translation>
    </message>
    <message>
        <source>Dry run stopped at %1: %2</source>
        <translation>Probelauf bei %1 abgebrochen: %2</translation>
    </message>
    <message>
        <source>Dry run on %1: line %2: %3</source>
        <translation>Probelauf auf %1: Zeile %2: %3</translation>
    </message>
    <message>
        <source>Dry run on %1: the downgrade does not undo %2.</source>
        <translation>Probelauf auf %1: das Downgrade macht %2 nicht rückgängig.</translation>
    </message>
    <message>
        <source>Dry run on %1 passed: upgrade, then downgrade back to the same schema.</source>
        <translation>Probelauf auf %1 bestanden: Upgrade, dann Downgrade zurück zum selben Schema.</translation>
    </message>
    <message>
        <source>Dry run on %1 passed: upgrade (no downgrade section).</source>
        <translation>Probelauf auf %1 bestanden: Upgrade (kein Downgrade-Abschnitt).</translation>
    </message>
    <message>
        <source>⚠ The database has applied this revision. Saving a change makes its checksum differ from what ran (stratum verify reports it), and the database keeps what ran: put new changes in a new revision.</source>
        <translation>⚠ Die Datenbank hat diese Revision angewendet. Eine gespeicherte Änderung lässt ihre Prüfsumme von dem Ausgeführten abweichen (stratum verify meldet das), und die Datenbank behält, was lief: Nehmen Sie neue Änderungen in eine neue Revision auf.</translation>
    </message>
    <message>
        <source>Changed on disk</source>
        <translation>Auf der Festplatte geändert</translation>
    </message>
    <message>
        <source>%1 changed on disk since it was opened.</source>
        <translation>%1 wurde seit dem Öffnen auf der Festplatte geändert.</translation>
    </message>
    <message>
        <source>Overwrite with Mine</source>
        <translation>Mit meiner Fassung überschreiben</translation>
    </message>
    <message>
        <source>Reload from Disk</source>
        <translation>Von der Festplatte neu laden</translation>
    </message>
    <message>
        <source>%1 changed on disk since it was opened; it was not saved.</source>
        <translation>%1 wurde seit dem Öffnen auf der Festplatte geändert; es wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>Reload it, or save again choosing to overwrite the change on disk.</source>
        <translation>Laden Sie die Datei neu oder speichern Sie erneut und wählen Sie, die Änderung auf der Festplatte zu überschreiben.</translation>
    </message>
    <message>
        <source>%1 was not saved: %2</source>
        <translation>%1 wurde nicht gespeichert: %2</translation>
    </message>
    <message>
        <source>⚠ %1 was deleted on disk. Saving writes it again.</source>
        <translation>⚠ %1 wurde auf der Festplatte gelöscht. Speichern schreibt die Datei erneut.</translation>
    </message>
    <message>
        <source>⚠ %1 changed on disk, and this tab has unsaved changes. Saving asks whether to overwrite the change on disk or load it.</source>
        <translation>⚠ %1 hat sich auf der Festplatte geändert, und dieser Reiter hat ungespeicherte Änderungen. Beim Speichern werden Sie gefragt, ob die Änderung auf der Festplatte überschrieben oder geladen werden soll.</translation>
    </message>
</context>
<context>
    <name>Stratum::RevisionItem</name>
    <message>
        <source>Changed since it was applied: %1</source>
        <translation>Seit der Anwendung geändert: %1</translation>
    </message>
</context>
<context>
    <name>Stratum::RevisionListModel</name>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>unterbrochen</translation>
    </message>
    <message>
        <source>current, changed since</source>
        <translation>aktuell, seitdem geändert</translation>
    </message>
    <message>
        <source>applied, changed since</source>
        <translation>angewendet, seitdem geändert</translation>
    </message>
    <message>
        <source>⚠ Changed since it was applied: %1</source>
        <translation>⚠ Seit der Anwendung geändert: %1</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message numerus="yes">
        <source>%n revision(s) merged by %1</source>
        <translation>
            <numerusform>%n Revision, zusammengeführt von %1</numerusform>
            <numerusform>%n Revisionen, zusammengeführt von %1</numerusform>
        </translation>
    </message>
    <message>
        <source>collapsed</source>
        <translation>eingeklappt</translation>
    </message>
</context>
<context>
    <name>Stratum::RunsModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>upgrade</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <source>downgrade</source>
        <translation>Downgrade</translation>
    </message>
    <message>
        <source>stamp</source>
        <translation>Stempel</translation>
    </message>
    <message>
        <source>unstamp</source>
        <translation>Stempel entfernt</translation>
    </message>
    <message>
        <source>(not in the project)</source>
        <translation>(nicht im Projekt)</translation>
    </message>
    <message>
        <source>No checksum: nothing was run</source>
        <translation>Keine Prüfsumme: Nichts wurde ausgeführt</translation>
    </message>
    <message>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <source>⚠ Changed since it was applied: %1</source>
        <translation>⚠ Seit der Anwendung geändert: %1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Prüfsumme</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
</context>
<context>
    <name>Stratum::RunsView</name>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>&amp;Runs</source>
        <translation>&amp;Läufe</translation>
    </message>
    <message>
        <source>What the database has done: stratum_history, newest first</source>
        <translation>Was die Datenbank getan hat: stratum_history, neueste zuerst</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>Kein Projekt ist geöffnet.</translation>
    </message>
    <message>
        <source>The database has not been read yet.</source>
        <translation>Die Datenbank wurde noch nicht gelesen.</translation>
    </message>
    <message>
        <source>Reading stratum_history…</source>
        <translation>Lese stratum_history …</translation>
    </message>
    <message>
        <source>The database could not be read: %1</source>
        <translation>Die Datenbank konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>stratum_history could not be read: %1</source>
        <translation>stratum_history konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No runs recorded yet.</source>
        <translation>Noch keine Läufe aufgezeichnet.</translation>
    </message>
    <message>
        <source>No runs recorded yet: %1.</source>
        <translation>Noch keine Läufe aufgezeichnet: %1.</translation>
    </message>
    <message>
        <source>Stratum records every upgrade, downgrade and stamp it runs in stratum_history.</source>
        <translation>Stratum zeichnet jedes Upgrade, Downgrade und jeden Stempel, den es ausführt, in stratum_history auf.</translation>
    </message>
    <message>
        <source>Runs recorded in stratum_history: %1</source>
        <translation>In stratum_history aufgezeichnete Läufe: %1</translation>
    </message>
    <message>
        <source>⚠ Applied revisions whose file changed since: %1</source>
        <translation>⚠ Angewendete Revisionen, deren Datei sich seitdem geändert hat: %1</translation>
    </message>
</context>
<context>
    <name>Stratum::SchemaDiffView</name>
    <message>
        <source>Detect renames</source>
        <translation>Umbenennungen erkennen</translation>
    </message>
    <message>
        <source>Show a dropped and an added table or column that match as a rename, which keeps the rows.</source>
        <translation>Eine entfernte und eine hinzugefügte Tabelle oder Spalte, die zueinander passen, als Umbenennung zeigen; die Zeilen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Create Revision from Checked Changes</source>
        <translation>Revision aus den markierten Änderungen anlegen</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Message of the new revision</source>
        <translation>Nachricht der neuen Revision</translation>
    </message>
    <message>
        <source>No differences: the two schemas are the same.</source>
        <translation>Keine Unterschiede: Die beiden Schemas sind gleich.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) turn the left schema into the right one.</source>
        <translation>
            <numerusform>%n Änderung macht aus dem linken Schema das rechte.</numerusform>
            <numerusform>%n Änderungen machen aus dem linken Schema das rechte.</numerusform>
        </translation>
    </message>
    <message>
        <source>other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Revisions are made from a comparison of the database with the schema files.</source>
        <translation>Revisionen entstehen aus einem Vergleich der Datenbank mit den Schema-Dateien.</translation>
    </message>
    <message>
        <source>Next Difference</source>
        <translation>Nächster Unterschied</translation>
    </message>
    <message>
        <source>Previous Difference</source>
        <translation>Vorheriger Unterschied</translation>
    </message>
    <message>
        <source>Compare Again</source>
        <translation>Erneut vergleichen</translation>
    </message>
    <message>
        <source>⚠ Out of date: %1. Compare again before making a revision from it.</source>
        <translation>⚠ Veraltet: %1. Vergleichen Sie erneut, bevor Sie daraus eine Revision anlegen.</translation>
    </message>
    <message>
        <source>Out of date: compare again first.</source>
        <translation>Veraltet: Vergleichen Sie zuerst erneut.</translation>
    </message>
</context>
<context>
    <name>Stratum::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Filter by action or key</source>
        <translation>Nach Aktion oder Taste filtern</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Ctrl+Wheel</source>
        <translation>Strg+Mausrad</translation>
    </message>
    <message>
        <source>Revision graph</source>
        <translation>Revisionsgraph</translation>
    </message>
    <message>
        <source>Schema diff</source>
        <translation>Schema-Vergleich</translation>
    </message>
    <message>
        <source>Revision editor</source>
        <translation>Revisionseditor</translation>
    </message>
    <message>
        <source>Newer revision (row above)</source>
        <translation>Neuere Revision (Zeile darüber)</translation>
    </message>
    <message>
        <source>Older revision (row below)</source>
        <translation>Ältere Revision (Zeile darunter)</translation>
    </message>
    <message>
        <source>First row</source>
        <translation>Erste Zeile</translation>
    </message>
    <message>
        <source>Last row</source>
        <translation>Letzte Zeile</translation>
    </message>
    <message>
        <source>Parent (the revision it revises)</source>
        <translation>Vorgänger (die Revision, auf der sie aufbaut)</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Nachfolger</translation>
    </message>
    <message>
        <source>Next head</source>
        <translation>Nächster Head</translation>
    </message>
    <message>
        <source>Previous head</source>
        <translation>Vorheriger Head</translation>
    </message>
    <message>
        <source>Open the selected revision</source>
        <translation>Die ausgewählte Revision öffnen</translation>
    </message>
    <message>
        <source>Next difference</source>
        <translation>Nächster Unterschied</translation>
    </message>
    <message>
        <source>Previous difference</source>
        <translation>Vorheriger Unterschied</translation>
    </message>
</context>
<context>
    <name>Stratum::SqlPreview</name>
    <message>
        <source>Upgrade</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <source>Downgrade</source>
        <translation>Downgrade</translation>
    </message>
    <message>
        <source>No change is checked: check the changes the new revision is to make to see its SQL here.</source>
        <translation>Keine Änderung markiert: Markieren Sie die Änderungen, die die neue Revision vornehmen soll, um ihr SQL hier zu sehen.</translation>
    </message>
</context>
</TS>
