#include "capturewriter.h"

#include "common/gzip.h"
#include "otlp/otlpcodec.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

CaptureWriter::~CaptureWriter()
{
    close();
}

bool CaptureWriter::open(const QString& path, Options options, QString* error)
{
    QMutexLocker locker(&m_mutex);
    m_path = path;
    m_options = options;
    if (path.endsWith(u".gz"_s))
        m_options.gzip = true;
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = u"cannot write %1: %2"_s.arg(path, m_file.errorString());
        return false;
    }
    m_fileBytes = 0;
    return true;
}

bool CaptureWriter::close()
{
    QMutexLocker locker(&m_mutex);
    if (m_file.isOpen() && !m_file.flush() && m_statistics.lastError.isEmpty())
        m_statistics.lastError = u"cannot write %1: %2"_s.arg(m_path, m_file.errorString());
    m_file.close();
    return m_statistics.lastError.isEmpty();
}

void CaptureWriter::captureSpans(const QList<SpanRecord>& spans)
{
    if (spans.isEmpty())
        return;
    writeLine(OtlpCodec::encodeTraces(spans, Otlp::Encoding::Json));
    QMutexLocker locker(&m_mutex);
    m_statistics.spans += spans.size();
}

void CaptureWriter::captureMetrics(const QList<MetricPoint>& points)
{
    if (points.isEmpty())
        return;
    writeLine(OtlpCodec::encodeMetrics(points, Otlp::Encoding::Json));
    QMutexLocker locker(&m_mutex);
    m_statistics.metrics += points.size();
}

void CaptureWriter::captureLogs(const QList<LogRecord>& logs)
{
    if (logs.isEmpty())
        return;
    writeLine(OtlpCodec::encodeLogs(logs, Otlp::Encoding::Json));
    QMutexLocker locker(&m_mutex);
    m_statistics.logs += logs.size();
}

void CaptureWriter::writeLine(QByteArray line)
{
    // Encoding and compressing happen outside the lock; only the write is serialised.
    line.append('\n');
    const QByteArray bytes = m_options.gzip ? Gzip::compress(line) : line;
    QMutexLocker locker(&m_mutex);
    if (!m_file.isOpen())
        return;
    if (m_file.write(bytes) != bytes.size()) {
        m_statistics.lastError = u"cannot write %1: %2"_s.arg(m_path, m_file.errorString());
        return;
    }
    ++m_statistics.lines;
    m_statistics.bytes += bytes.size();
    m_fileBytes += bytes.size();
    if (m_options.rotateBytes > 0 && m_fileBytes >= m_options.rotateBytes)
        rotate();
}

bool CaptureWriter::rotate()
{
    // data.jsonl -> data-2026-11-30T01-02-03.456.jsonl (data.jsonl.gz keeps ".jsonl.gz").
    const QFileInfo info(m_path);
    const QString suffix = info.completeSuffix().isEmpty() ? QString() : u"."_s + info.completeSuffix();
    const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-ddTHH-mm-ss.zzz"_s);
    QString rotated = info.dir().filePath(info.baseName() + u'-' + stamp + suffix);
    for (int n = 1; QFileInfo::exists(rotated); ++n)
        rotated = info.dir().filePath(info.baseName() + u'-' + stamp + u'-' + QString::number(n) + suffix);
    m_file.close();
    if (!QFile::rename(m_path, rotated)) {
        m_statistics.lastError = u"cannot rename %1 to %2"_s.arg(m_path, rotated);
        return m_file.open(QIODevice::WriteOnly | QIODevice::Append);
    }
    m_statistics.rotatedFiles.append(rotated);
    m_fileBytes = 0;
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_statistics.lastError = u"cannot write %1: %2"_s.arg(m_path, m_file.errorString());
        return false;
    }
    return true;
}

CaptureWriter::Statistics CaptureWriter::statistics() const
{
    QMutexLocker locker(&m_mutex);
    return m_statistics;
}
