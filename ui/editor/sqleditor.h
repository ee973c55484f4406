#pragma once

#include "editor/qscintilla_p.h"

#include <QStringList>

namespace Stratum {

class DialectSqlLexer;

/// Completion of table and column names: words starting with what was typed, and after
/// `table.` that table's columns. Answers synchronously (QsciAPIs prepares on a thread that
/// QScintilla 2.13 does not stop safely when the editor closes early).
class CompletionApis : public QsciAbstractAPIs
{
    Q_OBJECT

public:
    explicit CompletionApis(QsciLexer *lexer);
    void setWords(const QStringList &words);
    void updateAutoCompletionList(const QStringList &context, QStringList &list) override;
    QStringList callTips(const QStringList &context, int commas, QsciScintilla::CallTipsStyle style,
                         QList<int> &shifts) override;

private:
    QStringList m_words;
};

/// A QScintilla SQL editor: the dialect's highlighting, line numbers, folding, palette colours,
/// markers for errors and warnings, and completion of table and column names.
class SqlEditor : public QsciScintilla
{
    Q_OBJECT

public:
    explicit SqlEditor(QWidget *parent = nullptr);

    void setDialect(const QString &dialect);
    /// Words offered by completion (table and column names), on top of the SQL keywords.
    void setCompletionWords(const QStringList &words);
    QStringList completionWords() const { return m_completionWords; }
    CompletionApis *completion() const { return m_apis; }

    /// Marks \a line (1-based) as an error at \a column (1-based, 0 = whole line).
    void markError(int line, int column, const QString &message);
    /// Marks \a line (1-based) with a warning (destructive statement).
    void markWarning(int line, const QString &message);
    void clearMarks();
    enum class LineMark { Added, Removed, Changed };
    /// Colours the background of \a line (1-based), as a diff does.
    void markLine(int line, LineMark mark);
    QList<int> markedLines(LineMark mark) const;
    /// Lines (1-based) holding an error marker.
    QList<int> errorLines() const;
    QList<int> warningLines() const;
    /// Moves the cursor to \a line / \a column (1-based) and shows it.
    void goTo(int line, int column = 1);

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void applyTheme();
    void updateMarginWidth();

    DialectSqlLexer *m_lexer;
    CompletionApis *m_apis = nullptr;
    QStringList m_completionWords;
    QHash<int, QString> m_messages;
    int m_errorMarker = 0;
    int m_warningMarker = 1;
    int m_errorIndicator = 0;
    int m_addedMarker = 2;
    int m_removedMarker = 3;
    int m_changedMarker = 4;
};

} // namespace Stratum
