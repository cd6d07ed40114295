#pragma once

#include "sendjob.h"
#include "sendtarget.h"

#include <QString>

/// The first record of a send as its backend puts it on the wire, for the Send page to show:
/// the OTLP/HTTP JSON body indented, the protobuf body field by field (OtlpProtobufDump), or the
/// JSONEachRow row the ClickHouse backend inserts. A send of one record is one request, so this
/// is that request's body exactly; a larger send is shown by its first record.
namespace SendPayload {
QString describe(const SendJob::Sample& sample, const SendTarget& target);
} // namespace SendPayload
