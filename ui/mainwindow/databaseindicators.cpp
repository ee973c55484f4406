// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow/databaseindicators.h"

#include "mainwindow/projectsession.h"
#include "theme/theme.h"

#include <QLabel>
#include <QStatusBar>

namespace Stratum {

DatabaseIndicators::DatabaseIndicators(ProjectSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_legend(new QLabel)
    , m_dialect(new QLabel)
    , m_url(new QLabel)
    , m_current(new QLabel)
{
    m_legend->setObjectName(QStringLiteral("legend"));
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);   // a long database error must not widen the window
    m_legend->setContentsMargins(8, 2, 8, 2);
    m_dialect->setObjectName(QStringLiteral("dialectLabel"));
    m_url->setObjectName(QStringLiteral("urlLabel"));
    m_current->setObjectName(QStringLiteral("currentLabel"));
    m_url->setTextInteractionFlags(Qt::TextSelectableByMouse);
}

void DatabaseIndicators::addTo(QStatusBar *bar)
{
    bar->addPermanentWidget(m_dialect);
    bar->addPermanentWidget(m_url, 1);
    bar->addPermanentWidget(m_current);
}

QString DatabaseIndicators::statusText() const
{
    return QStringList{m_dialect->text(), m_url->text(), m_current->text()}.join(QLatin1String(" | "));
}

void DatabaseIndicators::update()
{
    updateStatusBar();
    updateLegend();
}

void DatabaseIndicators::updateStatusBar()
{
    const DatabaseState &state = m_session->database();
    const QString dialect = m_session->dialectName();
    const QString shown = dialect == QLatin1String("sqlite")       ? QStringLiteral("SQLite")
                        : dialect == QLatin1String("postgresql") ? QStringLiteral("PostgreSQL")
                        : dialect == QLatin1String("mysql")      ? QStringLiteral("MySQL")
                                                                 : dialect;
    m_dialect->setText(m_session->isOpen() ? shown : QString());
    m_url->setText(m_session->maskedUrl());
    switch (state.status) {
    case DatabaseState::Status::Unknown:
        m_current->setText(m_session->isOpen() ? tr("Current: —") : QString());
        break;
    case DatabaseState::Status::Reading:
        m_current->setText(tr("Current: reading…"));
        break;
    case DatabaseState::Status::Known:
        m_current->setText(state.heads.isEmpty() ? tr("Current: none (base)")
                                                 : tr("Current: %1").arg(state.heads.join(QLatin1String(", "))));
        if (!state.note.isEmpty()) {
            m_current->setToolTip(state.note);
            m_current->setText(m_current->text() + QStringLiteral(" (%1)").arg(state.note));
        }
        break;
    case DatabaseState::Status::Failed:
        m_current->setText(tr("Current: unavailable"));
        m_current->setToolTip(state.error.toString());
        Q_EMIT logLine(tr("Database: %1").arg(state.error.toString()));
        break;
    }
}

void DatabaseIndicators::updateLegend()
{
    const DatabaseState &state = m_session->database();
    const QPalette palette = m_legend->palette();
    const Theme::Graph colours = Theme::graph(palette);
    const auto dot = [](const QColor &colour, const QString &glyph) {
        return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(colour.name(), glyph);
    };
    const auto warning = [&palette](const QString &text) {
        return QStringLiteral("&nbsp;&nbsp; <span style=\"color:%1\">⚠ %2</span>")
            .arg(Theme::errorText(palette).name(), text.toHtmlEscaped());
    };
    QString text = QStringLiteral("<small>%1 %2 &nbsp; %3 %4 &nbsp; %5 %6 &nbsp; %7 %8</small>")
                       .arg(dot(colours.lanes.first(), QStringLiteral("●")), tr("applied"),
                            dot(colours.current, QStringLiteral("◉")), tr("current"),
                            dot(colours.lanes.first(), QStringLiteral("○")), tr("pending"),
                            dot(colours.dependency, QStringLiteral("┄")), tr("depends on"));
    if (state.status == DatabaseState::Status::Failed) {
        // Shown where the states are drawn: without the database they cannot be told apart.
        text += warning(tr("Database unavailable: %1").arg(state.error.message));
        m_legend->setToolTip(state.error.toString());
    } else if (!state.interruptions.isEmpty()) {
        // A revision stopped half-way on a database without transactional DDL: every run is
        // refused until it is repaired, so it is said where the states are drawn, and in full
        // in the log (once).
        QStringList texts;
        for (const InterruptedRevision &interrupted : state.interruptions)
            texts << interrupted.text;
        text += warning(texts.first().section(QLatin1Char('\n'), 0, 0));
        m_legend->setToolTip(texts.join(QLatin1String("\n\n")));
        const QString said = texts.join(QLatin1Char('\n'));
        if (said != m_interruptionsLogged)
            Q_EMIT logLine(said);
        m_interruptionsLogged = said;
    } else {
        m_legend->setToolTip({});
        m_interruptionsLogged.clear();
    }
    m_legend->setText(text);
}

} // namespace Stratum
