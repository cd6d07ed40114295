// Renders the application's SVG icon into the PNG sizes of the hicolor icon theme, at build time,
// so that menus and docks that do not draw SVG still get a sharp icon at their size.
// Usage: renderappicon <icon.svg> <output folder> <icon name> <size>...
// Writes <output folder>/<size>x<size>/apps/<icon name>.png for each size.
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QStringList>
#include <QSvgRenderer>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    // A build machine has no display; the offscreen platform draws the same pixels.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication application(argc, argv);
    const QStringList arguments = QGuiApplication::arguments();
    if (arguments.size() < 5) {
        std::fprintf(stderr, "usage: renderappicon <icon.svg> <output folder> <icon name> <size>...\n");
        return 2;
    }
    QSvgRenderer renderer(arguments.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "renderappicon: %s is not an SVG image Qt can draw\n", qUtf8Printable(arguments.at(1)));
        return 1;
    }
    const QDir output(arguments.at(2));
    for (const QString& sizeText : arguments.mid(4)) {
        bool ok = false;
        const int size = sizeText.toInt(&ok);
        if (!ok || size < 8 || size > 1024) {
            std::fprintf(stderr, "renderappicon: '%s' is not an icon size (8 to 1024)\n", qUtf8Printable(sizeText));
            return 2;
        }
        const QString folder = u"%1x%1/apps"_s.arg(size);
        if (!output.mkpath(folder)) {
            std::fprintf(stderr, "renderappicon: cannot create %s\n", qUtf8Printable(output.filePath(folder)));
            return 1;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        renderer.render(&painter, QRectF(0, 0, size, size));
        painter.end();
        const QString file = output.filePath(folder + u'/' + arguments.at(3) + u".png"_s);
        if (!image.save(file, "PNG")) {
            std::fprintf(stderr, "renderappicon: cannot write %s\n", qUtf8Printable(file));
            return 1;
        }
    }
    return 0;
}
