<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Stratum::ApplyDialog</name>
    <message numerus="yes">
        <source>%n revision(s) will run against %1, now at %2. This is the SQL, as `%3 --sql` prints it:</source>
        <translation>
            <numerusform>%n revision will run against %1, now at %2. This is the SQL, as `%3 --sql` prints it:</numerusform>
            <numerusform>%n revisions will run against %1, now at %2. This is the SQL, as `%3 --sql` prints it:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n destructive statement(s): data or objects will be lost.</source>
        <translation>
            <numerusform>⚠ %n destructive statement: data or objects will be lost.</numerusform>
            <numerusform>⚠ %n destructive statements: data or objects will be lost.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stratum::CompareSidePicker</name>
    <message numerus="yes">
        <source>“%1” matches %n revision(s): pick one from the list</source>
        <translation>
            <numerusform>“%1” matches %n revision: pick one from the list</numerusform>
            <numerusform>“%1” matches %n revisions: pick one from the list</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stratum::DiffNavigator</name>
    <message numerus="yes">
        <source>%n difference(s)</source>
        <translation>
            <numerusform>%n difference</numerusform>
            <numerusform>%n differences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stratum::FindBar</name>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n replaced</numerusform>
            <numerusform>%n replaced</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stratum::GraphScene</name>
    <message numerus="yes">
        <source>%n revision(s) merged by %1</source>
        <translation>
            <numerusform>%n revision merged by %1</numerusform>
            <numerusform>%n revisions merged by %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stratum::MainWindow</name>
    <message numerus="yes">
        <source>Read %n revision(s) in %1 ms, laid out in %2 ms, drawn in %3 ms</source>
        <translation>
            <numerusform>Read %n revision in %1 ms, laid out in %2 ms, drawn in %3 ms</numerusform>
            <numerusform>Read %n revisions in %1 ms, laid out in %2 ms, drawn in %3 ms</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — %n revision(s)</source>
        <translation>
            <numerusform> — %n revision</numerusform>
            <numerusform> — %n revisions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) with the revision files, marked in red in the graph. Nothing runs until they are fixed.</source>
        <translation>
            <numerusform>%n problem with the revision files, marked in red in the graph. Nothing runs until it is fixed.</numerusform>
            <numerusform>%n problems with the revision files, marked in red in the graph. Nothing runs until they are fixed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stratum::NewRevisionDialog</name>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stratum::RevisionDetails</name>
    <message numerus="yes">
        <source>%n revision(s) collapsed</source>
        <translation>
            <numerusform>%n revision collapsed</numerusform>
            <numerusform>%n revisions collapsed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stratum::RevisionListModel</name>
    <message numerus="yes">
        <source>%n revision(s) merged by %1</source>
        <translation>
            <numerusform>%n revision merged by %1</numerusform>
            <numerusform>%n revisions merged by %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stratum::SchemaDiffView</name>
    <message numerus="yes">
        <source>%n change(s) turn the left schema into the right one.</source>
        <translation>
            <numerusform>%n change turns the left schema into the right one.</numerusform>
            <numerusform>%n changes turn the left schema into the right one.</numerusform>
        </translation>
    </message>
</context>
</TS>
