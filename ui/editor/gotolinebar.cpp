// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/gotolinebar.h"

#include "editor/editorshortcut.h"
#include "editor/sqleditor.h"
#include "theme/theme.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QToolButton>

namespace Stratum {
namespace {

const QList<EditorCommand> goToCommands = {EditorCommand::GoToLine, EditorCommand::CloseBar};

} // namespace

GoToLineBar::GoToLineBar(SqlEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_field(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("goToLineBar"));
    m_field->setObjectName(QStringLiteral("goToLineField"));
    m_field->setPlaceholderText(tr("line or line:column"));
    m_field->setMaximumWidth(m_field->fontMetrics().horizontalAdvance(m_field->placeholderText()) + 24);
    m_message->setObjectName(QStringLiteral("goToLineMessage"));
    m_message->hide();
    auto *label = new QLabel(tr("Go to line:"), this);
    label->setBuddy(m_field);
    auto *close = new QToolButton(this);
    close->setObjectName(QStringLiteral("closeGoToLineButton"));
    close->setAutoRaise(true);
    close->setFocusPolicy(Qt::TabFocus);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Close (Esc)"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->addWidget(label);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_message);
    layout->addStretch(2);
    layout->addWidget(close);

    connect(close, &QToolButton::clicked, this, &GoToLineBar::dismiss);
    connect(m_field, &QLineEdit::textEdited, m_message, &QLabel::hide);
    m_editor->installEventFilter(this);
    hide();
}

void GoToLineBar::open()
{
    int line = 0, index = 0;
    m_editor->getCursorPosition(&line, &index);
    m_field->setText(QString::number(line + 1));
    m_message->clear();
    m_message->hide();
    show();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void GoToLineBar::dismiss()
{
    hide();
    m_editor->setFocus(Qt::OtherFocusReason);
}

bool GoToLineBar::go()
{
    int line = 0, column = 0;
    const QString problem = check(m_field->text(), &line, &column);
    if (!problem.isEmpty()) {
        m_message->setText(problem);
        QPalette palette = m_message->palette();
        palette.setColor(QPalette::WindowText, Theme::errorText(this->palette()));
        m_message->setPalette(palette);
        m_message->show();
        return false;
    }
    m_message->clear();
    m_message->hide();
    hide();
    m_editor->goTo(line, column);
    return true;
}

QString GoToLineBar::message() const
{
    return m_message->text();
}

QString GoToLineBar::check(const QString &text, int *line, int *column) const
{
    const QStringList parts = text.split(QLatin1Char(':'));
    bool lineOk = false, columnOk = true;
    *line = parts.first().trimmed().toInt(&lineOk);
    *column = parts.size() == 2 ? parts[1].trimmed().toInt(&columnOk) : 1;
    if (parts.size() > 2 || !lineOk || !columnOk)
        return tr("Type a line number, or line:column.");
    const int lines = m_editor->lines();
    if (*line < 1 || *line > lines)
        return tr("There is no line %1: the text has lines 1 to %2.").arg(*line).arg(lines);
    const long start = m_editor->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE, *line - 1);
    const long end = m_editor->SendScintilla(QsciScintilla::SCI_GETLINEENDPOSITION, *line - 1);
    const int length = int(m_editor->SendScintilla(QsciScintilla::SCI_COUNTCHARACTERS, start, end));
    if (*column < 1 || *column > length + 1)
        return tr("Line %1 has columns 1 to %2.").arg(*line).arg(length + 1);
    return {};
}

bool GoToLineBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_editor || (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress))
        return QWidget::eventFilter(watched, event);
    const std::optional<EditorCommand> command = editorCommandFor(static_cast<QKeyEvent *>(event), goToCommands);
    if (!command || (*command == EditorCommand::CloseBar && (!isVisible() || m_editor->isListActive())))
        return QWidget::eventFilter(watched, event);
    event->accept();
    if (event->type() == QEvent::KeyPress) {
        if (*command == EditorCommand::GoToLine)
            open();
        else
            dismiss();
    }
    return true;
}

bool GoToLineBar::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride
        && editorCommandFor(static_cast<QKeyEvent *>(event), goToCommands)) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void GoToLineBar::keyPressEvent(QKeyEvent *event)
{
    // The field leaves Enter and Escape over.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        go();
    } else if (const std::optional<EditorCommand> command = editorCommandFor(event, goToCommands)) {
        if (*command == EditorCommand::CloseBar)
            dismiss();
        else
            m_field->selectAll();
    } else {
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

} // namespace Stratum
