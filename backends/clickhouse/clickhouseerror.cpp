#include "clickhouseerror.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
// ClickHouse error codes that mean "who you are" rather than "what you asked".
bool isAuthenticationCode(int code)
{
    switch (code) {
    case 192: // UNKNOWN_USER
    case 193: // WRONG_PASSWORD
    case 194: // REQUIRED_PASSWORD
    case 195: // IP_ADDRESS_NOT_ALLOWED
    case 516: // AUTHENTICATION_FAILED
        return true;
    default:
        return false;
    }
}
} // namespace

ClickHouseError::ClickHouseError(Kind kind, QString message, int code, int httpStatus)
    : m_kind(kind)
    , m_message(std::move(message))
    , m_code(code)
    , m_httpStatus(httpStatus)
{ }

ClickHouseError ClickHouseError::network(const QString& detail)
{
    return { Kind::Network, detail };
}

ClickHouseError ClickHouseError::timeout(int milliseconds)
{
    return { Kind::Timeout, u"no answer within %1 ms"_s.arg(milliseconds) };
}

ClickHouseError ClickHouseError::cancelled()
{
    return { Kind::Cancelled, u"the request was cancelled"_s };
}

ClickHouseError ClickHouseError::server(int code, const QString& message)
{
    return { isAuthenticationCode(code) ? Kind::Authentication : Kind::Server, message, code, 200 };
}

ClickHouseError ClickHouseError::protocol(const QString& detail)
{
    return { Kind::Protocol, detail };
}

bool ClickHouseError::parseExceptionText(const QString& text, int* code, QString* message)
{
    // 18.16: "Code: 193, e.displayText() = DB::Exception: Wrong password ..., e.what() = DB::Exception"
    // modern: "Code: 516. DB::Exception: telemetry: Authentication failed ... (AUTHENTICATION_FAILED)
    // (version 24.8.4.13 (official build))"
    static const QRegularExpression pattern(
        uR"(Code:\s*(\d+)[.,]\s*(?:e\.displayText\(\)\s*=\s*)?(?:DB::Exception:\s*)?(.*?)(?:,\s*e\.what\(\)\s*=\s*\S+)?(?:\s*\(version [^)]*(?:\([^)]*\))?\))?\s*$)"_s,
        QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return false;
    if (code)
        *code = match.captured(1).toInt();
    if (message) {
        QString found = match.captured(2).trimmed();
        // Old servers append a stack trace after the message; the first line is what matters.
        const qsizetype stack = found.indexOf(u", Stack trace"_s);
        if (stack >= 0)
            found.truncate(stack);
        *message = found;
    }
    return true;
}

ClickHouseError ClickHouseError::fromHttp(int httpStatus, QByteArrayView body, int exceptionCodeHeader)
{
    const QString text = QString::fromUtf8(body).trimmed();
    int code = 0;
    QString message;
    if (!parseExceptionText(text, &code, &message)) {
        message = text.isEmpty() ? u"HTTP status %1 with an empty body"_s.arg(httpStatus)
                                 : u"HTTP status %1: %2"_s.arg(httpStatus).arg(text.left(500));
    }
    if (exceptionCodeHeader >= 0)
        code = exceptionCodeHeader;
    const bool auth = httpStatus == 401 || httpStatus == 403 || isAuthenticationCode(code);
    return { auth ? Kind::Authentication : Kind::Server, message, code, httpStatus };
}

QString ClickHouseError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return u"No error"_s;
    case Kind::Network:
        return u"Network error"_s;
    case Kind::Timeout:
        return u"Timeout"_s;
    case Kind::Authentication:
        return u"Authentication failed"_s;
    case Kind::Server:
        return u"Server error"_s;
    case Kind::Protocol:
        return u"Protocol error"_s;
    case Kind::Cancelled:
        return u"Cancelled"_s;
    }
    return {};
}

QString ClickHouseError::toString() const
{
    if (!isError())
        return kindName(m_kind);
    if (m_code != 0)
        return u"%1 (code %2): %3"_s.arg(kindName(m_kind)).arg(m_code).arg(m_message);
    return kindName(m_kind) + u": "_s + m_message;
}
