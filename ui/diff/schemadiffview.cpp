// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diff/schemadiffview.h"

#include "stratum/autogen/operationrenderer.h"
#include "stratum/dialect/dialect.h"
#include "diff/diffnavigator.h"
#include "diff/inlinediff.h"
#include "diff/schemaddl.h"
#include "diff/scrollsync.h"
#include "diff/sqlpreview.h"
#include "editor/findbar.h"
#include "editor/sqleditor.h"
#include "theme/theme.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Stratum {
namespace {

constexpr int operationRole = Qt::UserRole + 1;
constexpr int objectRole = Qt::UserRole + 2;

// The table (or view, …) an operation belongs to, as schemaDdl() titles it.
QString objectTitle(const Operation &operation)
{
    using Kind = Operation::Kind;
    switch (operation.kind) {
    case Kind::CreateView:
    case Kind::DropView:
        return QStringLiteral("view ") + displayName(operation.view.schema, operation.view.name);
    case Kind::CreateSequence:
    case Kind::DropSequence:
    case Kind::AlterSequence:
        return QStringLiteral("sequence ") + displayName(operation.sequence.schema, operation.sequence.name);
    case Kind::CreateEnum:
    case Kind::DropEnum:
    case Kind::AlterEnum:
        return QStringLiteral("enum ") + displayName(operation.enumType.schema, operation.enumType.name);
    case Kind::CreateTable:
    case Kind::DropTable:
        return QStringLiteral("table ") + displayName(operation.tableDefinition.schema, operation.tableDefinition.name);
    case Kind::ExecuteSql:
        return {};
    default:
        return QStringLiteral("table ") + displayName(operation.schema, operation.table);
    }
}

} // namespace

SchemaDiffView::SchemaDiffView(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_leftTitle(new QLabel(this))
    , m_rightTitle(new QLabel(this))
    , m_changes(new QTreeWidget(this))
    , m_left(new DiffPane(this))
    , m_right(new DiffPane(this))
    // Row n is the same place in both schemas: both panes scroll together, both ways.
    , m_scrollSync(new ScrollSync(m_left, m_right, this))
    , m_navigator(new DiffNavigator(m_left, m_right, this))
    , m_nextChange(new QAction(tr("Next Difference"), this))
    , m_previousChange(new QAction(tr("Previous Difference"), this))
    , m_changeCount(new QLabel(this))
    , m_preview(new SqlPreview(this))
    , m_previewTimer(new QTimer(this))
    , m_message(new QLineEdit(this))
    , m_create(new QPushButton(tr("Create Revision from Checked Changes"), this))
    , m_renames(new QCheckBox(tr("Detect renames"), this))
    , m_compareAgain(new QPushButton(tr("Compare Again"), this))
{
    m_compareAgain->setObjectName(QStringLiteral("diffCompareAgain"));
    connect(m_compareAgain, &QPushButton::clicked, this, &SchemaDiffView::compareAgainRequested);
    m_renames->setObjectName(QStringLiteral("diffRenames"));
    m_renames->setToolTip(tr("Show a dropped and an added table or column that match as a rename, which keeps "
                             "the rows."));
    connect(m_renames, &QCheckBox::toggled, this, &SchemaDiffView::compareAgainRequested);
    setObjectName(QStringLiteral("schemaDiffView"));
    m_status->setObjectName(QStringLiteral("diffStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_changes->setObjectName(QStringLiteral("diffChanges"));
    m_changes->setHeaderLabels({tr("Changes")});
    m_changes->header()->setStretchLastSection(true);
    m_left->setObjectName(QStringLiteral("diffLeft"));
    setFocusProxy(m_left);
    m_right->setObjectName(QStringLiteral("diffRight"));
    // Titles name URLs and paths: they wrap rather than widen the window.
    m_leftTitle->setWordWrap(true);
    m_rightTitle->setWordWrap(true);
    QFont bold = m_leftTitle->font();
    bold.setBold(true);
    m_leftTitle->setFont(bold);
    m_rightTitle->setFont(bold);
    m_message->setObjectName(QStringLiteral("diffMessage"));
    m_message->setPlaceholderText(tr("Message of the new revision"));
    m_create->setObjectName(QStringLiteral("diffCreate"));

    // Meld's keys, and F8 / Shift+F8; they work wherever in the view the focus is.
    m_nextChange->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Down), QKeySequence(Qt::Key_F8)});
    m_previousChange->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Up), QKeySequence(Qt::SHIFT | Qt::Key_F8)});
    for (QAction *action : {m_nextChange, m_previousChange}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(
            action->text(), QKeySequence::listToString(action->shortcuts(), QKeySequence::NativeText)));
        addAction(action);
    }
    connect(m_nextChange, &QAction::triggered, m_navigator, &DiffNavigator::next);
    connect(m_previousChange, &QAction::triggered, m_navigator, &DiffNavigator::previous);
    connect(m_navigator, &DiffNavigator::changed, this, &SchemaDiffView::updateNavigation);
    m_changeCount->setObjectName(QStringLiteral("diffChangeCount"));
    m_preview->setObjectName(QStringLiteral("diffPreview"));
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(0);
    connect(m_previewTimer, &QTimer::timeout, this, &SchemaDiffView::updatePreview);

    connect(m_changes, &QTreeWidget::itemChanged, this, [this] {
        updateCreate();
        m_previewTimer->start();
    });
    connect(m_changes, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            scrollToObject(item->data(0, objectRole).toString());
    });
    connect(m_message, &QLineEdit::textChanged, this, &SchemaDiffView::updateCreate);
    connect(m_create, &QPushButton::clicked, this, [this] {
        const auto [upgrade, downgrade] = checkedSql();
        Q_EMIT createRevisionRequested(m_message->text().trimmed(), upgrade, downgrade);
    });

    auto *leftPane = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(leftPane);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_leftTitle);
    leftLayout->addWidget(m_left, 1);
    leftLayout->addWidget(new FindBar(m_left, leftPane));
    auto *rightPane = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(rightPane);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_rightTitle);
    rightLayout->addWidget(m_right, 1);
    rightLayout->addWidget(new FindBar(m_right, rightPane));
    auto *treePane = new QWidget(this);
    auto *treeLayout = new QVBoxLayout(treePane);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    auto *compareRow = new QHBoxLayout;
    compareRow->addWidget(m_renames);
    compareRow->addStretch(1);
    compareRow->addWidget(m_compareAgain);
    treeLayout->addLayout(compareRow);
    treeLayout->addWidget(m_changes, 1);
    treeLayout->addWidget(m_message);
    treeLayout->addWidget(m_create);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(treePane);
    splitter->addWidget(leftPane);
    splitter->addWidget(rightPane);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 1);
    splitter->setSizes({220, 500, 500});
    // The SQL that will be written, under the diff and as wide as it.
    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(splitter);
    vertical->addWidget(m_preview);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 1);
    vertical->setSizes({500, 180});

    auto *top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(navigationBar(), 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(vertical, 1);
    updateCreate();
    updateNavigation();
}

QWidget *SchemaDiffView::navigationBar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_changeCount);
    const auto button = [bar](QAction *action, const QString &name, Qt::ArrowType arrow) {
        auto *tool = new QToolButton(bar);
        tool->setObjectName(name);
        tool->setDefaultAction(action);
        tool->setArrowType(arrow);
        tool->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        tool->setAutoRaise(true);
        return tool;
    };
    row->addWidget(button(m_previousChange, QStringLiteral("diffPreviousChange"), Qt::UpArrow));
    row->addWidget(button(m_nextChange, QStringLiteral("diffNextChange"), Qt::DownArrow));
    return bar;
}

QString SchemaDiffView::changeCountText() const
{
    return m_changeCount->text();
}

void SchemaDiffView::updateNavigation()
{
    m_changeCount->setText(m_navigator->text());
    m_nextChange->setEnabled(m_navigator->hasNext());
    m_previousChange->setEnabled(m_navigator->hasPrevious());
}

void SchemaDiffView::updatePreview()
{
    m_previewTimer->stop();
    const auto [upgrade, downgrade] = checkedSql();
    m_preview->setSql(upgrade, downgrade);
}

bool SchemaDiffView::detectRenames() const
{
    return m_renames->isChecked();
}

void SchemaDiffView::showBusy(const QString &text)
{
    m_stale = false;
    m_status->setStyleSheet({});
    m_status->setText(text);
    m_leftTitle->clear();
    m_rightTitle->clear();
    m_changes->clear();
    showRows({});
    m_canCreate = false;
    updateCreate();
    updatePreview();
}

void SchemaDiffView::markStale(const QString &why)
{
    m_stale = true;
    m_status->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::warningText(palette()).name()));
    m_status->setText(tr("⚠ Out of date: %1. Compare again before making a revision from it.").arg(why));
    updateCreate();
}

void SchemaDiffView::blockCreate(const QString &why)
{
    m_blocked = why;
    m_status->setText(m_status->text() + QLatin1Char('\n') + why);
    updateCreate();
}

void SchemaDiffView::showError(const Error &error)
{
    m_status->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::errorText(palette()).name()));
    m_status->setText(error.toString());
    m_canCreate = false;
    updateCreate();
}

QString SchemaDiffView::statusText() const
{
    return m_status->text();
}

QString SchemaDiffView::leftTitle() const
{
    return m_leftTitle->text();
}

QString SchemaDiffView::rightTitle() const
{
    return m_rightTitle->text();
}

void SchemaDiffView::setComparison(const SchemaComparison &comparison, const QString &leftTitle,
                                   const QString &rightTitle, bool canCreateRevision,
                                   const QString &renderAsBatch, const QStringList &hiddenTables)
{
    m_comparison = comparison;
    m_canCreate = canCreateRevision;
    m_stale = false;
    m_blocked.clear();
    m_batch = renderAsBatch == QLatin1String("true")
              || (renderAsBatch == QLatin1String("auto") && comparison.dialect == QLatin1String("sqlite"));
    m_leftTitle->setText(leftTitle);
    m_rightTitle->setText(rightTitle);
    m_status->setStyleSheet({});
    m_status->setText(comparison.upgrade.isEmpty()
                          ? tr("No differences: the two schemas are the same.")
                          : tr("%n change(s) turn the left schema into the right one.", "",
                               int(comparison.upgrade.size())));

    const Dialect *dialect = Dialect::find(comparison.dialect);
    QList<DiffRow> rows;
    const auto shown = [&hiddenTables](Schema schema) {
        schema.tables.removeIf([&hiddenTables](const Table &table) {
            return hiddenTables.contains(table.name, Qt::CaseInsensitive);
        });
        return schema;
    };
    if (dialect)
        rows = alignDdl(schemaDdl(shown(comparison.from), *dialect), schemaDdl(shown(comparison.to), *dialect));
    showRows(rows);
    m_preview->setDialect(comparison.dialect);

    // The tree: one node per object, its operations below with check boxes (checked).
    const QSignalBlocker blocker(m_changes);
    m_changes->clear();
    QHash<QString, QTreeWidgetItem *> groups;
    for (int i = 0; i < comparison.upgrade.size(); ++i) {
        const Operation &operation = comparison.upgrade[i];
        const QString object = objectTitle(operation);
        QTreeWidgetItem *group = groups.value(object);
        if (!group) {
            group = new QTreeWidgetItem(m_changes, {object.isEmpty() ? tr("other") : object});
            group->setFlags(group->flags() | Qt::ItemIsAutoTristate | Qt::ItemIsUserCheckable);
            group->setData(0, objectRole, object);
            group->setExpanded(true);
            groups.insert(object, group);
        }
        auto *item = new QTreeWidgetItem(group, {operation.describe()});
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, Qt::Checked);
        item->setData(0, operationRole, i);
        item->setData(0, objectRole, object);
        item->setToolTip(0, operation.describe());
        if (operation.isDestructive())
            item->setForeground(0, Theme::errorText(palette()));
    }
    updateCreate();
    updatePreview();
}

void SchemaDiffView::showRows(const QList<DiffRow> &rows)
{
    QStringList left;
    QStringList right;
    m_objectRows.clear();
    m_objectTitles.clear();
    for (const DiffRow &row : rows) {
        if (row.kind == DiffRow::Kind::Title) {
            m_objectRows << int(left.size()) + 1;
            m_objectTitles << row.object;
        }
        left << row.left;
        right << row.right;
    }
    for (DiffPane *side : {m_left, m_right}) {
        side->clearMarks();
        side->clearDiff();
        side->setDialect(m_comparison.dialect);
    }
    m_left->setText(left.join(QLatin1Char('\n')));
    m_right->setText(right.join(QLatin1Char('\n')));
    for (int i = 0; i < rows.size(); ++i) {
        const DiffRow &row = rows[i];
        const int line = i + 1;
        if (row.onlyLeft()) {
            m_left->markLine(line, SqlEditor::LineMark::Removed);
            m_right->markFiller(line);
        } else if (row.onlyRight()) {
            m_right->markLine(line, SqlEditor::LineMark::Added);
            m_left->markFiller(line);
        } else if (row.kind == DiffRow::Kind::Changed) {
            m_left->markLine(line, SqlEditor::LineMark::Changed);
            m_right->markLine(line, SqlEditor::LineMark::Changed);
            const InlineDiff words = inlineDiff(row.left, row.right);
            m_left->highlightText(line, words.left);
            m_right->highlightText(line, words.right);
        }
    }
    // One scroll width for both, so that sideways scrolling reaches as far on either side.
    const int width = std::max(m_left->textWidth(), m_right->textWidth());
    for (DiffPane *side : {m_left, m_right}) {
        side->setScrollWidthTracking(false);
        side->setScrollWidth(std::max(1, width));
    }
    m_navigator->setBlocks(changeBlocks(rows));
}

QList<Operation> SchemaDiffView::checkedOperations() const
{
    QList<std::pair<int, Operation>> checked;
    for (int g = 0; g < m_changes->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_changes->topLevelItem(g);
        for (int c = 0; c < group->childCount(); ++c) {
            QTreeWidgetItem *item = group->child(c);
            if (item->checkState(0) == Qt::Checked) {
                const int index = item->data(0, operationRole).toInt();
                checked.append({index, m_comparison.upgrade.value(index)});
            }
        }
    }
    std::sort(checked.begin(), checked.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<Operation> operations;
    for (const auto &entry : checked)
        operations << entry.second;
    return operations;
}

std::pair<QString, QString> SchemaDiffView::checkedSql() const
{
    const Dialect *dialect = Dialect::find(m_comparison.dialect);
    if (!dialect)
        return {};
    const QList<Operation> upgrade = checkedOperations();
    OperationRenderer::Options options;
    options.batch = m_batch;
    // The downgrade starts from the schema the upgrade leaves behind.
    Schema after = m_comparison.from;
    for (const Operation &operation : upgrade)
        applyOperation(after, operation);
    return {OperationRenderer::scriptBody(OperationRenderer::render(upgrade, *dialect, m_comparison.from, options)),
            OperationRenderer::scriptBody(
                OperationRenderer::render(reverseOperations(upgrade), *dialect, after, options))};
}

void SchemaDiffView::updateCreate()
{
    const bool any = !checkedOperations().isEmpty();
    const bool allowed = m_canCreate && !m_stale && m_blocked.isEmpty();
    m_create->setEnabled(allowed && any && !m_message->text().trimmed().isEmpty());
    m_message->setEnabled(allowed);
    m_create->setToolTip(m_stale                ? tr("Out of date: compare again first.")
                         : !m_blocked.isEmpty() ? m_blocked
                         : m_canCreate          ? QString()
                                                : tr("Revisions are made from a comparison of the database with the schema files."));
}

void SchemaDiffView::scrollToObject(const QString &object)
{
    const int at = int(m_objectTitles.indexOf(object));
    if (at < 0)
        return;
    const int line = m_objectRows[at] - 1;
    m_left->setFirstVisibleLine(line);
    m_right->setFirstVisibleLine(line);
}

} // namespace Stratum
