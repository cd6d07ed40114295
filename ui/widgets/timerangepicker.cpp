#include "timerangepicker.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>

namespace {
constexpr qint64 minute = 60 * 1000;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;
constexpr qint64 absolute = -1; ///< the preset that shows the two fields
} // namespace

TimeRangePicker::TimeRangePicker(QWidget* parent)
    : QWidget(parent)
    , m_presets(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
{
    const QList<QPair<QString, qint64>> presets { { tr("Last 5 minutes"), 5 * minute },
        { tr("Last 15 minutes"), 15 * minute }, { tr("Last 1 hour"), hour }, { tr("Last 6 hours"), 6 * hour },
        { tr("Last 24 hours"), day }, { tr("Last 7 days"), 7 * day }, { tr("Last 30 days"), 30 * day },
        { tr("Absolute range"), absolute } };
    for (const auto& [label, milliseconds] : presets)
        m_presets->addItem(label, milliseconds);
    m_presets->setAccessibleName(tr("Time range"));
    m_presets->setToolTip(tr("The time range for $__timeFilter, $__fromTime, $__toTime and $__interval"));
    for (QDateTimeEdit* edit : { m_from, m_to }) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        edit->setVisible(false);
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &TimeRangePicker::changed);
    }
    m_from->setAccessibleName(tr("From"));
    m_to->setAccessibleName(tr("To"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_presets);
    layout->addWidget(m_from);
    layout->addWidget(m_to);
    connect(m_presets, &QComboBox::activated, this, &TimeRangePicker::onPresetChosen);
    setRelative(6 * hour);
}

void TimeRangePicker::onPresetChosen(int index)
{
    const bool isAbsolute = m_presets->itemData(index).toLongLong() == absolute;
    if (isAbsolute && m_from->isHidden()) {
        // Start from the range that was chosen, which is what one usually wants to adjust.
        const QDateTime now = QDateTime::currentDateTime();
        m_to->setDateTime(now);
        m_from->setDateTime(now.addSecs(-6 * 3600));
    }
    m_from->setVisible(isAbsolute);
    m_to->setVisible(isAbsolute);
    Q_EMIT changed();
}

void TimeRangePicker::setRelative(qint64 milliseconds)
{
    int index = m_presets->findData(milliseconds);
    if (index < 0) {
        m_presets->insertItem(m_presets->count() - 1, tr("Last %1 minutes").arg(milliseconds / minute), milliseconds);
        index = m_presets->count() - 2;
    }
    m_presets->setCurrentIndex(index);
    onPresetChosen(index);
}

void TimeRangePicker::setAbsolute(const QDateTime& from, const QDateTime& to)
{
    m_presets->setCurrentIndex(m_presets->findData(absolute));
    onPresetChosen(m_presets->currentIndex());
    m_from->setDateTime(from);
    m_to->setDateTime(to);
}

bool TimeRangePicker::isRelative() const
{
    return m_presets->currentData().toLongLong() != absolute;
}

TimeRangePicker::Range TimeRangePicker::range() const
{
    if (!isRelative())
        return { m_from->dateTime().toMSecsSinceEpoch(), m_to->dateTime().toMSecsSinceEpoch() };
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    return { now - m_presets->currentData().toLongLong(), now };
}

QString TimeRangePicker::text() const
{
    return m_presets->currentText();
}
