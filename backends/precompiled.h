// The Qt and standard headers most files of backends/ and models/ include, precompiled once per
// library (workbench_precompile in the top CMakeLists.txt). Only what a file of the layer may use:
// no Gui and no Widgets here. A file still includes what it uses; this only saves the parsing.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFuture>
#include <QFutureWatcher>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QVariant>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <vector>
