// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme/icons.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

#include <memory>

namespace Stratum {
namespace {

const char iconFolder[] = ":/icons/actions";

QString resourceFor(const QString &name)
{
    return QStringLiteral("%1/%2.svg").arg(QLatin1String(iconFolder), name);
}

QColor colourFor(QIcon::Mode mode)
{
    const QPalette palette = QGuiApplication::palette();
    switch (mode) {
    case QIcon::Disabled: return palette.color(QPalette::Disabled, QPalette::WindowText);
    case QIcon::Selected: return palette.color(QPalette::Active, QPalette::HighlightedText);
    case QIcon::Normal:
    case QIcon::Active: break;
    }
    return palette.color(QPalette::Active, QPalette::WindowText);
}

// Draws a monochrome SVG in the colour the palette has for the icon's mode when asked, so a
// palette change (light to dark) recolours every icon without reloading it.
class PaletteIconEngine : public QIconEngine
{
public:
    explicit PaletteIconEngine(const QString &resource)
        : m_resource(resource), m_renderer(std::make_shared<QSvgRenderer>(resource))
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal scale = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
        QPixmap image = pixmap(rect.size() * scale, mode, state);
        image.setDevicePixelRatio(scale);
        painter->drawPixmap(rect, image);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State) override
    {
        const QColor colour = colourFor(mode);
        const QString key = QStringLiteral("%1x%2:%3").arg(size.width()).arg(size.height()).arg(colour.rgba());
        if (const auto cached = m_cache.constFind(key); cached != m_cache.constEnd())
            return *cached;
        QPixmap image(size);
        image.fill(Qt::transparent);
        if (m_renderer->isValid()) {
            QPainter painter(&image);
            m_renderer->render(&painter, QRectF(QPointF(0, 0), size));
            // Keep the drawing's shape (its alpha), take the palette's colour.
            painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
            painter.fillRect(image.rect(), colour);
        }
        m_cache.insert(key, image);
        return image;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine *clone() const override { return new PaletteIconEngine(*this); }
    QString key() const override { return QStringLiteral("StratumPaletteIcon"); }
    QString iconName() override { return QFileInfo(m_resource).baseName(); }
    bool isNull() override { return !m_renderer->isValid(); }

private:
    QString m_resource;
    std::shared_ptr<QSvgRenderer> m_renderer;   ///< shared by the clones QIcon makes
    QHash<QString, QPixmap> m_cache;            ///< by size and colour
};

} // namespace

QIcon Icons::get(const QString &name)
{
    if (QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    return bundled(name);
}

QIcon Icons::bundled(const QString &name)
{
    if (!QFileInfo::exists(resourceFor(name)))
        return {};
    return QIcon(new PaletteIconEngine(resourceFor(name)));
}

QStringList Icons::bundledNames()
{
    QStringList names;
    for (const QFileInfo &file : QDir(QLatin1String(iconFolder)).entryInfoList({QStringLiteral("*.svg")}, QDir::Files, QDir::Name))
        names << file.baseName();
    return names;
}

} // namespace Stratum
