#pragma once

#include <QList>
#include <QtGlobal>

/// Picking TCP ports on 127.0.0.1 for servers the workbench starts itself (the managed
/// ClickHouse, test fixtures). A port chosen here can still be taken by someone else before the
/// server binds it, so callers must also handle "address already in use" from the server.
namespace LoopbackPort {

/// True when nothing listens on 127.0.0.1:port (or on the wildcard address with that port).
bool isFree(quint16 port);

/// A port the kernel considers free right now, never one of those in `avoid`; 0 on failure.
quint16 pickFree(const QList<quint16>& avoid = {});

} // namespace LoopbackPort
