// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
// Qt's keywords, as most Qt applications write them, next to Stratum's headers.
#include <stratum/config/url.h>
#include <stratum/version.h>

#include <QCoreApplication>
#include <QObject>
#include <QTextStream>

class Relay : public QObject
{
    Q_OBJECT

public:
    void send(const QString &text) { emit relayed(text); }

signals:
    void relayed(const QString &text);

public slots:
    void print(const QString &text) { QTextStream(stdout) << text << Qt::endl; }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Relay relay;
    QObject::connect(&relay, &Relay::relayed, &relay, &Relay::print);
    const auto url = Stratum::DatabaseUrl::parse(QStringLiteral("postgresql://app:secret@db/prod"));
    if (!url)
        return 1;
    relay.send(QStringLiteral("stratum %1: %2").arg(QStringLiteral(STRATUM_VERSION), url->masked()));
    return 0;
}

#include "main.moc"
