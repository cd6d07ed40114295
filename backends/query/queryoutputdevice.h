#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QStringList>

#include <optional>

/// Where `automagik-workbench query` puts a result while it streams from ClickHouse: a
/// write-only device between the download and standard output that counts the rows going
/// through, stops exactly at a row limit, and turns the server's format into the one asked for.
/// CSV, TSV and JSON Lines are the server's own bytes (CSVWithNames, TabSeparatedWithNames,
/// JSONEachRow), so nothing is parsed on the way; JSON is JSONEachRow's rows in one array; a
/// table is laid out from TabSeparatedWithNamesAndTypes a block of rows at a time (widths from
/// the rows seen so far, numbers right-aligned), so memory stays flat for any result.
class QueryOutputDevice final : public QIODevice
{
    Q_OBJECT

public:
    enum class Format
    {
        Table,
        Csv,
        Tsv,
        Json,
        JsonLines,
    };

    /// "table", "csv", "tsv", "json", "jsonl"; none for anything else.
    static std::optional<Format> formatFromName(QStringView name);
    /// What the server is asked for.
    static QString clickHouseFormat(Format format);

    /// Writes to `out` (not owned). `maxRows` < 0: no limit.
    QueryOutputDevice(Format format, QIODevice* out, qint64 maxRows, QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(QueryOutputDevice)

    qint64 rows() const { return m_rows; }
    bool isLimitReached() const { return m_limitReached; }
    /// Writes what the format ends with (a table's last rows, JSON's closing bracket); call once,
    /// when the server's answer is complete or stopped at the limit. False when `out` failed.
    bool finish();

Q_SIGNALS:
    /// `maxRows` rows went out: whatever else arrives is dropped, the query may stop.
    void limitReached();

protected:
    qint64 writeData(const char* data, qint64 length) override;
    qint64 readData(char* data, qint64 maxLength) override;

private:
    /// Passes a chunk of a line format through, counting rows and cutting at the limit.
    bool passLines(const char* data, qint64 length);
    /// Collects whole lines of TabSeparatedWithNamesAndTypes and prints them as table rows.
    bool collectTable(const char* data, qint64 length);
    void addTableLine(QByteArrayView line);
    bool flushTable();
    bool put(QByteArrayView bytes);
    void reachLimit();

    static constexpr int tableBlockRows = 1000;

    Format m_format;
    QIODevice* m_out;
    qint64 m_maxRows;
    qint64 m_rows = 0;
    int m_headerLines; ///< lines before the first row still to come (names, types)
    bool m_lineStart = true; ///< the next byte begins a line
    bool m_inQuotes = false; ///< CSV: inside a quoted field
    bool m_limitReached = false;
    bool m_failed = false;
    QByteArray m_pending; ///< table: the start of a line whose end has not arrived
    QStringList m_columns;
    QList<bool> m_rightAligned;
    QList<qsizetype> m_widths;
    QList<QStringList> m_block; ///< table rows not printed yet
    bool m_headerPrinted = false;
};
