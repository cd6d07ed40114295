#pragma once

#include <QByteArrayView>
#include <QMetaType>
#include <QString>

/// What went wrong with one ClickHouse request, in the terms a user can act on: the server's own
/// error code and message when it sent one (both the 18.16 and the modern text are understood),
/// or a network, timeout, authentication or protocol failure.
class ClickHouseError final
{
public:
    enum class Kind
    {
        None,
        Network, ///< connection refused, reset, DNS, TLS
        Timeout, ///< no answer within the request's timeout
        Authentication, ///< wrong user or password (HTTP 401/403 or codes 192-194, 516)
        Server, ///< the server refused the query (syntax, unknown table, ...)
        Protocol, ///< the answer was not what ClickHouse sends
        Cancelled, ///< cancelled by us
    };

    ClickHouseError() = default;

    static ClickHouseError network(const QString& detail);
    static ClickHouseError timeout(int milliseconds);
    static ClickHouseError cancelled();
    static ClickHouseError protocol(const QString& detail);
    /// A server error reported inside an answer that had already begun (HTTP 200).
    static ClickHouseError server(int code, const QString& message);
    /// From a non-2xx HTTP answer: takes the code from X-ClickHouse-Exception-Code when the server
    /// sent it (exceptionCodeHeader >= 0), otherwise from the body text.
    static ClickHouseError fromHttp(int httpStatus, QByteArrayView body, int exceptionCodeHeader = -1);

    /// Parses "Code: 60, e.displayText() = DB::Exception: ..., e.what() = DB::Exception" (18.16)
    /// and "Code: 60. DB::Exception: ... (UNKNOWN_TABLE) (version 24.8.1.1)" (modern). Returns
    /// false when the text is not a ClickHouse exception.
    static bool parseExceptionText(const QString& text, int* code, QString* message);

    bool isError() const { return m_kind != Kind::None; }
    Kind kind() const { return m_kind; }
    int code() const { return m_code; } ///< ClickHouse error code, 0 when there is none
    int httpStatus() const { return m_httpStatus; }
    QString message() const { return m_message; }

    /// One line for a status bar or a log: "Authentication failed (code 193): Wrong password ...".
    QString toString() const;
    static QString kindName(Kind kind);

private:
    ClickHouseError(Kind kind, QString message, int code = 0, int httpStatus = 0);

    Kind m_kind = Kind::None;
    QString m_message;
    int m_code = 0;
    int m_httpStatus = 0;
};

Q_DECLARE_METATYPE(ClickHouseError)
