<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>the database file does not exist yet</source>
        <translation>die Datenbankdatei gibt es noch nicht</translation>
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
        <source>The database's current revision is not known yet: %1</source>
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
        <translation><numerusform>%n Revision läuft gegen %1, jetzt auf %2. Dies ist das SQL, wie `%3 --sql` es ausgibt:</numerusform><numerusform>%n Revisionen laufen gegen %1, jetzt auf %2. Dies ist das SQL, wie `%3 --sql` es ausgibt:</numerusform></translation>
    </message>
    <message>
        <source>line %1: %2 — &lt;code&gt;%3&lt;/code&gt;</source>
        <translation>Zeile %1: %2 — &lt;code&gt;%3&lt;/code&gt;</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation><numerusform>… und %n weitere</numerusform><numerusform>… und %n weitere</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n destructive statement(s): data or objects will be lost.</source>
        <translation><numerusform>⚠ %n zerstörerische Anweisung: Daten oder Objekte gehen verloren.</numerusform><numerusform>⚠ %n zerstörerische Anweisungen: Daten oder Objekte gehen verloren.</numerusform></translation>
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
        <source>Failed: the log names the statement and the database's message.</source>
        <translation>Fehlgeschlagen: Das Protokoll nennt die Anweisung und die Meldung der Datenbank.</translation>
    </message>
</context>
<context>
    <name>Stratum::ConnectionsDialog</name>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
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
        <source>Passwords are never stored. They are read from %1, then PGPASSWORD or MYSQL_PWD, then ~/.pgpass (PostgreSQL).</source>
        <translation>Passwörter werden nie gespeichert. Sie werden aus %1 gelesen, dann aus PGPASSWORD oder MYSQL_PWD, dann aus ~/.pgpass (PostgreSQL).</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
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
</context>
<context>
    <name>Stratum::MainWindow</name>
    <message>
        <source>Dry run of %1 on a dev database</source>
        <translation>Probelauf von %1 auf einer Entwicklungsdatenbank</translation>
    </message>
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
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
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
        <source>&amp;Reload</source>
        <translation>Neu &amp;laden</translation>
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
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Fit Graph</source>
        <translation>Graph &amp;einpassen</translation>
    </message>
    <message>
        <source>Ctrl+9</source>
        <translation>Ctrl+9</translation>
    </message>
    <message>
        <source>&amp;Minimap</source>
        <translation>&amp;Übersichtskarte</translation>
    </message>
    <message>
        <source>&amp;Find Revision</source>
        <translation>Revision &amp;suchen</translation>
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
        <source>&lt;b&gt;Stratum Studio %1&lt;/b&gt;&lt;p&gt;Schema migrations for SQL databases: the revision graph, its SQL, and the database's place in it.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Stratum Studio %1&lt;/b&gt;&lt;p&gt;Schemamigrationen für SQL-Datenbanken: der Revisionsgraph, sein SQL und wo die Datenbank darin steht.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Verbindung:</translation>
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
        <source>current (in the version table)</source>
        <translation>aktuell (in der Versionstabelle)</translation>
    </message>
    <message numerus="yes">
        <source> — %n revision(s)</source>
        <translation><numerusform> — %n Revision</numerusform><numerusform> — %n Revisionen</numerusform></translation>
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
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
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
        <translation><numerusform>%n Revision in %1 ms gelesen, in %2 ms angeordnet, in %3 ms gezeichnet</numerusform><numerusform>%n Revisionen in %1 ms gelesen, in %2 ms angeordnet, in %3 ms gezeichnet</numerusform></translation>
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
        <source>Database unavailable: %1</source>
        <translation>Datenbank nicht verfügbar: %1</translation>
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
        <source>Schema Diff</source>
        <translation>Schemavergleich</translation>
    </message>
    <message>
        <source>Desired schema (%1)</source>
        <translation>Gewünschtes Schema (%1)</translation>
    </message>
    <message>
        <source>Database (%1)</source>
        <translation>Datenbank (%1)</translation>
    </message>
    <message>
        <source>Revision %1 (replayed on a dev database)</source>
        <translation>Revision %1 (auf einer Entwicklungsdatenbank nachgespielt)</translation>
    </message>
    <message>
        <source>Comparing the database with the schema files…</source>
        <translation>Vergleiche die Datenbank mit den Schema-Dateien …</translation>
    </message>
    <message>
        <source>Replaying the history up to %1 and comparing…</source>
        <translation>Spiele den Verlauf bis %1 nach und vergleiche …</translation>
    </message>
    <message>
        <source>&amp;Compare with Schema Files</source>
        <translation>Mit den Schema-Dateien &amp;vergleichen</translation>
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
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
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
        <source>SQLAlchemy's URL form. Leave the password out: use ${ENV_VAR}, ~/.pgpass or a connection profile.</source>
        <translation>URL-Form von SQLAlchemy. Lassen Sie das Passwort weg: Verwenden Sie ${ENV_VAR}, ~/.pgpass oder ein Verbindungsprofil.</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
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
</context>
<context>
    <name>Stratum::NewRevisionDialog</name>
    <message>
        <source>What each brings</source>
        <translation>Was jeder Zweig mitbringt</translation>
    </message>
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
        <translation><numerusform>%n Änderung</numerusform><numerusform>%n Änderungen</numerusform></translation>
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
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>The new revision revises this one. A revision that is not a head starts a new branch there.</source>
        <translation>Die neue Revision baut auf dieser auf. Bei einer Revision, die kein Head ist, beginnt dort ein neuer Zweig.</translation>
    </message>
    <message>
        <source>On top of</source>
        <translation>Aufbauend auf</translation>
    </message>
    <message>
        <source>optional, comma-separated</source>
        <translation>optional, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Branch labels</source>
        <translation>Zweig-Labels</translation>
    </message>
    <message>
        <source>e.g. add customer email</source>
        <translation>z. B. add customer email</translation>
    </message>
    <message>
        <source>Heads to merge</source>
        <translation>Zusammenzuführende Heads</translation>
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
        <source>Run this revision's upgrade and downgrade, as edited, on a dev database after the revisions it builds on. The project's database is not touched.</source>
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
        <translation><numerusform>%n Änderung macht aus dem linken Schema das rechte.</numerusform><numerusform>%n Änderungen machen aus dem linken Schema das rechte.</numerusform></translation>
    </message>
    <message>
        <source>other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Revisions are made from a comparison of the database with the schema files.</source>
        <translation>Revisionen entstehen aus einem Vergleich der Datenbank mit den Schema-Dateien.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Stratum Studio: the revision graph of a schema-migration project.</source>
        <translation>Stratum Studio: der Revisionsgraph eines Schemamigrationsprojekts.</translation>
    </message>
    <message>
        <source>Project folder (or its stratum.ini) to open.</source>
        <translation>Zu öffnender Projektordner (oder seine stratum.ini).</translation>
    </message>
    <message>
        <source>Open DIR, wait until the graph is laid out, save the window as PNG to FILE and exit.</source>
        <translation>DIR öffnen, warten, bis der Graph angeordnet ist, das Fenster als PNG in FILE speichern und beenden.</translation>
    </message>
    <message>
        <source>Use the built-in dark palette.</source>
        <translation>Die eingebaute dunkle Palette verwenden.</translation>
    </message>
    <message>
        <source>Use the built-in light palette.</source>
        <translation>Die eingebaute helle Palette verwenden.</translation>
    </message>
    <message>
        <source>Window size, e.g. 1440x900.</source>
        <translation>Fenstergröße, z. B. 1440x900.</translation>
    </message>
    <message>
        <source>Revision to select after opening.</source>
        <translation>Nach dem Öffnen auszuwählende Revision.</translation>
    </message>
    <message>
        <source>Print the time to the first paint of the graph to stderr and exit (benchmark).</source>
        <translation>Die Zeit bis zum ersten Zeichnen des Graphen auf stderr ausgeben und beenden (Benchmark).</translation>
    </message>
</context>
</TS>