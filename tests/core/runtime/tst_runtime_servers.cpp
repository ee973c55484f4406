// placeholder, replaced below
#include <QtTest>
class tst_RuntimeServers : public QObject { Q_OBJECT };
QTEST_MAIN(tst_RuntimeServers)
#include "tst_runtime_servers.moc"
