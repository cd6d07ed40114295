#include "corspolicy.h"

using namespace Qt::StringLiterals;

CorsPolicy::CorsPolicy()
    : m_allowed { u"http://localhost:*"_s, u"http://127.0.0.1:*"_s, u"https://localhost:*"_s, u"https://127.0.0.1:*"_s }
{ }

CorsPolicy::CorsPolicy(QStringList allowedOrigins)
    : m_allowed(std::move(allowedOrigins))
{ }

bool CorsPolicy::allows(QByteArrayView origin) const
{
    if (origin.isEmpty())
        return false;
    const QString text = QString::fromLatin1(origin);
    for (const QString& allowed : m_allowed) {
        if (allowed == u"*"_s || allowed == text)
            return true;
        if (allowed.endsWith(u":*"_s)) {
            // "http://localhost:*" matches "http://localhost" and "http://localhost:<digits>".
            const QString base = allowed.chopped(2);
            if (text == base)
                return true;
            if (text.startsWith(base + u':')) {
                const QStringView port = QStringView(text).sliced(base.size() + 1);
                bool ok = false;
                if (!port.isEmpty() && port.toUInt(&ok) <= 65535 && ok)
                    return true;
            }
        }
    }
    return false;
}
