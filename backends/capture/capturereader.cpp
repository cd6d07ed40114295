#include "capturereader.h"

#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentMap>

CaptureReader::CaptureReader(Options options)
    : m_options(options)
{
    if (m_options.threads > 0)
        m_pool.setMaxThreadCount(m_options.threads);
}

bool CaptureReader::open(const QString& path, QString* error)
{
    m_source.setMaxItemBytes(m_options.maxItemBytes);
    return m_source.open(path, error);
}

bool CaptureReader::next(CaptureBatch* batch)
{
    *batch = CaptureBatch();
    QElapsedTimer timer;
    timer.start();
    QList<CaptureItem> items;
    if (!m_source.read(&items, m_options.blockBytes))
        return false;
    const CaptureDecoder::Options decoding { m_source.framing() == CaptureSource::Framing::Lines,
        m_options.protobufSignal };
    // Items are independent: decoded in parallel, gathered in file order.
    QList<CaptureBatch> decoded = QtConcurrent::blockingMapped(
        &m_pool, items, [decoding](const CaptureItem& item) { return CaptureDecoder::decode(item, decoding); });
    for (CaptureBatch& part : decoded)
        batch->append(std::move(part));
    m_sharedParts.share(batch);
    m_statistics.items += batch->items;
    m_statistics.bytes += batch->bytes;
    m_statistics.spans += batch->spans.size();
    m_statistics.metrics += batch->metrics.size();
    m_statistics.logs += batch->logs.size();
    m_statistics.problems += batch->problems.size();
    m_statistics.decodeMs += timer.elapsed();
    return true;
}
