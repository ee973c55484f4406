// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/revisionitem.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace Stratum {
namespace {
constexpr qreal columnGap = 10;
constexpr qreal badgeGap = 5;
constexpr qreal badgePadding = 5;

QFont badgeFont(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    small.setBold(true);
    return small;
}

} // namespace

RevisionItem::RevisionItem(const QString &id, const QString &message, const QString &date,
                           qreal textOffset)
    : m_id(id)
    , m_shortId(id.size() > 12 ? id.left(11) + QChar(0x2026) : id)
    , m_message(message)
    , m_date(date)
    , m_textOffset(textOffset)
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setToolTip(message.isEmpty() ? id : id + QLatin1Char('\n') + message);
}

void RevisionItem::setProblem(const QString &title, const QColor &colour)
{
    m_problem = true;
    m_problemColour = colour;
    m_shortId = title;
    setToolTip(title + QLatin1Char('\n') + m_message);
    update();
}

void RevisionItem::setCollapsed(const QString &title)
{
    m_collapsed = true;
    m_shortId = title;
    setToolTip(title + QLatin1Char('\n') + m_message);
    update();
}

void RevisionItem::setLaneColour(const QColor &colour)
{
    m_lane = colour;
    update();
}

void RevisionItem::setHighlighted(bool highlighted, const QColor &colour)
{
    if (m_highlighted == highlighted && m_highlight == colour)
        return;
    m_highlighted = highlighted;
    m_highlight = colour;
    update();
}

void RevisionItem::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    update();
}

void RevisionItem::setBadges(const QList<Badge> &badges)
{
    prepareGeometryChange();
    m_badges = badges;
    measure();
}

void RevisionItem::setChangedSinceApplied(const QString &reason, const QColor &colour)
{
    const bool recoloured = colour != m_changedColour;
    m_changedColour = colour;
    if (reason == m_changedReason) {
        if (recoloured && !reason.isEmpty())
            update();
        return;
    }
    m_changedReason = reason;
    // The tooltip the constructor set (with the whole message), without an earlier reason.
    QString tip = toolTip().section(QStringLiteral("\n\n⚠ "), 0, 0);
    if (!reason.isEmpty())
        tip += QStringLiteral("\n\n⚠ ") + QCoreApplication::translate("Stratum::RevisionItem", "Changed since it was applied: %1").arg(reason);
    setToolTip(tip);
    update();
}

void RevisionItem::setStyle(const QFont &font, const QFont &idFont, const QColor &text,
                            const QColor &dimText, const QColor &current, const QColor &paper,
                            const QColor &selection, const QColor &badgeText, const Columns &columns)
{
    prepareGeometryChange();
    m_font = font;
    m_idFont = idFont;
    m_text = text;
    m_dimText = dimText;
    m_current = current;
    m_paper = paper;
    m_selection = selection;
    m_badgeText = badgeText;
    m_columns = columns;
    m_elidedFor = -1;
    // Measured once, by setBadges(), which the scene calls right after: with 10,000 revisions
    // text measurement is most of the time it takes to build the graph.
}

void RevisionItem::measure()
{
    const QFontMetricsF metrics(m_font);
    const QFontMetricsF idMetrics(m_idFont);
    m_height = std::max(metrics.height(), idMetrics.height()) + 6;
    m_badgeWidths.clear();
    m_badgesWidth = 0;
    const QFontMetricsF smallMetrics(badgeFont(m_font));
    for (const Badge &badge : m_badges) {
        const qreal w = smallMetrics.horizontalAdvance(badge.text) + 2 * badgePadding;
        m_badgeWidths << w;
        m_badgesWidth += w + badgeGap;
    }
    // A problem's title (file:line) may be wider than an id: its row grows, the others stay.
    const qreal idColumn = m_problem || m_collapsed ? std::max(m_columns.id, idMetrics.horizontalAdvance(m_shortId))
                                     : m_columns.id;
    m_width = idColumn + columnGap + std::max(m_columns.message, m_badgesWidth + 80) + columnGap
              + m_columns.date;
    m_elidedFor = -1;
}

QRectF RevisionItem::boundingRect() const
{
    const qreal ring = radius + 5;
    const qreal top = -std::max(ring, m_height / 2);
    return QRectF(-ring, top, m_textOffset + m_width + ring, -2 * top);
}

QPainterPath RevisionItem::shape() const
{
    QPainterPath path;
    path.addEllipse(QPointF(0, 0), radius + 3, radius + 3);
    path.addRect(QRectF(m_textOffset - 4, -m_height / 2, m_width + 4, m_height));
    return path;
}

void RevisionItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option->state & QStyle::State_Selected;
    const QRectF textBox(m_textOffset - 4, -m_height / 2, m_width + 4, m_height);

    if (m_highlighted) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_highlight);
        painter->drawRoundedRect(textBox, 4, 4);
    }
    if (selected || m_hovered) {
        QColor fill = m_selection;
        fill.setAlpha(selected ? 70 : 30);
        painter->setPen(selected ? QPen(m_selection, 1.2) : Qt::NoPen);
        painter->setBrush(fill);
        painter->drawRoundedRect(textBox, 4, 4);
    }

    if (m_problem) {
        // A cross in a ring: nothing can run here until the file is fixed.
        painter->setPen(QPen(m_problemColour, 2.2));
        painter->setBrush(m_paper);
        painter->drawEllipse(QPointF(0, 0), radius, radius);
        const qreal arm = radius * 0.5;
        painter->drawLine(QPointF(-arm, -arm), QPointF(arm, arm));
        painter->drawLine(QPointF(-arm, arm), QPointF(arm, -arm));
    } else if (m_collapsed) {
        // A dashed ring with three dots: more revisions than one sit here.
        const bool applied = m_state == State::Applied || m_state == State::Current;
        QPen ring(m_lane, 2.0);
        ring.setDashPattern({2, 1.5});
        painter->setPen(ring);
        painter->setBrush(applied ? QBrush(m_lane) : QBrush(m_paper));
        painter->drawEllipse(QPointF(0, 0), radius + 1, radius + 1);
        painter->setPen(Qt::NoPen);
        painter->setBrush(applied ? m_paper : m_lane);
        for (int i = -1; i <= 1; ++i)
            painter->drawEllipse(QPointF(i * 3.2, 0), 1.2, 1.2);
    } else {
        // The dot: filled once applied, hollow while pending, ringed where the database stands.
        if (m_state == State::Current) {
            painter->setPen(QPen(m_current, 2.5));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(QPointF(0, 0), radius + 4, radius + 4);
        }
        const bool filled = m_state == State::Applied || m_state == State::Current;
        painter->setPen(QPen(m_lane, 2.2));
        painter->setBrush(filled ? QBrush(m_lane) : QBrush(m_paper));
        painter->drawEllipse(QPointF(0, 0), radius, radius);
    }

    if (!m_changedReason.isEmpty())
        paintChangedMark(painter);

    const bool dim = m_state == State::Pending && !m_problem;
    const QColor textColour = m_problem ? m_problemColour : dim ? m_dimText : m_text;
    qreal x = m_textOffset;
    painter->setFont(m_idFont);
    painter->setPen(textColour);
    const qreal idColumn = m_problem || m_collapsed ? std::max(m_columns.id, QFontMetricsF(m_idFont).horizontalAdvance(m_shortId))
                                     : m_columns.id;
    painter->drawText(QRectF(x, -m_height / 2, idColumn + 2, m_height), Qt::AlignVCenter | Qt::AlignLeft,
                      m_shortId);
    x += idColumn + columnGap;
    const qreal messageColumn = std::max(m_columns.message, m_badgesWidth + 80);
    const qreal dateX = x + messageColumn + columnGap;

    // Badges first, so a label is never cut off by a long message.
    const QFont small = badgeFont(m_font);
    painter->setFont(small);
    const qreal badgeHeight = QFontMetricsF(small).height() + 2;
    for (int i = 0; i < m_badges.size(); ++i) {
        const QRectF pill(x, -badgeHeight / 2, m_badgeWidths[i], badgeHeight);
        painter->setPen(Qt::NoPen);
        painter->setBrush(m_badges[i].colour);
        painter->drawRoundedRect(pill, badgeHeight / 2, badgeHeight / 2);
        painter->setPen(m_badgeText);
        painter->drawText(pill, Qt::AlignCenter, m_badges[i].text);
        x += m_badgeWidths[i] + badgeGap;
    }

    QFont messageFont = m_font;
    messageFont.setItalic(dim);
    painter->setFont(messageFont);
    painter->setPen(textColour);
    const qreal available = dateX - columnGap - x;
    if (available != m_elidedFor) {
        m_elided = QFontMetricsF(messageFont).elidedText(m_message, Qt::ElideRight, available);
        m_elidedFor = available;
    }
    painter->drawText(QRectF(x, -m_height / 2, available + 2, m_height), Qt::AlignVCenter | Qt::AlignLeft,
                      m_elided);

    if (!m_date.isEmpty()) {
        painter->setFont(m_font);
        painter->setPen(m_dimText);
        painter->drawText(QRectF(dateX, -m_height / 2, m_columns.date, m_height),
                          Qt::AlignVCenter | Qt::AlignLeft, m_date);
    }
}

// A disc with "!" on the dot's upper right, ringed in the paper colour so that it stands apart
// from the dot and the lane under it. The "!" is drawn, not set in a font: crisp at this size.
void RevisionItem::paintChangedMark(QPainter *painter) const
{
    // Inside boundingRect(): the dot's ring reaches radius + 5.
    const qreal r = 6;
    const QPointF centre(7, -4);
    painter->setPen(QPen(m_paper, 1.5));
    painter->setBrush(m_changedColour);
    painter->drawEllipse(centre, r, r);
    QPen stroke(m_paper, 2.0, Qt::SolidLine, Qt::RoundCap);
    painter->setPen(stroke);
    painter->drawLine(centre + QPointF(0, -3.2), centre + QPointF(0, 0.6));
    painter->setPen(Qt::NoPen);
    painter->setBrush(m_paper);
    painter->drawEllipse(centre + QPointF(0, 3.1), 1.1, 1.1);
}

void RevisionItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = true;
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void RevisionItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}

} // namespace Stratum
