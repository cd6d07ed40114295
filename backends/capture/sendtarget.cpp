#include "sendtarget.h"

#include "clickhousereplayoutput.h"
#include "common/enumnames.h"
#include "otlpreplayoutput.h"

namespace {
constexpr std::pair<SendTarget::Backend, QStringView> names[] = {
    { SendTarget::Backend::ClickHouse, u"clickhouse" },
    { SendTarget::Backend::OtlpProtobuf, u"otlp-protobuf" },
    { SendTarget::Backend::OtlpJson, u"otlp-json" },
};
} // namespace

std::unique_ptr<ReplayOutput> SendTarget::makeOutput() const
{
    if (backend == Backend::ClickHouse)
        return std::make_unique<ClickHouseReplayOutput>(clickHouse);
    OtlpHttpExporterConfig config = otlp;
    config.encoding = backend == Backend::OtlpJson ? Otlp::Encoding::Json : Otlp::Encoding::Protobuf;
    return std::make_unique<OtlpReplayOutput>(config);
}

QString SendTarget::backendName(Backend backend)
{
    return EnumNames::nameOf(names, backend);
}

std::optional<SendTarget::Backend> SendTarget::backendFromName(QStringView name)
{
    return EnumNames::valueOf(names, name);
}
