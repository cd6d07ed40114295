#pragma once

#include "otlpencoding.h"

#include <QByteArrayView>
#include <QString>

/// An OTLP protobuf request as text for people: one line per field with its name and number,
/// nested messages indented, ids in hex, times and counts as the numbers they are. The Send
/// page shows what went on the wire with it. Fields the schema does not know are shown by
/// number and wire type; a body that does not decode is shown up to the error, which follows.
namespace OtlpProtobufDump {
QString dump(QByteArrayView body, Otlp::Signal signal);
} // namespace OtlpProtobufDump
