#pragma once

#include <QDialog>

/// Help > About: what the workbench is, its version, the Qt it runs on and, when known, the
/// version of the ClickHouse server it talks to.
class AboutDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(const QString& clickHouseVersion, QWidget* parent = nullptr);
    ~AboutDialog() override;
    Q_DISABLE_COPY_MOVE(AboutDialog)

    QString versionText() const;

private:
    QString m_versionText;
};
