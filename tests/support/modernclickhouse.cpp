#include "modernclickhouse.h"

#include <QDeadlineTimer>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace {
constexpr int startTimeoutMs = 120'000;
constexpr int queryTimeoutMs = 300'000;
} // namespace

ModernClickHouse::ModernClickHouse(QString peerProgram, QString packageDirectory)
    : m_program(std::move(peerProgram))
    , m_library(packageDirectory + u"/node_modules/@chdb/lib-linux-x64-gnu/libchdb.so"_s)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setReadChannel(QProcess::StandardOutput);
}

ModernClickHouse::~ModernClickHouse()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel(); // the peer closes its connection and exits at end of input
    if (!m_process.waitForFinished(30'000)) {
        m_process.kill();
        m_process.waitForFinished(5'000);
    }
}

bool ModernClickHouse::start(QString* error)
{
    if (!QFileInfo::exists(m_library)) {
        *error =
            u"%1 is missing: the modern-dialect tests need ClickHouse 26.7 from npm. Run `ctest -R modern_npm_ci` "
            "(npm ci in %2; needs npm, see packaging/install-deps.sh) before them, or the whole `ctest -L modern`."_s
                .arg(m_library, QFileInfo(m_library).path());
        return false;
    }
    if (!QFileInfo(m_program).isExecutable()) {
        *error = u"the peer program %1 is missing: build the target chdb-peer"_s.arg(m_program);
        return false;
    }
    if (!m_data.isValid()) {
        *error = u"cannot make a temporary data folder: "_s + m_data.errorString();
        return false;
    }
    m_process.start(m_program, { m_library, m_data.path() });
    if (!m_process.waitForStarted(10'000)) {
        *error = u"cannot start %1: %2"_s.arg(m_program, m_process.errorString());
        return false;
    }
    QByteArray status;
    QByteArray bytes;
    if (!readAnswer(&status, &bytes, startTimeoutMs)) {
        *error = u"the modern peer did not start: "_s + QString::fromUtf8(bytes) + u" (its messages: "_s
            + QString::fromUtf8(m_process.readAllStandardError().right(2000)) + u')';
        return false;
    }
    m_version = QString::fromUtf8(bytes);
    return true;
}

bool ModernClickHouse::readAnswer(QByteArray* status, QByteArray* bytes, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!m_process.canReadLine()) {
        if (deadline.hasExpired() || !m_process.waitForReadyRead(int(deadline.remainingTime()))) {
            *bytes = "no answer (the peer "_ba
                + (m_process.state() == QProcess::Running ? "is still busy)"_ba : "exited)"_ba);
            return false;
        }
    }
    const QByteArray header = m_process.readLine().trimmed();
    const qsizetype space = header.indexOf(' ');
    *status = header.left(space);
    if (*status == "READY") {
        *bytes = header.mid(space + 1);
        return true;
    }
    const qint64 length = header.mid(space + 1).toLongLong();
    bytes->clear();
    bytes->reserve(length);
    while (bytes->size() < length) {
        if (m_process.bytesAvailable() == 0 && !m_process.waitForReadyRead(int(deadline.remainingTime()))) {
            *bytes = "the peer's answer was cut short"_ba;
            return false;
        }
        bytes->append(m_process.read(length - bytes->size()));
    }
    return *status == "OK";
}

bool ModernClickHouse::query(const QByteArray& sql, QByteArray* answer, QString* error, const QByteArray& format)
{
    if (m_process.state() != QProcess::Running) {
        *error = u"the modern peer is not running"_s;
        return false;
    }
    m_process.write(format + ' ' + QByteArray::number(sql.size()) + '\n' + sql);
    QByteArray status;
    if (readAnswer(&status, answer, queryTimeoutMs))
        return true;
    *error = QString::fromUtf8(*answer);
    return false;
}

bool ModernClickHouse::execute(const QByteArray& sql, QString* error)
{
    QByteArray answer;
    return query(sql, &answer, error);
}
