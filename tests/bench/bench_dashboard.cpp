// The Dashboards page left refreshing: a dashboard shown in the page (off screen, 1600 x 1000)
// against a managed ClickHouse with six hours of sample telemetry, refreshed every --interval
// seconds (Grafana's 5 s by default) for --duration seconds (10 minutes by default), each refresh
// waited for and painted. It prints the process's resident memory after every 10th refresh (the
// trend), and at the end the first and last tenth's medians, the growth between them, and the
// refresh times (min / median / max). Memory is flat when the growth stays within a few MiB.
// Usage: bench_dashboard [--uid UID] [--interval S] [--duration S]
//        (QT_QPA_PLATFORM=offscreen works headless; --interval 0 refreshes back to back)
#include "bench/benchsamples.h"
#include "bench/benchserver.h"
#include "bench/streambenchmark.h"
#include "dashboard/dashboardview.h"
#include "pages/dashboardspage.h"
#include "sample/sampletelemetryloader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSignalSpy>
#include <QTemporaryDir>
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

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}
} // namespace

int main(int argc, char* argv[])
{
    QApplication application(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
        { u"uid"_s, u"The built-in dashboard (default automagik-logs)."_s, u"uid"_s, u"automagik-logs"_s });
    parser.addOption({ u"interval"_s, u"Seconds between refreshes (default 5)."_s, u"s"_s, u"5"_s });
    parser.addOption({ u"duration"_s, u"Seconds to run (default 600)."_s, u"s"_s, u"600"_s });
    parser.process(application);
    const double interval = parser.value(u"interval"_s).toDouble();
    const double duration = parser.value(u"duration"_s).toDouble();

    BenchServer server(u"telemetry"_s); // the upstream dashboards read telemetry.*
    QString error;
    if (!server.start(&error)) {
        print(u"error: "_s + error);
        return 1;
    }
    SampleTelemetryLoader loader;
    QSignalSpy loaded(&loader, &SampleTelemetryLoader::finished);
    ClickHouseBackendConfig config;
    config.endpoint = server.endpoint();
    SampleTelemetry::Options options;
    options.hours = 6;
    loader.start(config, options);
    if (!loaded.wait(300000) || !loaded.first().first().value<SampleTelemetryLoader::Result>().ok) {
        print(u"error: the sample telemetry did not load"_s);
        return 1;
    }

    QTemporaryDir library;
    DashboardsPage page(library.path());
    page.resize(1600, 1000);
    page.setServer(server.endpoint(), server.info());
    page.show();
    if (!page.open(parser.value(u"uid"_s))) {
        print(u"error: "_s + page.statusText());
        return 1;
    }
    page.setAutoRefreshSeconds(0); // the benchmark paces the refreshes itself
    print(u"\"%1\": %2 panels, refreshed every %3 s for %4 s, each refresh waited for and painted"_s
              .arg(page.session()->dashboard().title)
              .arg(page.session()->panelCount())
              .arg(interval)
              .arg(duration));
    QList<double> residentMiB;
    BenchSamples refreshMs;
    QElapsedTimer total;
    total.start();
    while (total.elapsed() < duration * 1000) {
        QElapsedTimer one;
        one.start();
        QEventLoop idle;
        QObject::connect(page.session(), &DashboardSession::idle, &idle, &QEventLoop::quit);
        page.refresh();
        if (!page.session()->isIdle())
            idle.exec();
        page.view()->repaint();
        for (QWidget* child : page.view()->findChildren<QWidget*>())
            child->repaint();
        refreshMs.append(double(one.nsecsElapsed()) / 1e6);
        residentMiB.append(double(StreamBenchmark::residentKb()) / 1024.0);
        if (residentMiB.size() % 10 == 0)
            print(u"refresh %1: resident %2 MiB"_s.arg(residentMiB.size()).arg(residentMiB.last(), 0, 'f', 1));
        const qint64 wait = qint64(interval * 1000) - one.elapsed();
        if (wait > 0) {
            QEventLoop pause;
            QTimer::singleShot(int(wait), &pause, &QEventLoop::quit);
            pause.exec();
        }
    }
    const qsizetype tenth = qMax<qsizetype>(1, residentMiB.size() / 10);
    const double first = median(residentMiB.mid(0, tenth));
    const double last = median(residentMiB.mid(residentMiB.size() - tenth));
    print(u"%1 refreshes; resident memory, median of the first tenth %2 MiB, of the last tenth %3 MiB: %4 MiB (%5)"_s
              .arg(residentMiB.size())
              .arg(first, 0, 'f', 1)
              .arg(last, 0, 'f', 1)
              .arg(last - first, 0, 'f', 1)
              .arg(last - first <= 5 ? u"flat"_s : u"growing"_s));
    print(u"refresh, all panels run and painted: %1 ms"_s.arg(refreshMs.spread(1)));
    return 0;
}
