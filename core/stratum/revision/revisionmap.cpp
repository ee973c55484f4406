// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/revision/revisionmap.h"

#include <QRegularExpression>
#include <QVarLengthArray>

#include <algorithm>
#include <iterator>
#include <optional>
#include <utility>
#include <variant>

// A port of Alembic 1.8.1's revision graph (script/revision.py RevisionMap, and the walking
// parts of script/base.py ScriptDirectory). Graph work runs on indices into the load order;
// ids only appear at the edges. Every walk is iterative: histories are long chains.

namespace Stratum {
namespace {

// Results of Alembic's _walk() and get_revisions() that are not revisions.
constexpr int BaseSymbol = -1;   // the string "base": walked down past a base
constexpr int NoRevision = -2;   // Python's None: "base" as an identifier, or an overwalk

using Label = std::optional<QString>;

bool truthy(const Label &label)
{
    return label && !label->isEmpty();
}

// A revision argument as Alembic passes them around: None, one string, or a tuple of strings.
// Alembic treats the three differently in a few places (a string is parsed for `@` and
// relative steps, a tuple is not), so the distinction is kept.
struct Arg
{
    enum Kind { Null, Text, Tuple };
    Kind kind = Null;
    QString text;
    QStringList items;

    static Arg none() { return {}; }
    static Arg fromText(const QString &text)
    {
        Arg arg;
        arg.kind = Text;
        arg.text = text;
        return arg;
    }
    static Arg fromTuple(const QStringList &items)
    {
        Arg arg;
        arg.kind = Tuple;
        arg.items = items;
        return arg;
    }
    // A caller's string: empty is None, "a,b" a tuple (ids never contain commas).
    static Arg fromUser(const QString &text)
    {
        if (text.isEmpty())
            return none();
        if (!text.contains(QLatin1Char(',')))
            return fromText(text);
        QStringList items;
        for (const QString &part : text.split(QLatin1Char(','))) {
            const QString item = part.trimmed();
            if (!item.isEmpty())
                items.append(item);
        }
        return fromTuple(items);
    }

    bool isNull() const { return kind == Null; }
    bool isText() const { return kind == Text; }
    bool isTuple() const { return kind == Tuple; }
    bool truthy() const
    {
        return kind == Text ? !text.isEmpty() : kind == Tuple ? !items.isEmpty() : false;
    }
    // util.to_tuple(x, default=())
    QStringList toTuple() const
    {
        return kind == Text ? QStringList{text} : kind == Tuple ? items : QStringList();
    }
    // How messages name it: "base" for none, the ids for several (Alembic prints Python's
    // tuple, ('a', 'b'), which means nothing to a user of Stratum).
    QString shown() const
    {
        if (kind == Null)
            return QStringLiteral("base");
        if (kind == Text)
            return text;
        return items.isEmpty() ? QStringLiteral("base") : items.join(QLatin1String(", "));
    }
};

// Alembic's RevisionError family, before ScriptDirectory turns it into a CommandError.
struct Failure
{
    enum Kind { Plain, Resolution, MultipleHeads, RangeNotAncestor };
    Kind kind = Plain;
    QString message;     // the RevisionError's own text
    QString argument;    // Resolution, MultipleHeads
    QStringList heads;   // MultipleHeads
    Arg lower;           // RangeNotAncestor
    Arg upper;

    static Failure plain(const QString &message)
    {
        Failure f;
        f.message = message;
        return f;
    }
    static Failure resolution(const QString &message, const QString &argument)
    {
        Failure f;
        f.kind = Resolution;
        f.message = message;
        f.argument = argument;
        return f;
    }
    static Failure multipleHeads(const QStringList &heads, const QString &argument)
    {
        Failure f;
        f.kind = MultipleHeads;
        f.heads = heads;
        f.argument = argument;
        f.message = QStringLiteral("Multiple heads are present for given argument '%1'; %2")
                        .arg(argument, heads.join(QLatin1String(", ")));
        return f;
    }
    static Failure rangeNotAncestor(const Arg &lower, const Arg &upper)
    {
        Failure f;
        f.kind = RangeNotAncestor;
        f.lower = lower;
        f.upper = upper;
        f.message = QStringLiteral("Revision %1 is not an ancestor of revision %2")
                        .arg(lower.truthy() ? lower.shown() : QStringLiteral("base"),
                             upper.truthy() ? upper.shown() : QStringLiteral("base"));
        return f;
    }
    static Failure relativeLength(const QString &relative, qint64 steps)
    {
        return plain(QStringLiteral("Relative revision %1 didn't produce %2 migrations")
                         .arg(relative)
                         .arg(steps < 0 ? -steps : steps));
    }
};

template<typename T>
class Fallible
{
public:
    Fallible(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Fallible(Failure failure) : m_data(std::in_place_index<1>, std::move(failure)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &operator*() { return std::get<0>(m_data); }
    const T &operator*() const { return std::get<0>(m_data); }
    T *operator->() { return &std::get<0>(m_data); }
    const T *operator->() const { return &std::get<0>(m_data); }
    const Failure &failure() const { return std::get<1>(m_data); }

private:
    std::variant<T, Failure> m_data;
};

// ScriptDirectory._catch_revision_errors(): which CommandError text a failure becomes.
struct CatchSpec
{
    QString ancestor;        // "%(start)s" / "%(end)s" template; empty = Alembic's default
    QString multipleHeads;   // "%(head_arg)s" / "%(heads)s" template; empty = default
    std::optional<QString> start;
    std::optional<QString> end;
};

Error commandError(const Failure &failure, const CatchSpec &spec = {})
{
    QString text;
    switch (failure.kind) {
    case Failure::RangeNotAncestor: {
        QString pattern = spec.ancestor.isEmpty()
                              ? QStringLiteral("Requested range %(start)s:%(end)s does not refer to "
                                               "ancestor/descendant revisions along the same branch")
                              : spec.ancestor;
        const QString start = spec.start ? *spec.start : failure.lower.shown();
        const QString end = spec.end ? *spec.end : failure.upper.shown();
        text = pattern.replace(QLatin1String("%(start)s"), start)
                   .replace(QLatin1String("%(end)s"), end);
        break;
    }
    case Failure::MultipleHeads: {
        QString pattern = spec.multipleHeads.isEmpty()
                              ? QStringLiteral("Multiple head revisions are present for given "
                                               "argument '%(head_arg)s'; please specify a specific "
                                               "target revision, '<branchname>@%(head_arg)s' to "
                                               "narrow to a specific head, or 'heads' for all heads")
                              : spec.multipleHeads;
        const QString headArg = spec.end && !spec.end->isEmpty() ? *spec.end : failure.argument;
        text = pattern.replace(QLatin1String("%(head_arg)s"), headArg)
                   .replace(QLatin1String("%(heads)s"), failure.heads.join(QLatin1String(", ")));
        break;
    }
    case Failure::Resolution:
        text = QStringLiteral("Can't locate revision identified by '%1'").arg(failure.argument);
        break;
    case Failure::Plain:
        text = failure.message;
        break;
    }
    Error error = Error::input(text);
    if (failure.message != text)
        error.hint = failure.message;
    return error;
}

// Python's int() on a string: optional sign, digits (any script), single underscores between.
std::optional<qint64> pythonInt(const QString &input)
{
    const QString text = input.trimmed();
    int i = 0;
    bool negative = false;
    if (!text.isEmpty() && (text.at(0) == QLatin1Char('+') || text.at(0) == QLatin1Char('-'))) {
        negative = text.at(0) == QLatin1Char('-');
        i = 1;
    }
    if (i >= text.size())
        return std::nullopt;
    qint64 value = 0;
    bool afterSeparator = true;   // no leading, trailing or doubled underscores
    for (; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('_')) {
            if (afterSeparator)
                return std::nullopt;
            afterSeparator = true;
            continue;
        }
        if (!c.isDigit())
            return std::nullopt;
        // Saturate instead of overflowing: no history is that long anyway.
        if (value < (qint64(1) << 50))
            value = value * 10 + c.digitValue();
        afterSeparator = false;
    }
    if (afterSeparator)
        return std::nullopt;
    return negative ? -value : value;
}

// Alembic's _relative_destination, matched at the start like re.match().
const QRegularExpression &relativeDestination()
{
    static const QRegularExpression re(QStringLiteral("^(?:(.+?)@)?(\\w+)?((?:\\+|-)\\d+)"),
                                       QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

struct Relative
{
    Label branch;
    Label symbol;
    QString relative;
    qint64 steps = 0;
};

std::optional<Relative> matchRelative(const QString &target)
{
    const QRegularExpressionMatch m = relativeDestination().match(target);
    if (!m.hasMatch())
        return std::nullopt;
    Relative r;
    if (m.hasCaptured(1))
        r.branch = m.captured(1);
    if (m.hasCaptured(2))
        r.symbol = m.captured(2);
    r.relative = m.captured(3);
    r.steps = pythonInt(r.relative).value_or(0);
    return r;
}

QString withFiles(const QString &message, const QStringList &paths)
{
    QStringList files;
    for (const QString &path : paths) {
        if (!path.isEmpty() && !files.contains(path))
            files.append(path);
    }
    if (files.isEmpty())
        return message;
    return message + (files.size() == 1 ? QLatin1String("; file: ") : QLatin1String("; files: "))
           + files.join(QLatin1String(", "));
}

enum class Edges {
    Down,             // _versioned_down_revisions
    NormalizedDown,   // _normalized_down_revisions (ancestors "including dependencies")
    AllDown,          // _all_down_revisions
    Next,             // nextrev
    AllNext,          // _all_nextrev (descendants "including dependencies")
    NormalizedNext,   // inverse of NormalizedDown
};

// Most revisions have one parent and one child: keep such lists inline, not on the heap.
using Adjacency = QVarLengthArray<int, 2>;

struct Node
{
    Adjacency down;   // Revises
    Adjacency next;   // inverse of down
};

// Only kept when some revision has Depends On; without, each list equals down or next.
struct DependencyEdges
{
    Adjacency deps;             // resolved Depends On
    Adjacency normalizedDeps;
    Adjacency allDown;
    Adjacency normalizedDown;
    Adjacency allNext;
    Adjacency normalizedNext;   // inverse of normalizedDown
    Adjacency dependents;       // revisions whose resolved Depends On names this one
};

void appendAll(QVector<int> &to, const Adjacency &from)
{
    for (int i : from)
        to.append(i);
}

QVector<int> toVector(const Adjacency &from)
{
    return QVector<int>(from.begin(), from.end());
}

// Union of two ascending lists; returns one of the inputs (shared, not copied) when it
// already holds the other.
QVector<int> sortedUnion(const QVector<int> &a, const QVector<int> &b)
{
    if (b.isEmpty() || a.isSharedWith(b))
        return a;
    if (a.isEmpty())
        return b;
    QVector<int> out;
    out.reserve(a.size() + b.size());
    std::set_union(a.cbegin(), a.cend(), b.cbegin(), b.cend(), std::back_inserter(out));
    if (out.size() == a.size())
        return a;
    if (out.size() == b.size())
        return b;
    return out;
}

Adjacency withoutRepeats(const Adjacency &first, const Adjacency &second)
{
    if (second.isEmpty() && first.size() <= 1)
        return first;
    Adjacency out;
    out.reserve(first.size() + second.size());
    for (const Adjacency *list : {&first, &second}) {
        for (int i : *list) {
            if (!out.contains(i))
                out.append(i);
        }
    }
    return out;
}

} // namespace

struct RevisionMap::Data
{
    std::vector<Revision> revs;
    std::vector<Node> nodes;
    std::vector<DependencyEdges> depEdges;   // empty unless hasDependencies
    QHash<QString, int> byId;
    QHash<QString, int> byKey;   // ids and branch labels: the keys of Alembic's _revision_map
    QStringList labelKeys;       // branch labels in Alembic's key order (after all ids)
    bool hasDependencies = false;
    QVector<int> heads, realHeads, bases, realBases;
    QStringList headIds, realHeadIds, baseIds, realBaseIds;

    int count() const { return int(revs.size()); }
    const QString &idOf(int i) const { return revs[size_t(i)].id; }
    template<typename List>
    QStringList idsOf(const List &list) const
    {
        QStringList out;
        out.reserve(list.size());
        for (int i : list)
            out.append(idOf(i));
        return out;
    }

    const Adjacency &down(int i) const { return nodes[size_t(i)].down; }
    const Adjacency &next(int i) const { return nodes[size_t(i)].next; }
    const Adjacency &deps(int i) const { return hasDependencies ? depEdges[size_t(i)].deps : none(); }
    const Adjacency &normalizedDeps(int i) const
    {
        return hasDependencies ? depEdges[size_t(i)].normalizedDeps : none();
    }
    const Adjacency &allDown(int i) const
    {
        return hasDependencies ? depEdges[size_t(i)].allDown : down(i);
    }
    const Adjacency &normalizedDown(int i) const
    {
        return hasDependencies ? depEdges[size_t(i)].normalizedDown : down(i);
    }
    const Adjacency &allNext(int i) const
    {
        return hasDependencies ? depEdges[size_t(i)].allNext : next(i);
    }
    const Adjacency &normalizedNext(int i) const
    {
        return hasDependencies ? depEdges[size_t(i)].normalizedNext : next(i);
    }
    static const Adjacency &none()
    {
        static const Adjacency empty;
        return empty;
    }

    const Adjacency &edges(int i, Edges kind) const
    {
        switch (kind) {
        case Edges::Down: return down(i);
        case Edges::NormalizedDown: return normalizedDown(i);
        case Edges::AllDown: return allDown(i);
        case Edges::Next: return next(i);
        case Edges::AllNext: return allNext(i);
        case Edges::NormalizedNext: return normalizedNext(i);
        }
        return down(i);
    }

    Status buildGraph();
    Status detectCycles() const;
    void normalizeDependencies();
    void addBranches();
    void publish();

    QVector<int> related(const QVector<int> &targets, Edges kind) const;
    Fallible<QVector<int>> relatedChecked(const QVector<int> &targets, Edges kind) const;
    std::vector<char> reach(const QVector<int> &targets, Edges kind) const;

    struct RevisionNumber
    {
        QStringList ids;
        Label branch;
    };
    Fallible<RevisionNumber> resolveRevisionNumber(const Arg &id) const;
    Fallible<int> currentHead(const Label &branch) const;
    Fallible<QVector<int>> getRevisions(const Arg &id) const;
    Fallible<int> getRevision(const Arg &id) const;
    Fallible<int> resolveBranch(const QString &label) const;
    Fallible<int> revisionForIdent(const Label &resolvedId, const Label &checkBranch = {}) const;
    bool sharesLineage(int target, const QVector<int> &against, bool includeDependencies) const;
    Fallible<QVector<int>> lineageAnchors(const Arg &checkAgainst, bool resolve) const;
    Fallible<QVector<int>> filterForLineage(const QVector<int> &targets, const Arg &checkAgainst,
                                            bool includeDependencies = false) const;
    Fallible<QStringList> filterForLineage(const QStringList &targets, const Arg &checkAgainst,
                                           bool includeDependencies = false) const;
    Fallible<int> walk(int start, qint64 steps, const Label &branch, bool noOverwalk) const;
    Fallible<std::pair<Label, int>> parseDowngradeTarget(const Arg &current, const Arg &target,
                                                          bool assertRelativeLength) const;
    Fallible<QVector<int>> parseUpgradeTarget(const Arg &current, const Arg &target,
                                              bool assertRelativeLength) const;
    using Collected = std::pair<QSet<int>, QVector<int>>;
    Fallible<Collected> collectUpgrade(const Arg &upper, Arg lower, bool inclusive,
                                       bool implicitBase, bool assertRelativeLength) const;
    Fallible<Collected> collectDowngrade(const Arg &upper, const Arg &target, bool inclusive,
                                         bool implicitBase, bool assertRelativeLength) const;
    Fallible<QVector<int>> topologicalSort(const QSet<int> &revisions,
                                           const QVector<int> &startHeads) const;
    std::optional<QVector<int>> topologicalSortClosed(const QSet<int> &revisions,
                                                      const QVector<int> &startHeads) const;
    Fallible<QVector<int>> iterate(const Arg &upper, const Arg &lower, bool implicitBase,
                                   bool inclusive, bool assertRelativeLength,
                                   bool selectForDowngrade) const;
    Fallible<QVector<int>> allCurrent(const QStringList &ids) const;
    Fallible<QList<MigrationStep>> stamp(const QStringList &destinations,
                                         const QStringList &currentHeads) const;
};

namespace {

// get_revisions() may yield "base" or None from relative walks; places that need revisions
// drop "base" (nothing to run) and refuse None, where Alembic fails an assertion.
Fallible<QVector<int>> requireRevisions(const QVector<int> &revs)
{
    QVector<int> out;
    out.reserve(revs.size());
    for (int r : revs) {
        if (r == NoRevision)
            return Failure::plain(QStringLiteral("Walked too far"));
        if (r >= 0)
            out.append(r);
    }
    return out;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Building

Status RevisionMap::Data::buildGraph()
{
    const int n = count();
    nodes.resize(size_t(n));

    // Branch labels join the ids as keys (_map_branch_labels).
    byKey = byId;
    for (int i = 0; i < n; ++i) {
        const Revision &rev = revs[size_t(i)];
        for (const QString &label : rev.script.branchLabels) {
            const auto used = byKey.constFind(label);
            if (used != byKey.constEnd()) {
                const Revision &other = revs[size_t(*used)];
                return Error::input(
                    withFiles(QStringLiteral("Branch name '%1' in revision %2 already used by "
                                             "revision %3")
                                  .arg(label, rev.id, other.id),
                              {rev.path, other.path}));
            }
            byKey.insert(label, i);
            labelKeys.append(label);
        }
    }

    // Depends On may name revisions or labels (_add_depends_on); Revises names revisions.
    hasDependencies = std::any_of(revs.cbegin(), revs.cend(), [](const Revision &rev) {
        return !rev.script.dependsOn.isEmpty();
    });
    if (hasDependencies)
        depEdges.resize(size_t(n));
    for (int i = 0; i < n; ++i) {
        const Revision &rev = revs[size_t(i)];
        Node &node = nodes[size_t(i)];
        for (const QString &dep : rev.script.dependsOn) {
            const auto found = byKey.constFind(dep);
            if (found == byKey.constEnd()) {
                return Error::input(withFiles(
                    QStringLiteral("Revision %1 referenced from %2 is not present").arg(dep, rev.id),
                    {rev.path}));
            }
            // Alembic only catches a revision naming itself; naming its own label is the
            // same loop.
            if (*found == i) {
                return Error::input(withFiles(
                    QStringLiteral("Dependency self-loop is detected in revisions (%1)").arg(rev.id),
                    {rev.path}));
            }
            depEdges[size_t(i)].deps.append(*found);
        }
        for (const QString &down : rev.script.downRevisions) {
            const auto found = byId.constFind(down);
            if (found == byId.constEnd()) {
                return Error::input(withFiles(
                    QStringLiteral("Revision %1 referenced from %2 is not present").arg(down, rev.id),
                    {rev.path}));
            }
            node.down.append(*found);
        }
        if (hasDependencies)
            depEdges[size_t(i)].allDown = withoutRepeats(node.down, deps(i));
    }

    for (int i = 0; i < n; ++i) {
        for (int parent : allDown(i)) {
            if (down(i).contains(parent))
                nodes[size_t(parent)].next.append(i);
            if (hasDependencies)
                depEdges[size_t(parent)].allNext.append(i);
        }
        for (int dep : deps(i)) {
            Adjacency &dependents = depEdges[size_t(dep)].dependents;
            if (!dependents.contains(i))
                dependents.append(i);
        }
    }

    for (int i = 0; i < n; ++i) {
        const Node &node = nodes[size_t(i)];
        if (node.next.isEmpty())
            heads.append(i);
        if (allNext(i).isEmpty())
            realHeads.append(i);
        if (node.down.isEmpty())
            bases.append(i);
        if (node.down.isEmpty() && revs[size_t(i)].script.dependsOn.isEmpty())
            realBases.append(i);
    }
    headIds = idsOf(heads);
    realHeadIds = idsOf(realHeads);
    baseIds = idsOf(bases);
    realBaseIds = idsOf(realBases);

    if (Status cycles = detectCycles(); !cycles)
        return cycles;
    normalizeDependencies();
    addBranches();
    publish();
    return {};
}

Status RevisionMap::Data::detectCycles() const
{
    const int n = count();
    if (n == 0)
        return {};
    auto problem = [&](const QString &kind, const QVector<int> &members) {
        QStringList ids;
        QStringList paths;
        for (int i : members) {
            ids.append(idOf(i));
            paths.append(revs[size_t(i)].path);
        }
        return Error::input(withFiles(QStringLiteral("%1 is detected in revisions (%2)")
                                          .arg(kind, ids.join(QLatin1String(", "))),
                                      paths));
    };
    QVector<int> everything(n);
    for (int i = 0; i < n; ++i)
        everything[i] = i;
    // Whatever is not both below a head and above a base sits on a cycle (or hangs off one).
    auto outside = [&](const QVector<int> &tops, Edges downward, const QVector<int> &roots,
                       Edges upward) {
        const std::vector<char> below = reach(tops, downward);
        const std::vector<char> above = reach(roots, upward);
        QVector<int> out;
        for (int i = 0; i < n; ++i) {
            if (!below[size_t(i)] || !above[size_t(i)])
                out.append(i);
        }
        std::sort(out.begin(), out.end(), [&](int a, int b) { return idOf(a) < idOf(b); });
        return out;
    };

    const QString cycle = QStringLiteral("Cycle");
    if (heads.isEmpty() || bases.isEmpty())
        return problem(cycle, everything);
    if (QVector<int> bad = outside(heads, Edges::Down, bases, Edges::Next); !bad.isEmpty())
        return problem(cycle, bad);

    // Without Depends On both walks would see the same graph again.
    if (!hasDependencies)
        return {};
    const QString dependencyCycle = QStringLiteral("Dependency cycle");
    if (realHeads.isEmpty() || realBases.isEmpty())
        return problem(dependencyCycle, everything);
    if (QVector<int> bad = outside(realHeads, Edges::AllDown, realBases, Edges::AllNext);
        !bad.isEmpty())
        return problem(dependencyCycle, bad);
    return {};
}

void RevisionMap::Data::normalizeDependencies()
{
    if (!hasDependencies)
        return;
    // A dependency that an ancestor already depends on is implied; drop it
    // (_normalize_depends_on). Alembic keeps a set; the written order is kept here.
    for (int i = 0; i < count(); ++i) {
        DependencyEdges &edges = depEdges[size_t(i)];
        if (edges.deps.isEmpty())
            continue;
        QVector<int> normalized = toVector(withoutRepeats(edges.deps, {}));
        // Only a dependency shared with another revision can be implied by an ancestor.
        const bool shared = std::any_of(normalized.cbegin(), normalized.cend(), [&](int dep) {
            return depEdges[size_t(dep)].dependents.size() > 1;
        });
        if (shared) {
            std::vector<char> seen(size_t(count()), 0);
            QVector<int> todo = toVector(down(i));
            while (!todo.isEmpty() && !normalized.isEmpty()) {
                const int rev = todo.takeLast();
                if (seen[size_t(rev)])
                    continue;
                seen[size_t(rev)] = 1;
                for (int dep : deps(rev))
                    normalized.removeAll(dep);
                appendAll(todo, down(rev));
            }
        }
        edges.normalizedDeps = Adjacency(normalized.cbegin(), normalized.cend());
    }
    for (int i = 0; i < count(); ++i)
        depEdges[size_t(i)].normalizedDown =
            withoutRepeats(down(i), depEdges[size_t(i)].normalizedDeps);
    for (int i = 0; i < count(); ++i) {
        for (int parent : normalizedDown(i))
            depEdges[size_t(parent)].normalizedNext.append(i);
    }
}

void RevisionMap::Data::addBranches()
{
    // Alembic's _add_branches gives a label to its revision's descendants and, walking down
    // from the last descendant it found, to the stretch of line below the revision up to a
    // branch point or merge point. That walk only gets below the revision when everything
    // above it is one plain line to a head, so the result is: each such plain stretch that
    // ends in a head shares the labels set on it, and every revision inherits its parents'
    // labels. Computed that way it is linear, instead of one walk per labelled revision.
    const int n = count();
    if (labelKeys.isEmpty())
        return;
    QHash<QString, int> labelIds;
    QStringList labelNames;
    auto labels = std::vector<QVector<int>>(size_t(n));
    for (int i = 0; i < n; ++i) {
        for (const QString &label : revs[size_t(i)].script.branchLabels) {
            auto found = labelIds.constFind(label);
            if (found == labelIds.constEnd()) {
                found = labelIds.insert(label, int(labelNames.size()));
                labelNames.append(label);
            }
            labels[size_t(i)].append(*found);
        }
        std::sort(labels[size_t(i)].begin(), labels[size_t(i)].end());
    }
    if (labelNames.isEmpty())
        return;

    auto plain = [&](int v) {
        return allNext(v).size() <= 1 && down(v).size() <= 1;
    };
    // Whether a plain line runs from v up to a head: 0 unknown, 1 yes, 2 no.
    std::vector<char> leafward(size_t(n), 0);
    auto plainToHead = [&](int start) {
        QVector<int> path;
        char result = 2;
        for (int v = start;; v = nodes[size_t(v)].next.first()) {
            if (leafward[size_t(v)]) {
                result = leafward[size_t(v)];
                break;
            }
            path.append(v);
            if (!plain(v))
                break;
            if (nodes[size_t(v)].next.isEmpty()) {
                result = 1;
                break;
            }
        }
        for (int v : path)
            leafward[size_t(v)] = result;
        return result == 1;
    };

    std::vector<char> stretched(size_t(n), 0);
    for (int i = 0; i < n; ++i) {
        if (labels[size_t(i)].isEmpty() || stretched[size_t(i)] || !plainToHead(i))
            continue;
        int bottom = i;
        while (!nodes[size_t(bottom)].down.isEmpty() && plain(nodes[size_t(bottom)].down.first()))
            bottom = nodes[size_t(bottom)].down.first();
        QVector<int> stretch;
        QVector<int> shared;
        for (int v = bottom;; v = nodes[size_t(v)].next.first()) {
            stretch.append(v);
            stretched[size_t(v)] = 1;
            shared = sortedUnion(shared, labels[size_t(v)]);
            if (nodes[size_t(v)].next.isEmpty())
                break;
        }
        for (int v : stretch)
            labels[size_t(v)] = shared;
    }

    // Parents before children (Kahn's algorithm over Revises).
    std::vector<int> pending(size_t(n), 0);
    for (const Node &node : nodes) {
        for (int child : node.next)
            ++pending[size_t(child)];
    }
    QVector<int> order;
    order.reserve(n);
    for (int i = 0; i < n; ++i) {
        if (pending[size_t(i)] == 0)
            order.append(i);
    }
    for (qsizetype k = 0; k < order.size(); ++k) {
        const int v = order.at(k);
        for (int parent : nodes[size_t(v)].down)
            labels[size_t(v)] = sortedUnion(labels[size_t(v)], labels[size_t(parent)]);
        for (int child : nodes[size_t(v)].next) {
            if (--pending[size_t(child)] == 0)
                order.append(child);
        }
    }

    // Revisions on one line mostly share one label list; convert each list once.
    QHash<const int *, QStringList> names;
    for (int i = 0; i < n; ++i) {
        const QVector<int> &ids = labels[size_t(i)];
        if (ids.isEmpty())
            continue;
        auto cached = names.constFind(ids.constData());
        if (cached == names.constEnd()) {
            QStringList list;
            list.reserve(ids.size());
            for (int id : ids)
                list.append(labelNames.at(id));
            cached = names.insert(ids.constData(), list);
        }
        revs[size_t(i)].branchLabels = *cached;
    }
}

void RevisionMap::Data::publish()
{
    for (int i = 0; i < count(); ++i) {
        Revision &rev = revs[size_t(i)];
        const Node &node = nodes[size_t(i)];
        if (!deps(i).isEmpty()) {
            rev.resolvedDependencies = idsOf(deps(i));
            rev.normalizedDependencies = idsOf(normalizedDeps(i));
        }
        rev.nextRevisions = idsOf(node.next);
        rev.allNextRevisions = allNext(i) == node.next ? rev.nextRevisions : idsOf(allNext(i));
        rev.isHead = node.next.isEmpty();
        rev.isRealHead = allNext(i).isEmpty();
        rev.isBase = node.down.isEmpty();
        rev.isRealBase = node.down.isEmpty() && rev.dependencies.isEmpty();
        rev.isBranchPoint = node.next.size() > 1;
        rev.isRealBranchPoint = allNext(i).size() > 1;
        rev.isMergePoint = node.down.size() > 1;
    }
}

// ---------------------------------------------------------------------------------------------
// Walking (_iterate_related_revisions)

QVector<int> RevisionMap::Data::related(const QVector<int> &targets, Edges kind) const
{
    QVector<int> out;
    std::vector<char> seen(size_t(count()), 0);
    QVector<int> todo;
    for (int target : targets) {
        todo.append(target);
        while (!todo.isEmpty()) {
            const int rev = todo.takeLast();
            if (seen[size_t(rev)])
                continue;
            seen[size_t(rev)] = 1;
            appendAll(todo, edges(rev, kind));
            out.append(rev);
        }
    }
    return out;
}

Fallible<QVector<int>> RevisionMap::Data::relatedChecked(const QVector<int> &targets,
                                                         Edges kind) const
{
    // check=True: a target met while walking from another target was requested twice over.
    QVector<int> out;
    std::vector<char> seen(size_t(count()), 0);
    std::vector<char> isTarget(size_t(count()), 0);
    for (int target : targets) {
        if (target >= 0)
            isTarget[size_t(target)] = 1;
    }
    QVector<int> todo;
    for (int target : targets) {
        // Relative identifiers may have walked onto "base" (nothing) or past it.
        if (target == NoRevision)
            return Failure::plain(QStringLiteral("Walked too far"));
        if (target < 0)
            continue;
        QVector<int> overlaps;
        todo.append(target);
        while (!todo.isEmpty()) {
            const int rev = todo.takeLast();
            if (rev != target && isTarget[size_t(rev)] && !overlaps.contains(rev))
                overlaps.append(rev);
            if (seen[size_t(rev)])
                continue;
            seen[size_t(rev)] = 1;
            appendAll(todo, edges(rev, kind));
            out.append(rev);
        }
        if (!overlaps.isEmpty()) {
            return Failure::plain(
                QStringLiteral("Requested revision %1 overlaps with other requested revisions %2")
                    .arg(idOf(target), idsOf(overlaps).join(QLatin1String(", "))));
        }
    }
    return out;
}

std::vector<char> RevisionMap::Data::reach(const QVector<int> &targets, Edges kind) const
{
    std::vector<char> seen(size_t(count()), 0);
    QVector<int> todo = targets;
    while (!todo.isEmpty()) {
        const int rev = todo.takeLast();
        if (seen[size_t(rev)])
            continue;
        seen[size_t(rev)] = 1;
        appendAll(todo, edges(rev, kind));
    }
    return seen;
}

// ---------------------------------------------------------------------------------------------
// Identifiers

Fallible<RevisionMap::Data::RevisionNumber>
RevisionMap::Data::resolveRevisionNumber(const Arg &id) const
{
    if (id.isTuple())
        return RevisionNumber{id.items, {}};
    Label branch;
    QString ident;
    if (id.isText()) {
        ident = id.text;
        const int at = ident.indexOf(QLatin1Char('@'));
        if (at >= 0) {
            branch = ident.left(at);
            ident = ident.mid(at + 1);
        }
    }
    if (id.isText() && ident == QLatin1String("heads")) {
        if (truthy(branch)) {
            Fallible<QStringList> filtered = filterForLineage(headIds, Arg::fromText(*branch));
            if (!filtered)
                return filtered.failure();
            return RevisionNumber{*filtered, branch};
        }
        return RevisionNumber{realHeadIds, branch};
    }
    if (id.isText() && ident == QLatin1String("head")) {
        Fallible<int> head = currentHead(branch);
        if (!head)
            return head.failure();
        return RevisionNumber{*head >= 0 ? QStringList{idOf(*head)} : QStringList(), branch};
    }
    if (id.isNull() || ident == QLatin1String("base"))
        return RevisionNumber{{}, branch};
    return RevisionNumber{{ident}, branch};
}

Fallible<int> RevisionMap::Data::currentHead(const Label &branch) const
{
    QStringList current = headIds;
    if (truthy(branch)) {
        Fallible<QStringList> filtered = filterForLineage(headIds, Arg::fromText(*branch));
        if (!filtered)
            return filtered.failure();
        current = *filtered;
    }
    if (current.size() > 1) {
        return Failure::multipleHeads(current, truthy(branch) ? *branch + QLatin1String("@head")
                                                              : QStringLiteral("head"));
    }
    return current.isEmpty() ? NoRevision : byId.value(current.first());
}

Fallible<QVector<int>> RevisionMap::Data::getRevisions(const Arg &id) const
{
    if (id.isTuple()) {
        QVector<int> out;
        for (const QString &item : id.items) {
            Fallible<QVector<int>> part = getRevisions(Arg::fromText(item));
            if (!part)
                return part;
            out += *part;
        }
        return out;
    }
    Fallible<RevisionNumber> number = resolveRevisionNumber(id);
    if (!number)
        return number.failure();
    if (number->ids.size() == 1) {
        const std::optional<qint64> steps = pythonInt(number->ids.first());
        if (steps && *steps < 0) {
            // branch@-n: walk down from the (real) heads on that branch.
            QVector<int> selected;
            for (int head : realHeads) {
                if (!number->branch || revs[size_t(head)].branchLabels.contains(*number->branch))
                    selected.append(head);
            }
            QVector<int> out;
            for (int head : selected) {
                Fallible<int> walked = walk(head, *steps, {}, true);
                if (!walked)
                    return walked.failure();
                out.append(*walked);
            }
            return out;
        }
    }
    QVector<int> out;
    for (const QString &ident : number->ids) {
        Fallible<int> rev = revisionForIdent(ident, number->branch);
        if (!rev)
            return rev.failure();
        out.append(*rev);
    }
    return out;
}

Fallible<int> RevisionMap::Data::getRevision(const Arg &id) const
{
    Fallible<RevisionNumber> number = resolveRevisionNumber(id);
    if (!number)
        return number.failure();
    if (number->ids.size() > 1)
        return Failure::multipleHeads(number->ids, id.shown());
    return revisionForIdent(number->ids.isEmpty() ? Label() : Label(number->ids.first()),
                            number->branch);
}

Fallible<int> RevisionMap::Data::resolveBranch(const QString &label) const
{
    const auto found = byKey.constFind(label);
    if (found != byKey.constEnd())
        return *found;
    Fallible<int> rev = revisionForIdent(label);
    if (!rev && rev.failure().kind == Failure::Resolution)
        return Failure::resolution(QStringLiteral("No such branch: '%1'").arg(label), label);
    return rev;
}

Fallible<int> RevisionMap::Data::revisionForIdent(const Label &resolvedId,
                                                  const Label &checkBranch) const
{
    const bool checking = truthy(checkBranch);
    int branchRev = NoRevision;
    if (checking) {
        Fallible<int> branch = resolveBranch(*checkBranch);
        if (!branch)
            return branch;
        branchRev = *branch;
    }

    int revision = NoRevision;
    if (resolvedId) {
        const auto exact = byKey.constFind(*resolvedId);
        if (exact != byKey.constEnd()) {
            revision = *exact;
        } else {
            // Partial lookup over ids and labels of four characters or more.
            const QString &prefix = *resolvedId;
            QStringList matches;
            auto consider = [&](const QString &key) {
                if (key.size() > 3 && key.startsWith(prefix))
                    matches.append(key);
            };
            for (const Revision &rev : revs)
                consider(rev.id);
            for (const QString &label : labelKeys)
                consider(label);
            if (checking && branchRev >= 0 && !matches.isEmpty()) {
                Fallible<QStringList> onBranch =
                    filterForLineage(matches, Arg::fromText(*checkBranch));
                if (!onBranch)
                    return onBranch.failure();
                matches = *onBranch;
            }
            if (matches.isEmpty()) {
                return Failure::resolution(
                    QStringLiteral("No such revision or branch '%1'%2")
                        .arg(prefix,
                             prefix.size() < 4
                                 ? QStringLiteral("; please ensure at least four characters are "
                                                  "present for partial revision identifier matches")
                                 : QString()),
                    prefix);
            }
            if (matches.size() > 1) {
                QStringList shown;
                for (const QString &key : matches.mid(0, 3))
                    shown.append(QLatin1Char('\'') + key + QLatin1Char('\''));
                return Failure::resolution(QStringLiteral("Multiple revisions start with '%1': %2...")
                                               .arg(prefix, shown.join(QLatin1String(", "))),
                                           prefix);
            }
            revision = byKey.value(matches.first());
        }
    }

    if (checking && revision >= 0 && !sharesLineage(revision, {branchRev}, false)) {
        return Failure::resolution(QStringLiteral("Revision %1 is not a member of branch '%2'")
                                       .arg(idOf(revision), *checkBranch),
                                   resolvedId.value_or(QString()));
    }
    return revision;
}

bool RevisionMap::Data::sharesLineage(int target, const QVector<int> &against,
                                      bool includeDependencies) const
{
    if (against.isEmpty())
        return true;
    // Ancestor-or-self or descendant-or-self of the target; stop at the first hit.
    std::vector<char> wanted(size_t(count()), 0);
    for (int rev : against) {
        if (rev >= 0)
            wanted[size_t(rev)] = 1;
    }
    for (Edges kind : {includeDependencies ? Edges::AllNext : Edges::Next,
                       includeDependencies ? Edges::NormalizedDown : Edges::Down}) {
        std::vector<char> seen(size_t(count()), 0);
        QVector<int> todo{target};
        while (!todo.isEmpty()) {
            const int rev = todo.takeLast();
            if (seen[size_t(rev)])
                continue;
            seen[size_t(rev)] = 1;
            if (wanted[size_t(rev)])
                return true;
            appendAll(todo, edges(rev, kind));
        }
    }
    return false;
}

Fallible<QVector<int>> RevisionMap::Data::lineageAnchors(const Arg &checkAgainst,
                                                          bool resolve) const
{
    // Like filter_for_lineage(), parse the identifier at once but look its parts up only
    // when there is something to filter.
    Fallible<RevisionNumber> number = resolveRevisionNumber(checkAgainst);
    if (!number)
        return number.failure();
    QStringList shares;
    if (truthy(number->branch))
        shares.append(*number->branch);
    shares += number->ids;
    if (!resolve)
        return QVector<int>();
    QVector<int> anchors;
    for (const QString &share : shares) {
        Fallible<int> rev = revisionForIdent(share);
        if (!rev)
            return rev.failure();
        anchors.append(*rev);
    }
    return anchors;
}

Fallible<QVector<int>> RevisionMap::Data::filterForLineage(const QVector<int> &targets,
                                                           const Arg &checkAgainst,
                                                           bool includeDependencies) const
{
    Fallible<QVector<int>> anchors = lineageAnchors(checkAgainst, !targets.isEmpty());
    if (!anchors)
        return anchors;
    QVector<int> out;
    for (int target : targets) {
        if (target >= 0 && sharesLineage(target, *anchors, includeDependencies))
            out.append(target);
    }
    return out;
}

Fallible<QStringList> RevisionMap::Data::filterForLineage(const QStringList &targets,
                                                          const Arg &checkAgainst,
                                                          bool includeDependencies) const
{
    Fallible<QVector<int>> anchors = lineageAnchors(checkAgainst, !targets.isEmpty());
    if (!anchors)
        return anchors.failure();
    QStringList out;
    for (const QString &target : targets) {
        if (anchors->isEmpty()) {
            out.append(target);
            continue;
        }
        Fallible<int> rev = revisionForIdent(target);
        if (!rev)
            return rev.failure();
        if (*rev >= 0 && sharesLineage(*rev, *anchors, includeDependencies))
            out.append(target);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Relative identifiers

Fallible<int> RevisionMap::Data::walk(int start, qint64 steps, const Label &branch,
                                      bool noOverwalk) const
{
    int current = start;
    const qint64 count = steps < 0 ? -steps : steps;
    for (qint64 step = 0; step < count; ++step) {
        QVector<int> children;
        if (steps > 0) {
            if (current == BaseSymbol)
                return Failure::plain(QStringLiteral("Walked too far"));
            const QVector<int> up = current == NoRevision ? bases : toVector(next(current));
            if (truthy(branch)) {
                Fallible<QVector<int>> filtered = filterForLineage(up, Arg::fromText(*branch));
                if (!filtered)
                    return filtered.failure();
                children = *filtered;
            } else {
                children = up;
            }
        } else if (current != BaseSymbol) {
            children = current == NoRevision ? heads : toVector(nodes[size_t(current)].down);
            if (children.isEmpty())
                children = {BaseSymbol};
        }
        if (children.isEmpty())
            return noOverwalk ? NoRevision : current;
        if (children.size() > 1)
            return Failure::plain(QStringLiteral("Ambiguous walk"));
        current = children.first();
    }
    return current;
}

Fallible<std::pair<Label, int>>
RevisionMap::Data::parseDowngradeTarget(const Arg &current, const Arg &target,
                                        bool assertRelativeLength) const
{
    using Parsed = std::pair<Label, int>;
    if (target.isNull())
        return Parsed{{}, NoRevision};
    if (!target.isText())
        return Failure::plain(QStringLiteral("Expected downgrade target in string form"));

    if (const std::optional<Relative> rel = matchRelative(target.text)) {
        Label branch = rel->branch;
        if (rel->steps >= 0) {
            if (!rel->symbol)
                return Failure::relativeLength(rel->relative, rel->steps);
            Fallible<int> start = getRevision(Arg::fromText(*rel->symbol));
            if (!start)
                return start.failure();
            Fallible<int> rev = walk(*start, rel->steps, branch, assertRelativeLength);
            if (!rev)
                return rev.failure();
            if (*rev == NoRevision)
                return Failure::plain(QStringLiteral("Walked too far"));
            return Parsed{branch, *rev};
        }

        const bool relativeToCurrent = !rel->symbol;
        QString symbol = rel->symbol.value_or(QString());
        if (relativeToCurrent) {
            const QStringList currentRevisions = current.toTuple();
            if (truthy(branch)) {
                Fallible<QStringList> symbols =
                    filterForLineage(currentRevisions, Arg::fromText(*branch));
                if (!symbols)
                    return symbols.failure();
                QStringList symbolList = *symbols;
                if (symbolList.isEmpty()) {
                    // One current head may stand for several branches through dependencies.
                    Fallible<QVector<int>> all = allCurrent(currentRevisions);
                    if (!all)
                        return all.failure();
                    Fallible<QVector<int>> onBranch = filterForLineage(*all, Arg::fromText(*branch));
                    if (!onBranch)
                        return onBranch.failure();
                    symbolList = idsOf(*onBranch);
                }
                if (symbolList.size() != 1)
                    return Failure::plain(QStringLiteral("Ambiguous walk"));
                symbol = symbolList.first();
            } else {
                if (currentRevisions.isEmpty())
                    return Failure::relativeLength(rel->relative, rel->steps);
                // Alembic warns that -1 from several heads is ambiguous, and walks the first.
                symbol = currentRevisions.first();
                branch = symbol;
            }
        }
        Fallible<int> start = getRevision(
            Arg::fromText(branch ? *branch + QLatin1Char('@') + symbol : symbol));
        if (!start)
            return start.failure();
        Fallible<int> rev = walk(*start, rel->steps, {}, assertRelativeLength);
        if (!rev)
            return rev.failure();
        if (*rev == NoRevision) {
            if (relativeToCurrent)
                return Failure::relativeLength(rel->relative, rel->steps);
            return Failure::plain(QStringLiteral("Walked too far"));
        }
        return Parsed{branch, *rev};
    }

    // Absolute: the label is whatever comes before the last '@'.
    const int at = target.text.lastIndexOf(QLatin1Char('@'));
    Label branch;
    if (at > 0)
        branch = target.text.left(at);
    Fallible<int> rev = getRevision(Arg::fromText(target.text.mid(at + 1)));
    if (!rev)
        return rev.failure();
    return Parsed{branch, *rev};
}

Fallible<QVector<int>> RevisionMap::Data::parseUpgradeTarget(const Arg &current, const Arg &target,
                                                             bool assertRelativeLength) const
{
    const std::optional<Relative> rel =
        target.isText() ? matchRelative(target.text) : std::optional<Relative>();
    if (!rel)
        return getRevisions(target);

    const Label &branch = rel->branch;
    if (rel->steps > 0) {
        if (rel->symbol) {
            Fallible<int> start = getRevision(Arg::fromText(*rel->symbol));
            if (!start)
                return start.failure();
            Fallible<int> rev = walk(*start, rel->steps, branch, assertRelativeLength);
            if (!rev)
                return rev.failure();
            // Alembic asserts here; say what went wrong instead.
            if (*rev == NoRevision)
                return Failure::relativeLength(rel->relative, rel->steps);
            return QVector<int>{*rev};
        }
        // Relative to the current heads; on a branch, from the tip of that branch.
        const QStringList currentRevisions = current.toTuple();
        QVector<int> startRevs;
        bool fromIds = true;
        QStringList startIds = currentRevisions;
        if (truthy(branch)) {
            fromIds = false;
            Fallible<QVector<int>> currentRevs = getRevisions(Arg::fromTuple(currentRevisions));
            if (!currentRevs)
                return currentRevs;
            Fallible<QVector<int>> revsOnly = requireRevisions(*currentRevs);
            if (!revsOnly)
                return revsOnly;
            Fallible<QVector<int>> filtered = filterForLineage(*revsOnly, Arg::fromText(*branch));
            if (!filtered)
                return filtered;
            startRevs = *filtered;
            if (startRevs.isEmpty()) {
                Fallible<QVector<int>> active =
                    filterForLineage(related(*revsOnly, Edges::NormalizedDown),
                                     Arg::fromText(*branch));
                if (!active)
                    return active;
                QSet<int> below;
                for (int rev : *active) {
                    for (int down : normalizedDown(rev))
                        below.insert(down);
                }
                for (int rev : *active) {
                    if (!below.contains(rev) && !startRevs.contains(rev))
                        startRevs.append(rev);
                }
                if (startRevs.isEmpty())
                    startRevs.append(NoRevision);
            }
        }
        const qsizetype starts = fromIds ? std::max<qsizetype>(startIds.size(), 1) : startRevs.size();
        if (starts > 1)
            return Failure::plain(QStringLiteral("Ambiguous upgrade from multiple current revisions"));
        int start = NoRevision;
        if (!fromIds) {
            start = startRevs.first();
        } else if (!startIds.isEmpty()) {
            Fallible<int> resolved = getRevision(Arg::fromText(startIds.first()));
            if (!resolved)
                return resolved.failure();
            start = *resolved;
        }
        Fallible<int> rev = walk(start, rel->steps, branch, assertRelativeLength);
        if (!rev)
            return rev.failure();
        if (*rev == NoRevision)
            return Failure::relativeLength(rel->relative, rel->steps);
        return QVector<int>{*rev};
    }

    if (!rel->symbol)
        return Failure::relativeLength(QString::number(rel->steps), rel->steps);
    Fallible<int> start = getRevision(
        Arg::fromText(branch ? *branch + QLatin1Char('@') + *rel->symbol : *rel->symbol));
    if (!start)
        return start.failure();
    Fallible<int> rev = walk(*start, rel->steps, {}, assertRelativeLength);
    if (!rev)
        return rev.failure();
    // Alembic asserts on both; walking down onto "base" means no revision at all.
    if (*rev == NoRevision)
        return Failure::relativeLength(QString::number(rel->steps), rel->steps);
    if (*rev == BaseSymbol)
        return QVector<int>();
    return QVector<int>{*rev};
}

// ---------------------------------------------------------------------------------------------
// Collecting and ordering

Fallible<RevisionMap::Data::Collected>
RevisionMap::Data::collectUpgrade(const Arg &upper, Arg lower, bool inclusive, bool implicitBase,
                                  bool assertRelativeLength) const
{
    Fallible<QVector<int>> parsed = parseUpgradeTarget(lower, upper, assertRelativeLength);
    if (!parsed)
        return parsed.failure();
    Fallible<QVector<int>> checkedTargets = requireRevisions(*parsed);
    if (!checkedTargets)
        return checkedTargets.failure();
    QVector<int> targets = *checkedTargets;

    // A named base (label@base, rev@base) keeps only the targets on that branch.
    if (lower.isText() && lower.text.contains(QLatin1Char('@'))) {
        QString branch = lower.text.left(lower.text.indexOf(QLatin1Char('@')));
        Fallible<int> branchRev = getRevision(Arg::fromText(branch));
        if (!branchRev)
            return branchRev.failure();
        if (*branchRev >= 0 && idOf(*branchRev) == branch) {
            const QStringList &labels = revs[size_t(*branchRev)].branchLabels;
            if (labels.size() != 1) {
                return Failure::plain(
                    QStringLiteral("Revision %1 does not carry exactly one branch label").arg(branch));
            }
            branch = labels.first();
        }
        QVector<int> kept;
        for (int target : targets) {
            if (revs[size_t(target)].branchLabels.contains(branch))
                kept.append(target);
        }
        targets = kept;
    }

    Fallible<QVector<int>> required = relatedChecked(targets, Edges::NormalizedDown);
    if (!required)
        return required.failure();
    QSet<int> requiredSet(required->cbegin(), required->cend());
    for (int target : targets)
        requiredSet.insert(target);

    Fallible<QVector<int>> currentRaw = getRevisions(lower);
    if (!currentRaw)
        return currentRaw.failure();
    QVector<int> current = *currentRaw;
    if (!implicitBase) {
        for (int rev : current) {
            if (rev != NoRevision && (rev < 0 || !requiredSet.contains(rev)))
                return Failure::rangeNotAncestor(lower, upper);
        }
    }
    // A relative lower bound that get_revisions() could not place (e.g. -5 from here).
    if (!current.isEmpty() && current.first() == NoRevision) {
        Fallible<std::pair<Label, int>> parsedLower =
            parseDowngradeTarget(upper, lower, assertRelativeLength);
        if (!parsedLower)
            return parsedLower.failure();
        const int rev = parsedLower->second;
        if (rev == NoRevision)
            return Failure::plain(QStringLiteral("Walked too far"));
        if (rev == BaseSymbol) {
            current.clear();
            lower = Arg::none();
        } else {
            current = {rev};
            lower = Arg::fromText(idOf(rev));
        }
    }
    Fallible<QVector<int>> currentNodes = relatedChecked(current, Edges::NormalizedDown);
    if (!currentNodes)
        return currentNodes.failure();
    current.removeAll(BaseSymbol);
    QSet<int> currentSet(currentNodes->cbegin(), currentNodes->cend());
    for (int rev : current)
        currentSet.insert(rev);

    QSet<int> needs = requiredSet;
    needs.subtract(currentSet);
    if (inclusive) {
        Fallible<QVector<int>> lowerRevs = getRevisions(lower);
        if (!lowerRevs)
            return lowerRevs.failure();
        Fallible<QVector<int>> lowerChecked = requireRevisions(*lowerRevs);
        if (!lowerChecked)
            return lowerChecked.failure();
        for (int rev : *lowerChecked)
            needs.insert(rev);
    }
    if (!current.isEmpty() && !implicitBase) {
        Fallible<QVector<int>> lowerDescendants = relatedChecked(current, Edges::Next);
        if (!lowerDescendants)
            return lowerDescendants.failure();
        needs.intersect(QSet<int>(lowerDescendants->cbegin(), lowerDescendants->cend()));
    }
    return Collected{needs, targets};
}

Fallible<RevisionMap::Data::Collected>
RevisionMap::Data::collectDowngrade(const Arg &upper, const Arg &target, bool inclusive,
                                    bool implicitBase, bool assertRelativeLength) const
{
    Fallible<std::pair<Label, int>> parsed = parseDowngradeTarget(upper, target, assertRelativeLength);
    if (!parsed)
        return parsed.failure();
    const Label branch = parsed->first;
    int targetRev = parsed->second;
    if (targetRev == BaseSymbol)
        targetRev = NoRevision;

    QVector<int> roots;
    if (targetRev == NoRevision) {
        roots = bases;   // downgrading to base: every root goes
    } else if (inclusive) {
        roots = {targetRev};
    } else {
        roots = toVector(nodes[size_t(targetRev)].next);
    }

    if (truthy(branch) && roots.size() > 1) {
        // Only the roots on the named branch.
        Fallible<int> branchRev = resolveBranch(*branch);
        if (!branchRev)
            return branchRev.failure();
        const std::vector<char> onBranch =
            *branchRev >= 0 ? reach({*branchRev}, Edges::Down) : std::vector<char>(size_t(count()), 0);
        QVector<int> kept;
        for (int root : roots) {
            if (onBranch[size_t(root)])
                kept.append(root);
        }
        roots = kept;
        if (roots.isEmpty())
            return Failure::plain(QStringLiteral("Not a valid downgrade target from current heads"));
    }

    Fallible<QVector<int>> headsRaw = getRevisions(upper);
    if (!headsRaw)
        return headsRaw.failure();
    Fallible<QVector<int>> currentHeads = requireRevisions(*headsRaw);
    if (!currentHeads)
        return currentHeads.failure();

    // Drop the roots, their descendants and whatever depends on them, as far as applied.
    const std::vector<char> active = reach(*currentHeads, Edges::NormalizedDown);
    const QVector<int> doomed = related(roots, Edges::AllNext);
    QSet<int> downgrade;
    for (int rev : doomed) {
        if (active[size_t(rev)])
            downgrade.insert(rev);
    }
    if (implicitBase) {
        const std::vector<char> kept = reach(roots, Edges::NormalizedDown);
        for (int i = 0; i < count(); ++i) {
            if (active[size_t(i)] && !kept[size_t(i)])
                downgrade.insert(i);
        }
    }
    if (targetRev != NoRevision && downgrade.isEmpty() && !currentHeads->contains(targetRev))
        return Failure::rangeNotAncestor(Arg::fromText(QStringLiteral("Nothing to drop")), upper);
    return Collected{downgrade, *currentHeads};
}

Fallible<QVector<int>> RevisionMap::Data::topologicalSort(const QSet<int> &revisions,
                                                          const QVector<int> &startHeads) const
{
    // Alembic's _topological_sort: depth-first down each head in load order, but a revision
    // waits while another head still needs it, so branches end at their branch point.
    if (std::optional<QVector<int>> fast = topologicalSortClosed(revisions, startHeads))
        return *fast;

    auto ancestorsOf = [&](int rev) {
        const QVector<int> list = related({rev}, Edges::NormalizedDown);
        return QSet<int>(list.cbegin(), list.cend());
    };
    QSet<int> todo = revisions;
    QVector<int> currentHeads;
    for (int head : startHeads) {
        if (todo.contains(head) && !currentHeads.contains(head))
            currentHeads.append(head);
    }
    std::sort(currentHeads.begin(), currentHeads.end());
    QVector<QSet<int>> ancestorsByIdx;
    for (int head : currentHeads)
        ancestorsByIdx.append(ancestorsOf(head));

    QVector<int> output;
    output.reserve(revisions.size());
    qsizetype candidateIdx = 0;
    qsizetype hops = 0;   // Alembic would spin forever on a broken graph; stop instead
    while (!currentHeads.isEmpty()) {
        const int candidate = currentHeads.at(candidateIdx);
        qsizetype waitFor = -1;
        for (qsizetype i = 0; i < ancestorsByIdx.size(); ++i) {
            if (i != candidateIdx && ancestorsByIdx.at(i).contains(candidate)) {
                waitFor = i;
                break;
            }
        }
        if (waitFor >= 0) {
            candidateIdx = waitFor;
            if (++hops > currentHeads.size())
                return Failure::plain(QStringLiteral("Dependency resolution failed; broken map"));
            continue;
        }
        hops = 0;
        if (todo.remove(candidate))
            output.append(candidate);

        QVector<int> headsToAdd;
        for (int parent : normalizedDown(candidate)) {
            if (todo.contains(parent) && !currentHeads.contains(parent))
                headsToAdd.append(parent);
        }
        if (headsToAdd.isEmpty()) {
            currentHeads.remove(candidateIdx);
            ancestorsByIdx.remove(candidateIdx);
            candidateIdx = std::max<qsizetype>(candidateIdx - 1, 0);
        } else if (normalizedDeps(candidate).isEmpty() && down(candidate).size() == 1) {
            // Plain movement down a line: the ancestors are the same minus the candidate.
            currentHeads[candidateIdx] = headsToAdd.first();
            ancestorsByIdx[candidateIdx].remove(candidate);
        } else {
            currentHeads[candidateIdx] = headsToAdd.first();
            ancestorsByIdx[candidateIdx] = ancestorsOf(headsToAdd.first());
            for (qsizetype i = 1; i < headsToAdd.size(); ++i) {
                currentHeads.append(headsToAdd.at(i));
                ancestorsByIdx.append(ancestorsOf(headsToAdd.at(i)));
            }
        }
    }
    if (!todo.isEmpty())
        return Failure::plain(QStringLiteral("Dependency resolution failed; broken map"));
    return output;
}

std::optional<QVector<int>>
RevisionMap::Data::topologicalSortClosed(const QSet<int> &revisions,
                                         const QVector<int> &startHeads) const
{
    // The same walk as topologicalSort(), without ancestor sets. It holds when the revisions
    // to sort are closed under paths (nothing outside the set lies between two members) and
    // each lies below one of the heads, which is what the collectors hand over. Then "the
    // candidate is an ancestor of another head" means "the candidate has a child still to
    // emit", and the head to turn to is the first one found above it among those children.
    const int n = count();
    std::vector<char> pending(size_t(n), 0);
    for (int rev : revisions)
        pending[size_t(rev)] = 1;

    // Closed under paths: climbing from the set's outside children never comes back in.
    {
        std::vector<char> seen(size_t(n), 0);
        QVector<int> todo;
        for (int rev : revisions) {
            for (int child : normalizedNext(rev)) {
                if (!pending[size_t(child)])
                    todo.append(child);
            }
        }
        while (!todo.isEmpty()) {
            const int rev = todo.takeLast();
            if (pending[size_t(rev)])
                return std::nullopt;
            if (seen[size_t(rev)])
                continue;
            seen[size_t(rev)] = 1;
            appendAll(todo, normalizedNext(rev));
        }
    }

    QVector<int> currentHeads;
    for (int head : startHeads) {
        if (head >= 0 && pending[size_t(head)] && !currentHeads.contains(head))
            currentHeads.append(head);
    }
    std::sort(currentHeads.begin(), currentHeads.end());

    // Every revision lies below a head.
    {
        std::vector<char> seen(size_t(n), 0);
        QVector<int> todo = currentHeads;
        qsizetype covered = 0;
        while (!todo.isEmpty()) {
            const int rev = todo.takeLast();
            if (seen[size_t(rev)] || !pending[size_t(rev)])
                continue;
            seen[size_t(rev)] = 1;
            ++covered;
            appendAll(todo, normalizedDown(rev));
        }
        if (covered != revisions.size())
            return std::nullopt;
    }

    auto hasPendingChild = [&](int rev) {
        const Adjacency &children = normalizedNext(rev);
        return std::any_of(children.cbegin(), children.cend(),
                           [&](int child) { return pending[size_t(child)] != 0; });
    };
    std::vector<char> above(size_t(n), 0);
    auto firstHeadAbove = [&](int rev, qsizetype skip) -> qsizetype {
        QVector<int> reached;
        QVector<int> todo = toVector(normalizedNext(rev));
        while (!todo.isEmpty()) {
            const int r = todo.takeLast();
            if (!pending[size_t(r)] || above[size_t(r)])
                continue;
            above[size_t(r)] = 1;
            reached.append(r);
            appendAll(todo, normalizedNext(r));
        }
        qsizetype found = -1;
        for (qsizetype i = 0; i < currentHeads.size() && found < 0; ++i) {
            if (i != skip && above[size_t(currentHeads.at(i))])
                found = i;
        }
        for (int r : reached)
            above[size_t(r)] = 0;
        return found;
    };

    QVector<int> output;
    output.reserve(revisions.size());
    qsizetype candidateIdx = 0;
    qsizetype hops = 0;
    while (!currentHeads.isEmpty()) {
        const int candidate = currentHeads.at(candidateIdx);
        if (hasPendingChild(candidate)) {
            const qsizetype other = firstHeadAbove(candidate, candidateIdx);
            if (other < 0 || ++hops > currentHeads.size())
                return std::nullopt;
            candidateIdx = other;
            continue;
        }
        hops = 0;
        pending[size_t(candidate)] = 0;
        output.append(candidate);

        QVector<int> headsToAdd;
        for (int parent : normalizedDown(candidate)) {
            if (pending[size_t(parent)] && !currentHeads.contains(parent))
                headsToAdd.append(parent);
        }
        if (headsToAdd.isEmpty()) {
            currentHeads.remove(candidateIdx);
            candidateIdx = std::max<qsizetype>(candidateIdx - 1, 0);
        } else {
            currentHeads[candidateIdx] = headsToAdd.first();
            currentHeads.append(headsToAdd.mid(1));
        }
    }
    if (output.size() != revisions.size())
        return std::nullopt;
    return output;
}

Fallible<QVector<int>> RevisionMap::Data::iterate(const Arg &upper, const Arg &lower,
                                                  bool implicitBase, bool inclusive,
                                                  bool assertRelativeLength,
                                                  bool selectForDowngrade) const
{
    Fallible<Collected> collected =
        selectForDowngrade
            ? collectDowngrade(upper, lower, inclusive, implicitBase, assertRelativeLength)
            : collectUpgrade(upper, lower, inclusive, implicitBase, assertRelativeLength);
    if (!collected)
        return collected.failure();
    return topologicalSort(collected->first, collected->second);
}

Fallible<QVector<int>> RevisionMap::Data::allCurrent(const QStringList &ids) const
{
    Fallible<QVector<int>> top = getRevisions(Arg::fromTuple(ids));
    if (!top)
        return top;
    Fallible<QVector<int>> topRevs = requireRevisions(*top);
    if (!topRevs)
        return topRevs;
    // _filter_into_branch_heads: keep those without a descendant (through Revises) in the set.
    // Everything that is a proper ancestor of a member is marked in one pass.
    const std::vector<char> member = reach(*topRevs, Edges::NormalizedDown);
    std::vector<char> covered(size_t(count()), 0);
    QVector<int> todo;
    for (int i = 0; i < count(); ++i) {
        if (member[size_t(i)])
            appendAll(todo, nodes[size_t(i)].down);
    }
    while (!todo.isEmpty()) {
        const int rev = todo.takeLast();
        if (covered[size_t(rev)])
            continue;
        covered[size_t(rev)] = 1;
        appendAll(todo, nodes[size_t(rev)].down);
    }
    QVector<int> out;
    for (int i = 0; i < count(); ++i) {
        if (member[size_t(i)] && !covered[size_t(i)])
            out.append(i);
    }
    return out;
}

Fallible<QList<MigrationStep>> RevisionMap::Data::stamp(const QStringList &destinations,
                                                        const QStringList &currentHeads) const
{
    Fallible<QVector<int>> headsRaw = getRevisions(Arg::fromTuple(currentHeads));
    if (!headsRaw)
        return headsRaw.failure();
    Fallible<QVector<int>> headRevs = requireRevisions(*headsRaw);
    if (!headRevs)
        return headRevs.failure();

    const Arg revision = destinations.isEmpty() ? Arg::fromText(QStringLiteral("base"))
                                                : Arg::fromTuple(destinations);
    QVector<int> filteredHeads;
    for (const QString &rev : revision.toTuple()) {
        if (rev.isEmpty())
            continue;
        Fallible<QVector<int>> filtered = filterForLineage(*headRevs, Arg::fromText(rev), true);
        if (!filtered)
            return filtered.failure();
        for (int head : *filtered) {
            if (!filteredHeads.contains(head))
                filteredHeads.append(head);
        }
    }
    const QStringList filteredIds = idsOf(filteredHeads);

    Fallible<QVector<int>> destsRaw = getRevisions(revision);
    if (!destsRaw)
        return destsRaw.failure();
    QVector<int> dests = *destsRaw;
    if (dests.isEmpty())
        dests = {NoRevision};

    auto step = [](const QStringList &from, const QStringList &to, bool upgrade, bool branchMove) {
        MigrationStep s;
        s.isStamp = true;
        s.isUpgrade = upgrade;
        s.fromRevisions = from;
        s.toRevisions = to;
        s.branchMove = branchMove;
        return s;
    };
    QList<MigrationStep> steps;
    for (int dest : dests) {
        if (dest < 0) {
            // To base: delete every branch that was selected.
            for (const QString &head : filteredIds)
                steps.append(step({head}, {}, false, true));
            continue;
        }
        if (filteredHeads.contains(dest))
            continue;   // already in the version table
        const std::vector<char> below = reach({dest}, Edges::AllNext);
        const std::vector<char> above = reach({dest}, Edges::NormalizedDown);
        const bool headsAbove = std::any_of(filteredHeads.cbegin(), filteredHeads.cend(),
                                            [&](int h) { return below[size_t(h)] != 0; });
        const bool headsBelow = std::any_of(filteredHeads.cbegin(), filteredHeads.cend(),
                                            [&](int h) { return above[size_t(h)] != 0; });
        if (headsAbove && headsBelow) {
            // Alembic asserts this away: no single stamp step can move both ways.
            return Failure::plain(QStringLiteral("Can't stamp %1: the current heads lie both above "
                                                 "and below it")
                                      .arg(idOf(dest)));
        }
        if (headsAbove)
            steps.append(step(filteredIds, {idOf(dest)}, false, false));
        else if (headsBelow)
            steps.append(step(filteredIds, {idOf(dest)}, true, false));
        else
            steps.append(step({}, {idOf(dest)}, true, true));   // a branch not yet represented
    }
    return steps;
}

// ---------------------------------------------------------------------------------------------
// Public API

RevisionMap::RevisionMap() : d(std::make_unique<Data>()) {}
RevisionMap::RevisionMap(RevisionMap &&) noexcept = default;
RevisionMap &RevisionMap::operator=(RevisionMap &&) noexcept = default;
RevisionMap::~RevisionMap() = default;

Result<RevisionMap> RevisionMap::build(const QList<RevisionScript> &scripts)
{
    RevisionMap map;
    Data &data = *map.d;
    data.revs.reserve(size_t(scripts.size()));
    data.byId.reserve(scripts.size());

    for (const RevisionScript &script : scripts) {
        const QString &id = script.revision;
        // Checks Alembic makes when it constructs each Revision, in load order.
        if (script.downRevisions.contains(id)) {
            return Error::input(withFiles(
                QStringLiteral("Self-loop is detected in revisions (%1)").arg(id), {script.path}));
        }
        if (script.dependsOn.contains(id)) {
            return Error::input(withFiles(
                QStringLiteral("Dependency self-loop is detected in revisions (%1)").arg(id),
                {script.path}));
        }
        QStringList illegal;
        for (const QChar c : {QLatin1Char('+'), QLatin1Char('-'), QLatin1Char('@')}) {
            if (id.contains(c))
                illegal.append(c);
        }
        if (!illegal.isEmpty()) {
            return Error::input(withFiles(
                QStringLiteral("Character(s) '%1' not allowed in revision identifier '%2'")
                    .arg(illegal.join(QLatin1String(", ")), id),
                {script.path}));
        }
        if (id.isEmpty())
            return Error::input(withFiles(QStringLiteral("Revision ID is missing"), {script.path}));
        // Alembic warns and lets the later file win; a silent shadowing is worse than a stop.
        const auto dupe = data.byId.constFind(id);
        if (dupe != data.byId.constEnd()) {
            return Error::input(withFiles(
                QStringLiteral("Revision %1 is present more than once").arg(id),
                {data.revs[size_t(*dupe)].path, script.path}));
        }
        data.byId.insert(id, int(data.revs.size()));

        Revision rev;
        rev.id = id;
        rev.downRevisions = script.downRevisions;
        rev.dependencies = script.dependsOn;
        for (const QString &label : script.branchLabels) {
            if (!rev.branchLabels.contains(label))
                rev.branchLabels.append(label);
        }
        rev.longDoc = script.longDoc;
        rev.doc = script.doc.isEmpty()
                      ? script.longDoc.section(QLatin1String("\n\n"), 0, 0)
                      : script.doc;
        rev.path = script.path;
        rev.script = script;
        data.revs.push_back(std::move(rev));
    }

    if (Status built = data.buildGraph(); !built)
        return built.error();
    return map;
}

int RevisionMap::size() const
{
    return d->count();
}

QList<const Revision *> RevisionMap::revisions() const
{
    QList<const Revision *> out;
    out.reserve(d->count());
    for (const Revision &rev : d->revs)
        out.append(&rev);
    return out;
}

QStringList RevisionMap::heads() const
{
    return d->headIds;
}

QStringList RevisionMap::bases() const
{
    return d->baseIds;
}

QStringList RevisionMap::realHeads() const
{
    return d->realHeadIds;
}

QStringList RevisionMap::realBases() const
{
    return d->realBaseIds;
}

const Revision *RevisionMap::revision(const QString &id) const
{
    const auto found = d->byId.constFind(id);
    return found == d->byId.constEnd() ? nullptr : &d->revs[size_t(*found)];
}

namespace {

QList<const Revision *> pointers(const std::vector<Revision> &revs, const QVector<int> &indices)
{
    QList<const Revision *> out;
    out.reserve(indices.size());
    for (int i : indices) {
        if (i >= 0)
            out.append(&revs[size_t(i)]);
    }
    return out;
}

} // namespace

Result<QList<const Revision *>> RevisionMap::resolve(const QString &identifier) const
{
    const Arg arg = Arg::fromUser(identifier);
    Fallible<QVector<int>> revs = d->getRevisions(arg);
    if (!revs && arg.isText() && revs.failure().kind == Failure::Resolution) {
        // head-N, rev+N and the like are upgrade-target forms in Alembic; accept them here too.
        const std::optional<Relative> rel = matchRelative(arg.text);
        if (rel && rel->symbol) {
            Fallible<QVector<int>> relative = d->parseUpgradeTarget(Arg::none(), arg, true);
            if (relative)
                revs = relative;
        }
    }
    if (!revs)
        return commandError(revs.failure());
    Fallible<QVector<int>> checked = requireRevisions(*revs);
    if (!checked)
        return commandError(checked.failure());
    return pointers(d->revs, *checked);
}

Result<const Revision *> RevisionMap::resolveOne(const QString &identifier) const
{
    Fallible<int> rev = d->getRevision(Arg::fromUser(identifier));
    if (!rev)
        return commandError(rev.failure());
    return *rev >= 0 ? &d->revs[size_t(*rev)] : static_cast<const Revision *>(nullptr);
}

Result<QList<const Revision *>> RevisionMap::iterateRevisions(const QString &upper,
                                                              const QString &lower,
                                                              bool implicitBase, bool inclusive,
                                                              bool assertRelativeLength,
                                                              bool selectForDowngrade) const
{
    Fallible<QVector<int>> order = d->iterate(Arg::fromUser(upper), Arg::fromUser(lower),
                                              implicitBase, inclusive, assertRelativeLength,
                                              selectForDowngrade);
    if (!order)
        return commandError(order.failure());
    return pointers(d->revs, *order);
}

Result<QList<const Revision *>> RevisionMap::walkRevisions(const QString &base,
                                                           const QString &head) const
{
    Fallible<QVector<int>> order =
        d->iterate(Arg::fromUser(head), Arg::fromUser(base), false, true, false, false);
    if (!order)
        return commandError(order.failure(), CatchSpec{{}, {}, base, head});
    return pointers(d->revs, *order);
}

Result<QList<MigrationStep>> RevisionMap::upgradeSteps(const QString &destination,
                                                       const QStringList &currentHeads) const
{
    Fallible<QVector<int>> order = d->iterate(Arg::fromUser(destination),
                                              Arg::fromTuple(currentHeads), true, false, true, false);
    if (!order) {
        return commandError(order.failure(),
                            CatchSpec{QStringLiteral("Destination %(end)s is not a valid upgrade "
                                                     "target from current head(s)"),
                                      {}, {}, destination});
    }
    QList<MigrationStep> steps;
    steps.reserve(order->size());
    for (auto it = order->crbegin(); it != order->crend(); ++it) {
        const Revision &rev = d->revs[size_t(*it)];
        MigrationStep step;
        step.isUpgrade = true;
        step.revision = &rev;
        step.fromRevisions = rev.downRevisions;
        step.toRevisions = {rev.id};
        steps.append(step);
    }
    return steps;
}

Result<QList<MigrationStep>> RevisionMap::downgradeSteps(const QString &destination,
                                                         const QStringList &currentHeads) const
{
    Fallible<QVector<int>> order = d->iterate(Arg::fromTuple(currentHeads),
                                              Arg::fromUser(destination), false, false, true, true);
    if (!order) {
        return commandError(order.failure(),
                            CatchSpec{QStringLiteral("Destination %(end)s is not a valid downgrade "
                                                     "target from current head(s)"),
                                      {}, {}, destination});
    }
    QList<MigrationStep> steps;
    steps.reserve(order->size());
    for (int i : *order) {
        const Revision &rev = d->revs[size_t(i)];
        MigrationStep step;
        step.isUpgrade = false;
        step.revision = &rev;
        step.fromRevisions = {rev.id};
        step.toRevisions = rev.downRevisions;
        steps.append(step);
    }
    return steps;
}

Result<QList<MigrationStep>> RevisionMap::stampSteps(const QStringList &destinations,
                                                     const QStringList &currentHeads) const
{
    Fallible<QList<MigrationStep>> steps = d->stamp(destinations, currentHeads);
    if (!steps) {
        return commandError(steps.failure(),
                            CatchSpec{{},
                                      QStringLiteral("Multiple heads are present; please specify "
                                                     "a single target revision"),
                                      {}, {}});
    }
    return *steps;
}

Result<QSet<QString>> RevisionMap::allCurrent(const QStringList &heads) const
{
    Fallible<QVector<int>> current = d->allCurrent(heads);
    if (!current)
        return commandError(current.failure());
    const QStringList ids = d->idsOf(*current);
    return QSet<QString>(ids.cbegin(), ids.cend());
}

Result<QList<const Revision *>> RevisionMap::allCurrentRevisions(const QStringList &heads) const
{
    Fallible<QVector<int>> current = d->allCurrent(heads);
    if (!current)
        return commandError(current.failure());
    return pointers(d->revs, *current);
}

Result<QList<const Revision *>> RevisionMap::ancestors(const QStringList &identifiers,
                                                       bool includeDependencies) const
{
    Fallible<QVector<int>> revs = d->getRevisions(Arg::fromTuple(identifiers));
    if (revs)
        revs = requireRevisions(*revs);
    if (!revs)
        return commandError(revs.failure());
    return pointers(d->revs, d->related(*revs, includeDependencies ? Edges::NormalizedDown
                                                                   : Edges::Down));
}

Result<QList<const Revision *>> RevisionMap::descendants(const QStringList &identifiers,
                                                         bool includeDependencies) const
{
    Fallible<QVector<int>> revs = d->getRevisions(Arg::fromTuple(identifiers));
    if (revs)
        revs = requireRevisions(*revs);
    if (!revs)
        return commandError(revs.failure());
    return pointers(d->revs,
                    d->related(*revs, includeDependencies ? Edges::AllNext : Edges::Next));
}

Result<QStringList> RevisionMap::filterForLineage(const QStringList &ids, const QString &checkAgainst,
                                                  bool includeDependencies) const
{
    Fallible<QStringList> filtered =
        d->filterForLineage(ids, Arg::fromUser(checkAgainst), includeDependencies);
    if (!filtered)
        return commandError(filtered.failure());
    return *filtered;
}

} // namespace Stratum
