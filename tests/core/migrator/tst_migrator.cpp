#include <QtTest>
class tst_Migrator : public QObject { Q_OBJECT };
QTEST_MAIN(tst_Migrator)
#include "tst_migrator.moc"
