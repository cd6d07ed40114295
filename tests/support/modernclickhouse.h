#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

/// ClickHouse 26.7 (libchdb.so from npm) for the tests of the modern dialect: a test-only adapter,
/// never linked into the product. libchdb.so has no HTTP server, so this is a peer for SQL,
/// schema, rows and result formats, not a stand-in for the managed clickhouse-server. It runs in
/// tests/modern's unsanitised `chdb-peer` process (the library crashes inside an AddressSanitizer
/// process), with a data folder of its own that goes away with this object.
class ModernClickHouse final
{
public:
    /// The peer program and the npm package folder that holds libchdb.so, as tests/modern builds
    /// and installs them (the `modern_npm_ci` test).
    ModernClickHouse(QString peerProgram, QString packageDirectory);
    ~ModernClickHouse();
    Q_DISABLE_COPY_MOVE(ModernClickHouse)

    /// Starts the peer and waits for its version; on failure `error` says why and how to fix it.
    bool start(QString* error);
    QString version() const { return m_version; }

    /// Runs one statement (an INSERT may carry its rows after FORMAT) and gives the answer's
    /// bytes in `format`, or false with ClickHouse's message.
    bool query(const QByteArray& sql, QByteArray* answer, QString* error, const QByteArray& format = "TabSeparated");
    /// query() for statements whose answer does not matter; the message goes to `error`.
    bool execute(const QByteArray& sql, QString* error);

private:
    bool readAnswer(QByteArray* status, QByteArray* bytes, int timeoutMs);

    QString m_program;
    QString m_library;
    QTemporaryDir m_data;
    QProcess m_process;
    QString m_version;
};

/// In a test function: start the modern peer or fail the test with the reason.
#define START_MODERN_CLICKHOUSE(peer)                                                                                  \
    do {                                                                                                               \
        QString startError_;                                                                                           \
        if (!(peer).start(&startError_))                                                                               \
            QFAIL(qPrintable(startError_));                                                                            \
    } while (false)
