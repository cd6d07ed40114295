// The Query page's figures, measured in one run against a managed ClickHouse, on the path a user
// takes:
//  1. a 1,000,000-row SELECT * into the result model, with the grid's sorting proxy and a table
//     view attached and shown, until the rows are in and the view has painted them; against curl
//     fetching the same answer (same format) to /dev/null, the two rotated every round: the cost
//     of everything the workbench adds to the wire;
//  2. sorting that grid by four column types (and Qt's own sorting proxy as the reference);
//  3. the chart of a 1,000,000-point series once the rows are in the model: plot() (pivot,
//     min/max decimation, one replace() per series), and plot() plus painting the chart.
// Every figure is min / median / max over the rounds (at least 5).
// Usage: bench_query [--rows N] [--rounds N]   (QT_QPA_PLATFORM=offscreen works headless)
#include "bench/benchsamples.h"
#include "bench/benchserver.h"
#include "bench/curlfetch.h"
#include "minmaxdecimator.h"
#include "querysession.h"
#include "resultsortmodel.h"
#include "widgets/resultchart.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHeaderView>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
void print(const QString& text)
{
    std::printf("%s\n", qUtf8Printable(text));
    std::fflush(stdout);
}

/// Runs `sql` through a QuerySession with every row granted; seconds until Finished and, with a
/// `view`, until the view has painted the result (one synchronous repaint after the last row).
double fillModel(QuerySession& session, const QString& sql, qint64 rows, QTableView* view = nullptr)
{
    QEventLoop loop;
    QObject::connect(&session, &QuerySession::stateChanged, &loop, [&loop](QuerySession::State state) {
        if (state != QuerySession::State::Running)
            loop.quit();
    });
    session.setRowCap(rows + 1);
    QElapsedTimer timer;
    timer.start();
    session.run(sql);
    loop.exec();
    if (view)
        view->viewport()->repaint();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (session.state() != QuerySession::State::Finished || session.model()->rowCount() != rows) {
        print(u"error: %1"_s.arg(session.statusText()));
        return -1;
    }
    return seconds;
}

/// Sorts the grid's proxy by `column`; seconds until the new order is in, and the longest gap
/// a 5 ms timer on this (the GUI) thread saw meanwhile.
double sortSeconds(ResultSortModel& proxy, int column, double* maxGapMs)
{
    QEventLoop loop;
    QObject::connect(&proxy, &ResultSortModel::sortingChanged, &loop, [&loop](bool sorting) {
        if (!sorting)
            loop.quit();
    });
    QElapsedTimer gap;
    *maxGapMs = 0;
    QTimer probe;
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, &loop, [&] {
        *maxGapMs = qMax(*maxGapMs, double(gap.nsecsElapsed()) / 1e6);
        gap.restart();
    });
    proxy.sort(-1);
    QElapsedTimer timer;
    timer.start();
    gap.start();
    probe.start();
    proxy.sort(column);
    *maxGapMs = qMax(*maxGapMs, double(gap.nsecsElapsed()) / 1e6); // the call itself
    if (proxy.isSorting())
        loop.exec();
    return double(timer.nsecsElapsed()) / 1e9;
}

double curlSeconds(const BenchServer& server, const QString& sql, qint64* bytes)
{
    CurlFetch::Result result;
    QString error;
    if (!CurlFetch::run(server.endpoint(), sql, { { u"default_format"_s, u"JSONCompact"_s } }, &result, &error)) {
        print(u"error: "_s + error);
        return -1;
    }
    *bytes = result.bytes;
    return result.seconds;
}

QString ratio(double a, double b)
{
    return QString::number(a / b, 'f', 2) + u'x';
}
} // namespace

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    QCommandLineParser parser;
    parser.addOption({ u"rows"_s, u"rows in the result (default 1000000)"_s, u"n"_s, u"1000000"_s });
    parser.addOption({ u"rounds"_s, u"rounds, at least 5 (default 5)"_s, u"n"_s, u"5"_s });
    parser.process(application);
    const qint64 rows = parser.value(u"rows"_s).toLongLong();
    const int rounds = parser.value(u"rounds"_s).toInt();
    if (rows <= 0 || rounds < BenchSamples::minimumRounds) {
        print(u"error: --rows must be positive, --rounds at least %1"_s.arg(BenchSamples::minimumRounds));
        return 2;
    }

    BenchServer server;
    QString error;
    if (!server.start(&error)) {
        print(u"error: "_s + error);
        return 1;
    }
    // A table shaped like the upstream traces: time, names, numbers, an attribute string.
    bool ok = false;
    const QString table = server.database() + u".query_rows"_s;
    server.run(
        u"CREATE TABLE %1 (timestamp DateTime, service_name String, span_name String, duration_ms Float64, "
        "status_code UInt16, project_id UInt64, attributes String) ENGINE = MergeTree ORDER BY timestamp"_s.arg(table),
        &ok);
    const QString fill =
        u"INSERT INTO %1 SELECT toDateTime(1767225600 + intDiv(number, 10)), concat('service-', "
        "toString(number %% 7)), concat('span ', toString(number %% 101)), number / 7, 200 + number %% 3, "
        "number * 2654435761, concat('{\"user\": \"', toString(number %% 1000), '\"}') FROM numbers(%2)"_s;
    server.run(fill.arg(table).arg(rows).replace(u"%%"_s, u"%"_s), &ok);
    if (!ok) {
        print(u"error: cannot fill the table"_s);
        return 1;
    }
    const QString selectAll = u"SELECT * FROM %1"_s.arg(table);

    // The grid as the Query page has it: the result model under the sorting proxy, in a view.
    QuerySession session;
    session.setServer(server.endpoint(), server.info());
    ResultSortModel gridProxy;
    gridProxy.setResultModel(session.model());
    QTableView grid;
    grid.setModel(&gridProxy);
    // Set up as QueryTab sets up its grid.
    grid.setSortingEnabled(true);
    grid.sortByColumn(-1, Qt::AscendingOrder);
    grid.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    grid.verticalHeader()->setDefaultSectionSize(grid.fontMetrics().height() + 6);
    grid.horizontalHeader()->setDefaultSectionSize(140);
    grid.resize(1100, 600);
    grid.show();
    if (!QTest::qWaitForWindowExposed(&grid)) {
        print(u"error: the grid was not shown"_s);
        return 1;
    }
    // Three methods, rotated: curl; the user's path (model, proxy, shown grid); and the model
    // alone, in a session of its own, which tells how much of the path is the view's.
    QuerySession bareSession;
    bareSession.setServer(server.endpoint(), server.info());
    BenchSamples curlTimes, gridTimes, modelTimes;
    qint64 bytes = 0;
    for (int round = 0; round < rounds; ++round) {
        for (int step = 0; step < 3; ++step) {
            double seconds = -1;
            switch (BenchSamples::roundOrder(round, step, 3)) {
            case 0:
                seconds = curlSeconds(server, selectAll, &bytes);
                curlTimes.append(seconds);
                break;
            case 1:
                seconds = fillModel(session, selectAll, rows, &grid);
                gridTimes.append(seconds);
                break;
            default:
                seconds = fillModel(bareSession, selectAll, rows);
                modelTimes.append(seconds);
                break;
            }
            if (seconds < 0)
                return 1;
        }
    }
    gridProxy.setResultModel(nullptr);
    print(u"SELECT * of %1 rows x 7 columns (%2 MB of JSONCompact), %3 rounds, order rotated; min / median / max"_s
              .arg(rows)
              .arg(double(bytes) / 1e6, 0, 'f', 1)
              .arg(rounds));
    print(u"  curl to /dev/null:                             %1 s"_s.arg(curlTimes.spread(3)));
    print(u"  into the model, sorting proxy and shown grid:  %1 s (median %2 rows/s)"_s.arg(gridTimes.spread(3))
              .arg(double(rows) / gridTimes.median(), 0, 'f', 0));
    print(u"  into the model alone (no view):                %1 s"_s.arg(modelTimes.spread(3)));
    print(u"  grid path / curl: %1 (medians), %2 (best rounds); target <= 2x"_s.arg(
        ratio(gridTimes.median(), curlTimes.median()), ratio(gridTimes.min(), curlTimes.min())));
    print(u"  model alone / curl: %1 (medians), %2 (best rounds)"_s.arg(
        ratio(modelTimes.median(), curlTimes.median()), ratio(modelTimes.min(), curlTimes.min())));

    // Sorting the grid by a time, a text and a number column, on a pool thread.
    ResultSortModel proxy;
    proxy.setResultModel(session.model());
    for (const auto& [column, name] :
        { std::pair(0, u"timestamp (DateTime)"_s), std::pair(1, u"service_name (String)"_s),
            std::pair(3, u"duration_ms (Float64)"_s), std::pair(5, u"project_id (UInt64)"_s) }) {
        double gapMs = 0;
        const double seconds = sortSeconds(proxy, column, &gapMs);
        print(u"  sort by %1: %2 s, longest GUI-thread gap %3 ms"_s.arg(name)
                  .arg(seconds, 0, 'f', 3)
                  .arg(gapMs, 0, 'f', 1));
    }
    proxy.setResultModel(nullptr);
    // The reference: Qt's own sorting proxy over the same model, by the model's SortRole. It
    // sorts on the calling thread, so all of this is time the GUI would stand still.
    {
        QSortFilterProxyModel qtProxy;
        qtProxy.setSourceModel(session.model());
        qtProxy.setSortRole(QueryResultModel::SortRole);
        QElapsedTimer timer;
        timer.start();
        qtProxy.sort(3);
        print(u"  reference: QSortFilterProxyModel by duration_ms: %1 s, all of it on the GUI thread"_s.arg(
            double(timer.nsecsElapsed()) / 1e9, 0, 'f', 3));
    }

    // The chart: a 1,000,000-point series already in the model.
    if (fillModel(session,
            u"SELECT toDateTime(1767225600 + number) AS time, sin(number / 1000) * 100 AS value "
            "FROM numbers(%1)"_s.arg(rows),
            rows)
        < 0)
        return 1;
    ResultChart chart;
    chart.resize(1200, 600);
    chart.show();
    if (!QTest::qWaitForWindowExposed(&chart)) {
        print(u"error: the chart was not shown"_s);
        return 1;
    }
    BenchSamples plotTimes, paintedTimes;
    QImage pixels(chart.size(), QImage::Format_ARGB32_Premultiplied);
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        chart.plot(*session.model(), ResultChartData::Kind::TimeSeries, QTimeZone::utc());
        plotTimes.append(double(timer.nsecsElapsed()) / 1e6);
        // What the user waits for: the pixels. Render the chart into an image, as a repaint would.
        QPainter painter(&pixels);
        chart.render(&painter);
        painter.end();
        paintedTimes.append(double(timer.nsecsElapsed()) / 1e6);
    }
    // Where the time goes: the pivot (reading the rows), then the decimation.
    QElapsedTimer part;
    part.start();
    const ResultChartData::Shape shape = ResultChartData::analyse(session.model()->columns());
    const auto series = ResultChartData::timeSeries(*session.model(), shape, QTimeZone::utc());
    const double pivotMs = double(part.nsecsElapsed()) / 1e6;
    part.restart();
    const auto thinned = MinMaxDecimator::decimate(series.value(0).points, 1200);
    const double decimateMs = double(part.nsecsElapsed()) / 1e6;
    print(u"  of which reading the rows into series: %1 ms, min/max decimation: %2 ms"_s.arg(pivotMs, 0, 'f', 1)
              .arg(decimateMs, 0, 'f', 1));
    print(u"chart of a %1-point series (%2 points drawn after min/max decimation), %3 rounds; min / median / max:"_s
              .arg(rows)
              .arg(chart.pointsDrawn())
              .arg(rounds));
    print(u"  plot():             %1 ms"_s.arg(plotTimes.spread(1)));
    print(u"  plot() and painted: %1 ms; target <= 100 ms"_s.arg(paintedTimes.spread(1)));
    return 0;
}
