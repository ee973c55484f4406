#pragma once

#include "graph/revisionitem.h"
#include "theme/theme.h"

#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QHash>
#include <QSet>

namespace Stratum {

class GraphLayout;
class RevisionMap;

/// Draws a GraphLayout: one RevisionItem per revision, one path per edge (Depends On dashed).
/// Positions come from the layout's rows and lanes; nothing here decides where things go.
class GraphScene : public QGraphicsScene
{
    Q_OBJECT

public:
    static constexpr qreal rowHeight = 34;
    static constexpr qreal laneWidth = 18;
    static constexpr qreal margin = 24;

    explicit GraphScene(QObject *parent = nullptr);

    /// Rebuilds the items for \a layout of \a map (both must outlive the next setGraph/clearGraph).
    void setGraph(const GraphLayout &layout, const RevisionMap &map);
    void clearGraph();
    /// Applied / current / pending: \a known false draws every revision as unknown.
    void setDatabaseState(bool known, const QStringList &heads, const QSet<QString> &applied);
    /// Marks the revisions whose file changed since the database applied them (revision → why).
    void setChangedSinceApplied(const QHash<QString, QString> &reasons);
    void setPalette(const QPalette &palette);
    /// A hint drawn where the graph would be, while there is none (empty text: no hint).
    void setPlaceholder(const QString &text);

    void selectRevision(const QString &id);
    QString selectedRevision() const;
    RevisionItem *item(const QString &id) const { return m_items.value(id); }
    QList<RevisionItem *> revisionItems() const { return m_itemList; }
    int edgeCount() const { return m_edgeCount; }
    /// Scene position of the node of \a id.
    QPointF nodePosition(const QString &id) const;
    const GraphLayout *layout() const { return m_layout; }
    const Theme::Graph &colours() const { return m_colours; }
    RevisionItem::State stateOf(const QString &id) const;

Q_SIGNALS:
    void revisionSelected(const QString &id);
    void revisionActivated(const QString &id);
    void contextMenuRequested(const QString &id, const QPoint &screenPos);

protected:
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;

private:
    void build();
    void styleItems();
    void markChanged();
    RevisionItem *revisionAt(const QPointF &position) const;

    const GraphLayout *m_layout = nullptr;
    const RevisionMap *m_map = nullptr;
    QPalette m_palette;
    Theme::Graph m_colours;
    QHash<QString, RevisionItem *> m_items;
    QList<RevisionItem *> m_itemList;
    QList<QGraphicsPathItem *> m_edgeItems;
    int m_edgeCount = 0;
    QString m_placeholder;
    QGraphicsSimpleTextItem *m_placeholderItem = nullptr;
    bool m_known = false;
    QStringList m_heads;
    QSet<QString> m_applied;
    QHash<QString, QString> m_changed;
};

} // namespace Stratum
