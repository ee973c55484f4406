// SPDX-FileCopyrightText: 2026 The Stratum authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace Stratum {

/// A client's end of a TCP connection as the database server reports it
/// (PostgreSQL client_addr/client_port, MariaDB's PROCESSLIST HOST "address:port").
struct ClientEndpoint
{
    QString address;   ///< "127.0.0.1", "::1", "localhost"; empty for a Unix socket
    int port = -1;

    /// MariaDB's "host:port" (or "[v6]:port"); a HOST without a port is a Unix socket.
    static ClientEndpoint fromHostPort(const QString &hostPort);
};

/// Whether the client of another server session still runs, judged from this machine's own
/// TCP sockets (Linux /proc/net/tcp and tcp6).
struct ClientCheck
{
    enum State {
        Alive,     ///< a process here holds the client's socket
        Gone,      ///< the client ran here, and no process holds its socket any more
        Unknown    ///< the client is elsewhere, or this machine cannot tell (reason says why)
    };
    State state = Unknown;
    QString reason;
};

/// Checks \a holder's client. \a own is this process's connection to the same server as the
/// server sees it: only when this machine finds that endpoint among its own sockets does the
/// server's view of addresses match this machine's (no NAT or proxy in between), and only a
/// holder from the same address can be judged.
ClientCheck checkClient(const ClientEndpoint &holder, const ClientEndpoint &own);

} // namespace Stratum
