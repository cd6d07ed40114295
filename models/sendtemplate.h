#pragma once

#include "attributetablemodel.h"
#include "capture/sendrequest.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

/// A record for the Send page to start from: the SDKs' standard events (StandardEvents in the
/// upstream schema.py) built in, and the user's own, saved as JSON in one file of the data folder.
struct SendTemplate
{
    QString title; ///< what the template list shows; unique among the saved ones
    SendRequest::Signal signal = SendRequest::Signal::Event;
    QString name;
    QString message;
    double value = 1;
    SdkRecordBuilder::MetricKind metricKind = SdkRecordBuilder::MetricKind::Gauge;
    qint32 severity = 9;
    QList<AttributeTableModel::Attribute> attributes;
    bool builtIn = false;

    QJsonObject toJson() const;
    /// The template in `object`; false with `problem` set when a field is missing or wrong.
    static bool fromJson(const QJsonObject& object, SendTemplate* result, QString* problem);

    static QList<SendTemplate> builtIns();
    /// The saved templates in `path` (none when it does not exist); each unreadable one is named
    /// in `problems` and the others are still loaded.
    static QList<SendTemplate> load(const QString& path, QStringList* problems);
    /// Writes `templates` (the built-in ones are left out) to `path`, atomically.
    static bool save(const QString& path, const QList<SendTemplate>& templates, QString* error);
};
