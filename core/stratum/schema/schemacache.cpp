// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/schema/schemacache.h"

#include "stratum/schema/stringpool_p.h"

#include "stratum/version.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <cstdio>
#include <functional>
#include <type_traits>

#include <dlfcn.h>

namespace Stratum {

namespace {

// Bump when the file layout below changes.
constexpr quint32 kMagic = 0x53544348;  // "STCH"
constexpr quint32 kFormat = 4;

// One description of each struct's fields serves writing and reading: io(stream, value)
// visits every field with the stream's operator(). A field missing here would be lost on
// the way through the cache; tst_schemacache round-trips a schema with every field set.
struct Writer
{
    QDataStream &stream;
    template<typename T>
    Writer &operator()(const T &value);
};

struct Reader
{
    QDataStream &stream;
    template<typename T>
    Reader &operator()(T &value);
};

template<typename Io>
void io(Io &x, Column &c)
{
    x(c.name)(c.type)(c.nullable)(c.defaultValue)(c.identity)(c.comment)(c.collation)(c.generated)(
        c.generatedStored)(c.onUpdate)(c.identityStart)(c.identityIncrement)(c.invisible)(c.check);
}
template<typename Io>
void io(Io &x, PrimaryKey &k) { x(k.name)(k.columns); }
template<typename Io>
void io(Io &x, IndexColumn &c) { x(c.name)(c.expression)(c.descending)(c.opclass)(c.nulls); }
template<typename Io>
void io(Io &x, Index &i)
{
    x(i.name)(i.unique)(i.columns)(i.where)(i.method)(i.include)(i.nullsNotDistinct)(i.comment);
}
template<typename Io>
void io(Io &x, UniqueConstraint &u) { x(u.name)(u.columns)(u.nullsNotDistinct)(u.deferrable)(u.initiallyDeferred); }
template<typename Io>
void io(Io &x, ForeignKey &f)
{
    x(f.name)(f.columns)(f.referredSchema)(f.referredTable)(f.referredColumns)(f.onDelete)(f.onUpdate)(
        f.deferrable)(f.initiallyDeferred)(f.matchFull)(f.notValid);
}
template<typename Io>
void io(Io &x, CheckConstraint &c) { x(c.name)(c.expression)(c.noInherit)(c.notValid); }
template<typename Io>
void io(Io &x, Trigger &t) { x(t.name)(t.sql); }
template<typename Io>
void io(Io &x, Table &t)
{
    x(t.schema)(t.name)(t.columns)(t.primaryKey)(t.indexes)(t.uniqueConstraints)(t.foreignKeys)(t.checks)(
        t.triggers)(t.comment)(t.options)(t.collation)(t.partitionBy)(t.partitionOf)(t.partitionBound)(t.unlogged)(t.storage);
}
template<typename Io>
void io(Io &x, View &v) { x(v.schema)(v.name)(v.definition)(v.materialized)(v.indexes)(v.comment); }
template<typename Io>
void io(Io &x, Sequence &s)
{
    x(s.schema)(s.name)(s.type)(s.start)(s.increment)(s.minValue)(s.maxValue)(s.cycle);
}
template<typename Io>
void io(Io &x, Enum &e) { x(e.schema)(e.name)(e.labels); }
template<typename Io>
void io(Io &x, Domain &d) { x(d.schema)(d.name)(d.type)(d.notNull)(d.defaultValue)(d.checks); }
template<typename Io>
void io(Io &x, Routine &r) { x(r.schema)(r.name)(r.arguments)(r.procedure)(r.definition); }
template<typename Io>
void io(Io &x, Schema &s) { x(s.dialect)(s.tables)(s.views)(s.sequences)(s.enums)(s.schemas)(s.routines)(s.extensions)(s.domains); }

template<typename T>
constexpr bool kStreamable = std::is_same_v<T, QString> || std::is_same_v<T, QStringList> || std::is_same_v<T, bool>
                             || std::is_same_v<T, qint64>;

template<typename T>
struct IsList : std::false_type
{};
template<typename T>
struct IsList<QList<T>> : std::true_type
{
    using Item = T;
};

template<typename T>
Writer &Writer::operator()(const T &value)
{
    if constexpr (kStreamable<T>) {
        stream << value;
    } else if constexpr (std::is_enum_v<T>) {
        stream << qint32(value);
    } else if constexpr (IsList<T>::value) {
        stream << qint64(value.size());
        for (const auto &item : value)  // const: writing never detaches a shared list
            io(*this, const_cast<typename IsList<T>::Item &>(item));
    } else {
        io(*this, const_cast<T &>(value));
    }
    return *this;
}

template<typename T>
Reader &Reader::operator()(T &value)
{
    if (stream.status() != QDataStream::Ok)
        return *this;
    if constexpr (kStreamable<T>) {
        stream >> value;
    } else if constexpr (std::is_enum_v<T>) {
        qint32 number = 0;
        stream >> number;
        value = T(number);
    } else if constexpr (IsList<T>::value) {
        qint64 size = 0;
        stream >> size;
        if (size < 0 || size > stream.device()->bytesAvailable()) {  // each item takes a byte at least
            stream.setStatus(QDataStream::ReadCorruptData);
            return *this;
        }
        value.resize(size);
        for (auto &item : value)
            io(*this, item);
    } else {
        io(*this, value);
    }
    return *this;
}

// The file this code was loaded from: libstratum-core, or the executable it is linked into.
QString loadedFrom()
{
    Dl_info info{};
    if (dladdr(reinterpret_cast<const void *>(&loadedFrom), &info) != 0 && info.dli_fname
        && *info.dli_fname)
        return QFile::decodeName(info.dli_fname);
    return QCoreApplication::instance() ? QCoreApplication::applicationFilePath() : QString();
}

// The build that normalises: another build may reflect differently. The path, size and time
// of the file holding the library stand for it, plus the version.
QByteArray buildIdentity()
{
    QByteArray identity = QByteArrayLiteral(STRATUM_VERSION);
    const QFileInfo library(loadedFrom());
    if (library.exists()) {
        identity += '\n' + library.absoluteFilePath().toUtf8() + '\n' + QByteArray::number(library.size())
                    + '\n' + QByteArray::number(library.lastModified().toMSecsSinceEpoch());
    }
    return identity;
}

// Writes \a path through a file of its own next to it, renamed over it when complete: a
// reader sees the old entry or the new one. No fsync: a cache entry lost to a crash is
// only a miss.
bool writeAtomically(const QString &path, const std::function<bool(QDataStream &)> &write)
{
    const QString temporary = path + QStringLiteral(".%1.tmp").arg(QCoreApplication::applicationPid());
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QDataStream stream(&file);
    stream.setVersion(QDataStream::Qt_6_4);
    const bool written = write(stream) && stream.status() == QDataStream::Ok && file.flush();
    file.close();
    if (!written || std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) != 0) {
        QFile::remove(temporary);
        return false;
    }
    return true;
}

} // namespace

void SchemaCache::addToDigest(QCryptographicHash &digest, const QByteArray &part)
{
    digest.addData(QByteArray::number(part.size()) + ':');
    digest.addData(part);
}

QString SchemaCache::defaultFolder()
{
    const QString configured = qEnvironmentVariable("STRATUM_CACHE_DIR");
    if (!configured.isEmpty())
        return configured;
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    return base.isEmpty() ? QString() : base + QStringLiteral("/stratum/schemas");
}

QByteArray SchemaCache::key(const QByteArray &serverFingerprint, const QByteArray &ddlDigest,
                            const QStringList &includeSchemas)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addToDigest(hash, QByteArray::number(kFormat));
    addToDigest(hash, buildIdentity());
    addToDigest(hash, serverFingerprint);
    addToDigest(hash, ddlDigest);
    addToDigest(hash, includeSchemas.join(QLatin1Char('\n')).toUtf8());
    return hash.result().toHex();
}

QString SchemaCache::path(const QByteArray &key) const
{
    return m_folder + QLatin1Char('/') + QString::fromLatin1(key) + QStringLiteral(".schema");
}

std::optional<Schema> SchemaCache::load(const QByteArray &key) const
{
    if (!enabled())
        return std::nullopt;
    QFile file(path(key));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QDataStream stream(&file);
    stream.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0, format = 0;
    QByteArray storedKey;
    stream >> magic >> format >> storedKey;
    if (magic != kMagic || format != kFormat || storedKey != key)
        return std::nullopt;
    Schema schema;
    Reader reader{stream};
    reader(schema);
    if (stream.status() != QDataStream::Ok || !stream.atEnd())
        return std::nullopt;
    // A hit is a use: the newest entries are the ones kept.
    file.setFileTime(QDateTime::currentDateTimeUtc(), QFileDevice::FileModificationTime);
    return schema;
}

bool SchemaCache::makeFolder() const
{
    if (!enabled())
        return false;
    if (QDir(m_folder).exists())
        return true;
    // The schema of someone's database is theirs to read: the folder is the user's alone.
    if (!QDir().mkpath(m_folder))
        return false;
    QFile::setPermissions(m_folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return true;
}

void SchemaCache::store(const QByteArray &key, const Schema &schema) const
{
    if (!makeFolder())
        return;
    const bool written = writeAtomically(path(key), [&](QDataStream &stream) {
        stream << kMagic << kFormat << key;
        Writer writer{stream};
        writer(schema);
        return true;
    });
    if (!written)
        return;

    const QFileInfoList entries = QDir(m_folder).entryInfoList({QStringLiteral("*.schema")}, QDir::Files,
                                                               QDir::Time);
    for (qsizetype i = kMaxEntries; i < entries.size(); ++i)
        QFile::remove(entries[i].absoluteFilePath());
}

QString SchemaCache::objectsPath(const QByteArray &server) const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addToDigest(hash, QByteArray::number(kFormat));
    addToDigest(hash, buildIdentity());
    addToDigest(hash, server);
    return m_folder + QLatin1Char('/') + QString::fromLatin1(hash.result().toHex().left(32)) + QStringLiteral(".objects");
}

SchemaCache::Objects SchemaCache::loadObjects(const QByteArray &server) const
{
    Objects objects;
    if (!enabled())
        return objects;
    QFile file(objectsPath(server));
    if (!file.open(QIODevice::ReadOnly))
        return objects;
    QDataStream stream(&file);
    stream.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0, format = 0;
    qint64 count = 0;
    stream >> magic >> format >> count;
    if (magic != kMagic || format != kFormat || count < 0 || count > file.size())
        return objects;
    objects.reserve(count);
    Reader reader{stream};
    for (qint64 i = 0; i < count && stream.status() == QDataStream::Ok; ++i) {
        QByteArray key;
        Schema schema;
        stream >> key;
        reader(schema);
        objects.insert(key, std::move(schema));
    }
    if (stream.status() != QDataStream::Ok || !stream.atEnd())
        return {};
    return objects;
}

void SchemaCache::storeObjects(const QByteArray &server, const Objects &objects) const
{
    if (!makeFolder())
        return;
    writeAtomically(objectsPath(server), [&](QDataStream &stream) {
        stream << kMagic << kFormat << qint64(objects.size());
        Writer writer{stream};
        for (auto it = objects.cbegin(); it != objects.cend(); ++it) {
            stream << it.key();
            writer(it.value());
        }
        return true;
    });
}

QByteArray SchemaCache::digest(const Schema &schema)
{
    QByteArray bytes;
    QDataStream stream(&bytes, QIODevice::WriteOnly);
    stream.setVersion(QDataStream::Qt_6_4);
    Writer writer{stream};
    writer(schema);
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

} // namespace Stratum
