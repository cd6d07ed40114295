#include "screenshots.h"

#include <QDir>
#include <QPixmap>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace Screenshots {

QString save(QWidget* widget, const QString& name)
{
    QString directory = qEnvironmentVariable("WORKBENCH_SCREENSHOT_DIR");
    if (directory.isEmpty())
        directory = QDir::current().filePath(u"screenshots"_s);
    QDir().mkpath(directory);
    const QString path = QDir(directory).filePath(name + u".png"_s);
    return widget->grab().save(path, "PNG") ? path : QString();
}

} // namespace Screenshots
