#include "sendrequest.h"

#include "common/enumnames.h"

using namespace Qt::StringLiterals;

namespace {
constexpr std::pair<SendRequest::Signal, QStringView> names[] = {
    { SendRequest::Signal::Event, u"event" },
    { SendRequest::Signal::Error, u"error" },
    { SendRequest::Signal::Metric, u"metric" },
    { SendRequest::Signal::Log, u"log" },
};
} // namespace

QString SendRequest::signalName(Signal signal)
{
    return EnumNames::nameOf(names, signal);
}

std::optional<SendRequest::Signal> SendRequest::signalFromName(QStringView name)
{
    return EnumNames::valueOf(names, name);
}
