#include "httpbody.h"

#include "common/gzip.h"

using namespace Qt::StringLiterals;

HttpBody HttpBody::decode(const QByteArray& raw, QByteArrayView contentEncoding, qint64 maxBytes)
{
    HttpBody body;
    if (raw.size() > maxBytes) {
        body.status = 413;
        body.error = u"the body has %1 bytes, over the limit of %2"_s.arg(raw.size()).arg(maxBytes);
        return body;
    }
    const QByteArray encoding = contentEncoding.trimmed().toByteArray().toLower();
    if (encoding.isEmpty() || encoding == "identity") {
        body.data = raw;
        return body;
    }
    Gzip::Inflated inflated;
    if (encoding == "gzip" || encoding == "x-gzip")
        inflated = Gzip::decompress(raw, maxBytes);
    else if (encoding == "deflate")
        inflated = Gzip::decompressDeflate(raw, maxBytes);
    else {
        body.status = 415;
        body.error = u"Content-Encoding \"%1\" is not supported (use gzip, deflate or none)"_s.arg(
            QString::fromLatin1(encoding.left(40)));
        return body;
    }
    if (!inflated.ok()) {
        body.status = inflated.overLimit ? 413 : 400;
        body.error = inflated.error;
        return body;
    }
    body.data = std::move(inflated.data);
    return body;
}
