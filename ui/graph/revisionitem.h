#pragma once

#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QList>
#include <QString>

namespace Stratum {

/// A revision in the graph: its dot on the lane, short id, message and badges. Only draws; the
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

    RevisionItem(const QString &id, const QString &message, qreal textOffset);

    int type() const override { return Type; }
    QString id() const { return m_id; }
    QString message() const { return m_message; }

    void setLaneColour(const QColor &colour);
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
                  const QColor &badgeText);

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
    qreal m_textOffset;
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
    qreal m_idWidth = 0;
    qreal m_messageWidth = 0;
    qreal m_width = 0;
    qreal m_height = 20;
    bool m_hovered = false;
};

} // namespace Stratum
