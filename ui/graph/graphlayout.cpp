// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/graphlayout.h"

#include "stratum/revision/revisionmap.h"

#include <algorithm>
#include <vector>

namespace Stratum {
namespace {

struct Outgoing
{
    int target = -1;
    GraphLayout::EdgeKind kind = GraphLayout::EdgeKind::Parent;
};

// Children first: the reverse post-order of a depth-first walk from the nodes nobody points at.
// A depth-first order (rather than, say, Kahn's algorithm) keeps each branch in consecutive rows,
// which is what keeps lanes few and lines short.
Result<std::vector<int>> childrenFirstOrder(const QList<GraphNodeInput> &nodes,
                                            const std::vector<std::vector<Outgoing>> &outgoing)
{
    const int count = int(nodes.size());
    std::vector<char> pointedAt(count, 0);
    for (const auto &edges : outgoing)
        for (const Outgoing &edge : edges)
            pointedAt[edge.target] = 1;

    enum : char { Unvisited, Open, Done };
    std::vector<char> state(count, Unvisited);
    std::vector<int> postOrder;
    postOrder.reserve(count);
    std::vector<std::pair<int, int>> stack;   // node, next outgoing edge to follow

    const auto walkFrom = [&](int root) -> Status {
        stack.push_back({root, 0});
        state[root] = Open;
        while (!stack.empty()) {
            auto &[node, next] = stack.back();
            if (next < int(outgoing[node].size())) {
                const int target = outgoing[node][next++].target;
                if (state[target] == Open)
                    return Error::input(QStringLiteral("Cycle in the revision graph at %1")
                                            .arg(nodes[target].id));
                if (state[target] == Unvisited) {
                    state[target] = Open;
                    stack.push_back({target, 0});
                }
                continue;
            }
            state[node] = Done;
            postOrder.push_back(node);
            stack.pop_back();
        }
        return {};
    };

    // Reverse post-order puts the last root walked on top; walking backwards keeps the first head
    // in load order at the top.
    for (int i = count - 1; i >= 0; --i)
        if (!pointedAt[i])
            if (Status walked = walkFrom(i); !walked)
                return walked.error();
    if (int(postOrder.size()) != count) {
        for (int i = 0; i < count; ++i)
            if (state[i] == Unvisited)
                return Error::input(QStringLiteral("Cycle in the revision graph at %1").arg(nodes[i].id));
    }
    std::reverse(postOrder.begin(), postOrder.end());
    return postOrder;
}

} // namespace

Result<GraphLayout> GraphLayout::compute(const QList<GraphNodeInput> &nodes)
{
    const int count = int(nodes.size());
    QHash<QString, int> indexOf;
    indexOf.reserve(count);
    for (int i = 0; i < count; ++i) {
        if (indexOf.contains(nodes[i].id))
            return Error::input(QStringLiteral("Revision %1 appears more than once").arg(nodes[i].id));
        indexOf.insert(nodes[i].id, i);
    }

    std::vector<std::vector<Outgoing>> outgoing(count);
    for (int i = 0; i < count; ++i) {
        const GraphNodeInput &node = nodes[i];
        const auto add = [&](const QString &id, EdgeKind kind) -> Status {
            const int target = indexOf.value(id, -1);
            if (target < 0)
                return Error::input(QStringLiteral("Revision %1 refers to %2, which is not in the graph")
                                        .arg(node.id, id));
            for (const Outgoing &existing : outgoing[i])
                if (existing.target == target)
                    return {};   // a dependency on a parent adds nothing to draw
            outgoing[i].push_back({target, kind});
            return {};
        };
        for (const QString &parent : node.parents)
            if (Status added = add(parent, EdgeKind::Parent); !added)
                return added.error();
        for (const QString &dependency : node.dependencies)
            if (Status added = add(dependency, EdgeKind::Dependency); !added)
                return added.error();
    }

    Result<std::vector<int>> order = childrenFirstOrder(nodes, outgoing);
    if (!order)
        return order.error();

    GraphLayout layout;
    layout.m_nodes.resize(count);
    layout.m_rowWidth.resize(count);
    layout.m_rowOf.reserve(count);
    std::vector<int> rowOfInput(count);
    for (int row = 0; row < count; ++row) {
        const int input = (*order)[row];
        rowOfInput[input] = row;
        layout.m_nodes[row].id = nodes[input].id;
        layout.m_nodes[row].row = row;
        layout.m_rowOf.insert(nodes[input].id, row);
    }

    // The sweep: a slot is a lane held by an edge that waits for its parent's row.
    struct Slot
    {
        int targetRow = -1;   // -1: free
        int edge = -1;
    };
    std::vector<Slot> slots;
    const auto firstFree = [&slots]() {
        for (int lane = 0; lane < int(slots.size()); ++lane)
            if (slots[lane].targetRow < 0)
                return lane;
        slots.push_back({});
        return int(slots.size()) - 1;
    };
    const auto usedWidth = [&slots]() {
        int width = int(slots.size());
        while (width > 0 && slots[width - 1].targetRow < 0)
            --width;
        return width;
    };

    layout.m_edges.reserve(count + count / 4);
    for (int row = 0; row < count; ++row) {
        Node &node = layout.m_nodes[row];

        // The leftmost Revises edge that arrives here brings the node's lane.
        int lane = -1;
        for (int s = 0; s < int(slots.size()) && lane < 0; ++s)
            if (slots[s].targetRow == row)
                lane = s;
        int width = usedWidth();
        for (Slot &slot : slots)
            if (slot.targetRow == row)
                slot = {};
        if (lane < 0)
            lane = firstFree();
        node.lane = lane;
        width = std::max(width, lane + 1);

        const std::vector<Outgoing> &targets = outgoing[(*order)[row]];
        bool firstParent = true;
        for (const Outgoing &target : targets) {
            Edge edge;
            edge.childRow = row;
            edge.parentRow = rowOfInput[target.target];
            edge.kind = target.kind;
            const int index = int(layout.m_edges.size());
            if (edge.kind == EdgeKind::Dependency) {
                edge.lane = -1;
            } else {
                // The first line out of a node goes straight down its own lane.
                edge.lane = firstParent ? lane : firstFree();
                firstParent = false;
                slots[edge.lane] = {edge.parentRow, index};
                width = std::max(width, edge.lane + 1);
            }
            layout.m_edges.append(edge);
            node.parentEdges.append(index);
        }
        layout.m_rowWidth[row] = width;
        layout.m_laneCount = std::max(layout.m_laneCount, width);
        // Trailing free lanes go, so the graph narrows again once branches have merged.
        slots.resize(usedWidth());
    }

    for (int e = 0; e < int(layout.m_edges.size()); ++e)
        layout.m_nodes[layout.m_edges[e].parentRow].childEdges.append(e);
    // Which child continues each parent's branch: the oldest whose first Revises is that parent.
    std::vector<int> heir(count, -1);
    const auto older = [&](int a, int b) {
        const GraphNodeInput &x = nodes[(*order)[a]];
        const GraphNodeInput &y = nodes[(*order)[b]];
        if (x.created != y.created)
            return x.created < y.created;
        return (*order)[a] < (*order)[b];
    };
    for (int row = 0; row < count; ++row) {
        const Node &node = layout.m_nodes[row];
        if (node.parentEdges.isEmpty() || layout.m_edges[node.parentEdges.first()].kind != EdgeKind::Parent)
            continue;
        int &current = heir[layout.m_edges[node.parentEdges.first()].parentRow];
        if (current < 0 || older(row, current))
            current = row;
    }
    for (int row = count - 1; row >= 0; --row) {
        Node &node = layout.m_nodes[row];
        node.branchRoot = row;
        if (node.parentEdges.isEmpty())
            continue;
        const Edge &first = layout.m_edges[node.parentEdges.first()];
        if (first.kind == EdgeKind::Parent && heir[first.parentRow] == row)
            node.branchRoot = layout.m_nodes[first.parentRow].branchRoot;
    }
    return layout;
}

QList<QStringList> GraphLayout::mergedBranches(const QList<GraphNodeInput> &nodes, const QString &merge)
{
    QHash<QString, int> indexOf;
    QHash<QString, int> children;
    for (int i = 0; i < nodes.size(); ++i) {
        indexOf.insert(nodes[i].id, i);
        for (const QString &parent : nodes[i].parents)
            ++children[parent];
    }
    QList<QStringList> branches;
    const int m = indexOf.value(merge, -1);
    if (m < 0)
        return branches;
    for (int p = 1; p < nodes[m].parents.size(); ++p) {
        QStringList branch;
        QString current = nodes[m].parents[p];
        while (indexOf.contains(current) && children.value(current) == 1) {
            const GraphNodeInput &node = nodes[indexOf.value(current)];
            if (node.parents.size() > 1)
                break;   // a merge inside the branch: it stays visible
            branch << current;
            if (node.parents.isEmpty())
                break;
            current = node.parents.first();
        }
        if (!branch.isEmpty())
            branches << branch;
    }
    return branches;
}

QList<GraphNodeInput> GraphLayout::collapse(const QList<GraphNodeInput> &nodes, const QSet<QString> &merges,
                                            QHash<QString, CollapsedBranch> *collapsed)
{
    QHash<QString, QString> replacedBy;   // hidden revision → its branch's node
    QList<GraphNodeInput> added;
    for (const GraphNodeInput &node : nodes) {
        if (!merges.contains(node.id))
            continue;
        for (const QStringList &branch : mergedBranches(nodes, node.id)) {
            GraphNodeInput summary;
            summary.id = QStringLiteral("+%1/%2").arg(node.id, branch.first());
            for (const GraphNodeInput &candidate : nodes)
                if (candidate.id == branch.first())
                    summary.created = candidate.created;
            for (const QString &id : branch)
                replacedBy.insert(id, summary.id);
            if (collapsed)
                collapsed->insert(summary.id, {node.id, branch});
            added << summary;
        }
    }
    if (replacedBy.isEmpty())
        return nodes;

    const auto mapped = [&replacedBy](const QString &id) { return replacedBy.value(id, id); };
    QHash<QString, int> summaryIndex;
    for (int i = 0; i < added.size(); ++i)
        summaryIndex.insert(added[i].id, i);
    QList<GraphNodeInput> result;
    result.reserve(nodes.size());
    for (const GraphNodeInput &node : nodes) {
        const auto hiddenIn = replacedBy.constFind(node.id);
        GraphNodeInput &target = hiddenIn == replacedBy.constEnd() ? result.emplace_back(node)
                                                                   : added[summaryIndex.value(*hiddenIn)];
        const bool hidden = hiddenIn != replacedBy.constEnd();
        QStringList parents;
        for (const QString &parent : node.parents)
            if (!hidden || !replacedBy.contains(parent))   // inside the branch: the summary itself
                parents << mapped(parent);
        QStringList dependencies;
        for (const QString &dependency : node.dependencies) {
            const QString to = mapped(dependency);
            if (to != target.id && !dependencies.contains(to))
                dependencies << to;
        }
        if (hidden) {
            for (const QString &parent : parents)
                if (!target.parents.contains(parent))
                    target.parents << parent;
            for (const QString &dependency : dependencies)
                if (!target.dependencies.contains(dependency))
                    target.dependencies << dependency;
        } else {
            target.parents = parents;
            target.dependencies = dependencies;
        }
    }
    for (GraphNodeInput &summary : added) {
        for (const QString &parent : std::as_const(summary.parents))
            summary.dependencies.removeAll(parent);
        result << summary;
    }
    return result;
}

QList<GraphNodeInput> GraphLayout::inputFrom(const RevisionMap &map)
{
    QList<GraphNodeInput> input;
    const QList<const Revision *> revisions = map.revisions();
    input.reserve(revisions.size());
    for (const Revision *revision : revisions) {
        GraphNodeInput node;
        node.id = revision->id;
        node.parents = revision->downRevisions;
        node.created = revision->script.createDate;
        for (const QString &dependency : revision->resolvedDependencies)
            if (!node.parents.contains(dependency) && !node.dependencies.contains(dependency))
                node.dependencies.append(dependency);
        input.append(node);
    }
    return input;
}

GraphLayout GraphLayout::fromRevisionMap(const RevisionMap &map)
{
    Result<GraphLayout> layout = compute(inputFrom(map));
    return layout ? *layout : GraphLayout();
}

} // namespace Stratum
