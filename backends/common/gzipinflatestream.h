#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

/// Inflates a gzip stream that arrives in pieces (a compressed HTTP answer read off the socket),
/// so a large result is never held compressed and whole. Concatenated members are accepted, as
/// Gzip::decompress accepts them; bytes after the end that are not another member are an error.
class GzipInflateStream final
{
public:
    GzipInflateStream();
    ~GzipInflateStream();
    Q_DISABLE_COPY_MOVE(GzipInflateStream)

    /// Inflates `input` and appends the result to `output`; false on corrupt data (error()).
    bool feed(QByteArrayView input, QByteArray* output);
    /// The compressed stream has ended: false when it stopped inside a member.
    bool finish();
    QString error() const { return m_error; }
    qint64 compressedBytes() const { return m_compressedBytes; }

private:
    struct State;
    std::unique_ptr<State> m_state;
    QString m_error;
    qint64 m_compressedBytes = 0;
    bool m_inMember = false; ///< a member has begun and not ended
};
