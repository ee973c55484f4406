#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace Stratum {

/// Asks for what `stratum revision` / `stratum merge` need: a message and the head(s).
class NewRevisionDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Revision, Merge };

    /// Revision: \a heads to choose from, \a selected preselected (may be a non-head: then the
    /// new revision starts a branch there). Merge: check two or more of \a heads.
    NewRevisionDialog(Mode mode, const QStringList &heads, const QString &selected,
                      QWidget *parent = nullptr);

    QString message() const;
    QString head() const;
    QStringList mergeHeads() const;
    QStringList branchLabels() const;
    /// Shows why the command refused, in place.
    void showError(const QString &text);

private:
    void updateOk();

    Mode m_mode;
    QLineEdit *m_message;
    QComboBox *m_head = nullptr;
    QListWidget *m_heads = nullptr;
    QLineEdit *m_labels = nullptr;
    QLabel *m_error;
    QPushButton *m_ok = nullptr;
};

} // namespace Stratum
