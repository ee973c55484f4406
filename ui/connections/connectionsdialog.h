// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connections/connectionprofiles.h"

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Stratum {

/// Edits the named connection profiles and tests one (on a worker thread, so a server that does
/// not answer leaves the dialog usable).
class ConnectionsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionsDialog(QWidget *parent = nullptr);

    QList<ConnectionProfile> profiles() const { return m_profiles; }
    /// Tests the URL in the form; the result appears below it.
    void testConnection();
    QString testResult() const;
    bool isTesting() const { return m_watcher->isRunning(); }

    /// Opens \a url (a resolved URL) and runs a trivial query: an empty string on success,
    /// else the database's message (password masked). Safe on any thread.
    static QString probe(const QString &url);

    void accept() override;

private:
    static QString passwordHint(const QString &profile);
    void selectionChanged();
    void storeForm();

    QList<ConnectionProfile> m_profiles;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLabel *m_passwordHint;
    QLabel *m_result;
    QPushButton *m_test;
    QFutureWatcher<QString> *m_watcher;
    int m_current = -1;
};

} // namespace Stratum
