// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QList>
#include <QString>

namespace Stratum {

/// A revision in the graph: its dot on the lane and, in columns shared by every row (the way Fork
/// and Sublime Merge show history), short id, badges and message, and date. Only draws; the
/// position comes from GraphLayout.
class RevisionItem : public QGraphicsItem
{
public:
    enum class State { Unknown, Pending, Applied, Current };
    enum { Type = UserType + 1 };

    struct Badge
    {
        QString text;
        QColor colour;
    };

    /// Widths of the text columns, the same for every row (set by the scene).
    struct Columns
    {
        qreal id = 100;
        qreal message = 420;
        qreal date = 120;
    };

    /// \a textOffset: from the dot to the first text column (the same scene x for every row).
    RevisionItem(const QString &id, const QString &message, const QString &date, qreal textOffset);

    int type() const override { return Type; }
    QString id() const { return m_id; }
    QString message() const { return m_message; }
    QString date() const { return m_date; }
    /// Scene x where this row's text begins.
    qreal textX() const { return pos().x() + m_textOffset; }
    /// A file that could not be read, a repeated id or a revision that does not exist: drawn as
    /// an error, with \a title (file:line, or the missing id) in the id column.
    void setProblem(const QString &title, const QColor &colour);
    bool isProblem() const { return m_problem; }
    /// A merged feature branch drawn as one node: \a title (e.g. "⋯ 12") in the id column.
    void setCollapsed(const QString &title);
    bool isCollapsed() const { return m_collapsed; }

    void setLaneColour(const QColor &colour);
    /// Marks the row as matching the search, in \a colour.
    void setHighlighted(bool highlighted, const QColor &colour = {});
    bool isHighlighted() const { return m_highlighted; }
    void setState(State state);
    State state() const { return m_state; }
    void setBadges(const QList<Badge> &badges);
    QList<Badge> badges() const { return m_badges; }
    /// Marks a revision whose file changed since the database applied it: a "!" in \a colour
    /// beside the dot, \a reason in the tooltip. An empty reason takes the mark away.
    void setChangedSinceApplied(const QString &reason, const QColor &colour);
    QString changedSinceApplied() const { return m_changedReason; }
    /// Fonts and colours, shared by all items (set by the scene).
    void setStyle(const QFont &font, const QFont &idFont, const QColor &text, const QColor &dimText,
                  const QColor &current, const QColor &paper, const QColor &selection,
                  const QColor &badgeText, const Columns &columns);

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    static constexpr qreal radius = 6.0;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    void measure();
    void paintChangedMark(QPainter *painter) const;

    QString m_id;
    QString m_shortId;
    QString m_message;
    QString m_date;
    qreal m_textOffset;
    Columns m_columns;
    bool m_problem = false;
    bool m_collapsed = false;
    QColor m_problemColour;
    QString m_elided;          ///< the message as it fits its column, made when first painted
    qreal m_elidedFor = -1;    ///< the width m_elided was made for
    QColor m_lane;
    State m_state = State::Unknown;
    QList<Badge> m_badges;
    QList<qreal> m_badgeWidths;
    QString m_changedReason;
    QColor m_changedColour;
    QFont m_font;
    QFont m_idFont;
    QColor m_text;
    QColor m_dimText;
    QColor m_current;
    QColor m_paper;
    QColor m_selection;
    QColor m_badgeText;
    qreal m_badgesWidth = 0;
    qreal m_width = 0;
    qreal m_height = 20;
    bool m_hovered = false;
    bool m_highlighted = false;
    QColor m_highlight;
};

} // namespace Stratum
