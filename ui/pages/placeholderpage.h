#pragma once

#include <QWidget>

/// Stands in for a page that later work builds: says what the page will do and that it is not
/// built yet, so the navigation is honest about the product's state.
class PlaceholderPage final : public QWidget
{
    Q_OBJECT

public:
    PlaceholderPage(const QString& title, const QString& description, QWidget* parent = nullptr);
    ~PlaceholderPage() override;
    Q_DISABLE_COPY_MOVE(PlaceholderPage)
};
