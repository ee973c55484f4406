// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "connections/passwordstore.h"

#include <QCoreApplication>
#include <QEventLoop>

#ifdef STRATUM_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace Stratum {

namespace {

const QString kService = QStringLiteral("Stratum");

#ifdef STRATUM_HAVE_QTKEYCHAIN
// Runs a keychain job to its end; the keychain answers asynchronously (over D-Bus on Linux).
Status runJob(QKeychain::Job &job, bool missingIsOk = false)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    if (job.error() == QKeychain::NoError || (missingIsOk && job.error() == QKeychain::EntryNotFound))
        return {};
    return Error::input(QCoreApplication::translate("Stratum::PasswordStore",
                                                    "The system keychain refused: %1")
                            .arg(job.errorString()));
}
#endif

} // namespace

bool PasswordStore::available()
{
#ifdef STRATUM_HAVE_QTKEYCHAIN
    return true;
#else
    return false;
#endif
}

Result<QString> PasswordStore::read(const QString &profile)
{
#ifdef STRATUM_HAVE_QTKEYCHAIN
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(profile);
    if (Status done = runJob(job, true); !done)
        return done.error();
    return job.error() == QKeychain::EntryNotFound ? QString() : job.textData();
#else
    Q_UNUSED(profile)
    return QString();
#endif
}

Status PasswordStore::write(const QString &profile, const QString &password)
{
#ifdef STRATUM_HAVE_QTKEYCHAIN
    QKeychain::WritePasswordJob job(kService);
    job.setKey(profile);
    job.setTextData(password);
    return runJob(job);
#else
    Q_UNUSED(profile)
    Q_UNUSED(password)
    return Error::input(QCoreApplication::translate("Stratum::PasswordStore",
                                                    "This build has no keychain support (QtKeychain)."));
#endif
}

Status PasswordStore::remove(const QString &profile)
{
#ifdef STRATUM_HAVE_QTKEYCHAIN
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(profile);
    return runJob(job, true);
#else
    Q_UNUSED(profile)
    return {};
#endif
}

} // namespace Stratum
