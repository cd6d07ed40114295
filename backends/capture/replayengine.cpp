#include "replayengine.h"

#include <QDateTime>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype recordsPerStep = 20'000; ///< per pass of the event loop, so it keeps turning
constexpr qsizetype keptProblems = 1'000;
constexpr qint64 progressIntervalMs = 250;

quint64 timeOf(const SpanRecord& span)
{
    return span.startTimeUnixNano;
}
quint64 timeOf(const MetricPoint& point)
{
    return point.timeUnixNano;
}
quint64 timeOf(const LogRecord& log)
{
    return log.timeUnixNano != 0 ? log.timeUnixNano : log.observedTimeUnixNano;
}

quint64 nowUnixNanos()
{
    return quint64(QDateTime::currentMSecsSinceEpoch()) * 1'000'000ull;
}
} // namespace

ReplayEngine::ReplayEngine(Options options, std::unique_ptr<ReplayOutput> output, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_output(std::move(output))
    , m_schedule(m_options.schedule)
{
    if (m_options.replayId.isEmpty())
        m_options.replayId = QByteArray::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, '0');
    m_summary.replayId = m_options.replayId;
    m_summary.outputDescription = m_output->description();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ReplayEngine::pump);
}

ReplayEngine::~ReplayEngine()
{
    m_readAhead.waitForFinished();
}

void ReplayEngine::start()
{
    for (const QString& file : std::as_const(m_options.files))
        m_totalBytes += QFileInfo(file).size();
    qint64 shift = 0;
    if (m_options.shift == Shift::EndNow) {
        quint64 last = 0;
        QString error;
        if (!findLastTimestamp(&last, &error))
            return finishRun(error);
        shift = last == 0 ? 0 : qint64(nowUnixNanos() - last);
    }
    if (m_options.shift != Shift::StartNow) {
        m_transform = std::make_unique<ReplayTransform>(ReplayTransform::Options {
            shift, m_options.remapIds, QRandomGenerator::global()->generate64(), m_options.replayId });
        m_shiftKnown = true;
    }
    QString error;
    if (!m_output->start(&error))
        return finishRun(u"%1: %2"_s.arg(m_output->description(), error));
    // The first block is read before the clock starts, so its decoding does not make the first
    // records late.
    m_clock.start();
    const bool any = readBlock();
    m_running = true;
    if (!any)
        return finishRun();
    m_clock.start();
    m_timer.start(0);
}

void ReplayEngine::pause()
{
    if (!m_running || m_pausedSince.isValid())
        return;
    m_pausedSince.start();
    m_timer.stop();
    reportProgress(true);
}

void ReplayEngine::resume()
{
    if (!m_running || !m_pausedSince.isValid())
        return;
    m_pausedNanos += m_pausedSince.nsecsElapsed();
    m_pausedSince.invalidate();
    m_timer.start(0);
}

void ReplayEngine::cancel()
{
    m_cancelled = true;
    if (m_running)
        m_timer.start(0);
}

qint64 ReplayEngine::nowNanos() const
{
    return m_clock.nsecsElapsed() - m_pausedNanos;
}

void ReplayEngine::pump()
{
    if (!m_running)
        return;
    if (m_cancelled) {
        m_summary.cancelled = true;
        return finishRun();
    }
    if (m_pausedSince.isValid())
        return;
    const qint64 now = nowNanos();
    qsizetype budget = recordsPerStep;
    while (budget > 0) {
        if (m_next >= m_queue.size()) {
            if (!readBlock())
                return finishRun();
            continue;
        }
        if (m_output->outstanding() > m_options.maxOutstanding) {
            // The output is behind: look again shortly rather than queue more in memory.
            reportProgress(false);
            m_timer.start(5);
            return;
        }
        if (m_queue.at(m_next).dueNanos > now)
            break;
        budget -= sendDue(now);
    }
    reportProgress(false);
    if (budget <= 0) {
        m_timer.start(0);
        return;
    }
    // Against the start, not the previous record: the timer aims at the next due time. It wakes
    // at least every second for progress and cancellation.
    const qint64 wait = m_queue.at(m_next).dueNanos - nowNanos();
    m_timer.start(int(std::clamp<qint64>((wait + 999'999) / 1'000'000, 0, 1000)));
}

qsizetype ReplayEngine::sendDue(qint64 now)
{
    QList<SpanRecord> spans;
    QList<MetricPoint> points;
    QList<LogRecord> logs;
    // Sized first: growing a list of records one append at a time moved each many times.
    qsizetype due[3] = {};
    const qsizetype recordsPerSend = std::max<qsizetype>(m_output->recordsPerSend(), 1);
    for (qsizetype i = m_next, end = qMin(m_queue.size(), m_next + recordsPerSend);
         i < end && m_queue.at(i).dueNanos <= now; ++i)
        ++due[m_queue.at(i).signal];
    spans.reserve(due[Spans]);
    points.reserve(due[Metrics]);
    logs.reserve(due[Logs]);
    const qint64 lag = now - m_queue.at(m_next).dueNanos;
    qsizetype count = 0;
    while (m_next < m_queue.size() && count < recordsPerSend && m_queue.at(m_next).dueNanos <= now) {
        const Entry& entry = m_queue.at(m_next++);
        ++count;
        switch (entry.signal) {
        case Spans:
            spans.append(std::move(m_block.spans[entry.index]));
            m_transform->apply(&spans.last());
            break;
        case Metrics:
            points.append(std::move(m_block.metrics[entry.index]));
            m_transform->apply(&points.last());
            break;
        default:
            logs.append(std::move(m_block.logs[entry.index]));
            m_transform->apply(&logs.last());
            break;
        }
        m_summary.scheduledMs = entry.dueNanos / 1'000'000;
    }
    if (!spans.isEmpty())
        m_output->sendSpans(spans);
    if (!points.isEmpty())
        m_output->sendMetrics(points);
    if (!logs.isEmpty())
        m_output->sendLogs(logs);
    m_summary.sent[Spans] += spans.size();
    m_summary.sent[Metrics] += points.size();
    m_summary.sent[Logs] += logs.size();
    m_summary.maxLagMs = qMax(m_summary.maxLagMs, lag / 1'000'000);
    m_summary.elapsedMs = m_clock.elapsed() - m_pausedNanos / 1'000'000;
    return count;
}

bool ReplayEngine::openNextFile()
{
    for (;;) {
        ++m_fileIndex;
        if (m_fileIndex >= m_options.files.size()) {
            const qint64 sentBefore = m_summary.totalSent();
            ++m_loop;
            if (m_options.loops > 0 && m_loop >= m_options.loops)
                return false;
            // Looping forever over files that give nothing would spin: stop instead.
            if (m_loop > 1 && sentBefore == 0)
                return false;
            m_fileIndex = 0;
            m_bytesDone = 0;
            m_schedule.startLoop();
            if (m_transform)
                m_transform->startLoop(m_loop);
        }
        const QString file = m_options.files.at(m_fileIndex);
        m_reader = std::make_unique<CaptureReader>(m_options.reading);
        QString error;
        if (m_reader->open(file, &error))
            return true;
        addProblem(file, { 0, error });
        m_reader.reset();
    }
}

bool ReplayEngine::readBlock()
{
    for (;;) {
        if (!m_reader && !openNextFile())
            return false;
        const QString& file = m_options.files.at(m_fileIndex);
        if (nextBlockOfFile(&m_block)) {
            for (const CaptureProblem& problem : std::as_const(m_block.problems))
                addProblem(file, problem);
            queueBlock();
            if (!m_queue.isEmpty())
                return true;
            continue;
        }
        if (!m_reader->error().isEmpty())
            addProblem(file, { 0, m_reader->error() });
        m_bytesDone += m_reader->source().fileSize();
        closeFile();
    }
}

bool ReplayEngine::nextBlockOfFile(CaptureBatch* block)
{
    if (m_readAhead.isValid()) {
        m_readAhead.waitForFinished();
        m_readAhead = {};
        *block = std::move(m_readAheadBlock);
        m_readAheadBlock = {};
        if (!m_readAheadOk)
            return false;
    } else if (!m_reader->next(block)) {
        return false;
    }
    m_fileBytesRead = m_reader->source().fileBytesRead(); // read here: the reader is idle
    // Decoding the next block overlaps sending this one, so a block boundary does not make
    // records late. The reader is touched by one thread at a time: this one waits above.
    m_readAhead = QtConcurrent::run([this] { m_readAheadOk = m_reader->next(&m_readAheadBlock); });
    return true;
}

void ReplayEngine::closeFile()
{
    m_readAhead.waitForFinished();
    m_readAhead = {};
    m_readAheadBlock = {};
    m_fileBytesRead = 0;
    if (!m_reader)
        return;
    const CaptureReader::Statistics& read = m_reader->statistics();
    m_summary.reading.items += read.items;
    m_summary.reading.bytes += read.bytes;
    m_summary.reading.spans += read.spans;
    m_summary.reading.metrics += read.metrics;
    m_summary.reading.logs += read.logs;
    m_summary.reading.problems += read.problems;
    m_summary.reading.decodeMs += read.decodeMs;
    m_reader.reset();
}

void ReplayEngine::queueBlock()
{
    m_queue.clear();
    m_next = 0;
    const ReplayFilter& filter = m_options.filter;
    auto add = [&](const auto& records, quint8 signal) {
        for (qsizetype i = 0; i < records.size(); ++i) {
            if (filter.accepts(records.at(i)))
                m_queue.append({ 0, timeOf(records.at(i)), signal, qint32(i) });
            else
                ++m_summary.filteredOut;
        }
    };
    add(m_block.spans, Spans);
    add(m_block.metrics, Metrics);
    add(m_block.logs, Logs);
    if (m_queue.isEmpty())
        return;
    // The block is the reorder window: its records go out in time order.
    std::stable_sort(m_queue.begin(), m_queue.end(), [](const Entry& a, const Entry& b) { return a.time < b.time; });
    if (!m_shiftKnown) {
        const auto first = std::find_if(m_queue.cbegin(), m_queue.cend(), [](const Entry& e) { return e.time != 0; });
        const qint64 shift = first == m_queue.cend() ? 0 : qint64(nowUnixNanos() - first->time);
        m_transform = std::make_unique<ReplayTransform>(ReplayTransform::Options {
            shift, m_options.remapIds, QRandomGenerator::global()->generate64(), m_options.replayId });
        m_transform->startLoop(m_loop);
        m_shiftKnown = true;
    }
    for (Entry& entry : m_queue)
        entry.dueNanos = m_schedule.dueNanos(entry.time);
}

bool ReplayEngine::findLastTimestamp(quint64* last, QString* error)
{
    // Only --shift end-now needs this: a first pass over every file, records decoded and dropped.
    for (const QString& file : std::as_const(m_options.files)) {
        CaptureReader reader(m_options.reading);
        if (!reader.open(file, error))
            return false;
        CaptureBatch block;
        while (reader.next(&block)) {
            for (const SpanRecord& span : std::as_const(block.spans))
                *last = std::max(*last, timeOf(span));
            for (const MetricPoint& point : std::as_const(block.metrics))
                *last = std::max(*last, timeOf(point));
            for (const LogRecord& log : std::as_const(block.logs))
                *last = std::max(*last, timeOf(log));
        }
    }
    return true;
}

void ReplayEngine::addProblem(const QString& file, const CaptureProblem& problem)
{
    ++m_summary.problemCount;
    const FileProblem where { file, problem };
    if (m_summary.problems.size() < keptProblems)
        m_summary.problems.append(where);
    Q_EMIT problemFound(where);
}

ReplayEngine::Progress ReplayEngine::progress() const
{
    Progress p;
    p.sent = m_summary.totalSent();
    p.elapsedMs = m_clock.isValid() ? m_clock.elapsed() - m_pausedNanos / 1'000'000 : 0;
    p.problems = m_summary.problemCount;
    p.failed = m_output->statistics().failed;
    p.paused = m_pausedSince.isValid();
    p.lagMs = m_next > 0 && m_next <= m_queue.size()
        ? qMax<qint64>(0, (nowNanos() - m_queue.at(m_next - 1).dueNanos) / 1'000'000)
        : 0;
    if (p.elapsedMs > 0)
        p.recordsPerSecond = double(p.sent) * 1000.0 / double(p.elapsedMs);
    if (m_options.loops > 0 && m_totalBytes > 0) {
        const double inLoop = double(m_bytesDone + m_fileBytesRead) / double(m_totalBytes);
        p.fraction = qBound(0.0, (m_loop + qMin(1.0, inLoop)) / m_options.loops, 1.0);
        if (p.fraction > 0.01)
            p.etaMs = qint64(double(p.elapsedMs) * (1.0 - p.fraction) / p.fraction);
    }
    return p;
}

void ReplayEngine::reportProgress(bool force)
{
    const qint64 now = m_clock.isValid() ? m_clock.elapsed() : 0;
    if (!force && m_lastProgressMs >= 0 && now - m_lastProgressMs < progressIntervalMs)
        return;
    m_lastProgressMs = now;
    Q_EMIT progressed(progress());
}

void ReplayEngine::finishRun(const QString& error)
{
    m_running = false;
    m_timer.stop();
    m_summary.error = error;
    closeFile();
    if (error.isEmpty())
        m_output->finish(m_options.finishTimeoutMs);
    m_summary.finishedMs = m_clock.isValid() ? m_clock.elapsed() - m_pausedNanos / 1'000'000 : 0;
    m_summary.output = m_output->statistics();
    reportProgress(true);
    Q_EMIT finished(m_summary);
}
