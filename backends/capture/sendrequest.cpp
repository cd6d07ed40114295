#include "sendrequest.h"

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
    for (const auto& [known, name] : names) {
        if (known == signal)
            return name.toString();
    }
    return {};
}

std::optional<SendRequest::Signal> SendRequest::signalFromName(QStringView name)
{
    for (const auto& [signal, known] : names) {
        if (known == name)
            return signal;
    }
    return std::nullopt;
}
