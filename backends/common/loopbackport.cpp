#include "loopbackport.h"

#include <QHostAddress>
#include <QTcpServer>

#include <memory>
#include <vector>

namespace LoopbackPort {

bool isFree(quint16 port)
{
    if (port == 0)
        return false;
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, port);
}

quint16 pickFree(const QList<quint16>& avoid)
{
    // Ports to avoid stay bound until we return, so the kernel cannot hand them out again.
    std::vector<std::unique_ptr<QTcpServer>> held;
    for (int attempt = 0; attempt < 16; ++attempt) {
        auto probe = std::make_unique<QTcpServer>();
        if (!probe->listen(QHostAddress::LocalHost, 0))
            return 0;
        const quint16 port = probe->serverPort();
        if (!avoid.contains(port))
            return port;
        held.push_back(std::move(probe));
    }
    return 0;
}

} // namespace LoopbackPort
