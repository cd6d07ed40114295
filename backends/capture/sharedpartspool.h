#pragma once

#include "capturebatch.h"

#include <array>

/// Gives the records of a capture one shared resource and one shared scope per distinct content.
/// Each item of a capture is its own request, so a capture of one event per line (what the
/// upstream SDKs send) decodes to as many equal resources as events; with one object each, the
/// replay tags a resource, and the ClickHouse mapper derives its columns, once instead of per
/// record. Remembers the last few distinct ones (a capture comes from a few services).
class SharedPartsPool final
{
public:
    /// Points each record's resource and scope at the pool's equal one, remembering new ones.
    void share(CaptureBatch* batch);

private:
    static constexpr qsizetype remembered = 16;

    template<typename Part>
    struct Recent
    {
        std::array<std::shared_ptr<const Part>, remembered> known;
        qsizetype next = 0; ///< where the next new one goes, over the oldest
        qsizetype hit = 0; ///< the last one found, tried first
        /// The last record's own object and what it became: the records of one item share it.
        /// Held, so that its address cannot come back as another's.
        std::shared_ptr<const Part> lastIn;
        std::shared_ptr<const Part> lastOut;

        std::shared_ptr<const Part> shared(const std::shared_ptr<const Part>& part);
    };

    template<typename Record>
    void shareAll(QList<Record>& records);

    Recent<Resource> m_resources;
    Recent<InstrumentationScope> m_scopes;
};
