// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#include "stratum/runtime/clientprobe.h"

#include <QFile>
#include <QList>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <cstring>

#ifdef Q_OS_LINUX
#include <arpa/inet.h>
#endif

namespace Stratum {

namespace {

using Address = std::array<unsigned char, 16>;   // IPv6, IPv4 as ::ffff:a.b.c.d

struct Socket
{
    Address local{};
    int localPort = 0;
    Address remote{};
    int remotePort = 0;
    quint64 inode = 0;   // 0: no process holds it (closed by its owner, still in the kernel)
};

bool isLoopback(const Address &a)
{
    static const Address v6Loopback = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    const bool v4Mapped = std::all_of(a.begin(), a.begin() + 10, [](unsigned char b) { return b == 0; })
                          && a[10] == 0xff && a[11] == 0xff;
    return a == v6Loopback || (v4Mapped && a[12] == 127);
}

#ifdef Q_OS_LINUX
// The server's text for an address; "localhost" stands for any loopback address.
bool parseAddress(const QString &text, Address &out, bool &anyLoopback)
{
    anyLoopback = text == QLatin1String("localhost");
    if (anyLoopback)
        return true;
    const QByteArray bytes = text.toLatin1();
    unsigned char buffer[16];
    if (inet_pton(AF_INET, bytes.constData(), buffer) == 1) {
        out.fill(0);
        out[10] = out[11] = 0xff;
        std::memcpy(out.data() + 12, buffer, 4);
        return true;
    }
    if (inet_pton(AF_INET6, bytes.constData(), buffer) == 1) {
        std::memcpy(out.data(), buffer, 16);
        return true;
    }
    return false;
}

// "0100007F:1F90": an address as the kernel prints it, 32-bit words in host order.
bool parseProcEndpoint(const QByteArray &field, Address &address, int &port)
{
    const int colon = field.indexOf(':');
    if (colon < 0)
        return false;
    const QByteArray hex = field.left(colon);
    bool ok = false;
    port = field.mid(colon + 1).toInt(&ok, 16);
    if (!ok || (hex.size() != 8 && hex.size() != 32))
        return false;
    const QByteArray raw = QByteArray::fromHex(hex);
    Address words{};
    for (int word = 0; word < raw.size() / 4; ++word) {
        quint32 value;
        std::memcpy(&value, raw.constData() + word * 4, 4);
        value = qFromBigEndian(value);                 // the hex text reads as big-endian
        const quint32 host = qToLittleEndian(value);   // kernel printed host (little) order
        std::memcpy(words.data() + word * 4, &host, 4);
    }
    address.fill(0);
    if (raw.size() == 4) {
        address[10] = address[11] = 0xff;
        std::memcpy(address.data() + 12, words.data(), 4);
    } else {
        address = words;
    }
    return true;
}

QList<Socket> tcpSockets()
{
    QList<Socket> sockets;
    for (const char *path : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile file(QString::fromLatin1(path));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        file.readLine();   // header
        while (!file.atEnd()) {
            const QList<QByteArray> fields = file.readLine().simplified().split(' ');
            if (fields.size() < 10)
                continue;
            Socket socket;
            if (!parseProcEndpoint(fields.at(1), socket.local, socket.localPort)
                || !parseProcEndpoint(fields.at(2), socket.remote, socket.remotePort))
                continue;
            socket.inode = fields.at(9).toULongLong();
            sockets.append(socket);
        }
    }
    return sockets;
}
#endif

} // namespace

ClientEndpoint ClientEndpoint::fromHostPort(const QString &hostPort)
{
    ClientEndpoint endpoint;
    const int colon = hostPort.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return endpoint;   // a Unix socket
    bool ok = false;
    const int port = hostPort.mid(colon + 1).toInt(&ok);
    if (!ok)
        return endpoint;
    QString host = hostPort.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    endpoint.address = host;
    endpoint.port = port;
    return endpoint;
}

ClientCheck checkClient(const ClientEndpoint &holder, const ClientEndpoint &own)
{
    ClientCheck check;
#ifdef Q_OS_LINUX
    if (holder.address.isEmpty() || holder.port <= 0) {
        check.reason = QStringLiteral("its client came through a Unix socket");
        return check;
    }
    if (holder.address != own.address) {
        check.reason = QStringLiteral("its client connected from %1, another address than this machine's").arg(holder.address);
        return check;
    }
    Address address{};
    bool anyLoopback = false;
    if (!parseAddress(own.address, address, anyLoopback) || own.port <= 0) {
        check.reason = QStringLiteral("the server names this machine %1").arg(own.address);
        return check;
    }
    auto matches = [&](const Socket &socket, int port) {
        return socket.localPort == port
               && (anyLoopback ? isLoopback(socket.local) : socket.local == address);
    };
    const QList<Socket> sockets = tcpSockets();
    // This process's own connection as the server sees it: is it one of this machine's?
    const Socket *mine = nullptr;
    for (const Socket &socket : sockets) {
        if (matches(socket, own.port) && socket.inode != 0)
            mine = &socket;
    }
    if (!mine) {
        check.reason = QStringLiteral("the server sees this machine's connections through a translated "
                                      "address (NAT or a proxy)");
        return check;
    }
    for (const Socket &socket : sockets) {
        if (matches(socket, holder.port) && socket.remote == mine->remote
            && socket.remotePort == mine->remotePort && socket.inode != 0) {
            check.state = ClientCheck::Alive;
            check.reason = QStringLiteral("a process on this machine holds its connection");
            return check;
        }
    }
    check.state = ClientCheck::Gone;
    check.reason = QStringLiteral("it connected from this machine (%1 port %2) and no process here holds "
                                  "that connection any more")
                       .arg(holder.address)
                       .arg(holder.port);
#else
    Q_UNUSED(holder)
    Q_UNUSED(own)
    check.reason = QStringLiteral("this system does not show its sockets to Stratum");
#endif
    return check;
}

} // namespace Stratum
